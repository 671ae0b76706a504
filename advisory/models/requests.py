import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField

from workflows import deadlines, staffing
from workflows.business_days import add_business_days
from workflows.exceptions import TransitionInputError
from workflows.fsm import ProcessModelMixin
from workflows.models import Deadline
from workflows.storage import private_storage
from workflows.tracking import TrackingLinkMixin
from workflows.transitions import guard, workflow_transition

from .. import conf, matrix
from ..choices import (
    AssignmentRole,
    BudgetBand,
    CertificationType,
    LanguageCode,
    ProgrammeLevel,
    ServiceType,
    UploaderKind,
    Visibility,
)
from .expertise import ExpertiseArea
from .experts import default_language
from .geography import NetworkCountry

# Deadline purposes of a request (workflows.Deadline rows).
SCREENING_DEADLINE = "screening"
DECISION_DEADLINE = "decision"
AUTO_CLOSE_DEADLINE = "auto-close"
SLA_DEADLINES = (SCREENING_DEADLINE, DECISION_DEADLINE)
# When the requester owes an answer: to a question, or on the proposed team.
INFO_REMINDER_DEADLINE = "info-reminder"
TEAM_REMINDER_DEADLINE = "team-reminder"


# The team can be proposed to the requester, and approved, once a lead expert has accepted.
has_accepted_lead = staffing.requires_accepted(
    "assignments",
    message=_("At least one lead expert must have accepted the invitation."),
    role=AssignmentRole.LEAD,
)


@guard(_("At least one deliverable must have been approved."))
def has_approved_deliverable(request):
    return request.has_approved_deliverable()


class ReferenceCounter(models.Model):
    """The last reference number issued in a year; its row is locked while a number is drawn."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    last = models.PositiveIntegerField(_("last number issued"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self):
        return f"{self.year}: {self.last}"

    @classmethod
    def next_reference(cls, year=None):
        """`ADV-<year>-<nnnn>`, never the same twice, even for two submissions at the same instant.

        The UPDATE takes the counter row's lock until the surrounding transaction ends, so a
        concurrent submission waits and then sees the incremented value (PostgreSQL), or the
        database serialises the writers (SQLite).
        """
        year = year or timezone.localdate().year
        with transaction.atomic():
            cls.objects.get_or_create(year=year)
            cls.objects.filter(year=year).update(last=F("last") + 1)
            number = cls.objects.values_list("last", flat=True).get(year=year)
        return f"ADV-{year}-{number:04d}"


class AdvisoryRequest(ProcessModelMixin, TrackingLinkMixin, models.Model):
    """A request for advice on a cluster programme, from submission to closure.

    State changes only through `workflows.engine.perform`; see docs/advisory.md for the table.
    """

    class State(models.TextChoices):
        NEW = "new", _("New")
        SUBMITTED = "submitted", _("Submitted")
        SCREENING = "screening", _("Screening")
        AWAITING_INFO = "awaiting_info", _("Awaiting information")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        TEAM_PROPOSED = "team_proposed", _("Team proposed")
        IN_PROGRESS = "in_progress", _("In progress")
        ON_HOLD = "on_hold", _("On hold")
        DELIVERED = "delivered", _("Delivered")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN_STATES = (
        State.SUBMITTED,
        State.SCREENING,
        State.AWAITING_INFO,
        State.ACCEPTED,
        State.TEAM_PROPOSED,
        State.IN_PROGRESS,
        State.ON_HOLD,
    )
    TERMINAL_STATES = (State.DECLINED, State.CLOSED, State.WITHDRAWN)
    # States in which the team may still change (invitations, releases).
    STAFFING_STATES = (State.ACCEPTED, State.IN_PROGRESS, State.ON_HOLD)
    # States in which the requester considers or runs with a team: it keeps an accepted lead expert.
    TEAM_STATES = (State.TEAM_PROPOSED, State.IN_PROGRESS, State.ON_HOLD)

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, null=True, blank=True, editable=False
    )
    state = FSMField(_("state"), default=State.NEW, choices=State.choices, protected=True)

    requester_name = models.CharField(_("your name"), max_length=200)
    requester_email = models.EmailField(_("e-mail address"))
    requester_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    requester_language = models.CharField(
        _("language of the requester"),
        max_length=16,
        default=default_language,
        help_text=_("The language the request was submitted in: e-mails and the tracking page use it."),
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.ForeignKey(
        NetworkCountry, verbose_name=_("country"), on_delete=models.PROTECT, related_name="requests"
    )
    programme_name = models.CharField(_("programme name"), max_length=200)
    programme_level = models.CharField(_("programme level"), max_length=16, choices=ProgrammeLevel.choices)
    service_type = models.CharField(_("service"), max_length=32, choices=ServiceType.choices)
    description = models.TextField(_("what would you like advice on?"))
    desired_start = models.DateField(_("desired start"), null=True, blank=True)
    desired_end = models.DateField(_("desired end"), null=True, blank=True)
    budget_band = models.CharField(
        _("budget"), max_length=16, choices=BudgetBand.choices, default=BudgetBand.UNKNOWN
    )
    working_language = models.CharField(
        _("working language"), max_length=8, choices=LanguageCode.choices, default=LanguageCode.EN
    )
    expertise_areas = models.ManyToManyField(
        ExpertiseArea, verbose_name=_("expertise areas"), blank=True, related_name="requests"
    )
    required_certification = models.CharField(
        _("required certification"), max_length=32, choices=CertificationType.choices, blank=True
    )
    privacy_consent_at = models.DateTimeField(_("privacy consent given at"), null=True, blank=True)
    privacy_notice_version = models.CharField(
        _("privacy notice version"),
        max_length=64,
        blank=True,
        help_text=_("The version of the privacy notice the requester agreed to."),
    )

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_advisory_requests",
    )
    # Mirrors the running SLA deadline (workflows.Deadline), so the queue filters and sorts on an
    # indexed column of this table; empty while the clock is paused or stopped.
    sla_due_at = models.DateTimeField(_("SLA due"), null=True, blank=True)
    scope_summary = models.TextField(_("scope summary"), blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    withdraw_reason = models.TextField(_("reason for withdrawing"), blank=True)
    hold_reason = models.TextField(_("reason for the hold"), blank=True)
    feedback_score = models.PositiveSmallIntegerField(
        _("feedback score"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    feedback_comment = models.TextField(_("feedback"), blank=True)
    feedback_at = models.DateTimeField(_("feedback given at"), null=True, blank=True)

    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("advisory request")
        verbose_name_plural = _("advisory requests")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "sla_due_at"], name="advisory_request_state_sla"),
            models.Index(fields=["country", "state"], name="advisory_request_country"),
            models.Index(fields=["owner", "state"], name="advisory_request_owner"),
            models.Index(fields=["-submitted_at", "-id"], name="advisory_request_submitted"),
            models.Index(fields=["requester_email"], name="advisory_request_email"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(feedback_score__isnull=True) | models.Q(feedback_score__range=(1, 5)),
                name="advisory_request_feedback_score_1_5",
            ),
        ]

    def __str__(self):
        return self.reference or _("Request by %(organisation)s (not submitted)") % {
            "organisation": self.organisation
        }

    # Tracking link (workflows.tracking) ---------------------------------------------------
    # The requester's link ends ADVISORY_TRACKING_LINK_TTL_DAYS after the request ended or the link
    # was issued, whichever is later; a resend e-mail carries a one-time sign-in code instead.

    tracking_sign_in_salt = "advisory.tracking.sign-in"

    def tracking_link_ttl(self):
        return timedelta(days=conf.get("ADVISORY_TRACKING_LINK_TTL_DAYS"))

    @classmethod
    def sign_in_link_max_age(cls):
        return timedelta(hours=conf.get("ADVISORY_SIGN_IN_LINK_HOURS"))

    def tracking_link_ends_at(self):
        if self.state not in self.TERMINAL_STATES:
            return None
        # An ended request has its `closed_at` (`_end`); a row written without one counts from the
        # link's issue.
        return self.closed_at or self.tracking_token_issued_at

    def is_trackable(self):
        return self.state != self.State.NEW

    # State ----------------------------------------------------------------------------------
    # Who may act and what is notified are registered with the engine in AdvisoryConfig.ready()
    # (advisory.permissions, advisory.notifications): they query these models, so they sit above.

    @property
    def is_open(self):
        return self.state in self.OPEN_STATES

    @property
    def is_overdue(self):
        return self.sla_due_at is not None and self.sla_due_at <= timezone.now()

    # SLA ------------------------------------------------------------------------------------

    def _mirror_sla(self):
        # A fired deadline (its escalation sent) stays due until cleared: the request remains overdue.
        pending = Deadline.objects.for_object(self).filter(
            cleared_at__isnull=True, paused_at__isnull=True, purpose__in=SLA_DEADLINES
        )
        running = [deadline.due_at for deadline in pending]
        self.sla_due_at = min(running) if running else None

    def _start_sla(self, now):
        deadlines.set_deadline(
            self, SCREENING_DEADLINE, add_business_days(now, conf.get("ADVISORY_SCREENING_BUSINESS_DAYS"))
        )
        deadlines.set_deadline(
            self, DECISION_DEADLINE, add_business_days(now, conf.get("ADVISORY_DECISION_BUSINESS_DAYS"))
        )
        self._mirror_sla()

    def _stop_sla(self, *purposes):
        for purpose in purposes or SLA_DEADLINES:
            deadlines.clear(self, purpose)
        self._mirror_sla()

    def _remind_requester(self, purpose, now=None):
        now = now or timezone.now()
        deadlines.set_deadline(
            self, purpose, now + timedelta(days=conf.get("ADVISORY_REQUESTER_REMINDER_DAYS"))
        )

    def _end(self):
        deadlines.clear(self)
        self.sla_due_at = None
        self.closed_at = timezone.now()

    def _add_message(self, body, *, actor, visibility=Visibility.SHARED):
        # Through the reverse relation: messages.py sits above this module and imports it.
        return self.messages.create(
            author=actor.user if actor.is_user else None,
            author_kind=self.messages.model.kind_of(actor, self),
            body=body,
            visibility=visibility,
        )

    # Transitions ----------------------------------------------------------------------------

    @workflow_transition(
        field=state,
        source=State.NEW,
        target=State.SUBMITTED,
        label=_("Submit"),
        **matrix.who("request.submit"),
    )
    def submit(self):
        now = timezone.now()
        self.reference = ReferenceCounter.next_reference(timezone.localdate(now).year)
        self.submitted_at = now
        self._start_sla(now)

    @workflow_transition(
        field=state,
        source=State.SUBMITTED,
        target=State.SCREENING,
        label=_("Start screening"),
        **matrix.who("request.screen"),
    )
    def screen(self, *, actor):
        self.owner = actor.user
        self._stop_sla(SCREENING_DEADLINE)

    @workflow_transition(
        field=state,
        source=State.SCREENING,
        target=State.AWAITING_INFO,
        label=_("Ask for information"),
        requires_comment=True,
        **matrix.who("request.ask_info"),
    )
    def ask_info(self, *, actor, comment):
        self._add_message(comment, actor=actor)
        deadlines.pause(self, DECISION_DEADLINE)
        self.sla_due_at = None  # the clock waits for the requester
        self._remind_requester(INFO_REMINDER_DEADLINE)

    @workflow_transition(
        field=state,
        source=State.AWAITING_INFO,
        target=State.SCREENING,
        label=_("Provide information"),
        requires_comment=True,
        **matrix.who("request.provide_info"),
    )
    def provide_info(self, *, actor, comment):
        message = self._add_message(comment, actor=actor)
        deadlines.clear(self, INFO_REMINDER_DEADLINE)
        deadlines.resume(self, DECISION_DEADLINE)
        self._mirror_sla()
        return message

    @workflow_transition(
        field=state,
        source=State.SCREENING,
        target=State.ACCEPTED,
        label=_("Accept"),
        fields=["service_type", "scope_summary"],
        **matrix.who("request.accept"),
    )
    def accept(self, *, data):
        service_type = data["service_type"]
        if service_type not in ServiceType.values:
            raise TransitionInputError({"service_type": [_("Choose one of the services offered.")]})
        self.service_type = service_type
        self.scope_summary = data["scope_summary"]
        self._stop_sla()

    @workflow_transition(
        field=state,
        source=State.SCREENING,
        target=State.DECLINED,
        label=_("Decline"),
        requires_comment=True,
        **matrix.who("request.decline"),
    )
    def decline(self, *, comment):
        self.decline_reason = comment
        self._end()

    @workflow_transition(
        field=state,
        source=State.ACCEPTED,
        target=State.TEAM_PROPOSED,
        label=_("Propose the team"),
        conditions=[has_accepted_lead],
        **matrix.who("request.propose_team"),
    )
    def propose_team(self):
        self._remind_requester(TEAM_REMINDER_DEADLINE)

    @workflow_transition(
        field=state,
        source=State.TEAM_PROPOSED,
        target=State.IN_PROGRESS,
        label=_("Approve the team"),
        conditions=[has_accepted_lead],
        **matrix.who("request.approve_team"),
    )
    def approve_team(self):
        deadlines.clear(self, TEAM_REMINDER_DEADLINE)

    @workflow_transition(
        field=state,
        source=State.TEAM_PROPOSED,
        target=State.ACCEPTED,
        label=_("Object to the team"),
        requires_comment=True,
        **matrix.who("request.object_team"),
    )
    def object_team(self, *, actor, comment):
        self._add_message(comment, actor=actor)
        deadlines.clear(self, TEAM_REMINDER_DEADLINE)

    @workflow_transition(
        field=state,
        source=State.IN_PROGRESS,
        target=State.ON_HOLD,
        label=_("Put on hold"),
        requires_comment=True,
        **matrix.who("request.hold"),
    )
    def hold(self, *, comment):
        self.hold_reason = comment

    @workflow_transition(
        field=state,
        source=State.ON_HOLD,
        target=State.IN_PROGRESS,
        label=_("Resume"),
        requires_comment=True,
        **matrix.who("request.resume"),
    )
    def resume(self):
        self.hold_reason = ""

    @workflow_transition(
        field=state,
        source=State.IN_PROGRESS,
        target=State.DELIVERED,
        label=_("Mark as delivered"),
        conditions=[has_approved_deliverable],
        **matrix.who("request.deliver"),
    )
    def deliver(self):
        # Calendar days: the requester's time to give feedback, weekends included.
        due = timezone.now() + timedelta(days=conf.get("ADVISORY_AUTO_CLOSE_DAYS"))
        deadlines.set_deadline(self, AUTO_CLOSE_DEADLINE, due)

    @workflow_transition(
        field=state,
        source=State.DELIVERED,
        target=State.CLOSED,
        label=_("Close"),
        **matrix.who("request.close"),
    )
    def close(self):
        self._end()

    @workflow_transition(
        field=state,
        source=list(OPEN_STATES),
        target=State.WITHDRAWN,
        label=_("Withdraw"),
        requires_comment=True,
        **matrix.who("request.withdraw"),
    )
    def withdraw(self, *, comment):
        self.withdraw_reason = comment
        self._end()

    # Guards ---------------------------------------------------------------------------------

    def has_accepted_lead(self):
        return staffing.has_accepted(self.assignments, role=AssignmentRole.LEAD)

    def has_approved_deliverable(self):
        # Through the reverse relation: deliverables.py sits above this module and imports it.
        return self.deliverables.filter(state=self.deliverables.model.State.APPROVED).exists()


def attachment_path(instance, filename):
    # A random name: the original (which may carry personal data) is kept in the database only.
    return f"advisory/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A document uploaded with a request, an answer, or a message; type checked by content."""

    request = models.ForeignKey(
        AdvisoryRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="attachments"
    )
    message = models.ForeignKey(
        "advisory.Message",
        verbose_name=_("message"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.CharField(_("uploaded by"), max_length=16, choices=UploaderKind.choices)
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name
