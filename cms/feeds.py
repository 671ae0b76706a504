"""News feed per locale and iCalendar feeds of upcoming events and call deadlines."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .ical import calendar_response, call_entry, deadline_entry, event_entry
from .models import CallPage, EventPage, NewsArticlePage
from .models.base import live_in_locale

FEED_SIZE = 20


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        self.request = request
        return Locale.get_active()

    def title(self, locale):
        return _("News from the European Secretariat for Cluster Analysis")

    def subtitle(self, locale):
        return _("News, studies, reports, events and calls for the cluster community.")

    def link(self, locale):
        return "/" + locale.language_code + "/"

    def items(self, locale):
        return live_in_locale(NewsArticlePage, locale).order_by("-date", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_category_display()]


def events_calendar(request):
    locale = Locale.get_active()
    events = live_in_locale(EventPage, locale).filter(end__gte=timezone.now()).order_by("start")
    entries = [event_entry(page, request) for page in events]
    return calendar_response(_("Upcoming events"), entries, f"events-{locale.language_code}.ics")


def calls_calendar(request):
    """The final deadline of every open or forthcoming call and its further dates still to come."""
    locale = Locale.get_active()
    now = timezone.now()
    calls = live_in_locale(CallPage, locale).filter(closes_at__gt=now).order_by("closes_at")
    entries = [
        call_entry(page, request) if deadline.final else deadline_entry(page, deadline, request)
        for page in calls
        for deadline in page.deadlines()
        if deadline.at > now
    ]
    entries.sort(key=lambda entry: entry.end)
    return calendar_response(_("Call deadlines"), entries, f"call-deadlines-{locale.language_code}.ics")
