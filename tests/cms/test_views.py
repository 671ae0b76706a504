"""Sitemap.xml, robots.txt, the error pages, and that publishing makes a page findable."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from advisory.models import RequestFormPage
from cms.views import page_not_found
from tests.cms.factories import (
    NewsArticlePageFactory,
    StandardPageFactory,
    english_home,
    home_in,
    translate,
)
from tests.cms.markup import soup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# The host of the test site's Site record: full URLs of the sitemap are built from it.
HOST = "http://localhost"
XHTML = "{http://www.w3.org/1999/xhtml}"

pytestmark = pytest.mark.django_db


class TestSearch:
    """The search page itself: tests/cms/search/test_view.py (its pages indexed by a rebuild)."""

    def test_new_pages_are_found_once_published(self, client):
        """Publishing indexes the page (Wagtail calls the search backend; tasks run at once in tests)."""
        NewsArticlePageFactory(title="Quokka cluster report")
        response = client.get("/en/search/", {"q": "quokka"})
        assert [result.page.title for result in response.context["results"]] == ["Quokka cluster report"]


class TestSitemap:
    """Wagtail's sitemap over every language's tree; every translated page names all its versions."""

    @pytest.fixture
    def pages(self):
        translated = NewsArticlePageFactory(slug="cluster-days")
        translate(translated, "de", slug="cluster-tage")
        translate(translated, "fr", publish=False)
        english_only = StandardPageFactory(slug="imprint")
        draft = StandardPageFactory(slug="draft", publish=False)
        private = StandardPageFactory(slug="members")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        return {"translated": translated, "english_only": english_only, "draft": draft}

    def get(self, client):
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/xml")
        return ET.fromstring(response.content)  # noqa: S314 - the site's own output

    def entries(self, client):
        """{location: {hreflang: href}} of every <url> of the sitemap."""
        return {
            url.findtext(f"{SITEMAP}loc"): {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            }
            for url in self.get(client).findall(f"{SITEMAP}url")
        }

    def test_lists_every_live_public_page_of_every_language(self, client, pages):
        assert set(self.entries(client)) == {
            f"{HOST}/en/",
            f"{HOST}/de/",
            f"{HOST}/en/news/",
            f"{HOST}/de/news/",
            f"{HOST}/en/news/cluster-days/",
            f"{HOST}/de/news/cluster-tage/",
            f"{HOST}/en/imprint/",
            # The French article is a draft; translating it published its parents.
            f"{HOST}/fr/",
            f"{HOST}/fr/news/",
            # Not the draft, not the password-protected page.
        }

    def test_translated_pages_carry_their_alternates(self, client, pages):
        expected = {
            "en": f"{HOST}/en/news/cluster-days/",
            "de": f"{HOST}/de/news/cluster-tage/",
            "x-default": f"{HOST}/en/news/cluster-days/",
        }
        entries = self.entries(client)
        assert entries[f"{HOST}/en/news/cluster-days/"] == expected
        assert entries[f"{HOST}/de/news/cluster-tage/"] == expected
        # The parents were published in French too: three versions and the default.
        assert entries[f"{HOST}/fr/news/"] == {
            "en": f"{HOST}/en/news/",
            "de": f"{HOST}/de/news/",
            "fr": f"{HOST}/fr/news/",
            "x-default": f"{HOST}/en/news/",
        }

    def test_untranslated_page_has_no_alternates(self, client, pages):
        assert self.entries(client)[f"{HOST}/en/imprint/"] == {}

    def test_the_request_form_page_is_listed_with_its_translation(self, client):
        page = RequestFormPage(title="Request advice", slug="request-advice")
        english_home().add_child(instance=page)
        page.save_revision().publish()
        translate(page, "de", slug="beratung-anfragen")
        assert self.entries(client)[f"{HOST}/de/beratung-anfragen/"] == {
            "en": f"{HOST}/en/request-advice/",
            "de": f"{HOST}/de/beratung-anfragen/",
            "x-default": f"{HOST}/en/request-advice/",
        }

    def test_lastmod_is_the_day_of_the_last_publication(self, client, pages):
        Page.objects.filter(pk=pages["english_only"].pk).update(
            last_published_at=datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
        )
        lastmod = {
            url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
            for url in self.get(client).findall(f"{SITEMAP}url")
        }
        assert lastmod[f"{HOST}/en/imprint/"] == "2026-03-04"

    def test_only_get(self, client):
        assert client.post("/sitemap.xml").status_code == 405

    def test_robots_txt_points_at_the_sitemap(self, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "Sitemap: http://testserver/sitemap.xml" in lines
        assert "Disallow: /admin/" in lines
        assert reverse("sitemap") == "/sitemap.xml"


class TestErrorPages:
    def test_server_error_page_in_the_language_of_the_prefix(self):
        client = Client(raise_request_exception=False)
        home_in("de")
        with mock.patch("cms.models.HomePage.get_context", side_effect=RuntimeError("boom")):
            response = client.get("/de/")
        assert response.status_code == 500
        assert soup(response).html["lang"] == "de"

    def test_not_found_page_falls_back_to_english_for_an_unknown_language(self, rf):
        with translation.override("xx"):
            response = page_not_found(rf.get("/xx/"))
        assert response.status_code == 404
        assert soup(response).html["lang"] == "en"
