"""The Atom news feed and the iCalendar feeds, one per language."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from cms.feeds import FEED_SIZE
from tests.cms.factories import (
    CallPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    home_in,
    translate,
)

ATOM = "{http://www.w3.org/2005/Atom}"

pytestmark = pytest.mark.django_db


def parse_atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 - the site's own output


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


class TestNewsFeed:
    @pytest.fixture
    def articles(self):
        older = NewsArticlePageFactory(
            title="Cluster study published", date=date(2026, 3, 2), category="study"
        )
        newer = NewsArticlePageFactory(title="Cluster days announced", date=date(2026, 5, 4))
        NewsArticlePageFactory(title="Draft article", publish=False)
        german = translate(newer, "de", title="Clustertage angekündigt")
        return {"older": older, "newer": newer, "german": german}

    def test_english_feed_lists_english_articles_newest_first(self, client, articles):
        feed = parse_atom(client.get("/en/feeds/news/"))
        entries = feed.findall(f"{ATOM}entry")
        assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
            "Cluster days announced",
            "Cluster study published",
        ]
        first = entries[0]
        assert first.find(f"{ATOM}link").get("href") == "http://testserver/en/news/cluster-days-announced/"
        assert first.findtext(f"{ATOM}summary") == articles["newer"].summary
        assert entries[1].find(f"{ATOM}category").get("term") == "Study"
        assert feed.find(f"{ATOM}link").get("href") == "http://testserver/en/"

    def test_german_feed_lists_german_articles_only(self, client, articles):
        home_in("de")
        feed = parse_atom(client.get("/de/feeds/news/"))
        entries = feed.findall(f"{ATOM}entry")
        assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Clustertage angekündigt"]
        assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/de/news/")
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"

    def test_language_without_articles_has_an_empty_feed(self, client, articles):
        assert parse_atom(client.get("/pl/feeds/news/")).findall(f"{ATOM}entry") == []

    def test_feed_is_capped(self, client):
        for day in range(FEED_SIZE + 2):
            NewsArticlePageFactory(date=date(2026, 1, 1) + timedelta(days=day))
        assert len(parse_atom(client.get("/en/feeds/news/")).findall(f"{ATOM}entry")) == FEED_SIZE


class TestEventsCalendar:
    @pytest.fixture
    def events(self):
        now = timezone.now().replace(microsecond=0)
        upcoming = EventPageFactory(
            title="Benchmarking workshop",
            start=now + timedelta(days=10),
            end=now + timedelta(days=10, hours=6),
            venue="Square",
            city="Brussels",
            country="BE",
        )
        ongoing = EventPageFactory(
            title="Cluster week", start=now - timedelta(days=1), end=now + timedelta(days=1)
        )
        past = EventPageFactory(
            title="Past conference", start=now - timedelta(days=9), end=now - timedelta(days=8)
        )
        draft = EventPageFactory(title="Draft event", publish=False)
        german = translate(upcoming, "de", title="Benchmarking-Workshop")
        return {"upcoming": upcoming, "ongoing": ongoing, "past": past, "draft": draft, "german": german}

    def test_lists_upcoming_and_ongoing_live_events(self, client, events):
        calendar = parse_calendar(client.get("/en/feeds/events.ics"))
        assert set(vevents(calendar)) == {"Benchmarking workshop", "Cluster week"}
        assert str(calendar["x-wr-timezone"]) == "Europe/Brussels"
        assert str(calendar["version"]) == "2.0"

    def test_times_are_the_models_and_carry_a_time_zone(self, client, events):
        event = vevents(parse_calendar(client.get("/en/feeds/events.ics")))["Benchmarking workshop"]
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert start.tzinfo is not None and end.tzinfo is not None
        assert (start, end) == (events["upcoming"].start, events["upcoming"].end)
        assert str(event["location"]) == "Square, Brussels, Belgium"
        # Full URLs of pages come from the Site record (hostname and port), not the request.
        assert str(event["url"]) == events["upcoming"].get_full_url()
        assert str(event["url"]).endswith("/en/events/benchmarking-workshop/")

    def test_uid_is_shared_by_the_language_versions(self, client, events):
        home_in("de")
        english = vevents(parse_calendar(client.get("/en/feeds/events.ics")))["Benchmarking workshop"]
        german = vevents(parse_calendar(client.get("/de/feeds/events.ics")))["Benchmarking-Workshop"]
        assert str(english["uid"]) == str(german["uid"])
        assert str(english["uid"]) == f"event-{events['upcoming'].translation_key}@testserver"
        assert str(german["url"]) == events["german"].get_full_url()
        assert "/de/events/" in str(german["url"])

    def test_german_calendar_lists_german_events_only(self, client, events):
        calendar = parse_calendar(client.get("/de/feeds/events.ics"))
        assert set(vevents(calendar)) == {"Benchmarking-Workshop"}

    def test_file_name_names_the_language(self, client, events):
        response = client.get("/fr/feeds/events.ics")
        assert response["Content-Disposition"] == 'attachment; filename="events-fr.ics"'


class TestCallDeadlinesCalendar:
    @pytest.fixture
    def calls(self):
        now = timezone.now().replace(microsecond=0)
        open_call = CallPageFactory(
            title="Cluster excellence call",
            opens_at=now - timedelta(days=5),
            closes_at=now + timedelta(days=20),
        )
        forthcoming = CallPageFactory(
            title="Interregional call", opens_at=now + timedelta(days=5), closes_at=now + timedelta(days=50)
        )
        closed = CallPageFactory(
            title="Closed call", opens_at=now - timedelta(days=50), closes_at=now - timedelta(seconds=1)
        )
        german = translate(open_call, "de", title="Exzellenz-Aufruf")
        return {"open": open_call, "forthcoming": forthcoming, "closed": closed, "german": german}

    def test_lists_deadlines_still_ahead(self, client, calls):
        """Open calls and forthcoming ones (their deadline is ahead too); never closed ones."""
        calendar = parse_calendar(client.get("/en/feeds/call-deadlines.ics"))
        assert set(vevents(calendar)) == {
            "Deadline: Cluster excellence call",
            "Deadline: Interregional call",
        }

    def test_event_ends_at_the_deadline_minute(self, client, calls):
        calendar = parse_calendar(client.get("/en/feeds/call-deadlines.ics"))
        event = vevents(calendar)["Deadline: Cluster excellence call"]
        assert event.decoded("dtend") == calls["open"].closes_at
        assert event.decoded("dtstart") == calls["open"].closes_at - timedelta(minutes=30)
        assert event.decoded("dtend").tzinfo is not None
        assert str(event["description"]) == calls["open"].summary

    def test_uid_is_shared_by_the_language_versions(self, client, calls):
        home_in("de")
        english = parse_calendar(client.get("/en/feeds/call-deadlines.ics"))
        german = parse_calendar(client.get("/de/feeds/call-deadlines.ics"))
        [german_event] = german.walk("VEVENT")
        assert str(german_event["summary"]).endswith("Exzellenz-Aufruf")
        assert str(german_event["uid"]) == str(vevents(english)["Deadline: Cluster excellence call"]["uid"])
        assert str(german_event["uid"]).startswith("call-")
