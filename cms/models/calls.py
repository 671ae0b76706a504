"""Calls for proposals: deadlines in Brussels time, status derived from the clock, how to apply."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import RICH_TEXT_FEATURES, DeadlineBlock, DocumentBlock
from cms.ical import calendar_response, deadline_entry

from .base import IndexPage, SitePage, live_in_locale, paginate

BRUSSELS_HELP = _("Brussels time (Europe/Brussels).")
BRUSSELS = ZoneInfo("Europe/Brussels")


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


# The key of a call's final deadline (closes_at) among its deadlines; the others are keyed by block id.
FINAL_DEADLINE = "final"


@dataclass(frozen=True)
class Deadline:
    """One date of a call a visitor may put in a calendar."""

    key: str
    label: str
    at: datetime
    final: bool = False


def _aware(moment):
    # The admin stores a block's date with its offset; a date written without one is Brussels time.
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, BRUSSELS)


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


class CallPage(RoutablePageMixin, SitePage):
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
    how_to_apply = RichTextField(
        _("how to apply"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who may apply, what to send, where and in which form."),
    )
    documents = StreamField([("document", DocumentBlock())], verbose_name=_("documents"), blank=True)
    further_deadlines = StreamField(
        [("deadline", DeadlineBlock())],
        verbose_name=_("further dates"),
        blank=True,
        help_text=_("Dates before the final deadline: a first-stage deadline, an information day."),
    )
    contact_name = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("A person or an office, e.g. “Call helpdesk”.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
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
        MultiFieldPanel(
            [
                FieldPanel("how_to_apply"),
                FieldPanel("documents"),
                FieldPanel("further_deadlines"),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("How to apply"),
        ),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("call_identifier"),
        index.SearchField("how_to_apply"),
        index.FilterField("closes_at"),
    ]
    override_translatable_fields = [SynchronizedField("call_identifier"), SynchronizedField("contact_phone")]
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

    def deadlines(self):
        """Every date of the call in time order, the final deadline (which decides the status) among them."""
        dates = [
            Deadline(key=block.id, label=block.value["label"], at=_aware(block.value["at"]))
            for block in self.further_deadlines
            if block.value["at"]
        ]
        dates.append(Deadline(key=FINAL_DEADLINE, label=_("Final deadline"), at=self.closes_at, final=True))
        return sorted(dates, key=lambda deadline: deadline.at)

    @property
    def has_contact(self):
        return bool(self.contact_name or self.contact_email or self.contact_phone)

    # As EventPage's event.ics: the route gets its path with a slash appended; cms.urls lets the
    # dotted name reach it.
    @re_path(r"^deadline-(?P<key>[\w-]+)\.ics/?$", name="deadline_ics")
    def deadline_ics(self, request, key):
        for deadline in self.deadlines():
            if deadline.key == key:
                entry = deadline_entry(self, deadline, request)
                return calendar_response(entry.summary, [entry], f"{self.slug}-{key}.ics")
        raise Http404
