"""iCalendar files (RFC 5545) from plain entries: one builder for every calendar the project sends.

A caller describes each entry (`CalendarEntry`) and gets the file's bytes from `calendar_for`.
An entry's `key` is stable over time and languages ("event-<translation key>", "invitation-12"):
the UID adds the site's host, so a calendar that imported an entry once updates it on the next
download instead of adding a copy.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


@dataclass(frozen=True)
class CalendarEntry:
    """One VEVENT: what happens when, and where to read more; empty texts are left out."""

    key: str
    summary: str
    start: datetime
    end: datetime
    description: str = ""
    location: str = ""
    url: str = ""
    last_modified: datetime | None = None


def uid_host() -> str:
    """The host that makes our UIDs unique: the site's, from WAGTAILADMIN_BASE_URL."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def uid(key: str) -> str:
    return f"{key}@{uid_host()}"


def _vevent(entry: CalendarEntry, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid(entry.key))
    event.add("summary", entry.summary)
    event.add("dtstart", entry.start)
    event.add("dtend", entry.end)
    event.add("dtstamp", stamp)
    if entry.last_modified:
        event.add("last-modified", entry.last_modified)
    if entry.description:
        event.add("description", entry.description)
    if entry.location:
        event.add("location", entry.location)
    if entry.url:
        event.add("url", entry.url)
    return event


def calendar_for(entries: Iterable[CalendarEntry], *, prodid: str, name: str = "") -> bytes:
    """A published calendar of `entries`, named `name` in calendar apps that show one."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", str(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for entry in entries:
        calendar.add_component(_vevent(entry, stamp))
    return calendar.to_ical()
