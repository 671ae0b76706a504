"""Wagtail search on PostgreSQL full-text finds published pages, each in its own locale."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from cms.models import HomePage, StandardPage

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


def test_the_backend_is_postgresql_full_text():
    assert type(get_search_backend()).__name__ == "PostgresSearchBackend"


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
    assert [page.pk for page in response.context["results"]] == [english.pk]

    response = client.get("/de/search/", {"q": "quellwasser"})
    assert response.status_code == 200
    assert [page.pk for page in response.context["results"]] == [german.pk]
