"""Every language version is served under its prefix, and only when it is published.

Covers the architecture's "Languages" rules end to end: /<lang>/ prefixes, hreflang
alternates and a switcher that list only live translations, no fallback to English.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator

from tests.cms.factories import (
    CallPageFactory,
    NewsArticlePageFactory,
    StandardPageFactory,
    english_home,
    home_in,
    translate,
)
from tests.cms.markup import hreflang_links, soup, switcher_languages

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# German of the 404 page. The heading is in Wagtail's own catalogue too; the link text is the
# project's alone (locales/de), so it proves that catalogue is compiled and loaded.
GERMAN_404_HEADING = "Seite nicht gefunden"
GERMAN_404_HOME_LINK = "Zur Startseite"


@pytest.mark.django_db
class TestOnlyPublishedTranslations:
    @pytest.fixture
    def article(self):
        """An article live in English, German and French; Spanish is only a draft."""
        english = NewsArticlePageFactory(title="Cluster days", slug="cluster-days")
        translate(english, "de", title="Clustertage")
        translate(english, "fr", title="Journées des clusters")
        translate(english, "es", publish=False, title="Jornadas de clústeres")
        return english

    def test_alternates_and_switcher_list_live_translations_only(self, client, article):
        for language in ("en", "de", "fr"):
            response = client.get(f"/{language}/news/cluster-days/")
            assert response.status_code == 200
            links = hreflang_links(response)
            assert set(links) == {"en", "de", "fr", "x-default"}
            assert links["x-default"].endswith("/en/news/cluster-days/")
            assert links["de"].endswith("/de/news/cluster-days/")
            # The switcher lists every language; those without a live version lead to the notice.
            assert switcher_languages(response) == LANGUAGES
            missing = soup(response).select(".lang-switch a.lang-switch__missing")
            assert [a["hreflang"] for a in missing] == [
                code for code in LANGUAGES if code not in ("en", "de", "fr")
            ]
            current = soup(response).select('.lang-switch a[aria-current="page"]')
            assert [a["hreflang"] for a in current] == [language]

    def test_german_page_is_marked_german(self, client, article):
        response = client.get("/de/news/cluster-days/")
        assert soup(response).html["lang"] == "de"
        assert "Clustertage" in soup(response).title.string

    def test_draft_translation_is_not_served(self, client, article):
        assert client.get("/es/news/cluster-days/").status_code == 404

    def test_page_without_translations_offers_no_other_version(self, client):
        NewsArticlePageFactory(slug="english-only")
        response = client.get("/en/news/english-only/")
        assert response.status_code == 200
        assert set(hreflang_links(response)) <= {"en", "x-default"}
        available = soup(response).select(".lang-switch a[hreflang]:not(.lang-switch__missing)")
        assert [a["hreflang"] for a in available] == ["en"]


@pytest.mark.django_db
class TestNoFallbackToEnglish:
    def test_translation_made_by_wagtail_localize_stays_a_draft(self, client, settings):
        """With WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE off, translating never publishes."""
        assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
        call = CallPageFactory(slug="cluster-call")
        translate(call.get_parent(), "fr")
        TranslationCreator(
            user=None, target_locales=[Locale.objects.get(language_code="fr")]
        ).create_translations(call)
        french = call.get_translation(Locale.objects.get(language_code="fr"))
        assert not french.live
        assert client.get("/fr/calls/cluster-call/").status_code == 404
        assert client.get("/en/calls/cluster-call/").status_code == 200

    def test_english_page_is_never_served_under_a_language_without_a_home(self, client):
        """No Polish tree at all: Wagtail would route /pl/ through the English tree."""
        NewsArticlePageFactory(slug="cluster-days")
        assert client.get("/en/news/cluster-days/").status_code == 200
        for path in ("/pl/", "/pl/news/", "/pl/news/cluster-days/"):
            assert client.get(path).status_code == 404, path

    def test_english_page_is_never_served_under_a_draft_home(self, client):
        translate(english_home(), "it", publish=False)
        NewsArticlePageFactory(slug="cluster-days")
        assert client.get("/it/").status_code == 404
        assert client.get("/it/news/cluster-days/").status_code == 404

    def test_english_only_page_is_not_found_in_a_translated_tree(self, client):
        home_in("de")
        StandardPageFactory(slug="imprint")
        assert client.get("/en/imprint/").status_code == 200
        assert client.get("/de/imprint/").status_code == 404


@pytest.mark.django_db
class TestNotFound:
    def test_unknown_language_prefix_ends_in_not_found(self, client):
        response = client.get("/xx/", follow=True)
        assert response.status_code == 404
        # Django's LocaleMiddleware first tries the default language's prefix.
        assert [url for url, _status in response.redirect_chain] == ["/en/xx/"]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_unknown_page_is_not_found_in_the_language_of_the_prefix(self, client, language):
        home_in(language)
        response = client.get(f"/{language}/no-such-page/")
        assert response.status_code == 404
        assert soup(response).html["lang"] == language

    def test_unknown_page_in_a_language_without_a_tree(self, client):
        response = client.get("/pl/no-such-page/")
        assert response.status_code == 404
        assert soup(response).html["lang"] == "pl"

    def test_404_text_is_translated(self, client):
        home_in("de")
        response = client.get("/de/no-such-page/")
        assert response.status_code == 404
        page = soup(response)
        assert page.h1.get_text(strip=True) == GERMAN_404_HEADING
        assert GERMAN_404_HOME_LINK in [a.get_text(strip=True) for a in page.select("main a")]


@pytest.mark.django_db
def test_every_enabled_language_has_its_locale_and_translators():
    """Made after migrate from SITE_LANGUAGES (cms.language_sync); test_language_config adds a seventh."""
    assert set(LANGUAGES) <= set(Locale.objects.values_list("language_code", flat=True))
    teams = {f"Translators ({code})" for code in LANGUAGES if code != settings.LANGUAGE_CODE}
    assert teams <= set(Group.objects.values_list("name", flat=True))
