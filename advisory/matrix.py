"""The advisory permission matrix as data: principals, actions and who may perform each.

It imports no models, so the models can declare their transitions from it (`who("request.screen")`)
while `advisory.permissions`, which works out the principals an actor holds on an object by querying
the models, sits above them. A lead coordinator and a superuser hold the powers of an owner and a
coordinator everywhere (`IMPLIES`).

For assignment and deliverable actions, "expert" means the expert of *that* assignment
(or of the assignment the deliverable belongs to); another expert on the same request is
"other expert" there.
"""

from django.utils.translation import gettext_lazy as _

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
        raise KeyError(f"{action!r} is not an advisory action; add it to advisory.matrix.MATRIX") from None


def allowed(action, principals):
    """Whether holding `principals` (expanded here) allows `action`."""
    return bool(allowed_principals(action) & expand(principals))


def who(action):
    """Keyword arguments for `workflow_transition` stating who may perform `action`."""
    principals = allowed_principals(action)
    if principals == {SYSTEM}:
        return {"system": True}
    return {"roles": principals}


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
