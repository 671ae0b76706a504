from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField

from workflows import deadlines
from workflows.business_days import add_business_days
from workflows.exceptions import TransitionInputError
from workflows.fsm import ProcessModelMixin
from workflows.transitions import guard, workflow_transition

from .. import conf, matrix
from ..choices import AssignmentRole
from .experts import Expert
from .requests import AdvisoryRequest

RESPONSE_DEADLINE = "response"
# Before the response deadline: the expert who has not answered yet is reminded once.
REMINDER_DEADLINE = "response-reminder"


@guard(_("Experts can be invited once the request is accepted, until it is delivered."))
def request_is_staffing(assignment):
    return assignment.request.state in AdvisoryRequest.STAFFING_STATES


@guard(_("An invitation needs a date by which the expert answers, in the future."))
def response_deadline_ahead(assignment):
    return assignment.response_due_at is not None and assignment.response_due_at > timezone.now()


@guard(_("This expert is already invited to this request."))
def not_already_invited(assignment):
    others = Assignment.objects.filter(
        request_id=assignment.request_id, expert_id=assignment.expert_id, state__in=Assignment.OPEN_STATES
    )
    return not others.exclude(pk=assignment.pk).exists()


@guard(_("The request is no longer open."))
def request_is_open(assignment):
    return assignment.request.state in AdvisoryRequest.OPEN_STATES


@guard(_("The time to answer this invitation has passed."))
def response_time_left(assignment):
    return assignment.response_due_at is None or assignment.response_due_at > timezone.now()


@guard(_("The time to answer this invitation has not passed yet."))
def response_time_passed(assignment):
    return assignment.response_due_at is not None and assignment.response_due_at <= timezone.now()


# While the requester considers or runs with a team, it keeps an accepted lead expert.
TEAM_STATES = (
    AdvisoryRequest.State.TEAM_PROPOSED,
    AdvisoryRequest.State.IN_PROGRESS,
    AdvisoryRequest.State.ON_HOLD,
)


@guard(_("A proposed or running engagement needs its lead expert: have another lead accept first."))
def not_the_last_lead(assignment):
    if assignment.role != AssignmentRole.LEAD or assignment.request.state not in TEAM_STATES:
        return True
    others = assignment.request.assignments.filter(
        role=AssignmentRole.LEAD, state=Assignment.State.ACCEPTED
    ).exclude(pk=assignment.pk)
    return others.exists()


class AssignmentState(models.TextChoices):
    """The states of an Assignment (`Assignment.State`); module level so Meta can name them."""

    NEW = "new", _("New")
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")
    RELEASED = "released", _("Released")


class Assignment(ProcessModelMixin, models.Model):
    """One expert on one request, from invitation to the end of their part in the engagement.

    `advisory.services.invite_expert` saves one in "new" and performs "invite" on it; states change
    only through the engine.
    """

    State = AssignmentState

    # An invitation or an engagement still running: these count towards the expert's capacity.
    OPEN_STATES = (State.INVITED, State.ACCEPTED)
    # The expert said no, or never answered: matching excludes them from the request.
    REFUSED_STATES = (State.DECLINED, State.EXPIRED)
    # Assignments an expert sees their request through; declined, expired, withdrawn or released ones
    # end it (and a "new" one is not yet an invitation).
    EXPERT_VISIBLE_STATES = (State.INVITED, State.ACCEPTED, State.COMPLETED)

    request = models.ForeignKey(
        AdvisoryRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="assignments"
    )
    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=AssignmentRole.choices, default=AssignmentRole.MEMBER
    )
    state = FSMField(_("state"), default=State.NEW, choices=State.choices, protected=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    response_due_at = models.DateTimeField(_("answer due"), null=True, blank=True)
    no_conflict_declared = models.BooleanField(_("no conflict of interest declared"), default=False)
    conflict_statement = models.TextField(
        _("declaration of interests"),
        blank=True,
        help_text=_("Anything the coordinator should know about your ties to the requesting organisation."),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    created_at = models.DateTimeField(_("invited at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "expert"],
                condition=Q(state__in=[AssignmentState.INVITED, AssignmentState.ACCEPTED]),
                name="advisory_assignment_one_open_per_expert",
            ),
        ]
        indexes = [
            models.Index(fields=["expert", "state"], name="advisory_assignment_expert"),
            models.Index(fields=["request", "state"], name="advisory_assignment_request"),
        ]

    def __str__(self):
        return f"{self.expert} – {self.request}"

    @property
    def is_open(self):
        return self.state in self.OPEN_STATES



    def _end(self, reason=""):
        self.end_reason = reason
        self.ended_at = timezone.now()
        deadlines.clear(self)

    @workflow_transition(
        field=state,
        source=State.NEW,
        target=State.INVITED,
        label=_("Invite the expert"),
        # Guards in the order their messages read best; the unique constraint backs the third one.
        # advisory.matching.expert_not_excluded follows, registered in AdvisoryConfig.ready().
        conditions=[request_is_staffing, response_deadline_ahead, not_already_invited],
        **matrix.who("request.invite_expert"),
    )
    def invite(self, *, actor):
        self.invited_by = actor.user
        deadlines.set_deadline(self, RESPONSE_DEADLINE, self.response_due_at)
        now = timezone.now()
        remind_at = add_business_days(now, conf.get("ADVISORY_INVITATION_REMINDER_BUSINESS_DAYS"))
        if now < remind_at < self.response_due_at:
            deadlines.set_deadline(self, REMINDER_DEADLINE, remind_at)

    @workflow_transition(
        field=state,
        source=State.INVITED,
        target=State.ACCEPTED,
        label=_("Accept the invitation"),
        fields=["no_conflict"],
        conditions=[request_is_open, response_time_left],
        **matrix.who("assignment.accept"),
    )
    def accept(self, *, data):
        if data.get("no_conflict") is not True:
            raise TransitionInputError(
                {"no_conflict": [_("Declare that you have no conflict of interest with the requester.")]}
            )
        self.no_conflict_declared = True
        self.conflict_statement = (data.get("conflict_statement") or "").strip()
        self.responded_at = timezone.now()
        deadlines.clear(self)

    @workflow_transition(
        field=state,
        source=State.INVITED,
        target=State.DECLINED,
        label=_("Decline the invitation"),
        requires_comment=True,
        **matrix.who("assignment.decline"),
    )
    def decline(self, *, comment):
        self.decline_reason = comment
        self.responded_at = timezone.now()
        self._end()

    @workflow_transition(
        field=state,
        source=State.INVITED,
        target=State.EXPIRED,
        label=_("Expire the invitation"),
        conditions=[response_time_passed],
        **matrix.who("assignment.expire"),
    )
    def expire(self):
        self._end()

    @workflow_transition(
        field=state,
        source=State.INVITED,
        target=State.WITHDRAWN,
        label=_("Withdraw the invitation"),
        **matrix.who("assignment.withdraw"),
    )
    def withdraw(self, *, comment):
        self._end(comment)

    @workflow_transition(
        field=state,
        source=State.ACCEPTED,
        target=State.COMPLETED,
        label=_("Complete"),
        conditions=[not_the_last_lead],
        **matrix.who("assignment.complete"),
    )
    def complete(self):
        self._end()

    @workflow_transition(
        field=state,
        source=State.ACCEPTED,
        target=State.RELEASED,
        label=_("Release the expert"),
        requires_comment=True,
        conditions=[not_the_last_lead],
        **matrix.who("assignment.release"),
    )
    def release(self, *, comment):
        self._end(comment)
