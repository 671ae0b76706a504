"""Declare a transition once, next to its method: states, label, who may, what it asks for, guards."""

import contextvars
import functools
import inspect
import itertools
from dataclasses import dataclass, field

from django.db.models import Field
from django_fsm import transition as fsm_transition

from . import hooks
from .actors import Actor, roles_of
from .exceptions import DirectTransitionCall, UnknownTransition

_declaration_order = itertools.count()

# Set by the engine around the one call it makes; a transition method refuses any other caller.
_performing = contextvars.ContextVar("workflows_performing", default=None)

_CALL_ARGUMENTS = ("actor", "comment", "data")


def guard(message):
    """Give a guard (a callable `obj -> bool`) the message shown when it refuses."""

    def decorate(condition):
        condition.message = message
        return condition

    return decorate


@dataclass(frozen=True, eq=False)
class TransitionMeta:
    """What the engine, the audit trail and admin buttons need to know about one transition."""

    name: str
    field: object
    sources: tuple
    target: object
    label: object
    roles: frozenset = frozenset()
    permission: object = None
    requires_comment: bool = False
    fields: tuple = ()
    conditions: tuple = ()
    system: bool = False
    order: int = 0
    call_arguments: tuple = field(default=(), repr=False)

    @property
    def field_name(self):
        return self.field.name if isinstance(self.field, Field) else self.field

    def is_permitted(self, obj, actor):
        """Whether `actor` may perform this transition on `obj`, whatever the object's state."""
        if not isinstance(actor, Actor):
            # django_fsm's has_transition_perm passes whatever it is given, typically request.user.
            if not getattr(actor, "is_authenticated", False):
                return False
            actor = Actor.for_user(actor)
        if self.system:
            return actor.is_system
        if self.roles and not self.roles & roles_of(obj, actor):
            return False
        return self.permission is None or bool(self.permission(obj, actor))

    def all_conditions(self, obj):
        """The model's guards in declaration order, then those its process registered (`workflows.hooks`)."""
        return (*self.conditions, *hooks.guards_of(obj, self.name))

    def failing_conditions(self, obj):
        """The guards that refuse right now."""
        return [condition for condition in self.all_conditions(obj) if not condition(obj)]

    def call_kwargs(self, **available):
        return {name: available[name] for name in self.call_arguments}


def workflow_transition(
    *,
    field,
    source,
    target,
    label,
    roles=(),
    permission=None,
    requires_comment=False,
    fields=(),
    conditions=(),
    system=False,
):
    """Mark a model method as a transition run only by `workflows.engine.perform`.

    Wraps django_fsm's `transition`, handing it `permission` (so `has_transition_perm` reports it)
    and `conditions` (the guards). Who may act is stated explicitly: `roles` (any one suffices),
    a `permission(obj, actor) -> bool` callable (both must pass when both are given), or
    `system=True` for transitions only scheduled work performs. The method may accept any of the
    keyword arguments `actor`, `comment` and `data`; it changes the object (and other rows) only.
    """
    roles = frozenset(roles)
    if system and (roles or permission is not None):
        raise TypeError("A system transition is performed by the system only; drop roles and permission.")
    if not (system or roles or permission is not None):
        raise TypeError("Say who may perform the transition: roles=, permission= or system=True.")
    if isinstance(fields, str):
        raise TypeError("fields is a list of field names.")
    sources = tuple(source) if isinstance(source, list | tuple | set | frozenset) else (source,)

    def decorate(func):
        if hasattr(func, "_django_fsm") or hasattr(func, "workflow_transition"):
            raise TypeError(f"{func.__qualname__} is already a transition; declare it once.")
        parameters = inspect.signature(func).parameters
        takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())
        meta = TransitionMeta(
            name=func.__name__,
            field=field,
            sources=sources,
            target=target,
            label=label,
            roles=roles,
            permission=permission,
            requires_comment=requires_comment,
            fields=tuple(fields),
            conditions=tuple(conditions),
            system=system,
            order=next(_declaration_order),
            call_arguments=tuple(name for name in _CALL_ARGUMENTS if takes_any or name in parameters),
        )
        fsm_method = fsm_transition(
            field=field,
            source=list(sources),
            target=target,
            conditions=list(conditions),
            permission=meta.is_permitted,
            custom={"label": label, "workflow": meta},
        )(func)

        @functools.wraps(fsm_method)
        def only_through_the_engine(instance, *args, **kwargs):
            if _performing.get() != (id(instance), meta.name):
                raise DirectTransitionCall(
                    f"Call workflows.engine.perform(obj, {meta.name!r}, actor) instead of "
                    f"{type(instance).__name__}.{meta.name}()."
                )
            return fsm_method(instance, *args, **kwargs)

        only_through_the_engine.workflow_transition = meta
        return only_through_the_engine

    return decorate


def _model_of(model_or_obj):
    return model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)


@functools.cache
def _transitions_of(model):
    found = {}
    for klass in reversed(model.__mro__):
        for name, attr in vars(klass).items():
            meta = getattr(attr, "workflow_transition", None)
            if isinstance(meta, TransitionMeta):
                found[name] = meta
            else:
                found.pop(name, None)
    return tuple(sorted(found.values(), key=lambda meta: meta.order))


def all_transitions(model_or_obj):
    """Every workflow transition the model declares, in declaration order."""
    return list(_transitions_of(_model_of(model_or_obj)))


def transition_meta(model_or_obj, name):
    """The metadata of transition `name`; raises UnknownTransition when the model has none."""
    for meta in _transitions_of(_model_of(model_or_obj)):
        if meta.name == name:
            return meta
    raise UnknownTransition(f"{_model_of(model_or_obj).__name__} has no workflow transition {name!r}")
