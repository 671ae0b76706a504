"""Search on Elasticsearch 9: Wagtail's (the admin's) and the site search's own index.

Elasticsearch cannot run on the CI machines: these tests run where ELASTICSEARCH_URL points
at a server (and the `elasticsearch` extra is installed) and skip, visibly, everywhere else.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from cms.models import CallIndexPage, NewsIndexPage, SearchDocument
from cms.search import elasticsearch as site_search
from cms.search.engine import SearchRequest
from cms.search.index import rebuild
from tests.cms.factories import (
    CallPageFactory,
    NewsArticlePageFactory,
    StandardPageFactory,
    home_in,
    index_page,
)
from tests.integration.test_search_postgresql import pages, search  # noqa: F401 - fixture

# `elasticsearch`: the one skip CI allows (tests/conftest.py).
pytestmark = [
    pytest.mark.integration,
    pytest.mark.elasticsearch,
    pytest.mark.services("elasticsearch"),
    pytest.mark.django_db,
]


def test_the_backend_is_elasticsearch():
    assert "Elasticsearch" in type(get_search_backend()).__name__


def test_a_published_page_is_found_in_its_locale_only(pages):  # noqa: F811
    english, german = pages
    call_command("update_index", verbosity=0)
    get_search_backend().refresh_indexes()
    assert search("en", "zephyrine") == [english]
    assert search("de", "quellwasser") == [german]
    assert search("en", "quellwasser") == []


# --- the site search's own index (cms.search.elasticsearch) ---------------------------------------


@pytest.fixture
def site_index(settings):
    """German, Polish and English pages, indexed in an index of the tests' own (dropped after)."""
    settings.ELASTICSEARCH_INDEX_PREFIX = "test_cms_"
    # Made first: publishing below writes to it too (cms.search.backends).
    site_search.reset()
    german_news = NewsArticlePageFactory(
        parent=index_page(NewsIndexPage, home_in("de")),
        title="Konferenzen der Clustermanager im Ostseeraum",
        summary="Die Zusammenarbeit der Cluster in Brüssel.",
        date=datetime.date(2025, 5, 1),
    )
    calls = index_page(CallIndexPage, home_in("de"))
    now = timezone.now()
    closed_call = CallPageFactory(
        parent=calls,
        title="Förderaufruf Clusterkooperation",
        slug="foerderaufruf-alt",
        summary="Förderung für Kooperationen.",
        opens_at=now - datetime.timedelta(days=800),
        closes_at=now - datetime.timedelta(days=700),
    )
    open_call = CallPageFactory(
        parent=calls,
        title="Förderaufruf Clusterkooperation",
        slug="foerderaufruf",
        summary="Förderung für Kooperationen.",
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=30),
    )
    polish = StandardPageFactory(
        parent=home_in("pl"),
        title="Eksperci klastrów w regionach",
        slug="eksperci",
        body=[("paragraph", RichText("<p>Współpraca ekspertów z Brukseli.</p>"))],
    )
    english = StandardPageFactory(
        title="Cluster excellence workshop",
        slug="cluster-workshop",
        body=[("paragraph", RichText("<p>Managers met in Ljubljana &amp; <b>Riga</b>.</p>"))],
    )
    rebuild()
    site_search.reset()
    for row in SearchDocument.objects.all():
        site_search.write(row)
    site_search.refresh()
    yield SimpleNamespace(
        german_news=german_news, closed_call=closed_call, open_call=open_call, polish=polish, english=english
    )
    site_search.drop()


def found(text, language="de", **options):
    return site_search.search(SearchRequest(text, language, **options))


def ids(results):
    return [hit.page_id for hit in results.hits]


def test_german_inflected_unaccented_and_misspelled_forms(site_index):
    news = site_index.german_news.pk
    assert news in ids(found("Konferenz"))
    assert news in ids(found("Brussel"))
    assert news in ids(found("Konferenzn"))
    # A part of a compound: "Ostsee" in "Ostseeraum".
    assert news in ids(found("Ostsee"))


def test_polish_inflected_and_unaccented_forms(site_index):
    polish = site_index.polish.pk
    assert ids(found("ekspert", "pl")) == [polish]
    assert ids(found("wspolpraca", "pl")) == [polish]


def test_a_language_finds_its_pages_only_and_offers_the_others(site_index):
    results = found("Konferenz", "pl")
    assert results.total == 0
    assert results.other_languages == 1
    everywhere = ids(found("cluster", None))
    assert site_index.english.pk in everywhere
    assert site_index.german_news.pk in everywhere


def test_open_calls_rank_above_closed_ones_and_dates_are_read(site_index):
    results = found("Förderaufruf")
    assert ids(results)[:2] == [site_index.open_call.pk, site_index.closed_call.pk]
    assert results.hits[0].kind == "call"
    assert results.hits[0].open_until is not None
    assert ids(found("Förderaufruf", open_only=True)) == [site_index.open_call.pk]


def test_phrases_and_exclusions(site_index):
    assert ids(found('"Clustermanager im Ostseeraum"')) == [site_index.german_news.pk]
    assert ids(found('"Ostseeraum Clustermanager"')) == []
    assert site_index.german_news.pk not in ids(found("Cluster -Ostseeraum"))


def test_facets_count_without_their_own_choice(site_index):
    results = found("Förderaufruf Konferenzen", kind="news")
    assert ids(results) == [site_index.german_news.pk]
    assert dict(results.facets["kind"]) == {"call": 2, "news": 1}
    assert (2025, 1) in results.facets["year"]


def test_highlights_are_marked_and_escaped(site_index):
    hit = found("Ljubljana", "en").hits[0]
    assert "<mark>Ljubljana</mark>" in hit.excerpt_html
    # The page's text, escaped: its "&" is "&amp;" in HTML.
    assert "&amp; Riga" in hit.excerpt_html
    assert found("Konferenzen").hits[0].title_html.startswith("<mark>Konferenzen</mark>")


def test_did_you_mean(site_index):
    assert found("Konferenzn").suggestion == "konferenzen"


def test_autocomplete_on_titles(site_index):
    assert site_search.autocomplete("Konf", "de") == [
        (site_index.german_news.pk, "Konferenzen der Clustermanager im Ostseeraum")
    ]
    assert site_search.autocomplete("konferenzen ostsee", "de", 5) == [
        (site_index.german_news.pk, "Konferenzen der Clustermanager im Ostseeraum")
    ]
    assert site_search.autocomplete("Konf", "pl") == []


def test_a_deleted_page_is_no_longer_found(site_index):
    site_search.delete(site_index.german_news.pk)
    site_search.refresh()
    assert site_index.german_news.pk not in ids(found("Konferenz"))
    # Deleting what is not there is no error.
    site_search.delete(site_index.german_news.pk)


def test_a_reset_empties_the_index_behind_the_same_name(site_index):
    site_search.reset()
    site_search.refresh()
    assert found("Konferenz").total == 0
    assert site_search.write_many(SearchDocument.objects.filter(language="de")) == 3
    site_search.refresh()
    assert site_index.german_news.pk in ids(found("Konferenz"))


def test_the_first_write_makes_the_index(site_index):
    site_search.drop()
    site_search.write(SearchDocument.objects.get(pk=site_index.polish.pk))
    site_search.refresh()
    assert ids(found("ekspert", "pl")) == [site_index.polish.pk]
