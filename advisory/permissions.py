"""Who an actor is relative to an advisory object, and what the matrix lets them do there.

Every check asks one question: may an actor holding these *principals* perform this *action*?

- Principals say who an actor is relative to one object (`principals(actor, obj)`): the requester
  holding the request's tracking token, an expert on the request, a coordinator whose countries
  cover it, its owner, a lead coordinator, a superuser, the system; or, on the other side of the
  scope line, an expert or coordinator *not* on / *not* covering it, an editor, anybody else.
- `advisory.matrix.MATRIX` maps each action to the principals allowed; it imports no models.

Transitions declare their roles from the matrix and the workflow engine enforces them through the
roles hook this module provides (registered in `AdvisoryConfig.ready()`); selectors derive their
querysets from it (`request_scope`); services call `require`. A test walks every cell with real
users and objects.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from workflows.actors import Actor, as_actor

from .matrix import (
    ANONYMOUS,
    COORDINATOR,
    EDITOR,
    EXPERT,
    GLOBAL_ACTIONS,
    LEAD,
    MATRIX,
    OTHER_COORDINATOR,
    OTHER_EXPERT,
    OWNER,
    REQUESTER,
    SUPERUSER,
    SYSTEM,
    allowed,
    expand,
)
from .models import AdvisoryRequest, Assignment, Deliverable
from .roles import user_roles


def _request_of(obj):
    if isinstance(obj, AdvisoryRequest):
        return obj
    if isinstance(obj, Assignment | Deliverable):
        return obj.request
    raise TypeError(f"No advisory request behind {obj!r}")


def _expert_relation(expert_id, obj):
    if isinstance(obj, AdvisoryRequest):
        on_it = obj.assignments.filter(
            expert_id=expert_id, state__in=Assignment.EXPERT_VISIBLE_STATES
        ).exists()
    elif isinstance(obj, Assignment):
        on_it = obj.expert_id == expert_id
    elif isinstance(obj, Deliverable):
        on_it = obj.assignment.expert_id == expert_id
    else:
        raise TypeError(f"No advisory request behind {obj!r}")
    return EXPERT if on_it else OTHER_EXPERT


def principals(actor, obj=None):
    """Who `actor` (an Actor, a user, or None for an anonymous visitor) is relative to `obj`, expanded.

    With `obj=None` the answer is about global actions: any coordinator is COORDINATOR, any expert EXPERT.
    """
    if actor is None or (not isinstance(actor, Actor) and not getattr(actor, "is_authenticated", False)):
        return frozenset({ANONYMOUS})
    actor = as_actor(actor)
    if actor.is_system:
        return frozenset({SYSTEM})
    if actor.is_requester:
        bound = isinstance(obj, AdvisoryRequest) and actor.is_bound_to(obj)
        return frozenset({REQUESTER if bound else ANONYMOUS})

    roles = user_roles(actor.user)
    found = set()
    if roles.is_superuser:
        found.add(SUPERUSER)
    if roles.is_coordinator:
        if roles.is_lead:
            found.add(LEAD)
        if obj is None:
            found.add(COORDINATOR)
        else:
            request = _request_of(obj)
            found.add(COORDINATOR if roles.covers_country(request.country_id) else OTHER_COORDINATOR)
            if request.owner_id is not None and request.owner_id == roles.user_id:
                found.add(OWNER)
    if roles.expert_id is not None:
        found.add(EXPERT if obj is None else _expert_relation(roles.expert_id, obj))
    if not found and roles.is_editor:
        found.add(EDITOR)
    return expand(found or {ANONYMOUS})


def can(actor, action, obj=None):
    """Whether `actor` may perform `action` (on `obj`, unless the action is global)."""
    if action in GLOBAL_ACTIONS:
        obj = None
    return allowed(action, principals(actor, obj))


def require(actor, action, obj=None):
    """Raise PermissionDenied unless `can(actor, action, obj)`."""
    if not can(actor, action, obj):
        raise PermissionDenied(_("You are not allowed to %(action)s.") % {"action": MATRIX[action][0]})


def request_scope(user, action="request.view"):
    """A Q selecting the requests on which `user` may perform `action` (a Q matching none for nobody).

    Built from the matrix: each principal the user can hold contributes its scope when the matrix
    allows it the action. Requester access is by token, never through a queryset.
    """
    roles = user_roles(user)
    everything, nothing = Q(), Q(pk__in=[])
    if roles.is_superuser and allowed(action, {SUPERUSER}):
        return everything
    if roles.is_coordinator and roles.is_lead and allowed(action, {LEAD}):
        return everything
    scope = nothing
    if roles.is_coordinator:
        if allowed(action, {COORDINATOR}):
            scope |= Q(country_id__in=roles.country_ids)
        if allowed(action, {OWNER}):
            scope |= Q(owner_id=roles.user_id)
    if roles.expert_id is not None and allowed(action, {EXPERT}):
        on_it = Assignment.objects.filter(
            request=OuterRef("pk"), expert_id=roles.expert_id, state__in=Assignment.EXPERT_VISIBLE_STATES
        )
        scope |= Q(Exists(on_it))
    return scope
