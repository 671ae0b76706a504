"""Workshops, conferences and other events, each with an iCalendar download."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, AgendaItemBlock, DocumentBlock
from cms.ical import calendar_response, event_entry

from .base import IndexPage, SitePage, live_in_locale, paginate


class EventIndexPage(IndexPage):
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def events(self):
        return live_in_locale(EventPage, self.locale).descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events()
        context["upcoming_events"] = list(events.filter(end__gte=now).order_by("start", "pk"))
        context["past_events"] = paginate(request, events.filter(end__lt=now).order_by("-start", "-pk"))
        return context


class EventPage(RoutablePageMixin, SitePage):
    summary = models.TextField(_("summary"), max_length=500)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    organisers = models.CharField(_("organisers"), max_length=300, blank=True)
    body = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("programme"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    free_participation = models.BooleanField(
        _("free participation"),
        default=False,
        help_text=_("Tick when no registration is needed."),
    )
    documents = StreamField([("document", DocumentBlock())], verbose_name=_("documents"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_link"),
                FieldPanel("organisers"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("free_participation")],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        FieldPanel("agenda"),
        FieldPanel("documents"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.SearchField("venue"),
        index.FilterField("start"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if self.registration_url and self.free_participation:
            raise ValidationError(
                {
                    "free_participation": _(
                        "Either give a registration link or mark the event as free participation."
                    )
                }
            )

    @property
    def is_upcoming(self):
        return self.end >= timezone.now()

    # Wagtail's routing hands a route its path with a slash appended ("event.ics/"), while the
    # link (the reverse, which drops the optional slash) stays "<page url>event.ics".
    @re_path(r"^event\.ics/?$", name="ics")
    def ics(self, request):
        return calendar_response(self.title, [event_entry(self, request)], f"{self.slug}.ics")
