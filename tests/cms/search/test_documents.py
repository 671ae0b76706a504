"""What the site search knows of each page type: kind, date, openness, topics, texts by weight."""

import datetime
from datetime import UTC

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from cms.models import HomePage, NewsIndexPage, Topic
from cms.search.documents import build, is_searchable, restricted_paths, topics_of, under
from tests.cms.factories import (
    CallPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    PublicationPageFactory,
    PublicationTopicFactory,
    StandardPageFactory,
    TopicFactory,
    english_home,
    index_page,
    locale,
    translate,
)

pytestmark = pytest.mark.django_db


def moment(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def test_a_news_article_is_news_of_its_date_with_its_summary_apart_from_its_body():
    page = NewsArticlePageFactory(
        title="Clusters meet in Vilnius",
        date=datetime.date(2024, 3, 5),
        summary="Baltic cluster managers gathered.",
        body=[("paragraph", RichText("<p>Three days of <b>workshops</b> &amp; visits.</p>"))],
    )
    document = build(page)
    assert document.kind == "news"
    assert document.language == "en"
    assert document.date == datetime.date(2024, 3, 5)
    assert document.open_until is None
    assert document.topics == []
    assert document.title == "Clusters meet in Vilnius"
    assert document.summary == "Baltic cluster managers gathered."
    assert "Three days of workshops & visits." in document.body
    assert "Baltic" not in document.body


def test_a_call_is_dated_by_its_deadline_in_brussels_and_open_until_it():
    # 22:30 UTC on 30 June is 00:30 on 1 July in Brussels (summer time): the deadline's day there.
    closes = moment(2026, 6, 30, 22, 30)
    page = CallPageFactory(opens_at=moment(2026, 5, 1, 8), closes_at=closes, summary="Vouchers for SMEs.")
    document = build(page)
    assert document.kind == "call"
    assert document.date == datetime.date(2026, 7, 1)
    assert document.open_until == closes
    assert document.summary == "Vouchers for SMEs."


def test_an_event_is_dated_by_its_start_and_open_until_its_end():
    page = EventPageFactory(start=moment(2026, 10, 14, 7), end=moment(2026, 10, 15, 15))
    document = build(page)
    assert document.kind == "event"
    assert document.date == datetime.date(2026, 10, 14)
    assert document.open_until == moment(2026, 10, 15, 15)
    # City and venue are searched as body text.
    assert "Brussels" in document.body
    assert "Square Meeting Centre" in document.body


def test_a_publication_has_its_date_and_its_topics():
    page = PublicationPageFactory(
        date=datetime.date(2023, 11, 20), abstract="<p>Benchmarking 500 clusters.</p>"
    )
    first = TopicFactory(name="Digital transition")
    second = TopicFactory(name="Green transition")
    PublicationTopicFactory(page=page, topic=second)
    PublicationTopicFactory(page=page, topic=first)
    document = build(page)
    assert document.kind == "publication"
    assert document.date == datetime.date(2023, 11, 20)
    assert document.open_until is None
    assert document.topics == sorted([first.pk, second.pk])
    assert document.summary == "Benchmarking 500 clusters."


def test_a_translated_publication_lists_the_topics_of_its_own_language():
    english_topic = TopicFactory(name="Skills")
    german_topic = Topic.objects.create(
        name="Kompetenzen", locale=locale("de"), translation_key=english_topic.translation_key
    )
    page = PublicationPageFactory(date=datetime.date(2022, 1, 10))
    PublicationTopicFactory(page=page, topic=english_topic)
    german = translate(page, "de")
    # The translation's topic rows still point at the English topic, as a copy leaves them.
    assert list(german.topics.values_list("topic_id", flat=True)) == [english_topic.pk]
    assert build(german).topics == [german_topic.pk]
    assert build(german).language == "de"
    assert topics_of([page, german]) == {page.pk: [english_topic.pk], german.pk: [german_topic.pk]}


def test_a_standard_page_is_dated_by_its_first_publication_in_brussels():
    page = StandardPageFactory(title="About us")
    # 23:30 UTC on 31 December 2025 is already 1 January 2026 in Brussels.
    Page.objects.filter(pk=page.pk).update(first_published_at=moment(2025, 12, 31, 23, 30))
    page.refresh_from_db()
    document = build(page)
    assert document.kind == "page"
    assert document.date == datetime.date(2026, 1, 1)
    assert document.open_until is None
    # A standard page has no summary field: its texts are body (the promotion tab's description is
    # not one of its search fields).
    assert document.summary == ""
    assert "Who we are" in document.body
    assert "Clusters grow regions." in document.body


def test_home_and_listing_pages_are_overviews():
    assert build(english_home()).kind == "index"
    assert build(index_page(NewsIndexPage).specific).kind == "index"


def test_topics_of_pages_without_publications_is_empty():
    assert topics_of([StandardPageFactory(), english_home()]) == {}


def test_the_root_a_draft_and_a_restricted_page_are_not_searchable():
    root = Page.objects.get(depth=1)
    draft = StandardPageFactory(publish=False)
    section = StandardPageFactory(title="Members only")
    inside = StandardPageFactory(title="Minutes", parent=section)
    outside = StandardPageFactory(title="Public")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    restricted = restricted_paths()
    assert restricted == {section.path}
    for page, expected in [(root, False), (draft, False), (section, False), (inside, False), (outside, True)]:
        assert is_searchable(page) is expected, page.title
        assert is_searchable(page, restricted) is expected, page.title
    assert isinstance(english_home(), HomePage)
    assert is_searchable(english_home()) is True


def test_under_follows_the_tree_paths():
    assert under("000100020003", {"00010002"})
    assert under("00010002", {"00010002"})
    assert not under("00010003", {"00010002"})
    assert not under("0001", {"00010002"})
    # A path that merely starts with the same characters at another depth is not below it.
    assert not under("000100020003", {"000100"})
