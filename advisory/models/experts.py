from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..choices import CertificationType, LanguageCode
from .expertise import ExpertiseArea
from .geography import NetworkCountry


def default_language():
    return settings.LANGUAGE_CODE


class Language(models.Model):
    """One working language (an EU official language), a row so experts link to it and matching joins on it.

    The rows mirror `LanguageCode`; a data migration creates them.
    """

    code = models.CharField(_("code"), max_length=8, primary_key=True, choices=LanguageCode.choices)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]

    def __str__(self):
        return str(self.get_code_display())


class Certification(models.Model):
    """A certification an expert may hold (benchmarker, label assessor, ...); rows mirror the choices."""

    code = models.CharField(_("code"), max_length=32, primary_key=True, choices=CertificationType.choices)

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["code"]

    def __str__(self):
        return str(self.get_code_display())


class ExpertQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Expert(models.Model):
    """A person of the network who can be staffed on engagements; a login is optional."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expert_profile",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=16,
        default=default_language,
        help_text=_("The language of the e-mails the expert receives."),
    )
    home_country = models.ForeignKey(
        NetworkCountry, verbose_name=_("home country"), on_delete=models.PROTECT, related_name="home_experts"
    )
    countries_known = models.ManyToManyField(
        NetworkCountry,
        verbose_name=_("countries known"),
        blank=True,
        related_name="knowing_experts",
        help_text=_("Countries whose cluster policy the expert knows well, besides the home country."),
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("working languages"), blank=True, related_name="experts"
    )
    expertise_areas = models.ManyToManyField(
        ExpertiseArea, verbose_name=_("expertise areas"), blank=True, related_name="experts"
    )
    certifications = models.ManyToManyField(
        Certification, verbose_name=_("certifications"), blank=True, related_name="experts"
    )
    employer = models.CharField(
        _("employer"),
        max_length=200,
        blank=True,
        help_text=_("Checked against the requesting organisation for conflicts of interest."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=2, help_text=_("How many engagements the expert can run at the same time.")
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["active"], name="advisory_expert_active")]

    def __str__(self):
        return self.name


class UnavailablePeriod(models.Model):
    """Dates (inclusive) on which an expert cannot take up an engagement."""

    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="unavailable_periods"
    )
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("unavailable period")
        verbose_name_plural = _("unavailable periods")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")), name="advisory_unavailable_end_after_start"
            ),
        ]
        indexes = [models.Index(fields=["start", "end"], name="advisory_unavailable_dates")]

    def __str__(self):
        return f"{self.expert}: {self.start} – {self.end}"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The last day cannot be before the first day.")})

    def overlaps(self, start, end):
        return self.start <= end and self.end >= start


class CoordinatorProfile(models.Model):
    """The scope of a coordinator: the countries whose requests they handle, or all (lead)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.CASCADE,
        related_name="coordinator_profile",
    )
    countries = models.ManyToManyField(
        NetworkCountry, verbose_name=_("countries"), blank=True, related_name="coordinators"
    )
    is_lead = models.BooleanField(
        _("lead coordinator"),
        default=False,
        help_text=_("A lead coordinator sees and may act on the requests of every country."),
    )
    preferred_language = models.CharField(_("preferred language"), max_length=16, default=default_language)

    class Meta:
        verbose_name = _("coordinator profile")
        verbose_name_plural = _("coordinator profiles")

    def __str__(self):
        return str(self.user)
