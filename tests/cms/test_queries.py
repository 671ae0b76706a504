"""Every public page of the site renders in a number of queries that does not grow with its content.

Each scenario builds a page's content in steps (`sizes`: the number of items behind the page)
and counts the queries of a warm request after each step, in English and in German. A list the
page caps is measured below, at and above its cap (the home page shows three cards of each kind:
1, 3 and 4 items; an index shows ten a page: 1, 10 and 11), so that a query per card shows as a
difference; every scenario also checks that the page shows the number of items it should, so a
cap that changes cannot make the scenario blind. The counts must be equal at every size and stay
under the page's bound (the count measured when it was written, plus a small margin).
`pytest tests/cms/test_queries.py -s` prints the counts.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.rich_text import RichText

from cms.models import (
    CallIndexPage,
    EventIndexPage,
    NewsCategory,
    NewsIndexPage,
    PublicationIndexPage,
    PublicationType,
)
from tests.cms.factories import (
    CallPageFactory,
    DocumentFactory,
    EventPageFactory,
    ImageFactory,
    NewsArticlePageFactory,
    ProgrammeFactory,
    PublicationPageFactory,
    PublicationTopicFactory,
    StandardPageFactory,
    english_home,
    index_page,
    translate,
)
from tests.query_counts import assert_constant_and_bounded, measure

# What the pages show at most, written here by hand: the scenarios straddle these.
HOME_CARDS = 3  # of each kind: open calls, upcoming events, latest news
PAGE_SIZE = 10  # cards on a page of an index, results on a page of search
FEED_ENTRIES = 20  # entries of the Atom feed

Build = Callable[[str, int, dict], str]


@dataclass(frozen=True)
class Scenario:
    """A page and how to fill it.

    `build(language, size, state)` grows the content to `size` items (`state` carries what earlier
    steps made) and returns the URL to measure; `shown` counts the items in the response's text and
    `expected` says, by hand, how many a given size must show.
    """

    build: Build
    sizes: tuple[int, ...]
    bound: int
    shown: Callable[[str], int] | None = None
    expected: Callable[[int], int] | None = None
    languages: tuple[str, ...] = ("en", "de")


def cards(html: str) -> int:
    return html.count('<article class="card')


def _translated(page):
    """Pages of the real site have language versions: their alternates are part of the cost."""
    translate(page, "de")
    return page


def _in(language: str, page):
    """The version of `page` in `language` (the page itself in English)."""
    return page if language == "en" else translate(page, language)


def _index(model, language: str):
    """The index page of `model` in `language`; its English original has a German version."""
    return _in(language, _translated(index_page(model)))


def _grow(state: dict, size: int) -> range:
    """The numbers of the items still to add to reach `size`."""
    added = state.get("added", 0)
    state["added"] = size
    return range(added, size)


# Listings ------------------------------------------------------------------------------------


def _news(language, numbers, category=None):
    index = _index(NewsIndexPage, language)
    for number in numbers:
        chosen = category or (NewsCategory.STUDY if number % 2 else NewsCategory.NEWS)
        NewsArticlePageFactory(parent=index, category=chosen)
    return index


def _calls(language, numbers, *, closed=True):
    """One open call per number, and as many closed ones (the index lists both)."""
    index = _index(CallIndexPage, language)
    now = timezone.now()
    for number in numbers:
        programme = ProgrammeFactory()
        closes = now + timedelta(days=number + 1)
        CallPageFactory(
            parent=index,
            programme=programme,
            opens_at=now - timedelta(days=60),
            closes_at=closes,
            eligible_countries=["DE", "FR"],
        )
        if closed:
            closes = now - timedelta(days=number + 1)
            CallPageFactory(
                parent=index,
                programme=programme,
                opens_at=closes - timedelta(days=60),
                closes_at=closes,
                eligible_countries=["DE", "FR"],
            )
    return index


def _events(language, numbers, *, past=True):
    """One upcoming event per number, and as many past ones (the index lists both)."""
    index = _index(EventIndexPage, language)
    now = timezone.now()
    for number in numbers:
        start = now + timedelta(days=number + 1)
        EventPageFactory(parent=index, start=start, end=start + timedelta(hours=4))
        if past:
            start = now - timedelta(days=number + 1)
            EventPageFactory(parent=index, start=start, end=start + timedelta(hours=4))
    return index


def _publications(language, numbers, kind=PublicationType.STUDY):
    index = _index(PublicationIndexPage, language)
    for _number in numbers:
        publication = PublicationPageFactory(parent=index, publication_type=kind, pdf=DocumentFactory())
        PublicationTopicFactory(page=publication)
        PublicationTopicFactory(page=publication)
    return index


def home(language, size, state):
    numbers = _grow(state, size)
    _news(language, numbers)
    _calls(language, numbers, closed=False)
    _events(language, numbers, past=False)
    return _in(language, _translated(english_home())).url


def news_index(language, size, state):
    return _news(language, _grow(state, size)).url


def news_index_filtered(language, size, state):
    numbers = _grow(state, size)
    _news(language, numbers, category=NewsCategory.NEWS)  # filtered out
    return _news(language, numbers, category=NewsCategory.STUDY).url + "?category=study"


def calls_index(language, size, state):
    return _calls(language, _grow(state, size)).url


def events_index(language, size, state):
    return _events(language, _grow(state, size)).url


def publications_index(language, size, state):
    return _publications(language, _grow(state, size)).url


def publications_index_filtered(language, size, state):
    numbers = _grow(state, size)
    _publications(language, numbers, kind=PublicationType.POLICY_BRIEF)  # filtered out
    return _publications(language, numbers).url + "?type=study"


def search(language, size, state):
    index = _index(NewsIndexPage, language)
    for number in _grow(state, size):
        NewsArticlePageFactory(parent=index, title=f"Zeppelin cluster news {language} {number}")
    call_command("update_index", verbosity=0)
    return f"/{language}/search/?q=zeppelin"


# Detail pages: a new page per size, with `size` blocks, documents or topics ---------------------


def standard_page(language, size, state):
    image = ImageFactory()
    document = DocumentFactory()
    about = state.setdefault("target", _translated(StandardPageFactory()))
    body = []
    for number in range(size):
        body += [
            ("heading", {"text": f"Section {number}", "level": "h2"}),
            ("paragraph", RichText(f"<p>Paragraph {number}.</p>")),
            ("image", {"image": ImageFactory() if number % 2 else image, "alt_text": "A", "caption": ""}),
            ("document", {"document": DocumentFactory() if number % 2 else document, "title": ""}),
            ("call_to_action", {"text": "More", "page": about, "url": ""}),
        ]
    return _in(language, _translated(StandardPageFactory(body=body))).url


def news_article(language, size, state):
    """Its related pages were chosen in English; the German version links their German versions."""
    related = []
    for _number in range(size):
        related += [("page", _translated(StandardPageFactory())), ("document", DocumentFactory())]
    return _in(language, _translated(NewsArticlePageFactory(related=related))).url


def call_page(language, size, state):
    documents = [("document", DocumentFactory()) for _number in range(size)]
    call = CallPageFactory(programme=ProgrammeFactory(), documents=documents, eligible_countries=["DE", "PL"])
    return _in(language, _translated(call)).url


def event_page(language, size, state):
    agenda = [
        ("item", {"time": "09:00", "title": f"Talk {n}", "speaker": "Speaker", "description": "x"})
        for n in range(size)
    ]
    documents = [("document", DocumentFactory()) for _number in range(size)]
    return _in(language, _translated(EventPageFactory(agenda=agenda, documents=documents))).url


def publication_page(language, size, state):
    publication = PublicationPageFactory(pdf=DocumentFactory())
    for _number in range(size):
        PublicationTopicFactory(page=publication)
    publication.save_revision().publish()
    return _in(language, _translated(publication)).url


# Feeds, calendars, sitemap --------------------------------------------------------------------


def news_feed(language, size, state):
    _news(language, _grow(state, size))
    return f"/{language}/feeds/news/"


def events_calendar(language, size, state):
    _events(language, _grow(state, size))
    return f"/{language}/feeds/events.ics"


def calls_calendar(language, size, state):
    _calls(language, _grow(state, size))
    return f"/{language}/feeds/call-deadlines.ics"


def event_calendar(language, size, state):
    return _in(language, _translated(EventPageFactory())).url + "event.ics"


def sitemap(language, size, state):
    for number in _grow(state, size):
        _translated(StandardPageFactory(title=f"Sitemap page {number}"))
    return "/sitemap.xml"


def vevents(text: str) -> int:
    return text.count("BEGIN:VEVENT")


SITEMAP_PAGE = re.compile(r"<loc>[^<]*/sitemap-page-\d+/</loc>")


def search_results(text: str) -> int:
    return text.count('<li class="search-result">')


def atom_entries(text: str) -> int:
    return text.count("<entry>")


def sitemap_pages(text: str) -> int:
    return len(SITEMAP_PAGE.findall(text))


def one_page(size: int) -> int:
    return min(size, PAGE_SIZE)


# Bounds: the count measured when the scenario was written (English, German; the same on SQLite
# and PostgreSQL), plus two.
SCENARIOS = {
    # 20, 21
    "home page": Scenario(home, (1, 3, 4), bound=23, shown=cards, expected=lambda n: 3 * min(n, HOME_CARDS)),
    # 20, 21
    "news index": Scenario(news_index, (1, 10, 11), bound=23, shown=cards, expected=one_page),
    # 20, 21
    "news index, category filter": Scenario(
        news_index_filtered, (1, 10, 11), bound=23, shown=cards, expected=one_page
    ),
    # 21, 22: open calls are not paged, closed ones are
    "calls index": Scenario(
        calls_index, (1, 10, 11), bound=24, shown=cards, expected=lambda n: n + one_page(n)
    ),
    # 21, 22: upcoming events are not paged, past ones are
    "events index": Scenario(
        events_index, (1, 10, 11), bound=24, shown=cards, expected=lambda n: n + one_page(n)
    ),
    # 20, 21
    "publications index": Scenario(publications_index, (1, 10, 11), bound=23, shown=cards, expected=one_page),
    # 20, 21
    "publications index, type filter": Scenario(
        publications_index_filtered, (1, 10, 11), bound=23, shown=cards, expected=one_page
    ),
    # 12, 12 on SQLite; 17, 17 on PostgreSQL, whose engine bounds a search's time in a transaction of
    # its own (BEGIN, the settings, COMMIT) and asks the vocabulary and the facets apart
    "search results": Scenario(
        search,
        (1, 10, 11),
        bound=19 if connection.vendor == "postgresql" else 14,
        shown=search_results,
        expected=one_page,
    ),
    # 21, 23
    "standard page (blocks)": Scenario(standard_page, (1, 6), bound=25),
    # 22, 24
    "news article (related items)": Scenario(news_article, (1, 6), bound=26),
    # 21, 22
    "call page (documents)": Scenario(call_page, (1, 6), bound=24),
    # 20, 21
    "event page (agenda, documents)": Scenario(event_page, (1, 6), bound=23),
    # 21, 23
    "publication page (topics)": Scenario(publication_page, (1, 6), bound=25),
    # 4, 4
    "news feed (Atom)": Scenario(
        news_feed, (1, 20, 21), bound=6, shown=atom_entries, expected=lambda n: min(n, FEED_ENTRIES)
    ),
    # 3, 3
    "events calendar (.ics)": Scenario(events_calendar, (1, 6), bound=5, shown=vevents, expected=lambda n: n),
    # 3, 3
    "call deadlines calendar (.ics)": Scenario(
        calls_calendar, (1, 6), bound=5, shown=vevents, expected=lambda n: n
    ),
    # 10, 11
    "an event's calendar file (.ics)": Scenario(
        event_calendar, (1,), bound=13, shown=vevents, expected=lambda n: 1
    ),
    # 9 (one sitemap for every language)
    "sitemap.xml": Scenario(
        sitemap,
        (1, 6),
        bound=11,
        shown=sitemap_pages,
        expected=lambda n: 2 * n,  # each page and its German version
        languages=("en",),
    ),
}

CASES = [
    pytest.param(name, language, id=f"{name} [{language}]")
    for name, scenario in SCENARIOS.items()
    for language in scenario.languages
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "language"), CASES)
def test_queries_do_not_grow_with_content(client, name, language):
    scenario = SCENARIOS[name]
    state: dict = {}
    measures = []
    for size in scenario.sizes:
        url = scenario.build(language, size, state)
        found = measure(client, url, f"{name} [{language}], {size} items")
        if scenario.shown is not None and scenario.expected is not None:
            assert scenario.shown(found.text) == scenario.expected(size), (
                f"{found.label}: the page shows {scenario.shown(found.text)} items, "
                f"the scenario expects {scenario.expected(size)}"
            )
        measures.append(found)
    assert_constant_and_bounded(measures, bound=scenario.bound)
