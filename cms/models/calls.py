"""Calls for proposals: deadlines in Brussels time, status derived from the clock."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import RICH_TEXT_FEATURES

from .base import IndexPage, SitePage, live_in_locale, paginate

BRUSSELS_HELP = _("Brussels time (Europe/Brussels).")


class CallStatus(models.TextChoices):
    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    CLOSED = "closed", _("Closed")


def call_status(opens_at, closes_at, now=None, closing_soon_days=None):
    """Status of a call at `now`; a call closes at its deadline minute exactly."""
    now = now or timezone.now()
    if closing_soon_days is None:
        closing_soon_days = settings.CALL_CLOSING_SOON_DAYS
    if opens_at and now < opens_at:
        return CallStatus.FORTHCOMING
    if now >= closes_at:
        return CallStatus.CLOSED
    if closes_at - now <= timedelta(days=closing_soon_days):
        return CallStatus.CLOSING_SOON
    return CallStatus.OPEN


class CallIndexPage(IndexPage):
    subpage_types = ["cms.CallPage"]

    class Meta:
        verbose_name = _("calls index")
        verbose_name_plural = _("calls indexes")

    def calls(self):
        return live_in_locale(CallPage, self.locale).descendant_of(self).select_related("programme")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        calls = self.calls()
        # Open and forthcoming first, soonest deadline first; closed ones after, newest first.
        context["current_calls"] = list(calls.filter(closes_at__gt=now).order_by("closes_at", "pk"))
        context["closed_calls"] = paginate(
            request, calls.filter(closes_at__lte=now).order_by("-closes_at", "-pk")
        )
        return context


class CallPage(SitePage):
    programme = models.ForeignKey(
        "cms.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
    )
    call_identifier = models.CharField(_("call identifier"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), max_length=500)
    opens_at = models.DateTimeField(_("opens"), help_text=BRUSSELS_HELP)
    closes_at = models.DateTimeField(_("deadline"), help_text=BRUSSELS_HELP)
    budget = models.DecimalField(_("budget (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True)
    eligible_countries = CountryField(_("eligible countries"), multiple=True, blank=True)
    body = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("documents"),
        blank=True,
    )
    external_link = models.URLField(_("official call page"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldPanel("call_identifier"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("budget"),
                FieldPanel("eligible_countries"),
                FieldPanel("external_link"),
            ],
            heading=_("Call details"),
        ),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("call_identifier"),
        index.FilterField("closes_at"),
    ]
    override_translatable_fields = [SynchronizedField("call_identifier")]
    parent_page_types = ["cms.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The deadline must be after the opening date.")})

    @property
    def status(self):
        return call_status(self.opens_at, self.closes_at)

    @property
    def is_open(self):
        return self.status in (CallStatus.OPEN, CallStatus.CLOSING_SOON)
