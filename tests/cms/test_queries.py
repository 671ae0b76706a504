"""Every page renders in a number of queries that does not grow with its content.

Each scenario renders a page with 3 and then with 12 items (children of a listing, search
hits, or the blocks, documents and topics of a detail page) and counts the queries of a
warm request: the count must stay under one bound, and 12 items must not cost more than 3.
`pytest tests/cms/test_queries.py -s` prints the counts.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.rich_text import RichText

from cms.models import CallIndexPage, EventIndexPage, NewsCategory, NewsIndexPage, PublicationIndexPage
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

# One bound for every page of the site, whatever it shows.
MAX_QUERIES = 30
SMALL, LARGE = 3, 12


def _translated(page):
    """Pages of the real site have language versions: alternates are part of the cost."""
    translate(page, "de")
    return page


def _index(model):
    return _translated(index_page(model))


def _news(count):
    index = _index(NewsIndexPage)
    for number in range(count):
        category = NewsCategory.STUDY if number % 2 else NewsCategory.NEWS
        NewsArticlePageFactory(parent=index, category=category)
    return index.url


def _calls(count):
    index = _index(CallIndexPage)
    now = timezone.now()
    for number in range(count):
        # Alternate open and closed calls so both lists of the index grow.
        closes = now + timedelta(days=number + 1) if number % 2 else now - timedelta(days=number + 1)
        CallPageFactory(
            parent=index,
            programme=ProgrammeFactory(),
            opens_at=closes - timedelta(days=60),
            closes_at=closes,
            eligible_countries=["DE", "FR"],
        )
    return index.url


def _events(count):
    index = _index(EventIndexPage)
    now = timezone.now()
    for number in range(count):
        start = now + timedelta(days=number + 1) if number % 2 else now - timedelta(days=number + 1)
        EventPageFactory(parent=index, start=start, end=start + timedelta(hours=4))
    return index.url


def _publications(count):
    index = _index(PublicationIndexPage)
    for _number in range(count):
        publication = PublicationPageFactory(parent=index, pdf=DocumentFactory())
        PublicationTopicFactory(page=publication)
        PublicationTopicFactory(page=publication)
    return index.url


def listing(populate, url_suffix=""):
    """A listing scenario: add items until the listing holds `total` of them."""

    def scenario(total, state):
        added = state.setdefault("added", 0)
        url = populate(total - added)
        state["added"] = total
        return url + url_suffix

    return scenario


def home(total, state):
    added = state.get("added", 0)
    _news(total - added)
    _calls(total - added)
    _events(total - added)
    state["added"] = total
    return _translated(english_home()).url


def search(total, state):
    added = state.get("added", 0)
    for number in range(added, total):
        NewsArticlePageFactory(title=f"Zeppelin cluster news {number}")
        StandardPageFactory(title=f"Zeppelin cluster page {number}")
    state["added"] = total
    call_command("update_index", verbosity=0)
    return "/en/search/?q=zeppelin"


def standard_page(count, state):
    image = ImageFactory()
    document = DocumentFactory()
    if "target" not in state:
        state["target"] = StandardPageFactory(title="Target")
    about = state["target"]
    body = []
    for number in range(count):
        body += [
            ("heading", {"text": f"Section {number}", "level": "h2"}),
            ("paragraph", RichText(f"<p>Paragraph {number}.</p>")),
            ("image", {"image": ImageFactory() if number % 2 else image, "alt_text": "A", "caption": ""}),
            ("document", {"document": DocumentFactory() if number % 2 else document, "title": ""}),
            ("call_to_action", {"text": "More", "page": about, "url": ""}),
        ]
    return _translated(StandardPageFactory(body=body)).url


def news_article(count, state):
    related = []
    for _number in range(count):
        related += [("page", StandardPageFactory()), ("document", DocumentFactory())]
    return _translated(NewsArticlePageFactory(related=related)).url


def german_news_article(count, state):
    """Its related pages were chosen in English; the German page links their German versions."""
    related = []
    for _number in range(count):
        related += [("page", _translated(StandardPageFactory())), ("document", DocumentFactory())]
    english = NewsArticlePageFactory(related=related)
    return translate(english, "de").url


def call_page(count, state):
    documents = [("document", DocumentFactory()) for _number in range(count)]
    call = CallPageFactory(programme=ProgrammeFactory(), documents=documents, eligible_countries=["DE", "PL"])
    return _translated(call).url


def event_page(count, state):
    agenda = [
        ("item", {"time": "09:00", "title": f"Talk {n}", "speaker": "Speaker", "description": "x"})
        for n in range(count)
    ]
    documents = [("document", DocumentFactory()) for _number in range(count)]
    return _translated(EventPageFactory(agenda=agenda, documents=documents)).url


def publication_page(count, state):
    publication = PublicationPageFactory(pdf=DocumentFactory())
    for _number in range(count):
        PublicationTopicFactory(page=publication)
    publication.save_revision().publish()
    return _translated(publication).url


SCENARIOS = {
    "home page": home,
    "news index": listing(_news),
    "news index, category filter": listing(_news, "?category=study"),
    "calls index": listing(_calls),
    "events index": listing(_events),
    "publications index": listing(_publications),
    "publications index, type filter": listing(_publications, "?type=study"),
    "search results": search,
    "standard page (blocks)": standard_page,
    "news article (related items)": news_article,
    "German news article (related items)": german_news_article,
    "call page (documents)": call_page,
    "event page (agenda, documents)": event_page,
    "publication page (topics)": publication_page,
}


def count_queries(client, url, django_assert_max_num_queries, label):
    client.get(url)  # warm: compiled templates, site root paths, content types
    captured = []
    try:
        with django_assert_max_num_queries(MAX_QUERIES, info=label) as captured:
            response = client.get(url)
    finally:
        print(f"\n{label}: {len(captured)} queries")
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("name", SCENARIOS)
def test_query_count_does_not_grow_with_content(client, django_assert_max_num_queries, name):
    build = SCENARIOS[name]
    state = {}
    small = count_queries(
        client, build(SMALL, state), django_assert_max_num_queries, f"{name}, {SMALL} items"
    )
    large = count_queries(
        client, build(LARGE, state), django_assert_max_num_queries, f"{name}, {LARGE} items"
    )
    assert large <= small, f"{name}: {small} queries with {SMALL} items but {large} with {LARGE}"
