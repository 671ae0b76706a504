"""The one way to change the state of a workflow object.

`perform` checks, runs, saves, audits and queues notifications in one database transaction.
"""

from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import router, transaction
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, ConcurrentTransitionMixin, can_proceed
from django_fsm import TransitionNotAllowed as FSMTransitionNotAllowed

from . import audit, hooks, outbox
from .actors import Actor, as_actor
from .exceptions import StaleTransition, TransitionForbidden, TransitionInputError, TransitionUnavailable
from .transitions import TransitionMeta, _performing, transition_meta


class UserLike(Protocol):
    """A Django user (signed in or anonymous): what `as_actor` turns into an Actor."""

    is_authenticated: bool


# Who may be named as the actor of a transition or a service: an Actor, or a user.
ActorLike = Actor | UserLike


@dataclass
class Performed:
    """What `perform` did: handed to the process's notifications hook and returned to the caller."""

    obj: Any
    transition: TransitionMeta
    source: Any
    target: Any
    actor: Actor
    comment: str = ""
    data: dict = field(default_factory=dict)
    result: Any = None
    log_entry: Any = None
    messages: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.transition.name


def _verbose_name(obj):
    return str(obj._meta.verbose_name)


def _is_anonymous(actor):
    if actor is None:
        return True
    return not isinstance(actor, Actor) and getattr(actor, "is_authenticated", True) is False


def _lock(obj, using):
    """A fresh copy of the row, locked until the transaction ends where the database can lock rows."""
    queryset = type(obj)._base_manager.db_manager(using)
    if transaction.get_connection(using).features.has_select_for_update:
        queryset = queryset.select_for_update()
    return queryset.get(pk=obj.pk)


def _is_blank(value):
    return value is None or (isinstance(value, str | list | tuple | dict | set) and not value)


def _check_input(meta, comment, data):
    errors = {}
    if meta.requires_comment and not comment:
        errors["comment"] = [_("A comment is required for “%(transition)s”.") % {"transition": meta.label}]
    for name in meta.fields:
        if _is_blank(data.get(name)):
            errors[name] = [_("This field is required.")]
    if errors:
        raise TransitionInputError(errors)


def _check_available(obj, meta, current):
    values = {
        "transition": meta.label,
        "object": _verbose_name(obj),
        "state": audit.state_label(type(obj), meta.field_name, current),
    }
    if not can_proceed(getattr(obj, meta.name), check_conditions=False):
        raise TransitionUnavailable(
            _("“%(transition)s” is not possible while this %(object)s is “%(state)s”.") % values
        )
    failing = meta.failing_conditions(obj)
    if failing:
        reasons = [str(getattr(condition, "message", "")) for condition in failing]
        reasons = [reason for reason in reasons if reason]
        message = _("“%(transition)s” is not possible yet.") % values
        raise TransitionUnavailable(" ".join([message, *reasons]), reasons=reasons)


def _adopt(obj, fresh):
    """Make the caller's instance show what was just saved (the fresh copy did the work)."""
    if obj.__class__ is not fresh.__class__:
        obj.__class__ = fresh.__class__  # django_fsm state proxies swap classes
    for model_field in fresh._meta.concrete_fields:
        # Straight into __dict__: a protected FSMField refuses attribute assignment.
        obj.__dict__[model_field.attname] = fresh.__dict__[model_field.attname]
    obj._state.fields_cache = dict(fresh._state.fields_cache)
    obj.__dict__.pop("_prefetched_objects_cache", None)
    obj._state.adding = False
    obj._state.db = fresh._state.db
    obj._update_initial_state()


def perform(
    obj: ConcurrentTransitionMixin,
    transition_name: str,
    actor: ActorLike | None,
    *,
    comment: str = "",
    data: dict[str, Any] | None = None,
    expected_state: str | None = None,
) -> Performed:
    """Perform transition `transition_name` on `obj` as `actor`, or raise and change nothing.

    `expected_state` is the state the caller showed its user (default: `obj`'s state in memory);
    if the row holds another state now, StaleTransition. Raises TransitionForbidden (the actor may
    not, or is None or an anonymous user), TransitionUnavailable (state or guard refuses),
    TransitionInputError (comment or field missing). On success the row is saved, one audit entry
    written, the process's notifications (`workflows.hooks`) stored in the outbox and dispatched after
    commit; `obj` is updated in place and a `Performed` record returned.
    """
    model = type(obj)
    meta = transition_meta(model, transition_name)
    if _is_anonymous(actor):
        # Nobody in particular (a visitor without a token): refused like any actor without the role.
        raise TransitionForbidden(
            _("You are not allowed to perform “%(transition)s” on this %(object)s.")
            % {"transition": meta.label, "object": _verbose_name(obj)}
        )
    actor = as_actor(actor)
    if not isinstance(obj, ConcurrentTransitionMixin):
        raise ImproperlyConfigured(f"{model.__name__} must inherit django_fsm.ConcurrentTransitionMixin.")
    if obj.pk is None:
        raise ValueError("Save the object before performing a transition on it.")
    field_name = meta.field_name
    if expected_state is None:
        expected_state = getattr(obj, field_name)
    comment = (comment or "").strip()
    data = dict(data or {})
    using = router.db_for_write(model, instance=obj)

    with transaction.atomic(using=using):
        fresh = _lock(obj, using)
        current = getattr(fresh, field_name)
        if str(current) != str(expected_state):
            raise StaleTransition(
                _(
                    "This %(object)s has changed since you loaded it: it is now “%(current)s”, "
                    "not “%(expected)s”. Reload it and try again."
                )
                % {
                    "object": _verbose_name(fresh),
                    "current": audit.state_label(model, field_name, current),
                    "expected": audit.state_label(model, field_name, expected_state),
                },
                expected=expected_state,
                current=current,
            )
        if not meta.is_permitted(fresh, actor):
            raise TransitionForbidden(
                _("You are not allowed to perform “%(transition)s” on this %(object)s.")
                % {"transition": meta.label, "object": _verbose_name(fresh)}
            )
        _check_available(fresh, meta, current)
        _check_input(meta, comment, data)

        token = _performing.set((id(fresh), meta.name))
        try:
            result = getattr(fresh, meta.name)(**meta.call_kwargs(actor=actor, comment=comment, data=data))
        except FSMTransitionNotAllowed as exc:
            if isinstance(exc, TransitionUnavailable):
                raise
            raise TransitionUnavailable(
                _("“%(transition)s” is not possible right now.") % {"transition": meta.label}
            ) from exc
        finally:
            _performing.reset(token)

        try:
            fresh.save()
        except ConcurrentTransition as exc:
            raise StaleTransition(
                _("This %(object)s was changed by someone else at the same time. Reload it and try again.")
                % {"object": _verbose_name(fresh)},
                expected=expected_state,
            ) from exc

        performed = Performed(
            obj=fresh,
            transition=meta,
            source=current,
            target=getattr(fresh, field_name),
            actor=actor,
            comment=comment,
            data=data,
            result=result,
        )
        performed.log_entry = audit.record(performed)
        performed.messages = outbox.enqueue_and_dispatch(
            fresh,
            outbox.event_name(fresh, meta.name),
            hooks.notifications_of(fresh, performed),
            occurrence=f"log:{performed.log_entry.pk}",
            using=using,
        )

    _adopt(obj, fresh)
    performed.obj = obj
    return performed
