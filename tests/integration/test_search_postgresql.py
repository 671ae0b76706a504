"""Search on PostgreSQL: Wagtail's full-text index (the admin's), and the site search's vectors.

Wagtail's finds published pages, each in its own locale. The site search's entries
(cms.search.index) carry tsvectors made by PostgreSQL in each page's own language configuration,
or from the Python analysis for the languages PostgreSQL does not stem.
"""

import threading

import pytest
from django.conf import settings
from django.db import connection
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from cms.models import HomePage, SearchDocument, StandardPage
from cms.search import index as index_module
from cms.search.backends import SiteSearchMixin
from cms.search.index import rebuild

pytestmark = [pytest.mark.integration, pytest.mark.services("postgresql"), pytest.mark.django_db]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def search(language_code, query):
    """What the site's search view asks: live, public pages of one locale."""
    locale = Locale.objects.get(language_code=language_code)
    return list(Page.objects.live().public().filter(locale=locale).specific().search(query))


@pytest.fixture
def pages():
    """An English page and its German translation, both published through revisions."""
    english_home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    english = StandardPage(
        title="Zephyrine benchmarking workshop",
        slug="zephyrine-workshop",
        body=[("paragraph", RichText("<p>Cluster managers of the network met in Ljubljana.</p>"))],
    )
    english_home.add_child(instance=english)
    publish(english)

    german_locale = Locale.objects.get(language_code="de")
    german_home = english_home.copy_for_translation(german_locale)
    publish(german_home)
    german = english.copy_for_translation(german_locale)
    german.title = "Quellwasser-Werkstatt für Clustermanager"
    german.slug = "quellwasser-werkstatt"
    publish(german)
    return english, german


def test_the_backend_is_postgresql_full_text_keeping_the_site_search_in_step():
    backend = get_search_backend()
    assert isinstance(backend, PostgresSearchBackend)
    assert isinstance(backend, SiteSearchMixin)


def test_a_published_page_is_found_by_its_title_and_body(pages):
    english, _german = pages
    assert search("en", "zephyrine") == [english]
    assert search("en", "Ljubljana") == [english]


def test_each_locale_finds_only_its_own_version(pages):
    english, german = pages
    assert search("en", "quellwasser") == []
    assert search("de", "quellwasser") == [german]
    assert search("de", "zephyrine") == []
    assert search("de", "Ljubljana") == [german]


def test_an_unpublished_change_is_not_found(pages):
    english, _german = pages
    english.title = "Unpublished Xylocarp draft title"
    english.save_revision()
    assert search("en", "xylocarp") == []


def test_the_search_page_lists_the_page_in_the_requested_language(client, pages):
    english, german = pages
    response = client.get("/en/search/", {"q": "zephyrine"})
    assert response.status_code == 200
    assert [result.page.pk for result in response.context["results"]] == [english.pk]

    response = client.get("/de/search/", {"q": "quellwasser"})
    assert response.status_code == 200
    assert [result.page.pk for result in response.context["results"]] == [german.pk]


# --------------------------------------------------------------------------- the site search's vectors


def vectors(page):
    """The weighted vector and the title's vector of a page's entry, as PostgreSQL prints them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT vector::text, title_vector::text FROM cms_searchdocument WHERE page_id = %s", [page.pk]
        )
        return cursor.fetchone()


def lexemes(vector_text):
    """{lexeme: positions with weights} of a printed tsvector: "'konferenz':1A 'ostseeraum':5C"."""
    found = {}
    for item in vector_text.split():
        lexeme, _, positions = item.rpartition(":")
        found[lexeme.strip("'")] = positions
    return found


@pytest.fixture
def languages_pages():
    """An English page with German and Polish translations, published."""
    english = StandardPage(
        title="Conferences of Études experts",
        slug="conferences-of-experts",
        body=[("paragraph", RichText("<p>Three conferences on cooperation.</p>"))],
    )
    english_home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    english_home.add_child(instance=english)
    publish(english)
    pages = {"en": english}
    for code, title, text in [
        ("de", "Konferenzen der Clustermanager", "Drei Konferenzen im Ostseeraum."),
        ("pl", "Spotkanie ekspertów", "Współpraca klastrów."),
    ]:
        target = Locale.objects.get(language_code=code)
        publish(english_home.copy_for_translation(target))
        translated = english.copy_for_translation(target)
        translated.title = title
        translated.slug = f"page-{code}"
        translated.body = [("paragraph", RichText(f"<p>{text}</p>"))]
        pages[code] = publish(translated)
    return pages


def test_a_german_entry_is_stemmed_by_german_with_its_title_weighted_most(languages_pages):
    vector, title_vector = vectors(languages_pages["de"])
    found = lexemes(vector)
    # cms_de: unaccent then the German Snowball stemmer; "Konferenzen" in the title (A) and body (C).
    assert found["konferenz"] == "1A,5C"
    assert found["clustermanag"] == "3A"
    assert "ostseeraum" in found
    assert "konferenzen" not in found
    # The title's vector (autocomplete) is unstemmed: cms_simple.
    assert set(lexemes(title_vector)) == {"konferenzen", "der", "clustermanager"}


def test_an_english_entry_is_stemmed_by_english_and_folds_accents(languages_pages):
    found = lexemes(vectors(languages_pages["en"])[0])
    # Title words at positions 1-4 (A), then the body's after them (C).
    assert found["confer"] == "1A,6C"
    assert found["etud"] == "3A"
    assert found["expert"] == "4A"
    assert found["cooper"] == "8C"
    # English stop words are not indexed.
    assert "of" not in found
    assert "on" not in found


def test_a_polish_entry_holds_its_python_analysis(languages_pages):
    vector, title_vector = vectors(languages_pages["pl"])
    # Lemma (simplemma), Snowball Polish and folding in Python, stored through cms_simple.
    assert lexemes(vector) == {"spotkan": "1A", "ekspert": "2A", "wspolprac": "3C", "klaster": "4C"}
    assert set(lexemes(title_vector)) == {"spotkanie", "ekspertow"}


def test_the_vectors_of_a_rebuild_are_those_of_the_incremental_updates(languages_pages):
    before = {code: vectors(page) for code, page in languages_pages.items()}
    SearchDocument.objects.filter(pk=languages_pages["de"].pk).update(title="stale")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE cms_searchdocument SET vector = ''::tsvector")
    rebuild()
    assert {code: vectors(page) for code, page in languages_pages.items()} == before


def test_republishing_replaces_the_vector(languages_pages):
    german = languages_pages["de"]
    german.title = "Werkstätten der Clustermanager"
    publish(german)
    found = lexemes(vectors(german)[0])
    assert "werkstatt" in found
    assert "konferenz" in found  # still in the body
    assert found["konferenz"] == "5C"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_outside_a_transaction_writes_from_a_second_thread_what_the_updates_wrote():
    """Committed pages (no test transaction around): the rebuild's writes run in a thread of their own."""
    english_home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    rebuild()  # the migration's home page, written around Wagtail's signals
    for n, text in enumerate(["Cobalt corridors.", "Cobalt and nickel.", "Nickel ports."]):
        page = StandardPage(
            title=f"Metals page {n}", slug=f"metals-{n}", body=[("paragraph", RichText(f"<p>{text}</p>"))]
        )
        english_home.add_child(instance=page)
        publish(page)
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_id, title, body_terms, vector::text FROM cms_searchdocument ORDER BY 1")
        incremental = cursor.fetchall()
        cursor.execute("SELECT language, word, documents FROM cms_searchterm ORDER BY 1, 2")
        incremental_terms = cursor.fetchall()
    assert ("en", "cobalt", 2) in incremental_terms

    threads = []
    original = index_module._write_batch

    def spy(entries):
        threads.append(threading.current_thread())
        original(entries)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_module, "_write_batch", spy)
        assert rebuild(batch_size=2) == len(incremental)

    assert threads and all(thread is not threading.main_thread() for thread in threads)
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_id, title, body_terms, vector::text FROM cms_searchdocument ORDER BY 1")
        assert cursor.fetchall() == incremental
        cursor.execute("SELECT language, word, documents FROM cms_searchterm ORDER BY 1, 2")
        assert cursor.fetchall() == incremental_terms
