"""Business processes on django-fsm-2: perform a transition, audit it, notify, keep deadlines.

The names below are importable from `workflows` directly; they load on first use, so importing
the package while Django starts stays safe.
"""

import importlib

_EXPORTS = {
    "perform": "workflows.engine",
    "Performed": "workflows.engine",
    "available_transitions": "workflows.available",
    "all_transitions": "workflows.transitions",
    "transition_meta": "workflows.transitions",
    "workflow_transition": "workflows.transitions",
    "guard": "workflows.transitions",
    "Actor": "workflows.actors",
    "Notification": "workflows.outbox",
    "WorkflowError": "workflows.exceptions",
    "UnknownTransition": "workflows.exceptions",
    "TransitionForbidden": "workflows.exceptions",
    "TransitionUnavailable": "workflows.exceptions",
    "StaleTransition": "workflows.exceptions",
    "TransitionInputError": "workflows.exceptions",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
