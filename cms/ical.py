"""iCalendar output for events and call deadlines (RFC 5545, via the icalendar library)."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//European Secretariat for Cluster Analysis//Site//EN"


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", str(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _uid(kind, page):
    host = settings.WAGTAILADMIN_BASE_URL.split("//")[-1].split("/")[0] or "localhost"
    # The translation key is shared by every language version: one event, one UID.
    return f"{kind}-{page.translation_key}@{host}"


def _location(page):
    parts = [page.venue, page.city, page.country.name if page.country else ""]
    return ", ".join(str(part) for part in parts if part)


def event_to_vevent(page, request=None):
    event = Event()
    event.add("uid", _uid("event", page))
    event.add("summary", page.title)
    event.add("dtstart", page.start)
    event.add("dtend", page.end)
    event.add("dtstamp", timezone.now())
    event.add("last-modified", page.last_published_at or page.latest_revision_created_at or timezone.now())
    if page.summary:
        event.add("description", page.summary)
    location = _location(page)
    if location:
        event.add("location", location)
    event.add("url", page.get_full_url(request))
    return event


def call_to_vevent(page, request=None):
    """A call's deadline as a short event ending at the deadline minute."""
    event = Event()
    event.add("uid", _uid("call", page))
    event.add("summary", _("Deadline: %(title)s") % {"title": page.title})
    event.add("dtstart", page.closes_at - timedelta(minutes=30))
    event.add("dtend", page.closes_at)
    event.add("dtstamp", timezone.now())
    if page.summary:
        event.add("description", page.summary)
    event.add("url", page.get_full_url(request))
    return event


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
