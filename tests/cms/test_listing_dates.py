"""Listings and search results show each page's date in a <time datetime>, written the visitor's way."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from tests.cms.factories import (
    CallPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    PublicationPageFactory,
    translate,
)
from tests.cms.markup import soup

BRUSSELS = ZoneInfo("Europe/Brussels")

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    pages = {
        "news": NewsArticlePageFactory(title="Zeppelin news", date=date(2026, 3, 5)),
        "call": CallPageFactory(
            title="Zeppelin call",
            opens_at=datetime(2026, 1, 5, 9, 0, tzinfo=BRUSSELS),
            closes_at=datetime(2026, 5, 7, 17, 0, tzinfo=BRUSSELS),
        ),
        "event": EventPageFactory(
            title="Zeppelin workshop",
            start=datetime(2026, 6, 9, 9, 0, tzinfo=BRUSSELS),
            end=datetime(2026, 6, 10, 17, 0, tzinfo=BRUSSELS),
        ),
        "publication": PublicationPageFactory(title="Zeppelin study", date=date(2026, 2, 3)),
    }
    for language in ("de", "pl"):
        for page in pages.values():
            translate(page, language, title=f"Zeppelin {page.pk} {language}")
    call_command("update_index", verbosity=0)
    return pages


def result_dates(client, language):
    response = client.get(f"/{language}/search/", {"q": "Zeppelin"})
    assert response.status_code == 200
    dates = {}
    for item in soup(response).select(".search-result"):
        when = item.select_one(".page-date")
        dates[tuple(time["datetime"] for time in when.select("time"))] = when.get_text(" ", strip=True)
    return dates


EXPECTED = {
    "en": {
        ("2026-03-05",): "March 5, 2026",
        ("2026-05-07T17:00:00+02:00",): "Deadline: May 7, 2026, 5 p.m. (Brussels time)",
        ("2026-06-09T09:00:00+02:00", "2026-06-10T17:00:00+02:00"): "June 9, 2026 – June 10, 2026",
        ("2026-02-03",): "Feb. 3, 2026",
    },
    "de": {
        ("2026-03-05",): "5. März 2026",
        ("2026-05-07T17:00:00+02:00",): "Einreichungsfrist: 7. Mai 2026 17:00 (Brüsseler Zeit)",
        ("2026-06-09T09:00:00+02:00", "2026-06-10T17:00:00+02:00"): "9. Juni 2026 – 10. Juni 2026",
        ("2026-02-03",): "3. Februar 2026",
    },
    "pl": {
        ("2026-03-05",): "5 marca 2026",
        ("2026-05-07T17:00:00+02:00",): "Termin: 7 maja 2026 17:00 (czasu brukselskiego)",
        ("2026-06-09T09:00:00+02:00", "2026-06-10T17:00:00+02:00"): "9 czerwca 2026 – 10 czerwca 2026",
        ("2026-02-03",): "3 lutego 2026",
    },
}


@pytest.mark.parametrize("language", ["en", "de", "pl"])
def test_search_results_carry_their_dates_in_the_visitors_language(client, pages, language):
    assert result_dates(client, language) == EXPECTED[language]


CARD_DATES = {
    "de": {
        "news": ("2026-03-05", "5. März 2026"),
        "publication": ("2026-02-03", "3. Februar 2026"),
        "event": ("2026-06-09T09:00:00+02:00", "9. Juni 2026"),
    },
    "pl": {
        "news": ("2026-03-05", "5 marca 2026"),
        "publication": ("2026-02-03", "3 lutego 2026"),
        "event": ("2026-06-09T09:00:00+02:00", "9 czerwca 2026"),
    },
}


@pytest.mark.parametrize("language", ["de", "pl"])
def test_index_cards_carry_their_dates_in_the_visitors_language(client, pages, language):
    for kind, (stamp, shown) in CARD_DATES[language].items():
        translated = pages[kind].get_translation(Locale.objects.get(language_code=language))
        listing = soup(client.get(translated.get_parent().url))
        times = {time["datetime"]: time.get_text() for time in listing.select(f".card--{kind} time")}
        assert times[stamp] == shown, (language, kind)
