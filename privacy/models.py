"""Data-subject requests (a person asks for their data or its erasure) and what staff did about them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.personal_data import address_hash


class Kind(models.TextChoices):
    EXPORT = "export", _("Export")
    ERASURE = "erasure", _("Erasure")


class DataSubjectRequest(models.Model):
    """A person's request for a copy of their data, or for its erasure, waiting for staff.

    It holds the address until the request is handled: staff need it to find the data. Erasing
    the address's data blanks it here too; the keyed hash remains, so a repeat is recognised.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Handled")

    kind = models.CharField(_("asked for"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    email = models.EmailField(_("e-mail address"), blank=True)
    address_hash = models.CharField(max_length=64, db_index=True, editable=False)
    source = models.CharField(
        _("asked through"),
        max_length=200,
        blank=True,
        help_text=_("Where the person asked, e.g. a request reference."),
    )
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=255, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=16, blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now, editable=False)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="privacy_dsr_status")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.source or self.pk}"

    def save(self, *args, **kwargs):
        if self.email and not self.address_hash:
            self.address_hash = address_hash(self.email)
        super().save(*args, **kwargs)

    @classmethod
    def open_for(cls, obj, kind):
        """The open request of this kind already made through `obj`, or None."""
        content_type = ContentType.objects.get_for_model(obj)
        return cls.objects.filter(
            content_type=content_type, object_id=str(obj.pk), kind=kind, status=cls.Status.OPEN
        ).first()


class DataProtectionRecord(models.Model):
    """One export or erasure done by staff: who, when, why, what (counts), never whose address.

    `address_hash` is a keyed hash of the address (workflows.personal_data.address_hash), so a
    repeated request for the same address is recognised without the address being kept.
    """

    kind = models.CharField(_("action"), max_length=16, choices=Kind.choices)
    performed_at = models.DateTimeField(_("performed at"), default=timezone.now, editable=False)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("performed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    performed_by_label = models.CharField(_("performed by"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    address_hash = models.CharField(max_length=64, db_index=True, editable=False)
    counts = models.JSONField(_("what was found"), default=dict, blank=True)
    subject_request = models.ForeignKey(
        DataSubjectRequest,
        verbose_name=_("data-subject request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="records",
    )

    class Meta:
        verbose_name = _("data protection record")
        verbose_name_plural = _("data protection records")
        ordering = ["-performed_at", "-pk"]
        permissions = [("manage_personal_data", _("Can find, export and erase personal data"))]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.performed_at:%Y-%m-%d %H:%M}"
