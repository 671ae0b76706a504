from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows import staffing
from workflows.actors import Actor
from workflows.business_days import add_business_days
from workflows.exceptions import TransitionInputError
from workflows.transitions import guard, workflow_transition

from .. import conf, matrix
from ..choices import AssignmentRole
from .experts import Expert
from .requests import AdvisoryRequest

# The invitation's deadlines (workflows.staffing): the answer date, and the reminder before it.
RESPONSE_DEADLINE = staffing.RESPONSE_DEADLINE
REMINDER_DEADLINE = staffing.REMINDER_DEADLINE


@guard(_("Experts can be invited once the request is accepted, until it is delivered."))
def request_is_staffing(assignment: "Assignment") -> bool:
    return assignment.request.state in AdvisoryRequest.STAFFING_STATES


@guard(_("The request is no longer open."))
def request_is_open(assignment: "Assignment") -> bool:
    return assignment.request.state in AdvisoryRequest.OPEN_STATES


# While the requester considers or runs with a team, it keeps an accepted lead expert.
not_the_last_lead = staffing.keeps_last_accepted(
    subject_states=AdvisoryRequest.TEAM_STATES,
    message=_("A proposed or running engagement needs its lead expert: have another lead accept first."),
    role=AssignmentRole.LEAD,
)


class AssignmentState(models.TextChoices):
    """The states of an Assignment (`Assignment.State`): an invitation's, then the end of the part."""

    NEW = staffing.InvitationState.NEW.value, _("New")
    INVITED = staffing.InvitationState.INVITED.value, _("Invited")
    ACCEPTED = staffing.InvitationState.ACCEPTED.value, _("Accepted")
    DECLINED = staffing.InvitationState.DECLINED.value, _("Declined")
    EXPIRED = staffing.InvitationState.EXPIRED.value, _("Expired")
    WITHDRAWN = staffing.InvitationState.WITHDRAWN.value, _("Withdrawn")
    COMPLETED = "completed", _("Completed")
    RELEASED = "released", _("Released")


# The invitation and the expert's answer, declared once in workflows.staffing; who may act comes
# from the matrix. advisory.matching.expert_not_excluded follows the "invite" guards, registered
# in AdvisoryConfig.ready(); the unique constraint below backs "not already invited".
InvitationBase = staffing.invitation_model(
    states=AssignmentState,
    subject="request",
    invitee="expert",
    invite=staffing.Step(
        label=_("Invite the expert"), conditions=[request_is_staffing], **matrix.who("request.invite_expert")
    ),
    accept=staffing.Step(
        fields=["no_conflict"], conditions=[request_is_open], **matrix.who("assignment.accept")
    ),
    decline=staffing.Step(**matrix.who("assignment.decline")),
    expire=staffing.Step(**matrix.who("assignment.expire")),
    withdraw=staffing.Step(**matrix.who("assignment.withdraw")),
    messages=staffing.Messages(
        answer_date_needed=_("An invitation needs a date by which the expert answers, in the future."),
        already_invited=_("This expert is already invited to this request."),
    ),
)

not_already_invited = InvitationBase.invitation_guards.not_already_invited


class Assignment(InvitationBase):
    """One expert on one request, from invitation to the end of their part in the engagement.

    `advisory.services.invite_expert` saves one in "new" and performs "invite" on it; states change
    only through the engine.
    """

    # Assignments an expert sees their request through; declined, expired, withdrawn or released ones
    # end it (and a "new" one is not yet an invitation).
    EXPERT_VISIBLE_STATES = (AssignmentState.INVITED, AssignmentState.ACCEPTED, AssignmentState.COMPLETED)

    request = models.ForeignKey(
        AdvisoryRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="assignments"
    )
    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=AssignmentRole.choices, default=AssignmentRole.MEMBER
    )
    no_conflict_declared = models.BooleanField(_("no conflict of interest declared"), default=False)
    conflict_statement = models.TextField(
        _("declaration of interests"),
        blank=True,
        help_text=_("Anything the coordinator should know about your ties to the requesting organisation."),
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["created_at", "pk"]
        constraints = [
            staffing.one_open_invitation(
                fields=["request", "expert"],
                name="advisory_assignment_one_open_per_expert",
                states=AssignmentState,
            ),
        ]
        indexes = [
            models.Index(fields=["expert", "state"], name="advisory_assignment_expert"),
            models.Index(fields=["request", "state"], name="advisory_assignment_request"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} – {self.request}"

    def reminder_at(self, now: datetime) -> datetime:
        return add_business_days(now, conf.get("ADVISORY_INVITATION_REMINDER_BUSINESS_DAYS"))

    def accepting(self, *, actor: Actor, data: dict) -> None:
        # Accepting is also the expert's declaration that nothing ties them to the requester.
        if data.get("no_conflict") is not True:
            raise TransitionInputError(
                {"no_conflict": [_("Declare that you have no conflict of interest with the requester.")]}
            )
        self.no_conflict_declared = True
        self.conflict_statement = (data.get("conflict_statement") or "").strip()

    @workflow_transition(
        field="state",
        source=AssignmentState.ACCEPTED,
        target=AssignmentState.COMPLETED,
        label=_("Complete"),
        conditions=[not_the_last_lead],
        **matrix.who("assignment.complete"),
    )
    def complete(self) -> None:
        self.mark_ended()

    @workflow_transition(
        field="state",
        source=AssignmentState.ACCEPTED,
        target=AssignmentState.RELEASED,
        label=_("Release the expert"),
        requires_comment=True,
        conditions=[not_the_last_lead],
        **matrix.who("assignment.release"),
    )
    def release(self, *, comment: str) -> None:
        self.mark_ended(comment)
