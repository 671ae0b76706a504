"""iCalendar output: an event's own download and the VEVENTs the feeds are made of."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from cms.ical import PRODID, call_entry, event_entry
from tests.cms.factories import CallPageFactory, EventPageFactory, home_in, translate
from tests.cms.markup import soup
from workflows.ical import calendar_for

BRUSSELS = ZoneInfo("Europe/Brussels")

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    # The day the clocks go back in Brussels: 09:00 is already winter time (CET).
    return EventPageFactory(
        title="Cluster managers' day",
        slug="cluster-managers-day",
        start=datetime(2026, 10, 25, 9, 0, tzinfo=BRUSSELS),
        end=datetime(2026, 10, 25, 17, 30, tzinfo=BRUSSELS),
        venue="",
        city="Vienna",
        country="AT",
    )


def download(client, page):
    response = client.get(page.url + "event.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


class TestEventDownload:
    def test_event_page_offers_its_calendar_file(self, client, event):
        assert event.reverse_subpage("ics") == "event.ics"
        response, calendar = download(client, event)
        assert response["Content-Disposition"] == 'attachment; filename="cluster-managers-day.ics"'
        assert str(calendar["prodid"]) == PRODID
        assert str(calendar["x-wr-calname"]) == "Cluster managers' day"
        [vevent] = calendar.walk("VEVENT")
        assert vevent.decoded("dtstart") == event.start
        assert vevent.decoded("dtend") == event.end
        assert vevent.decoded("dtstart").astimezone(BRUSSELS).hour == 9
        assert str(vevent["location"]) == "Vienna, Austria"
        assert str(vevent["uid"]) == f"event-{event.translation_key}@testserver"

    def test_event_page_links_to_its_calendar_file(self, client, event):
        response = client.get(event.url)
        links = [a["href"] for a in soup(response).select('a[type="text/calendar"]')]
        assert event.url + "event.ics" in links

    def test_german_version_has_its_own_download_with_the_same_uid(self, client, event):
        german = translate(event, "de", title="Tag der Clustermanager")
        _response, english_calendar = download(client, event)
        _response, german_calendar = download(client, german)
        [english_event] = english_calendar.walk("VEVENT")
        [german_event] = german_calendar.walk("VEVENT")
        assert str(german_event["summary"]) == "Tag der Clustermanager"
        assert german_event["uid"] == english_event["uid"]

    def test_not_served_under_another_language(self, client, event):
        home_in("de")
        assert client.get("/de/events/cluster-managers-day/event.ics").status_code == 404

    def test_draft_event_has_no_download(self, client):
        draft = EventPageFactory(slug="draft-event", publish=False)
        assert client.get(f"/en/events/{draft.slug}/event.ics").status_code == 404

    def test_other_names_are_not_found(self, client, event):
        assert client.get(event.url + "event.vcs").status_code == 404
        assert client.get(event.url + "calendar.ics").status_code == 404


def vevents(*entries):
    return Calendar.from_ical(calendar_for(entries, prodid=PRODID)).walk("VEVENT")


class TestEntries:
    def test_event_without_place_or_summary(self, event):
        event.city = ""
        event.country = ""
        event.summary = ""
        [vevent] = vevents(event_entry(event))
        assert "location" not in vevent
        assert "description" not in vevent
        assert vevent.decoded("last-modified") == event.last_published_at.replace(microsecond=0)

    def test_call_deadline_is_a_half_hour_ending_at_the_deadline(self):
        deadline = datetime(2027, 3, 28, 12, 0, tzinfo=BRUSSELS)
        call = CallPageFactory(
            title="Interreg call", opens_at=deadline - timedelta(days=60), closes_at=deadline
        )
        [vevent] = vevents(call_entry(call))
        assert str(vevent["summary"]) == "Deadline: Interreg call"
        assert vevent.decoded("dtend") == deadline
        assert vevent.decoded("dtstart") == datetime(2027, 3, 28, 11, 30, tzinfo=BRUSSELS)
        assert str(vevent["uid"]) == f"call-{call.translation_key}@testserver"
        assert str(vevent["url"]) == call.get_full_url()

    def test_calendar_round_trips(self, event):
        parsed = Calendar.from_ical(calendar_for([event_entry(event)], prodid=PRODID, name="Events"))
        assert [str(e["summary"]) for e in parsed.walk("VEVENT")] == ["Cluster managers' day"]
        assert str(parsed["calscale"]) == "GREGORIAN"
        assert str(parsed["x-wr-calname"]) == "Events"
