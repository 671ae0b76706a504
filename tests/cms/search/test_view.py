"""The visitors' search page: language, facets, labels, dates, highlights, offers, paging, junk.

Pages are made here with words chosen for the test ("Zeppelin"), the index rebuilt from them; the
expected titles, labels, counts and texts are written by hand.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.search import engine
from cms.search.engine import Results
from cms.search.index import rebuild
from tests.cms.conftest import module_data
from tests.cms.factories import (
    CallPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    PublicationPageFactory,
    PublicationTopicFactory,
    StandardPageFactory,
    TopicFactory,
    home_in,
    translate,
)
from tests.cms.markup import soup

BRUSSELS = ZoneInfo("Europe/Brussels")
# Queries of TestQueries' results page, measured: 16 on SQLite, 21 on PostgreSQL. The page's own 14:
# 1 for the hits' page types + 1 per type among them (4 here), 1 for the topic names, 8 for the header,
# menu and footer every page has. Hits of a type already there cost nothing: the count follows the
# number of page types on the page, never the number of hits. The engine's: 2 on SQLite (entries,
# vocabulary), 7 on PostgreSQL (vocabulary, matches with facets, hits, and the savepoint and the
# settings that bound a search's time around them). 2 to spare, for an engine that asks once more.
PAGE_QUERIES = 14
ENGINE_QUERIES = {"sqlite": 2, "postgresql": 7}

pytestmark = pytest.mark.django_db

TITLES = {
    "news": "Zeppelin cluster meets in Friedrichshafen",
    "open_call": "Zeppelin innovation call",
    "closed_call": "Zeppelin call of 2014",
    "event": "Zeppelin workshop",
    "publication": "Zeppelin airship study",
}
GERMAN_NEWS = "Zeppelin-Cluster trifft sich in Friedrichshafen"
POLISH_NEWS = "Klaster Zeppelin spotyka się we Friedrichshafen"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """English pages of every type, a German and a Polish version of the news, a draft; indexed."""
    with module_data(django_db_blocker):
        for language in ("de", "pl"):
            home_in(language)
        topic = TopicFactory(name="Aviation")
        pages = {
            "news": NewsArticlePageFactory(title=TITLES["news"], date=date(2026, 3, 5)),
            "open_call": CallPageFactory(
                title=TITLES["open_call"],
                opens_at=datetime(2026, 1, 5, 9, 0, tzinfo=BRUSSELS),
                closes_at=datetime(2030, 5, 7, 17, 0, tzinfo=BRUSSELS),
            ),
            "closed_call": CallPageFactory(
                title=TITLES["closed_call"],
                opens_at=datetime(2014, 1, 5, 9, 0, tzinfo=BRUSSELS),
                closes_at=datetime(2014, 5, 7, 17, 0, tzinfo=BRUSSELS),
            ),
            "event": EventPageFactory(
                title=TITLES["event"],
                start=datetime(2030, 6, 9, 9, 0, tzinfo=BRUSSELS),
                end=datetime(2030, 6, 10, 17, 0, tzinfo=BRUSSELS),
            ),
            "publication": PublicationPageFactory(title=TITLES["publication"], date=date(2025, 2, 3)),
            "privacy": StandardPageFactory(title="Privacy"),
            "draft": NewsArticlePageFactory(title="Zeppelin draft", publish=False),
        }
        PublicationTopicFactory(page=pages["publication"], topic=topic)
        pages["german"] = translate(pages["news"], "de", title=GERMAN_NEWS)
        pages["polish"] = translate(pages["news"], "pl", title=POLISH_NEWS)
        pages["topic"] = topic
        rebuild()
        yield pages


def get(client, language="en", **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response


def text(element):
    """What a reader sees: the text with its spaces (highlights are elements inside the words' text)."""
    return " ".join(element.get_text().split())


def titles(response):
    return [text(a) for a in soup(response).select(".search-result__title a")]


def facet(response, label):
    """{choice: count} of the facet headed `label`, and the href of each choice."""
    for group in soup(response).select(".search-facet"):
        if group.select_one(".search-facet__label").get_text(strip=True) == label:
            counts, links = {}, {}
            for link in group.select("a"):
                count = link.select_one(".search-facet__count")
                name = link.find(string=True, recursive=False).strip()
                counts[name] = int(count.get_text()) if count else None
                links[name] = link["href"]
            return counts, links
    raise AssertionError(f"no facet {label!r}")


class TestLanguages:
    def test_english_finds_the_live_english_pages_only(self, client, site):
        response = get(client, q="zeppelin")
        assert sorted(titles(response)) == sorted(TITLES.values())
        hrefs = [a["href"] for a in soup(response).select(".search-result__title a")]
        assert all(href.startswith("/en/") for href in hrefs), hrefs
        assert soup(response).select_one(".search-results__count").get_text(strip=True) == (
            "5 results for “zeppelin”"
        )

    def test_german_finds_the_german_version(self, client, site):
        response = get(client, "de", q="zeppelin")
        assert titles(response) == [GERMAN_NEWS]
        assert soup(response).html["lang"] == "de"
        assert soup(response).select_one(".search-result__title a")["href"].startswith("/de/")
        assert soup(response).select_one(".search-result .tag").get_text(strip=True) == "Nachrichten"
        assert soup(response).select_one(".search-results__count").get_text(strip=True) == (
            "1 Ergebnis für „zeppelin“"
        )

    def test_polish_finds_the_polish_version(self, client, site):
        response = get(client, "pl", q="zeppelin")
        assert titles(response) == [POLISH_NEWS]
        assert soup(response).select_one(".search-result .tag").get_text(strip=True) == "Aktualności"

    def test_all_languages_shows_each_result_s_language(self, client, site):
        response = get(client, "en", q="zeppelin", lang="all")
        found = {}
        for item in soup(response).select(".search-result"):
            language = item.select_one(".tag--language")
            found[text(item.select_one(".search-result__title a"))] = (
                language.get_text(strip=True) if language else None
            )
        assert found == {
            **dict.fromkeys(TITLES.values(), "English"),
            GERMAN_NEWS: "Deutsch",
            POLISH_NEWS: "polski",
        }
        german = next(a for a in soup(response).select(".search-result__title a") if text(a) == GERMAN_NEWS)
        assert german["href"].startswith("/de/")
        assert german["hreflang"] == "de"
        assert soup(response).select_one("#search-lang option[selected]")["value"] == "all"
        assert "in all languages" in soup(response).select_one(".search-results__count").get_text()

    def test_the_language_choice_defaults_to_the_page_s_language(self, client, site):
        response = get(client, "pl", q="zeppelin")
        options = {
            option["value"]: option.get_text(strip=True)
            for option in soup(response).select("#search-lang option")
        }
        assert options == {"": "Ten język (polski)", "all": "Wszystkie języki"}
        assert not soup(response).select("#search-lang option[selected]")

    def test_a_language_without_matches_offers_the_others(self, client, site):
        response = get(client, "pl", q="airship")
        offer = soup(response).select_one(".search-fallback")
        assert offer.get_text(" ", strip=True) == (
            "Brak wyników w tym języku (polski). 1 wynik w innym języku: pokaż go ."
        )
        link = offer.select_one("a")
        assert link["href"] == "?q=airship&lang=all"
        assert titles(get(client, "pl", q="airship", lang="all")) == [TITLES["publication"]]


class TestResults:
    def test_type_labels_are_human_and_translated(self, client, site):
        labels = {
            text(item.select_one(".search-result__title a")): text(item.select_one(".tag"))
            for item in soup(get(client, q="zeppelin")).select(".search-result")
        }
        assert labels == {
            TITLES["news"]: "News",
            TITLES["open_call"]: "Call for proposals",
            TITLES["closed_call"]: "Call for proposals",
            TITLES["event"]: "Event",
            TITLES["publication"]: "Publication",
        }

    def test_listing_pages_are_an_overview_not_a_class_name(self, client, site):
        """The calls' index page (made by the factories, titled "Calls for proposals")."""
        response = get(client, q="proposals", type="index")
        assert titles(response) == ["Calls for proposals"]
        assert soup(response).select_one(".search-result .tag").get_text(strip=True) == "Overview"

    def test_dates_deadlines_in_brussels_time_and_status(self, client, site):
        dates = {}
        for item in soup(get(client, q="zeppelin")).select(".search-result"):
            when = item.select_one(".page-date")
            title = text(item.select_one(".search-result__title a"))
            dates[title] = when.get_text(" ", strip=True) if when else None
        assert dates == {
            TITLES["news"]: "March 5, 2026",
            TITLES["open_call"]: "Deadline: May 7, 2030, 5 p.m. (Brussels time)",
            TITLES["closed_call"]: "Deadline: May 7, 2014, 5 p.m. (Brussels time)",
            TITLES["event"]: "June 9, 2030 – June 10, 2030",
            TITLES["publication"]: "Feb. 3, 2025",
        }
        badges = [
            badge.get_text(" ", strip=True)
            for badge in soup(get(client, q="zeppelin", type="call")).select(".badge")
        ]
        assert sorted(badges) == ["Status: Closed", "Status: Open"]

    def test_matched_words_are_marked_in_title_and_passage(self, client, site):
        item = soup(get(client, q="friedrichshafen")).select_one(".search-result")
        assert [mark.get_text() for mark in item.select(".search-result__title mark")] == ["Friedrichshafen"]

    def test_page_titles_are_escaped(self, client, site):
        page = StandardPageFactory(title="<b>Quokka</b> & <script>alert(1)</script>")
        rebuild()
        response = get(client, q="quokka")
        link = soup(response).select_one(".search-result__title a")
        assert link.get_text() == "<b>Quokka</b> & <script>alert(1)</script>"
        assert not link.select("b, script")
        assert link["href"] == page.url

    def test_did_you_mean(self, client, site):
        suggestion = soup(get(client, q="zepelin")).select_one(".search-suggestion")
        assert suggestion.get_text(" ", strip=True) == "Did you mean zeppelin ?"
        assert suggestion.select_one("a")["href"] == "?q=zeppelin"

    def test_the_page_is_not_indexed_by_search_engines(self, client, site):
        for params in ({}, {"q": "zeppelin"}, {"q": "!!!"}):
            assert (
                soup(get(client, **params)).select_one('meta[name="robots"]')["content"] == "noindex, follow"
            )

    def test_only_get(self, client, site):
        assert client.post("/en/search/", {"q": "zeppelin"}).status_code == 405


class TestFacets:
    def test_counts_by_type_year_and_topic(self, client, site):
        response = get(client, q="zeppelin")
        assert facet(response, "Type")[0] == {
            "All": None,
            "News": 1,
            "Call for proposals": 2,
            "Event": 1,
            "Publication": 1,
        }
        assert facet(response, "Year")[0] == {"All": None, "2030": 2, "2026": 1, "2025": 1, "2014": 1}
        assert facet(response, "Topic")[0] == {"All": None, "Aviation": 1}
        assert facet(response, "Calls and events")[0] == {"All": None, "Still open only": None}

    def test_facets_are_translated(self, client, site):
        response = get(client, "de", q="zeppelin", lang="all")
        assert facet(response, "Typ")[0]["Nachrichten"] == 3
        assert facet(response, "Jahr")[0]["2026"] == 3

    @pytest.mark.parametrize(
        ("label", "choice", "expected"),
        [
            ("Type", "Call for proposals", {"open_call", "closed_call"}),
            ("Type", "News", {"news"}),
            ("Year", "2030", {"open_call", "event"}),
            ("Year", "2014", {"closed_call"}),
            ("Topic", "Aviation", {"publication"}),
            ("Calls and events", "Still open only", {"open_call", "event"}),
        ],
    )
    def test_following_a_facet_link_filters(self, client, site, label, choice, expected):
        href = facet(get(client, q="zeppelin"), label)[1][choice]
        assert href.startswith("?q=zeppelin&")
        response = client.get("/en/search/" + href)
        assert sorted(titles(response)) == sorted(TITLES[key] for key in expected)
        # The chosen link is marked, and "All" of its facet leads back to every result.
        counts, links = facet(response, label)
        current = [
            a.get_text(" ", strip=True) for a in soup(response).select(".search-facet a[aria-current]")
        ]
        assert any(text.startswith(choice) for text in current), current
        assert len(titles(client.get("/en/search/" + links["All"]))) == 5

    def test_facets_combine_and_counts_stay_for_the_facet_itself(self, client, site):
        response = get(client, q="zeppelin", type="call", year="2030")
        assert titles(response) == [TITLES["open_call"]]
        # The type facet counts what the year leaves, whatever type is chosen.
        assert facet(response, "Type")[0] == {"All": None, "Call for proposals": 1, "Event": 1}
        assert facet(response, "Year")[0] == {"All": None, "2030": 1, "2014": 1}

    def test_no_match_with_filters_offers_to_drop_them(self, client, site):
        response = get(client, q="zeppelin", type="publication", open="1")
        assert titles(response) == []
        links = {a.get_text(strip=True): a["href"] for a in soup(response).select(".search-empty a")}
        assert links == {"Search without the filters": "?q=zeppelin"}

    @pytest.mark.parametrize(
        "params",
        [
            {"type": "spaceship"},
            {"type": "NewsArticlePage"},
            {"year": "20x6"},
            {"year": "99999999999999999999"},
            {"year": "-1"},
            {"topic": "abc"},
            {"topic": "0"},
            {"open": "yes"},
            {"lang": "xx"},
            {"page": "0"},
            {"page": "-3"},
            {"page": "1e9"},
        ],
    )
    def test_junk_filters_are_ignored(self, client, site, params):
        assert len(titles(get(client, q="zeppelin", **params))) == 5


class TestPaging:
    @pytest.fixture
    def studies(self, site):
        for number in range(13):
            PublicationPageFactory(title=f"Quagga survey {number}")
        rebuild()

    def test_pages_of_ten(self, client, studies):
        first = get(client, q="quagga", type="publication")
        second = get(client, q="quagga", type="publication", page=2)
        assert (len(titles(first)), len(titles(second))) == (10, 3)
        assert len(set(titles(first)) | set(titles(second))) == 13
        assert soup(first).select_one(".search-results__count").get_text(strip=True).startswith("13 results")
        assert (
            soup(first).select_one('.pagination a[rel="next"]')["href"] == "?q=quagga&type=publication&page=2"
        )
        assert soup(second).select_one(".search-results__list")["start"] == "11"

    @pytest.mark.parametrize("page", ["3", "50", "51", "999999", "abc"])
    def test_a_page_out_of_range_shows_a_real_one(self, client, studies, page):
        response = get(client, q="quagga", type="publication", page=page)
        assert len(titles(response)) in (10, 3)


class TestPoliteness:
    @pytest.mark.parametrize("query", ["", "   "])
    def test_empty_query_shows_the_form_only(self, client, site, query):
        response = get(client, q=query)
        assert not soup(response).select(".search-result, .search-results")
        assert soup(response).select_one("#search-q")["value"] == ""
        assert "Type one or more words" in soup(response).select_one(".search-notice").get_text()

    def test_a_search_stopped_for_time_says_so(self, client, site, monkeypatch):
        # The engine's time limit itself is tested on PostgreSQL (test_search_engine_postgresql);
        # here only what the page makes of a search the engine stopped.
        monkeypatch.setattr(engine, "search", lambda request: Results(hits=[], total=0, timed_out=True))
        response = get(client, q="zeppelin")
        assert response.status_code == 200
        text = soup(response).select_one(".search-empty").get_text(" ", strip=True)
        assert text.startswith("This search took too long and was stopped.")

    def test_the_query_is_cut_at_200_characters(self, client, site):
        response = get(client, q="zeppelin " + "x" * 400)
        assert soup(response).select_one("#search-q")["value"] == "zeppelin " + "x" * 191

    @pytest.mark.parametrize("query", ["!!!", '"', "-", "„“", "--", "()", "*", "¿?"])
    def test_nothing_but_punctuation_is_said_not_searched(self, client, site, query):
        response = get(client, q=query)
        notice = soup(response).select_one(".search-notice").get_text(" ", strip=True)
        assert (
            notice
            == f"There are no words to search for in “{query}”. Type a word or two, in letters or digits."
        )
        assert not soup(response).select(".search-result")

    @pytest.mark.parametrize(
        "query",
        [
            "zeppelin' OR 1=1 --",
            "zeppelin'; DROP TABLE cms_searchdocument; --",
            '"zeppelin',
            "zeppelin)",
            "zeppelin:*",
            "zeppelin & !workshop | <->",
            "<script>alert('zeppelin')</script>",
            "zeppelin " + "x" * 5000,
            "zeppelin " * 400,
            "zeppelin \u202e\ufffd😀",
            "%zeppelin_",
            "zeppelin\\",
        ],
    )
    def test_injection_looking_and_huge_queries_give_a_results_page(self, client, site, query):
        response = get(client, q=query)
        html = soup(response)
        assert not html.select("main script")
        assert html.select_one(".search-results__count") is not None
        assert len(html.select_one("#search-q")["value"]) <= 200

    def test_a_nul_byte_is_refused_politely_before_the_view(self, client, site):
        """workflows.http refuses control characters in any query string with its translated 400 page."""
        response = client.get("/pl/search/?q=zeppelin%00")
        assert response.status_code == 400
        assert 'lang="pl"' in response.content.decode()


class TestQueries:
    def test_a_results_page_takes_a_bounded_number_of_queries(
        self, client, site, django_assert_max_num_queries
    ):
        """All languages, four page types among seven results, facets with a topic: see PAGE_QUERIES."""
        get(client, q="zeppelin", lang="all")  # warm the per-process caches (site root paths, locales)
        with django_assert_max_num_queries(PAGE_QUERIES + ENGINE_QUERIES[connection.vendor] + 2):
            response = get(client, q="zeppelin", lang="all")
        assert len(titles(response)) == 7

    def test_more_hits_of_the_same_types_cost_no_more_queries(self, client, site):
        for number in range(12):
            PublicationPageFactory(title=f"Okapi survey {number}")
        PublicationPageFactory(title="Dingo survey")
        rebuild()
        counts = {}
        for word in ("okapi", "dingo", "okapi"):  # the first warms the per-process caches
            with CaptureQueriesContext(connection) as queries:
                found = titles(get(client, q=word, type="publication"))
            counts[word] = (len(found), len(queries))
        assert counts["okapi"][0] == 10
        assert counts["dingo"][0] == 1
        assert counts["okapi"][1] == counts["dingo"][1]


def test_the_header_search_box_is_a_plain_form_with_a_suggestion_source(site):
    response = Client().get("/de/")
    box = soup(response).select_one("#site-search-q")
    assert box.find_parent("form")["action"] == "/de/search/"
    assert box["name"] == "q"
    assert box["data-autocomplete"] == "/de/search/autocomplete/"
    # Roles and states are the script's to add: without it the box is a plain search box.
    assert not box.has_attr("role")
