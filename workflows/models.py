"""What the engine stores besides the audit trail: notifications to send and running deadlines."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _object_filter(obj):
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": str(obj.pk)}


class OutboxMessageQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=OutboxMessage.Status.PENDING).order_by("created_at", "pk")

    def stale(self, pending_before, claimed_before):
        """Pending rows whose attempt is overdue, and rows claimed for sending whose lease has expired."""
        return self.filter(
            Q(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=pending_before)
            | Q(status=OutboxMessage.Status.SENDING, claimed_at__lte=claimed_before)
        )

    def for_object(self, obj):
        return self.filter(**_object_filter(obj))


class OutboxMessage(models.Model):
    """A notification recorded in the transaction that caused it, sent after commit.

    The idempotency key is unique, so a redelivered task or a repeated scan never sends twice.
    A sender moves a row pending → sending (a claim with a lease) → sent, or back to pending
    with the time of its next attempt, or to failed; `workflows.delivery` holds the rules.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    idempotency_key = models.CharField(_("idempotency key"), max_length=255, unique=True)
    event = models.CharField(_("notification event"), max_length=200)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    target = GenericForeignKey("content_type", "object_id")
    recipient = models.CharField(_("recipient"), max_length=254)
    template = models.CharField(_("template"), max_length=200)
    language = models.CharField(_("language"), max_length=16, blank=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    # When a sender may next try; the relay re-enqueues pending rows left well past it.
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    # When the current sender claimed the row; also the fence its "sent" must match.
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing notification")
        verbose_name_plural = _("outgoing notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="workflows_outbox_status"),
            models.Index(fields=["status", "next_attempt_at"], name="workflows_outbox_due"),
            models.Index(fields=["content_type", "object_id"], name="workflows_outbox_object"),
        ]

    def __str__(self):
        return f"{self.event} → {self.recipient}"

    def mark_sent(self, now=None):
        """Record the sending once; False when another worker already did."""
        now = now or timezone.now()
        claimed = (
            type(self)
            .objects.filter(pk=self.pk)
            .exclude(status=self.Status.SENT)
            .update(status=self.Status.SENT, sent_at=now, attempts=models.F("attempts") + 1)
        )
        if claimed:
            self.refresh_from_db(fields=["status", "sent_at", "attempts"])
        return bool(claimed)


class DeadlineQuerySet(models.QuerySet):
    def open(self):
        """Neither fired nor cleared."""
        return self.filter(fired_at__isnull=True, cleared_at__isnull=True)

    def for_object(self, obj):
        return self.filter(**_object_filter(obj))

    def due(self, now=None):
        """Open, running deadlines whose time has come, earliest first."""
        now = now or timezone.now()
        return self.open().filter(paused_at__isnull=True, due_at__lte=now).order_by("due_at", "pk")


class Deadline(models.Model):
    """A point in time by which something must happen to an object, for one purpose (e.g. "sla").

    While paused, `remaining` holds the business time left; resuming sets a new `due_at` from it.
    A periodic scan picks up `due()` deadlines and marks each fired exactly once.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    target = GenericForeignKey("content_type", "object_id")
    purpose = models.SlugField(_("purpose"), max_length=100)
    due_at = models.DateTimeField(_("due at"))
    paused_at = models.DateTimeField(_("paused at"), null=True, blank=True)
    remaining = models.DurationField(_("business time left while paused"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    fired_at = models.DateTimeField(_("fired at"), null=True, blank=True)
    cleared_at = models.DateTimeField(_("cleared at"), null=True, blank=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("process deadline")
        verbose_name_plural = _("process deadlines")
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "purpose"],
                condition=Q(fired_at__isnull=True, cleared_at__isnull=True),
                name="workflows_deadline_one_open_per_purpose",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="workflows_deadline_object"),
            models.Index(fields=["due_at"], name="workflows_deadline_due_at"),
        ]

    def __str__(self):
        return f"{self.purpose} due {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self):
        return self.fired_at is None and self.cleared_at is None

    @property
    def is_paused(self):
        return self.paused_at is not None

    def mark_fired(self, now=None):
        """Claim this deadline for the scan; False when another scan already did."""
        now = now or timezone.now()
        claimed = type(self).objects.open().filter(pk=self.pk, paused_at__isnull=True).update(fired_at=now)
        if claimed:
            self.fired_at = now
        return bool(claimed)
