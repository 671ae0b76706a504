"""Template helpers: language alternates, Brussels time, navigation and metadata."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django_countries.fields import Country

from cms.templatetags import cms_tags
from tests.cms.factories import (
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    PublicationPageFactory,
    PublicationTopicFactory,
    StandardPageFactory,
    english_home,
    home_in,
    translate,
)


def alternates_for(rf, page, path="/", language="en"):
    with translation.override(language):
        return cms_tags.page_alternates({"request": rf.get(path)}, page)


@pytest.mark.django_db
class TestPageAlternates:
    def test_live_translations_only_in_settings_order(self, rf):
        english = NewsArticlePageFactory(slug="cluster-days")
        translate(english, "pl")
        translate(english, "de")
        translate(english, "fr", publish=False)
        alternates = alternates_for(rf, english, language="de")
        assert [a["code"] for a in alternates] == ["en", "de", "pl"]
        assert [a["current"] for a in alternates] == [False, True, False]
        assert alternates[1]["url"].endswith("/de/news/cluster-days/")
        assert [a["name"] for a in alternates] == ["English", "Deutsch", "polski"]

    def test_views_that_are_not_pages_offer_every_language_at_the_same_path(self, rf):
        alternates = alternates_for(rf, None, path="/fr/search/", language="fr")
        assert [a["code"] for a in alternates] == ["en", "de", "fr", "es", "it", "pl"]
        assert alternates[0]["url"] == "http://testserver/en/search/"
        assert [a["code"] for a in alternates if a["current"]] == ["fr"]

    def test_x_default_is_the_english_version(self, rf):
        english = NewsArticlePageFactory()
        german = translate(english, "de")
        alternates = alternates_for(rf, german, language="de")
        assert cms_tags.x_default(alternates) == english.get_full_url()

    def test_x_default_without_english(self):
        alternates = [{"code": "de", "url": "https://x/de/"}, {"code": "fr", "url": "https://x/fr/"}]
        assert cms_tags.x_default(alternates) == "https://x/de/"
        assert cms_tags.x_default([]) == ""


class TestBrussels:
    def test_summer_and_winter_offsets(self):
        assert cms_tags.brussels(datetime(2026, 7, 1, 10, 0, tzinfo=UTC)).strftime("%H:%M %Z") == "12:00 CEST"
        assert cms_tags.brussels(datetime(2026, 12, 1, 11, 0, tzinfo=UTC)).strftime("%H:%M %Z") == "12:00 CET"

    def test_deadline_minute_around_the_clock_change(self):
        deadline = datetime(2026, 10, 25, 11, 0, tzinfo=UTC)
        assert cms_tags.brussels(deadline).strftime("%Y-%m-%d %H:%M") == "2026-10-25 12:00"

    def test_none_stays_none(self):
        assert cms_tags.brussels(None) is None

    def test_in_a_template(self):
        template = Template('{% load cms_tags %}{{ deadline|brussels|date:"j M Y H:i" }}')
        deadline = datetime(2027, 3, 28, 10, 0, tzinfo=UTC)
        assert template.render(Context({"deadline": deadline})) == "28 Mar 2027 12:00"


def test_country_names():
    assert cms_tags.country_names([Country("DE"), Country("PL")]) == "Germany, Poland"
    assert cms_tags.country_names([]) == ""


class TestMetadataFilters:
    def test_og_locale(self):
        assert cms_tags.og_locale("de") == "de_DE"
        assert cms_tags.og_locale("en") == "en_GB"
        assert cms_tags.og_locale("") == ""

    @pytest.mark.django_db
    def test_page_description_prefers_search_description_then_summary_then_intro(self):
        article = NewsArticlePageFactory(summary="The summary.")
        assert cms_tags.page_description(article) == "The summary."
        article.search_description = "For search engines."
        assert cms_tags.page_description(article) == "For search engines."
        index = article.get_parent().specific
        index.intro = "<p>News &amp; studies <b>from</b> the network.</p>"
        assert cms_tags.page_description(index) == "News & studies from the network."
        assert cms_tags.page_description(None) == ""

    @pytest.mark.django_db
    def test_publication_topics_in_editor_order(self):
        publication = PublicationPageFactory()
        first = PublicationTopicFactory(page=publication, topic__name="Smart specialisation", sort_order=0)
        second = PublicationTopicFactory(page=publication, topic__name="Benchmarking", sort_order=1)
        assert cms_tags.publication_topics(publication) == [first.topic, second.topic]
        assert cms_tags.publication_topics(object()) == []


@pytest.mark.django_db
class TestNavigation:
    def test_menu_lists_live_sections_shown_in_menus_of_the_active_language(self, rf):
        about = StandardPageFactory(title="About", show_in_menus=True)
        StandardPageFactory(title="Hidden", show_in_menus=False)
        StandardPageFactory(title="Draft", show_in_menus=True, publish=False)
        german_about = translate(about, "de", title="Über uns")
        with translation.override("en"):
            nav = cms_tags.primary_navigation({"request": rf.get("/en/")}, about)
        assert nav["home"].pk == english_home().pk
        assert [(item["page"].title, item["active"]) for item in nav["items"]] == [("About", True)]
        with translation.override("de"):
            nav = cms_tags.primary_navigation({"request": rf.get("/de/")})
        assert nav["home"].pk == home_in("de").pk
        assert [item["page"].pk for item in nav["items"]] == [german_about.pk]

    def test_the_sections_read_are_the_menu_s_and_the_listings_only(self, rf):
        # Thousands of pages may sit directly under a home page; the menu reads none of them.
        StandardPageFactory(title="Hidden", show_in_menus=False)
        news = NewsIndexPageFactory(title="News", show_in_menus=False)
        request = rf.get("/en/")
        with translation.override("en"):
            children = cms_tags._locale_sections(request)["children"]
            assert [child.pk for child in children] == [news.pk]
            assert cms_tags.section_page({"request": request}, "NewsIndexPage").pk == news.pk

    def test_local_url_keeps_links_on_the_serving_host(self, rf):
        request = rf.get("/en/")
        assert cms_tags.local_url({"request": request}, "http://testserver/de/news/?a=1") == "/de/news/?a=1"
        assert (
            cms_tags.local_url({"request": request}, "https://elsewhere.eu/x/") == "https://elsewhere.eu/x/"
        )
        assert cms_tags.absolute_url({"request": request}, "/sitemap.xml") == "http://testserver/sitemap.xml"


@pytest.mark.django_db
class TestPageLink:
    def render(self, rf, served, chosen, language):
        template = Template(
            "{% load cms_tags %}"
            "{% for chosen_page in chosen %}{% page_link chosen_page as target %}"
            "{{ target.url }}|{{ target.lang }} {% endfor %}"
        )
        with translation.override(language):
            return template.render(
                Context({"request": rf.get("/"), "page": served, "chosen": chosen})
            ).split()

    def test_links_go_to_the_live_version_in_the_active_language_else_to_the_notice(self, rf):
        about = StandardPageFactory(slug="about")
        translate(about, "de")
        imprint = StandardPageFactory(slug="imprint")
        article = NewsArticlePageFactory(related=[("page", about), ("page", imprint)])
        german_article = translate(article, "de")
        assert self.render(rf, german_article, [about, imprint], "de") == [
            "/de/about/|",
            f"/de/unavailable/{imprint.pk}/|en",
        ]
        assert self.render(rf, article, [about, imprint], "en") == ["/en/about/|", "/en/imprint/|"]

    def test_query_count_does_not_grow_with_the_links(self, rf, django_assert_max_num_queries):
        def german_article(count):
            pages = [StandardPageFactory() for _ in range(count)]
            for page in pages:
                translate(page, "de")
            article = NewsArticlePageFactory(related=[("page", page) for page in pages])
            return translate(article, "de"), pages

        few = german_article(2)
        many = german_article(8)
        # The active locale, the served page's chosen pages and their German versions, the
        # site and its root paths: six, however many links.
        with django_assert_max_num_queries(6) as small:
            self.render(rf, *few, "de")
        with django_assert_max_num_queries(6) as large:
            urls = self.render(rf, *many, "de")
        assert len(large) <= len(small)
        assert all(url.startswith("/de/") for url in urls)
