"""Who performs a transition: a signed-in user, the requester holding a tracking token, or the system."""

from dataclasses import dataclass
from typing import Any

from . import hooks

USER = "user"
REQUESTER = "requester"
SYSTEM = "system"


def _subject_of(obj):
    opts = obj._meta.concrete_model._meta
    return (opts.label_lower, str(obj.pk))


@dataclass(frozen=True)
class Actor:
    """One party acting on a workflow object; permission callables receive `(obj, actor)`."""

    kind: str
    label: str
    user: Any = None
    # The object a requester's token opens: the requester role holds on that object only.
    subject: tuple[str, str] | None = None

    @classmethod
    def for_user(cls, user):
        """A signed-in user; anonymous users are never actors."""
        if user is None or not getattr(user, "is_authenticated", False):
            raise ValueError("An anonymous user cannot act; use Actor.requester() for token holders.")
        full_name = (user.get_full_name() or "").strip() if hasattr(user, "get_full_name") else ""
        return cls(kind=USER, label=full_name or user.get_username(), user=user)

    @classmethod
    def requester(cls, obj, label=REQUESTER):
        """The holder of a valid tracking token for `obj`; the caller has checked the token."""
        if obj is None or obj.pk is None:
            raise ValueError("A requester acts on one saved object.")
        return cls(kind=REQUESTER, label=str(label), subject=_subject_of(obj))

    @classmethod
    def system(cls, label=SYSTEM):
        """Scheduled work (beat, Celery tasks): no person is behind it."""
        return cls(kind=SYSTEM, label=str(label))

    @property
    def role(self):
        return self.kind

    @property
    def is_user(self):
        return self.kind == USER

    @property
    def is_requester(self):
        return self.kind == REQUESTER

    @property
    def is_system(self):
        return self.kind == SYSTEM

    def is_bound_to(self, obj):
        """True when this requester's token was issued for `obj`."""
        return self.subject is not None and obj.pk is not None and self.subject == _subject_of(obj)

    def __str__(self):
        return self.label


def as_actor(value):
    """Accept an Actor or an authenticated user; anything else is a programming error."""
    if isinstance(value, Actor):
        return value
    if value is not None and hasattr(value, "is_authenticated"):
        return Actor.for_user(value)
    raise TypeError(f"Expected an Actor or a user, got {value!r}")


def roles_of(obj, actor):
    """The roles `actor` holds on `obj`: its own kind's role plus the object-scoped ones ("owner",
    "coordinator", ...) its process states through `workflows.hooks`.
    """
    roles = set()
    if actor.is_system:
        roles.add(SYSTEM)
    if actor.is_requester and actor.is_bound_to(obj):
        roles.add(REQUESTER)
    roles.update(hooks.roles_of(obj, actor))
    return frozenset(roles)
