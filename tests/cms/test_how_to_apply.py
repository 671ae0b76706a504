"""A call says how to apply: documents under translated titles, a contact, dates each with a calendar file."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from cms.models.calls import FINAL_DEADLINE
from tests.cms.factories import CallPageFactory, DocumentFactory, translate
from tests.cms.markup import soup

BRUSSELS = ZoneInfo("Europe/Brussels")
INFO_DAY_ID = "0b6c1d1e-9d5e-4e43-a2a4-7a1f0d1c0001"
STAGE_ONE_ID = "0b6c1d1e-9d5e-4e43-a2a4-7a1f0d1c0002"

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    guide = DocumentFactory(title="guide-v3-final.pdf")
    return CallPageFactory(
        title="Cluster partnerships",
        slug="cluster-partnerships",
        opens_at=datetime(2026, 1, 10, 9, 0, tzinfo=BRUSSELS),
        closes_at=datetime(2026, 4, 30, 17, 0, tzinfo=BRUSSELS),
        how_to_apply="<p>Submit one proposal per partnership.</p>",
        documents=[("document", {"document": guide, "title": "Guide for applicants"})],
        # Written out of order: the page lists dates in time order.
        further_deadlines=[
            {
                "type": "deadline",
                "value": {"label": "Stage 1: registration of intent", "at": "2026-03-31T17:00:00+02:00"},
                "id": STAGE_ONE_ID,
            },
            {
                "type": "deadline",
                "value": {"label": "Information day", "at": "2026-02-12T10:00:00+01:00"},
                "id": INFO_DAY_ID,
            },
        ],
        contact_name="Call helpdesk",
        contact_email="helpdesk@example.org",
        contact_phone="+32 2 123 45 67",
    )


def section(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return soup(response).select_one(".how-to-apply")


def test_the_section_shows_the_text_documents_dates_and_contact(client, call):
    how = section(client, call)
    assert how.select_one("h2").get_text() == "How to apply"
    assert "Submit one proposal per partnership." in how.get_text()
    [document] = how.select(".document-list li")
    assert document.select_one(".document-link__title").get_text() == "Guide for applicants"
    assert document.select_one(".document-link__meta").get_text() == "(PDF)"
    rows = how.select(".deadline")
    assert [row.select_one(".deadline__label").get_text() for row in rows] == [
        "Information day",
        "Stage 1: registration of intent",
        "Final deadline",
    ]
    assert [row.select_one("time")["datetime"] for row in rows] == [
        "2026-02-12T10:00:00+01:00",
        "2026-03-31T17:00:00+02:00",
        "2026-04-30T17:00:00+02:00",
    ]
    assert rows[0].select_one("time").get_text() == "Feb. 12, 2026, 10 a.m."
    assert "Brussels time" in how.select_one(".deadlines__note").get_text()
    assert [row.select_one(".deadline__ics")["href"] for row in rows] == [
        f"{call.url}deadline-{INFO_DAY_ID}.ics",
        f"{call.url}deadline-{STAGE_ONE_ID}.ics",
        f"{call.url}deadline-final.ics",
    ]
    contact = how.select_one(".call-contact address")
    assert contact.get_text("|", strip=True) == "Call helpdesk|helpdesk@example.org|+32 2 123 45 67"
    assert contact.select_one('a[href^="tel:"]')["href"] == "tel:+3221234567"


def test_a_call_without_dates_or_contact_still_lists_its_final_deadline(client):
    call = CallPageFactory(
        opens_at=datetime(2026, 1, 10, 9, 0, tzinfo=BRUSSELS),
        closes_at=datetime(2026, 4, 30, 17, 0, tzinfo=BRUSSELS),
    )
    how = section(client, call)
    assert [row.select_one(".deadline__label").get_text() for row in how.select(".deadline")] == [
        "Final deadline"
    ]
    assert how.select_one(".call-contact") is None
    assert how.select_one(".documents") is None


def test_the_german_page_shows_its_own_titles_labels_and_dates(client, call):
    german = translate(
        call,
        "de",
        title="Clusterpartnerschaften",
        contact_name="Helpdesk zur Ausschreibung",
        documents=[("document", {"document": call.documents[0].value["document"], "title": "Leitfaden"})],
    )
    german.further_deadlines[1].value["label"] = "Informationstag"
    german.save_revision().publish()
    how = section(client, german)
    assert how.select_one("h2").get_text() == "So bewerben Sie sich"
    assert how.select_one(".document-link__title").get_text() == "Leitfaden"
    first = how.select_one(".deadline")
    assert first.select_one(".deadline__label").get_text() == "Informationstag"
    assert first.select_one("time").get_text() == "12. Februar 2026 10:00"
    assert how.select(".deadline")[-1].select_one(".deadline__label").get_text() == "Einreichungsschluss"
    assert "Helpdesk zur Ausschreibung" in how.select_one(".call-contact").get_text()


def download(client, page, key):
    response = client.get(f"{page.url}deadline-{key}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def test_each_date_has_its_own_calendar_file_in_brussels_time(client, call):
    response, calendar = download(client, call, INFO_DAY_ID)
    assert response["Content-Disposition"] == f'attachment; filename="cluster-partnerships-{INFO_DAY_ID}.ics"'
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Information day: Cluster partnerships"
    assert str(event["uid"]) == f"call-{call.translation_key}-{INFO_DAY_ID}@testserver"
    assert event.decoded("dtend") == datetime(2026, 2, 12, 10, 0, tzinfo=BRUSSELS)
    assert event["dtend"].params["TZID"] == "Europe/Brussels"
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Brussels"


def test_the_final_deadline_keeps_the_uid_of_the_deadlines_feed(client, call):
    _response, calendar = download(client, call, FINAL_DEADLINE)
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"call-{call.translation_key}@testserver"
    assert event.decoded("dtend") == datetime(2026, 4, 30, 17, 0, tzinfo=BRUSSELS)
    assert str(event["summary"]) == "Deadline: Cluster partnerships"
    # The feed, after the information day: the stage-1 date and the final deadline, as the downloads.
    with time_machine.travel(datetime(2026, 3, 1, 12, 0, tzinfo=BRUSSELS), tick=False):
        feed = Calendar.from_ical(client.get("/en/feeds/call-deadlines.ics").content)
    assert [(str(entry["uid"]), str(entry["summary"])) for entry in feed.walk("VEVENT")] == [
        (
            f"call-{call.translation_key}-{STAGE_ONE_ID}@testserver",
            "Stage 1: registration of intent: Cluster partnerships",
        ),
        (str(event["uid"]), "Deadline: Cluster partnerships"),
    ]


def test_a_translation_shares_the_uid_of_each_date(client, call):
    german = translate(call, "de", title="Clusterpartnerschaften")
    _response, calendar = download(client, german, STAGE_ONE_ID)
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"call-{call.translation_key}-{STAGE_ONE_ID}@testserver"
    assert str(event["summary"]).endswith(": Clusterpartnerschaften")


def test_an_unknown_date_is_not_found(client, call):
    assert client.get(f"{call.url}deadline-0b6c1d1e-0000-0000-0000-000000000000.ics").status_code == 404
