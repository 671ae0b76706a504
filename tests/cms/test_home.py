"""The home page's teasers: latest news, open calls, upcoming events of its own language."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.cms.factories import (
    CallPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    english_home,
    home_in,
    translate,
)

pytestmark = pytest.mark.django_db


def context(rf, home):
    return home.get_context(rf.get(home.url))


def test_latest_three_news_newest_first(rf):
    articles = [NewsArticlePageFactory(date=date(2026, 1, day)) for day in (3, 9, 1, 7)]
    NewsArticlePageFactory(date=date(2026, 1, 30), publish=False)
    assert list(context(rf, english_home())["latest_news"]) == [articles[1], articles[3], articles[0]]


def test_open_calls_by_deadline_without_forthcoming_or_closed(rf):
    now = timezone.now()
    late = CallPageFactory(opens_at=now - timedelta(days=5), closes_at=now + timedelta(days=50))
    soon = CallPageFactory(opens_at=now - timedelta(days=5), closes_at=now + timedelta(days=2))
    CallPageFactory(opens_at=now + timedelta(days=5), closes_at=now + timedelta(days=9))
    CallPageFactory(opens_at=now - timedelta(days=50), closes_at=now - timedelta(minutes=1))
    assert list(context(rf, english_home())["open_calls"]) == [soon, late]


def test_upcoming_events_soonest_first_at_most_three(rf):
    now = timezone.now()
    events = [
        EventPageFactory(start=now + timedelta(days=days), end=now + timedelta(days=days, hours=2))
        for days in (9, 2, 30, 5)
    ]
    EventPageFactory(start=now - timedelta(days=3), end=now - timedelta(days=3, hours=-2))
    assert list(context(rf, english_home())["upcoming_events"]) == [events[1], events[3], events[0]]


def test_teasers_come_from_the_home_page_language_only(rf):
    article = NewsArticlePageFactory()
    call = CallPageFactory()
    event = EventPageFactory()
    german = {page: translate(page, "de") for page in (article, call, event)}
    translate(NewsArticlePageFactory(), "de", publish=False)

    german_context = context(rf, home_in("de"))
    assert list(german_context["latest_news"]) == [german[article]]
    assert list(german_context["open_calls"]) == [german[call]]
    assert list(german_context["upcoming_events"]) == [german[event]]

    french_context = context(rf, home_in("fr"))
    assert [list(french_context[key]) for key in ("latest_news", "open_calls", "upcoming_events")] == [
        [],
        [],
        [],
    ]
