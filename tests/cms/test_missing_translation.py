"""A page missing in a language: the switcher, the notice, links to it and help on a 404.

A visitor of /pl/ never gets English content under /pl/ nor a silent jump to /en/: the switcher
always lists every language, and whatever leads to a page missing in Polish leads to the notice,
in Polish, naming the languages the page exists in.
"""

import pytest
from django.conf import settings
from wagtail.rich_text import RichText

from tests.cms.factories import (
    NewsArticlePageFactory,
    StandardPageFactory,
    home_in,
    translate,
)
from tests.cms.markup import hreflang_links, soup

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Written out by hand: what a visitor reads, not what the code computes.
NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "français",
    "es": "español",
    "it": "italiano",
    "pl": "polski",
}
POLISH_HEADING = "Ta strona nie jest dostępna w tym języku"
GERMAN_NOT_TRANSLATED = "nicht übersetzt"

pytestmark = pytest.mark.django_db


def switcher(response):
    """{language code: (href, rel, text)} of the switcher's links, in order."""
    return {
        a["hreflang"]: (a["href"], " ".join(a.get("rel", [])), a.get_text(" ", strip=True))
        for a in soup(response).select(".lang-switch a[hreflang]")
    }


def notice(page, language):
    return f"/{language}/unavailable/{page.pk}/"


@pytest.fixture
def english_only():
    home_in("pl")
    home_in("de")
    return StandardPageFactory(title="Imprint", slug="imprint")


# --------------------------------------------------------------------------- the switcher


class TestSwitcher:
    def test_a_page_in_one_language_still_offers_every_language(self, client, english_only):
        response = client.get("/en/imprint/")
        links = switcher(response)
        assert list(links) == LANGUAGES
        assert links["en"][0] == "/en/imprint/"
        for code in LANGUAGES[1:]:
            href, rel, text = links[code]
            assert href == notice(english_only, code)
            assert rel == "nofollow"
            assert text.startswith(NAMES[code])
        # Search engines are offered the versions that exist, nothing else.
        assert set(hreflang_links(response)) <= {"en", "x-default"}

    def test_existing_versions_are_linked_missing_ones_go_to_the_notice(self, client, english_only):
        german = translate(english_only, "de", title="Impressum", slug="impressum")
        links = switcher(client.get("/de/impressum/"))
        assert links["en"][0] == "/en/imprint/"
        assert links["de"][0] == "/de/impressum/"
        # The same notice whichever version the visitor comes from.
        assert links["pl"][0] == notice(english_only, "pl")
        assert german.pk != english_only.pk
        current = soup(client.get("/de/impressum/")).select('.lang-switch a[aria-current="page"]')
        assert [a["hreflang"] for a in current] == ["de"]

    def test_a_missing_language_says_so_in_the_visitors_language(self, client, english_only):
        translate(english_only, "de", title="Impressum", slug="impressum")
        links = switcher(client.get("/de/impressum/"))
        assert links["pl"][2] == f"polski {GERMAN_NOT_TRANSLATED}"
        assert links["en"][2] == "English"

    def test_the_search_page_offers_every_language_with_the_query(self, client, english_only):
        links = switcher(client.get("/de/search/?q=cluster&type=news"))
        assert list(links) == LANGUAGES
        assert links["pl"][0] == "/pl/search/?q=cluster&type=news"
        assert links["en"][0] == "/en/search/?q=cluster&type=news"

    def test_the_404_page_has_the_switcher(self, client, english_only):
        links = switcher(client.get("/de/no-such-page/"))
        assert list(links) == LANGUAGES
        assert links["pl"][0] == "/pl/no-such-page/"


# --------------------------------------------------------------------------- the notice


class TestNotice:
    def test_in_the_visitors_language_listing_where_the_page_exists(self, client, english_only):
        translate(english_only, "de", title="Impressum", slug="impressum")
        response = client.get(notice(english_only, "pl"))
        assert response.status_code == 200
        page = soup(response)
        assert page.html["lang"] == "pl"
        assert page.h1.get_text(strip=True) == POLISH_HEADING
        versions = [
            (a["href"], a["hreflang"], a["lang"], a.get_text(" ", strip=True))
            for a in page.select(".missing-translation__versions a")
        ]
        assert versions == [
            ("/en/imprint/", "en", "en", "English Imprint"),
            ("/de/impressum/", "de", "de", "Deutsch Impressum"),
        ]
        assert "/pl/" in [a["href"] for a in page.select("main a")]

    def test_is_not_indexed_and_claims_no_alternates(self, client, english_only):
        response = client.get(notice(english_only, "pl"))
        assert response["X-Robots-Tag"] == "noindex"
        assert soup(response).select_one('meta[name="robots"]')["content"].startswith("noindex")
        assert hreflang_links(response) == {}
        assert 'rel="canonical"' not in response.content.decode()

    def test_its_switcher_leads_to_the_versions_and_to_the_other_notices(self, client, english_only):
        links = switcher(client.get(notice(english_only, "pl")))
        assert list(links) == LANGUAGES
        assert links["en"][0] == "/en/imprint/"
        assert links["de"][0] == notice(english_only, "de")
        assert links["pl"][0] == notice(english_only, "pl")

    def test_a_language_that_has_the_page_now_gets_it(self, client, english_only):
        translate(english_only, "pl", title="Nota prawna", slug="nota-prawna")
        response = client.get(notice(english_only, "pl"))
        assert response.status_code == 302
        assert response["Location"] == "/pl/nota-prawna/"

    def test_an_unknown_or_unpublished_page_is_not_found(self, client, english_only):
        draft = StandardPageFactory(slug="draft", publish=False)
        assert client.get("/pl/unavailable/999999/").status_code == 404
        assert client.get(notice(draft, "pl")).status_code == 404

    def test_offers_the_nearest_section_that_exists_in_the_language(self, client, english_only):
        article = NewsArticlePageFactory(title="Cluster days", slug="cluster-days")
        german_index = translate(article.get_parent(), "de", title="Aktuelles", slug="aktuelles")
        page = soup(client.get(notice(article, "de")))
        assert f"/de/{german_index.slug}/" in [a["href"] for a in page.select("main a")]


# --------------------------------------------------------------------------- links inside pages


class TestLinksToAMissingPage:
    def test_related_page_goes_to_the_notice_with_its_title_marked(self, client, english_only):
        article = NewsArticlePageFactory(slug="cluster-days", related=[("page", english_only)])
        translate(article, "de", title="Clustertage", slug="clustertage")
        page = soup(client.get("/de/news/clustertage/"))
        [link] = page.select(f'main a[href="{notice(english_only, "de")}"]')
        assert link.select_one('[lang="en"]').get_text(strip=True) == "Imprint"
        assert GERMAN_NOT_TRANSLATED in link.get_text()
        assert not page.select('main a[href="/en/imprint/"]')

    def test_call_to_action_and_rich_text_links_go_to_the_notice(self, client, english_only):
        rich = f'<p>See the <a linktype="page" id="{english_only.pk}">imprint</a>.</p>'
        source = StandardPageFactory(
            slug="about",
            body=[
                ("paragraph", RichText(rich)),
                ("call_to_action", {"text": "Imprint", "page": english_only, "url": ""}),
            ],
        )
        translate(source, "de", title="Über uns", slug="ueber-uns")
        response = client.get("/de/ueber-uns/")
        assert "/en/imprint/" not in response.content.decode()
        links = soup(response).select(f'main a[href="{notice(english_only, "de")}"]')
        assert [a.get_text(strip=True) for a in links] == ["imprint", "Imprint"]  # rich text, button
        # In English the same links go to the page.
        assert 'href="/en/imprint/"' in client.get("/en/about/").content.decode()

    def test_a_translated_page_is_linked_in_the_visitors_language(self, client, english_only):
        translate(english_only, "de", title="Impressum", slug="impressum")
        article = NewsArticlePageFactory(slug="cluster-days", related=[("page", english_only)])
        translate(article, "de", title="Clustertage", slug="clustertage")
        page = soup(client.get("/de/news/clustertage/"))
        [link] = page.select('main a[href="/de/impressum/"]')
        assert link.get_text(strip=True) == "Impressum"


# --------------------------------------------------------------------------- a 404 under /<lang>/


class TestNotFoundOffersThePage:
    def test_the_address_of_another_language_is_offered(self, client, english_only):
        response = client.get("/pl/imprint/")
        assert response.status_code == 404
        page = soup(response)
        offered = [(a["href"], a["hreflang"]) for a in page.select("main .missing-translation__versions a")]
        assert offered == [("/en/imprint/", "en")]
        assert switcher(response)["pl"][0] == notice(english_only, "pl")

    def test_the_visitors_own_version_is_offered_under_its_own_address(self, client, english_only):
        translate(english_only, "pl", title="Nota prawna", slug="nota-prawna")
        response = client.get("/pl/imprint/")
        assert response.status_code == 404
        offered = [a["href"] for a in soup(response).select("main .missing-translation__versions a")]
        assert offered == ["/en/imprint/", "/pl/nota-prawna/"]

    def test_an_address_no_language_has_offers_nothing(self, client, english_only):
        response = client.get("/pl/no-such-page/")
        assert response.status_code == 404
        assert not soup(response).select("main .missing-translation__versions")
