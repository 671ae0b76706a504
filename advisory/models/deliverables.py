import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField

from workflows.fsm import ProcessModelMixin
from workflows.storage import private_storage
from workflows.transitions import guard, workflow_transition

from .. import matrix
from .assignments import Assignment
from .requests import AdvisoryRequest


@guard(_("Only an expert whose assignment is running can submit deliverables."))
def assignment_is_running(deliverable):
    return deliverable.assignment.state == Assignment.State.ACCEPTED


def deliverable_path(instance, filename):
    return f"advisory/deliverables/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Deliverable(ProcessModelMixin, models.Model):
    """A report or file an expert produces for an engagement; the requester sees it once approved."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned for changes")

    request = models.ForeignKey(
        AdvisoryRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="deliverables"
    )
    assignment = models.ForeignKey(
        Assignment, verbose_name=_("assignment"), on_delete=models.PROTECT, related_name="deliverables"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to=deliverable_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    state = FSMField(_("state"), default=State.DRAFT, choices=State.choices, protected=True)
    review_comment = models.TextField(_("review comment"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["request", "state"], name="advisory_deliverable_request")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.assignment_id and not self.request_id:
            self.request_id = self.assignment.request_id
        super().save(*args, **kwargs)

    @workflow_transition(
        field=state,
        source=[State.DRAFT, State.RETURNED],
        target=State.SUBMITTED,
        label=_("Submit for review"),
        conditions=[assignment_is_running],
        **matrix.who("deliverable.submit"),
    )
    def submit(self):
        self.submitted_at = timezone.now()

    @workflow_transition(
        field=state,
        source=State.SUBMITTED,
        target=State.APPROVED,
        label=_("Approve"),
        **matrix.who("deliverable.approve"),
    )
    def approve(self, *, comment):
        self.review_comment = comment
        self.approved_at = timezone.now()

    @workflow_transition(
        field=state,
        source=State.SUBMITTED,
        target=State.RETURNED,
        label=_("Return for changes"),
        requires_comment=True,
        **matrix.who("deliverable.request_changes"),
    )
    def request_changes(self, *, comment):
        self.review_comment = comment
