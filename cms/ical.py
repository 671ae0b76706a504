"""iCalendar output for events and call deadlines: the pages as entries of `workflows.ical`."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar

from workflows.ical import CalendarEntry, calendar_for

PRODID = "-//European Secretariat for Cluster Analysis//Site//EN"
# A call's deadline shows as a short event ending at the deadline minute.
CALL_DEADLINE_LENGTH = timedelta(minutes=30)
# Calls are run from Brussels: their dates go out in Brussels time, with the zone's definition.
BRUSSELS = ZoneInfo("Europe/Brussels")


def _location(page):
    parts = [page.venue, page.city, page.country.name if page.country else ""]
    return ", ".join(str(part) for part in parts if part)


def event_entry(page, request=None) -> CalendarEntry:
    # The translation key is shared by every language version: one event, one UID.
    return CalendarEntry(
        key=f"event-{page.translation_key}",
        summary=page.title,
        start=page.start,
        end=page.end,
        description=page.summary,
        location=_location(page),
        url=page.get_full_url(request),
        last_modified=page.last_published_at or page.latest_revision_created_at or timezone.now(),
    )


def call_entry(page, request=None) -> CalendarEntry:
    return CalendarEntry(
        key=f"call-{page.translation_key}",
        summary=_("Deadline: %(title)s") % {"title": page.title},
        start=page.closes_at - CALL_DEADLINE_LENGTH,
        end=page.closes_at,
        description=page.summary,
        url=page.get_full_url(request),
    )


def deadline_entry(page, deadline, request=None) -> CalendarEntry:
    """One date of a call (`CallPage.deadlines()`), in Brussels time.

    The final deadline is the call's entry of the deadlines feed (its UID and summary), so the two
    never make a calendar hold it twice; a further date adds its block id, which translations share.
    """
    key = f"call-{page.translation_key}"
    if deadline.final:
        summary = _("Deadline: %(title)s") % {"title": page.title}
    else:
        key = f"{key}-{deadline.key}"
        summary = f"{deadline.label}: {page.title}"
    at = timezone.localtime(deadline.at, BRUSSELS)
    return CalendarEntry(
        key=key,
        summary=summary,
        start=at - CALL_DEADLINE_LENGTH,
        end=at,
        description=page.summary,
        url=page.get_full_url(request),
        last_modified=page.last_published_at,
    )


def _with_timezones(data: bytes) -> bytes:
    # A DTSTART with a TZID needs that zone's VTIMEZONE (RFC 5545 3.6.5); UTC times need none.
    calendar = Calendar.from_ical(data)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(name, entries, filename) -> HttpResponse:
    """A download of the calendar `name` holding `entries`, saved as `filename`."""
    response = HttpResponse(
        _with_timezones(calendar_for(entries, prodid=PRODID, name=name)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
