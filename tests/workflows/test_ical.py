"""One iCalendar builder (workflows.ical): entries in, a calendar file out."""

from datetime import UTC, datetime

import time_machine
from icalendar import Calendar

from workflows.ical import CalendarEntry, calendar_for, uid_host

START = datetime(2027, 1, 12, 9, tzinfo=UTC)
END = datetime(2027, 1, 12, 9, 30, tzinfo=UTC)


def parse(data):
    assert isinstance(data, bytes)
    return Calendar.from_ical(data)


def test_a_full_entry_and_the_calendar_around_it(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://Secretariat.Example:8443/admin/"
    entry = CalendarEntry(
        key="meeting-7",
        summary="Steering group",
        start=START,
        end=END,
        description="Second meeting",
        location="Brussels",
        url="https://secretariat.example/meeting/7/",
        last_modified=datetime(2027, 1, 1, tzinfo=UTC),
    )
    with time_machine.travel(datetime(2027, 1, 2, 8, tzinfo=UTC), tick=False):
        calendar = parse(calendar_for([entry], prodid="-//Tests//Calendar//EN", name="Meetings"))
    assert str(calendar["prodid"]) == "-//Tests//Calendar//EN"
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["method"]) == "PUBLISH"
    assert str(calendar["x-wr-calname"]) == "Meetings"
    assert str(calendar["x-wr-timezone"]) == "Europe/Brussels"
    [event] = calendar.walk("VEVENT")
    # The host without its port or case, never a path.
    assert str(event["uid"]) == "meeting-7@secretariat.example"
    assert str(event["summary"]) == "Steering group"
    assert event.decoded("dtstart") == START
    assert event.decoded("dtend") == END
    assert event.decoded("dtstamp") == datetime(2027, 1, 2, 8, tzinfo=UTC)
    assert event.decoded("last-modified") == datetime(2027, 1, 1, tzinfo=UTC)
    assert str(event["description"]) == "Second meeting"
    assert str(event["location"]) == "Brussels"
    assert str(event["url"]) == "https://secretariat.example/meeting/7/"


def test_empty_texts_are_left_out():
    calendar = parse(calendar_for([CalendarEntry("x-1", "Deadline", START, END)], prodid="-//T//T//EN"))
    assert "x-wr-calname" not in calendar
    [event] = calendar.walk("VEVENT")
    for name in ("description", "location", "url", "last-modified"):
        assert name not in event


def test_several_entries_in_order_and_none_at_all():
    entries = [CalendarEntry(f"e-{n}", f"Entry {n}", START, END) for n in (2, 1, 3)]
    calendar = parse(calendar_for(entries, prodid="-//T//T//EN"))
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Entry 2", "Entry 1", "Entry 3"]
    assert parse(calendar_for([], prodid="-//T//T//EN")).walk("VEVENT") == []


def test_the_uid_host_falls_back_to_localhost(settings):
    settings.WAGTAILADMIN_BASE_URL = ""
    assert uid_host() == "localhost"
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    assert uid_host() == "testserver"
