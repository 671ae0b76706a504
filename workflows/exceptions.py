"""Errors the engine raises on purpose; each carries a message fit to show the person who asked."""

from django.core.exceptions import PermissionDenied, ValidationError
from django_fsm import ConcurrentTransition
from django_fsm import TransitionNotAllowed as FSMTransitionNotAllowed


class WorkflowError(Exception):
    """Base of the refusals of `perform`; `str(error)` is the translated message."""


class UnknownTransition(WorkflowError, LookupError):
    """The model declares no workflow transition of that name."""


class TransitionForbidden(WorkflowError, PermissionDenied):
    """The actor may not perform this transition on this object (a 403)."""


class TransitionUnavailable(WorkflowError, FSMTransitionNotAllowed):
    """The object's state or a guard refuses the transition right now (a 409)."""

    def __init__(self, message, *, reasons=()):
        super().__init__(message)
        self.reasons = list(reasons)


class StaleTransition(WorkflowError, ConcurrentTransition):
    """The object changed since the caller loaded it; nothing was written (a 409)."""

    def __init__(self, message, *, expected=None, current=None):
        super().__init__(message)
        self.expected = expected
        self.current = current


class TransitionInputError(WorkflowError, ValidationError):
    """A required comment or form field is missing; `message_dict` maps field names to errors."""

    def __init__(self, errors):
        ValidationError.__init__(self, errors)

    def __str__(self):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in self.message_dict.items())


class DirectTransitionCall(RuntimeError):
    """A transition method was called directly instead of through `workflows.engine.perform`."""
