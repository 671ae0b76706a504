"""What comes next on a request, said in one sentence, with the action that does it offered first.

Two things are known elsewhere and only read here: which transitions the viewer may perform now (the
state machine, its guards and the permission matrix, through `workflows.available`), and what the
viewer may do besides (`permissions.can`). This module adds only what neither knows: for each state,
the transition that moves the request forward and the words for it, said to whoever may perform it
("act") and to everyone else ("wait"). Whether a viewer acts or waits is never written here.

When the forward transition is the viewer's but a guard still holds it back, the sentence names what
is missing first: a lead expert to invite, an answer to wait for, a deliverable to review.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from workflows.available import available_transitions
from workflows.transitions import transition_meta

from .. import conf, permissions
from ..choices import AssignmentRole
from ..models import AdvisoryRequest, Assignment, Deliverable
from ..templatetags.advisory_admin import short_datetime_zoned

S = AdvisoryRequest.State
A = Assignment.State
D = Deliverable.State


@dataclass(frozen=True)
class Words:
    """The forward transition of a state and its sentences (%-format strings; see `_values`)."""

    forward: str | None
    act: str = ""
    wait: str = ""


# The coordinators' side: one row per state of the request.
REQUEST_STEPS = {
    S.SUBMITTED: Words(
        "screen",
        act=_("Start screening this request: you become its owner and decide on it."),
        wait=_("A coordinator of the country starts screening it."),
    ),
    S.SCREENING: Words(
        "accept",
        act=_("Decide on the request: accept it, ask the requester for information, or decline it."),
        wait=_("%(owner)s is screening the request and decides on it."),
    ),
    S.AWAITING_INFO: Words(
        "provide_info",
        wait=_("Wait for the requester's answer to the question; the SLA clock waits too."),
    ),
    S.ACCEPTED: Words(
        "propose_team",
        act=_("Propose the team to the requester: the lead expert has accepted."),
        wait=_("%(owner)s puts the team together and proposes it to the requester."),
    ),
    S.TEAM_PROPOSED: Words(
        "approve_team",
        wait=_("Wait for the requester's agreement to the team."),
    ),
    S.IN_PROGRESS: Words(
        "deliver",
        act=_("Mark the request as delivered: the requester sees the approved deliverables."),
        wait=_("%(owner)s marks the request as delivered once the deliverables are approved."),
    ),
    S.ON_HOLD: Words(
        "resume",
        act=_("Resume the engagement once the reason for the hold is resolved."),
        wait=_("The engagement is on hold until %(owner)s resumes it."),
    ),
    S.DELIVERED: Words(
        "close",
        act=_(
            "Close the request once the requester has given feedback; "
            "it closes itself %(auto_close_days)s days after delivery."
        ),
        wait=_(
            "Wait for the requester's feedback; the request closes %(auto_close_days)s days after delivery."
        ),
    ),
    S.DECLINED: Words(None, wait=_("The request was declined: nothing more to do.")),
    S.CLOSED: Words(None, wait=_("The request is closed: nothing more to do.")),
    S.WITHDRAWN: Words(None, wait=_("The request was withdrawn: nothing more to do.")),
}

# What a guard of the forward transition waits for, for a viewer who may otherwise perform it.
INVITE_LEAD = _("Invite a lead expert from the suggestions below.")
WAIT_FOR_LEAD = _("Wait for %(expert)s to answer the invitation as lead expert; the answer is due %(due)s.")
REVIEW_DELIVERABLE = _("Review the deliverable “%(title)s”: approve it or return it for changes.")
WAIT_FOR_DELIVERABLES = _("Wait for the experts' deliverables, then review them.")

# The expert's side: their invitation, then their part of the engagement.
INVITATION_STEP = Words(
    "accept",
    act=_(
        "Accept or decline the invitation by %(due)s. "
        "Accepting, you declare that you have no conflict of interest."
    ),
    wait=_("The invitation can no longer be answered."),
)
EXPERT_WAITS = {
    S.ACCEPTED: _("Wait for the coordinator to propose the team to the requester."),
    S.TEAM_PROPOSED: _("Wait for the requester's agreement to the team; the engagement starts then."),
    S.ON_HOLD: _("The engagement is on hold: wait for the coordinator to resume it."),
    S.DELIVERED: _("The engagement is delivered: nothing more to do."),
    S.CLOSED: _("The engagement is closed: nothing more to do."),
}
UPLOAD_DELIVERABLE = _("Upload your deliverable: the coordinator reviews it before the requester sees it.")
RESUBMIT_DELIVERABLE = _("Revise the deliverable “%(title)s” as the coordinator asked and submit it again.")
WAIT_FOR_REVIEW = _("Wait for the coordinator's review of “%(title)s”.")
APPROVED_DELIVERABLE = _("Your deliverable is approved; upload another if the engagement calls for it.")
PART_COMPLETED = _("Your part is completed: nothing more to do.")
ENDED = _("The engagement has ended: nothing more to do.")

# Actions that are not transitions: links to the part of the page that does them.
INVITE = "invite"
REVIEW = "review"
UPLOAD = "upload"
LINK_LABELS = {
    INVITE: _("Invite a lead expert"),
    REVIEW: _("Review the deliverable"),
    UPLOAD: _("Upload a deliverable"),
}


@dataclass(frozen=True)
class NextStep:
    """The sentence, and the action offered first: a transition of `kind` ("advisoryrequest",
    "assignment", "deliverable") by name, or a link (`INVITE`, `REVIEW`, `UPLOAD`); none when the
    viewer has nothing to do."""

    text: str
    transition: str | None = None
    kind: str = ""
    target_pk: int | None = None
    link: str | None = None

    @property
    def link_label(self):
        return LINK_LABELS.get(self.link, "")


def _person(user):
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _values(request, **more):
    values = {
        "owner": _person(request.owner) or _("The owner"),
        "auto_close_days": conf.get("ADVISORY_AUTO_CLOSE_DAYS"),
    }
    due = more.pop("due", None)
    if due is not None:
        values["due"] = short_datetime_zoned(due)
    values.update(more)
    return values


def _say(sentence, values):
    return str(sentence) % values


def _names(obj, actor):
    return [meta.name for meta in available_transitions(obj, actor)]


def for_staff(request, actor, *, assignments, deliverables):
    """The next step on `request` for a coordinator, a lead or the owner looking at it.

    `assignments` and `deliverables` are those the view shows (already loaded).
    """
    words = REQUEST_STEPS[request.state]
    if words.forward is None:
        return NextStep(_say(words.wait, _values(request)))
    available = _names(request, actor)
    if words.forward in available:
        return NextStep(_say(words.act, _values(request)), transition=words.forward, kind="advisoryrequest")
    may_forward = _permitted(request, words.forward, actor)
    has_lead = any(a.role == AssignmentRole.LEAD and a.state == A.ACCEPTED for a in assignments)
    if (
        request.state == S.ACCEPTED
        and not has_lead
        and permissions.can(actor, "request.invite_expert", request)
    ):
        waiting = [a for a in assignments if a.role == AssignmentRole.LEAD and a.state == A.INVITED]
        if waiting:
            lead = waiting[0]
            return NextStep(
                _say(WAIT_FOR_LEAD, _values(request, expert=lead.expert.name, due=lead.response_due_at))
            )
        return NextStep(_say(INVITE_LEAD, _values(request)), link=INVITE)
    if request.state == S.IN_PROGRESS and may_forward:
        for deliverable in deliverables:
            if deliverable.state == D.SUBMITTED and "approve" in _names(deliverable, actor):
                return NextStep(
                    _say(REVIEW_DELIVERABLE, _values(request, title=deliverable.title)),
                    link=REVIEW,
                    target_pk=deliverable.pk,
                )
        return NextStep(_say(WAIT_FOR_DELIVERABLES, _values(request)))
    return NextStep(_say(words.wait, _values(request)))


def _permitted(obj, name, actor):
    """Whether the matrix lets `actor` perform transition `name` on `obj`, whatever its guards say."""
    return transition_meta(obj, name).is_permitted(obj, actor)


def for_expert(assignment, actor, *, own_deliverables, can_upload):
    """The next step for the expert of `assignment` (their invitation, then their part)."""
    request = assignment.request
    if assignment.state == A.INVITED:
        if INVITATION_STEP.forward in _names(assignment, actor):
            return NextStep(
                _say(INVITATION_STEP.act, _values(request, due=assignment.response_due_at)),
                transition=INVITATION_STEP.forward,
                kind="assignment",
                target_pk=assignment.pk,
            )
        return NextStep(_say(INVITATION_STEP.wait, _values(request)))
    if assignment.state == A.COMPLETED:
        return NextStep(_say(PART_COMPLETED, _values(request)))
    if assignment.state != A.ACCEPTED or request.state not in (*EXPERT_WAITS, S.IN_PROGRESS):
        return NextStep(_say(ENDED, _values(request)))
    if request.state != S.IN_PROGRESS:
        return NextStep(_say(EXPERT_WAITS[request.state], _values(request)))
    for deliverable in own_deliverables:
        if deliverable.state in (D.RETURNED, D.DRAFT) and "submit" in _names(deliverable, actor):
            return NextStep(
                _say(RESUBMIT_DELIVERABLE, _values(request, title=deliverable.title)),
                transition="submit",
                kind="deliverable",
                target_pk=deliverable.pk,
            )
    for deliverable in own_deliverables:
        if deliverable.state == D.SUBMITTED:
            return NextStep(_say(WAIT_FOR_REVIEW, _values(request, title=deliverable.title)))
    if any(deliverable.state == D.APPROVED for deliverable in own_deliverables):
        return NextStep(_say(APPROVED_DELIVERABLE, _values(request)), link=UPLOAD if can_upload else None)
    return NextStep(_say(UPLOAD_DELIVERABLE, _values(request)), link=UPLOAD if can_upload else None)


def link_url(step, upload_url=""):
    """Where the next step's link goes: the suggestions, the deliverable to review, the upload form."""
    if step.link == INVITE:
        return "#suggestions"
    if step.link == REVIEW:
        return f"#deliverable-{step.target_pk}"
    if step.link == UPLOAD:
        return upload_url
    return ""


def arrange(step, actions):
    """`actions` (transition_actions of one object) with the next step's first, as the primary button;
    the others secondary (ending ones in red). Returns the list in that order."""
    first = [a for a in actions if step.transition and a["name"] == step.transition and _same_object(step, a)]
    rest = [a for a in actions if a not in first]
    for action in first:
        action["button_class"] = "button"
    for action in rest:
        action["button_class"] = "button button-secondary" + (" no" if action["ending"] else "")
    return first + rest


def _same_object(step, action):
    return action["kind"] == step.kind and (step.target_pk is None or action["pk"] == step.target_pk)
