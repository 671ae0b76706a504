"""What a requester sees of their request on the tracking page, and nothing more.

The timeline says what happened in the requester's words, never who did it or why internally;
messages are those shared with the requester; experts appear by name and role only once a team
is proposed.
"""

from django.utils.translation import gettext_lazy as _

from workflows.text import collation_key
from workflows.timeline import Timeline, TimelineEntry

from .. import permissions, selectors
from ..choices import AuthorKind
from ..forms import ApproveTeamForm, ObjectTeamForm, ProvideInfoForm, WithdrawForm
from ..models import AdvisoryRequest, Assignment
from ..services import FEEDBACK_ACTION, REQUESTER_MESSAGE_STATES

S = AdvisoryRequest.State

STATE_EXPLANATIONS = {
    S.SUBMITTED: _(
        "We have received your request. The secretariat will look at it shortly and may come back "
        "to you with questions."
    ),
    S.SCREENING: _(
        "The secretariat is reviewing your request: whether the network can help, and with which "
        "expertise. We may ask you for more information."
    ),
    S.AWAITING_INFO: _(
        "We need more information from you before we can go on. Please answer the question below."
    ),
    S.ACCEPTED: _(
        "Your request has been accepted. We are putting together a team of experts "
        "and will propose it to you."
    ),
    S.DECLINED: _("We are sorry: the network cannot take on this request."),
    S.TEAM_PROPOSED: _(
        "We propose the team of experts below. Please agree to it so the work can start, "
        "or tell us what concerns you."
    ),
    S.IN_PROGRESS: _("The engagement is under way. The team will be in touch with you directly."),
    S.ON_HOLD: _("The engagement is paused for the moment. We will let you know when it resumes."),
    S.DELIVERED: _(
        "The engagement is complete. You can download the results below, and we would value your feedback."
    ),
    S.CLOSED: _("This request is closed. Thank you for working with the network."),
    S.WITHDRAWN: _("This request was withdrawn. Nothing more will happen with it."),
}

# The requester's next step in each state: what they do, or what they wait for and how they hear of it.
NEXT_STEPS = {
    S.SUBMITTED: _(
        "The secretariat starts reviewing your request within a few working days. You need not do "
        "anything meanwhile: we tell you by e-mail when something changes."
    ),
    S.SCREENING: _(
        "The secretariat decides whether the network can take on your request, or asks you a question "
        "first. We tell you by e-mail."
    ),
    S.AWAITING_INFO: _("Answer the question below. Your request goes on as soon as we have your answer."),
    S.ACCEPTED: _(
        "We invite experts of the network and propose a team to you. You will then be asked to agree to it."
    ),
    S.TEAM_PROPOSED: _(
        "Agree to the team below, or tell us what concerns you. The work starts as soon as you agree."
    ),
    S.IN_PROGRESS: _(
        "The team works with you. The results appear on this tracking page once the secretariat has "
        "approved them."
    ),
    S.ON_HOLD: _("Nothing is needed from you. We tell you by e-mail when the engagement resumes."),
    S.DELIVERED: _(
        "Download the results below and tell us how the engagement went. The request is then closed."
    ),
    S.DECLINED: _("If you need advice again, you are welcome to send a new request."),
    S.CLOSED: _("If you need advice again, you are welcome to send a new request."),
    S.WITHDRAWN: _("If you need advice again, you are welcome to send a new request."),
}

# What each step of the process means for the requester; steps not listed here are not shown.
REQUESTER_TIMELINE = Timeline(
    transitions={
        "submit": _("Request submitted"),
        "screen": _("The secretariat started reviewing the request"),
        "ask_info": _("The secretariat asked for more information"),
        "provide_info": _("You sent the information asked for"),
        "accept": _("Request accepted"),
        "decline": _("Request declined"),
        "propose_team": _("A team of experts was proposed"),
        "approve_team": _("You agreed to the team: the engagement started"),
        "object_team": _("You raised concerns about the proposed team"),
        "hold": _("Engagement put on hold"),
        "resume": _("Engagement resumed"),
        "deliver": _("Engagement delivered"),
        "close": _("Request closed"),
        "withdraw": _("Request withdrawn"),
    },
    actions={FEEDBACK_ACTION: _("You gave your feedback")},
)

# States in which the requester sees the team: once it is proposed to them.
TEAM_VISIBLE_STATES = (S.TEAM_PROPOSED, S.IN_PROGRESS, S.ON_HOLD, S.DELIVERED, S.CLOSED)
TEAM_MEMBER_STATES = (Assignment.State.ACCEPTED, Assignment.State.COMPLETED)

# The requester's transitions, in the order the page offers them (feedback, not a transition, last).
REQUESTER_TRANSITIONS = tuple(
    form.action for form in (ProvideInfoForm, ApproveTeamForm, ObjectTeamForm, WithdrawForm)
)


def timeline(actor, advisory_request) -> list[TimelineEntry]:
    """The steps of the request as the requester may read them, oldest first."""
    return REQUESTER_TIMELINE.entries(selectors.history(actor, advisory_request))


def team(actor, advisory_request):
    """[(name, role label)] of the experts on the team, once it has been proposed; else []."""
    if advisory_request.state not in TEAM_VISIBLE_STATES:
        return []
    members = selectors.team_of(actor, advisory_request).filter(state__in=TEAM_MEMBER_STATES)
    return [(member.expert.name, member.get_role_display()) for member in members.order_by("role", "pk")]


def thread(actor, advisory_request):
    """The messages shared with the requester, oldest first, each with its documents."""
    return list(selectors.messages_visible_to(actor, advisory_request).prefetch_related("attachments"))


def open_question(messages, advisory_request):
    """The secretariat's latest message while it waits for the requester's answer."""
    if advisory_request.state != S.AWAITING_INFO:
        return None
    asked = [message for message in messages if message.author_kind != AuthorKind.REQUESTER]
    return asked[-1] if asked else None


def submitted_documents(actor, advisory_request):
    """The documents sent with the request itself (those of messages are listed with their message)."""
    return selectors.attachments_visible_to(actor, advisory_request).filter(message__isnull=True)


def may_give_feedback(actor, advisory_request):
    return (
        advisory_request.state in (S.DELIVERED, S.CLOSED)
        and advisory_request.feedback_score is None
        and permissions.can(actor, "request.give_feedback", advisory_request)
    )


def may_write(actor, advisory_request):
    """The requester may write to the secretariat while the request runs or is delivered.

    Not while a question waits for their answer: the answer form is the one to use then.
    """
    return (
        advisory_request.state in REQUESTER_MESSAGE_STATES
        and advisory_request.state != S.AWAITING_INFO
        and permissions.can(actor, "request.add_shared_message", advisory_request)
    )


def area_names(advisory_request):
    """The request's expertise areas in the active language (English where a translation is missing)."""
    names = advisory_request.expertise_areas.localised().values_list("localised_name", flat=True)
    return sorted(names, key=collation_key)
