"""The advisory permission matrix, written once as data and enforced from here.

Every check asks one question: may an actor holding these *principals* perform this *action*?

- Principals say who an actor is relative to one object (`principals(actor, obj)`): the requester
  holding the request's tracking token, an expert on the request, a coordinator whose countries
  cover it, its owner, a lead coordinator, a superuser, the system; or, on the other side of the
  scope line, an expert or coordinator *not* on / *not* covering it, an editor, anybody else.
- `MATRIX` maps each action to the principals allowed. A lead coordinator and a superuser hold
  the powers of an owner and a coordinator everywhere (`IMPLIES`).

Transitions declare their roles from the matrix (`who("request.screen")`) and the workflow engine
enforces them; selectors derive their querysets from it (`request_scope`); services call
`require`. A test walks every cell with real users and objects.

For assignment and deliverable actions, "expert" means the expert of *that* assignment
(or of the assignment the deliverable belongs to); another expert on the same request is
"other expert" there.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from workflows.actors import Actor, as_actor

from .roles import user_roles

# Principals, in the order of the rendered table's columns.
ANONYMOUS = "anonymous"
REQUESTER = "requester"
EDITOR = "editor"
EXPERT = "expert"
OTHER_EXPERT = "other_expert"
COORDINATOR = "coordinator"
OTHER_COORDINATOR = "other_coordinator"
OWNER = "owner"
LEAD = "lead"
SUPERUSER = "superuser"
SYSTEM = "system"

PRINCIPALS = {
    ANONYMOUS: _("anybody else (no role, no valid token)"),
    REQUESTER: _("requester (this request's token)"),
    EDITOR: _("editor, moderator or translator"),
    EXPERT: _("expert on this request"),
    OTHER_EXPERT: _("expert not on this request"),
    COORDINATOR: _("coordinator, country in scope"),
    OTHER_COORDINATOR: _("coordinator, country out of scope"),
    OWNER: _("owner (the coordinator who screened it)"),
    LEAD: _("lead coordinator"),
    SUPERUSER: _("superuser"),
    SYSTEM: _("system (scheduled work)"),
}

# A principal on the left holds every power of those on the right as well.
IMPLIES = {
    OWNER: frozenset({COORDINATOR}),
    LEAD: frozenset({COORDINATOR, OWNER}),
    SUPERUSER: frozenset({LEAD, COORDINATOR, OWNER}),
}

_R, _X, _C, _O, _Y = REQUESTER, EXPERT, COORDINATOR, OWNER, SYSTEM

# action: (label, principals allowed). The single source of truth; keep the groups in this order.
MATRIX = {
    # Seeing a request and what hangs off it.
    "request.view": (_("view the request"), {_R, _X, _C}),
    "request.view_contact": (_("view the requester's contact details"), {_R, _C}),
    "request.view_attachments": (_("view and download attachments"), {_R, _X, _C}),
    "request.view_history": (_("view the timeline"), {_R, _C}),
    "request.view_shared_messages": (_("read messages shared with the requester"), {_R, _X, _C}),
    "request.add_shared_message": (_("write a message shared with the requester"), {_R, _X, _C}),
    "request.view_internal_notes": (_("read internal notes"), {_C}),
    "request.add_internal_note": (_("write an internal note"), {_C}),
    "request.view_team": (_("view the team"), {_R, _X, _C}),
    "request.view_suggestions": (_("view expert suggestions"), {_C}),
    "request.invite_expert": (_("invite an expert"), {_C}),
    "request.view_deliverables": (_("view deliverables in every state"), {_X, _C}),
    "request.view_approved_deliverables": (_("view approved deliverables"), {_R, _X, _C}),
    "request.give_feedback": (_("give feedback"), {_R}),
    "request.view_feedback": (_("view the feedback"), {_R, _C}),
    "request.rotate_tracking_link": (_("replace the tracking link (the old one stops working)"), {_R, _C}),
    # Request transitions.
    "request.submit": (_("submit"), {_R}),
    "request.screen": (_("screen (take ownership)"), {_C}),
    "request.ask_info": (_("ask for information"), {_O}),
    "request.provide_info": (_("provide information"), {_R}),
    "request.accept": (_("accept"), {_O}),
    "request.decline": (_("decline"), {_O}),
    "request.propose_team": (_("propose the team"), {_O}),
    "request.approve_team": (_("approve the team"), {_R}),
    "request.object_team": (_("object to the team"), {_R}),
    "request.hold": (_("put on hold"), {_O}),
    "request.resume": (_("resume"), {_O}),
    "request.deliver": (_("mark as delivered"), {_O}),
    "request.close": (_("close"), {_O, _Y}),
    "request.withdraw": (_("withdraw"), {_R, _O}),
    # Assignments ("expert" is the assignment's own expert).
    "assignment.view": (_("view the assignment"), {_X, _C}),
    "assignment.accept": (_("accept the invitation"), {_X}),
    "assignment.decline": (_("decline the invitation"), {_X}),
    "assignment.expire": (_("let the invitation expire"), {_Y}),
    "assignment.withdraw": (_("withdraw the invitation"), {_C}),
    "assignment.complete": (_("complete the assignment"), {_C}),
    "assignment.release": (_("release the expert"), {_C}),
    "assignment.upload_deliverable": (_("upload a deliverable"), {_X}),
    # Deliverables ("expert" is the expert of the deliverable's assignment).
    "deliverable.submit": (_("submit the deliverable"), {_X}),
    "deliverable.approve": (_("approve the deliverable"), {_O}),
    "deliverable.request_changes": (_("return the deliverable for changes"), {_O}),
    # Not about one object: every coordinator has a queue, holding the requests of their own scope.
    "queue.view": (_("view the request queue (own scope)"), {_C, OTHER_COORDINATOR}),
    "queue.export": (_("export the request queue (own scope)"), {_C, OTHER_COORDINATOR}),
}

MATRIX = {action: (label, frozenset(allowed)) for action, (label, allowed) in MATRIX.items()}
GLOBAL_ACTIONS = frozenset(action for action in MATRIX if action.startswith("queue."))


def expand(principals):
    """`principals` with everything they imply."""
    result = set(principals)
    for principal in principals:
        result |= IMPLIES.get(principal, frozenset())
    return frozenset(result)


def allowed_principals(action):
    """The principals the matrix allows `action` (before implication)."""
    try:
        return MATRIX[action][1]
    except KeyError:
        raise KeyError(
            f"{action!r} is not an advisory action; add it to advisory.permissions.MATRIX"
        ) from None


def allowed(action, principals):
    """Whether holding `principals` (expanded here) allows `action`."""
    return bool(allowed_principals(action) & expand(principals))


def who(action):
    """Keyword arguments for `workflow_transition` stating who may perform `action`."""
    principals = allowed_principals(action)
    if principals == {SYSTEM}:
        return {"system": True}
    return {"roles": principals}


def _request_of(obj):
    from .models import AdvisoryRequest, Assignment, Deliverable

    if isinstance(obj, AdvisoryRequest):
        return obj
    if isinstance(obj, Assignment | Deliverable):
        return obj.request
    raise TypeError(f"No advisory request behind {obj!r}")


def _expert_relation(expert_id, obj):
    from .models import AdvisoryRequest, Assignment, Deliverable

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
        from .models import AdvisoryRequest

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
    from .models import Assignment

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


def rows(actions=None, columns=None):
    """The matrix as rows of (action, label, {principal: bool}) for rendering; implication applied."""
    columns = list(columns or PRINCIPALS)
    return [
        (action, label, {column: allowed(action, {column}) for column in columns})
        for action, (label, _allowed) in MATRIX.items()
        if actions is None or action in actions
    ]


def as_markdown():
    """The matrix as a Markdown table (docs/advisory.md embeds its output)."""
    columns = list(PRINCIPALS)
    header = "| action | " + " | ".join(columns) + " |"
    lines = [header, "| --- |" + " :-: |" * len(columns)]
    for action, _label, cells in rows(columns=columns):
        marks = " | ".join("✔" if cells[column] else "·" for column in columns)
        lines.append(f"| `{action}` | {marks} |")
    return "\n".join(lines)
