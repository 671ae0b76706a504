"""The PostgreSQL search engine on a real PostgreSQL: the shared behaviour, plans, query counts, timeouts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.search import postgres_engine, ranking
from cms.search.engine import SearchRequest
from cms.search.languages import analysis_for
from cms.search.query import parse, units
from cms.search.suggest import lookup
from tests.cms.conftest import module_data
from tests.cms.search.engine_behaviour import EngineBehaviour, arbitrary_text_never_fails, search
from tests.cms.search.engine_pages import make_pages

pytestmark = [pytest.mark.integration, pytest.mark.services("postgresql"), pytest.mark.django_db]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker):
        yield make_pages()


# Entries of other pages, so the planner sees a table of some size: with a handful of rows a scan
# of the table is rightly cheapest, and the plan would say nothing about 100,000 pages. Their
# vectors are the size of a short page's (some 180 positions), kept in the row as real ones are
# (cms 0007): with one-line vectors the whole table is a few hundred blocks and a scan of it is,
# again rightly, cheaper than any index.
FILLER = """
INSERT INTO cms_searchdocument (page_id, language, kind, title, summary, body, title_terms, body_terms,
                                topics, indexed_at, vector, title_vector)
SELECT 1000000 + n, (ARRAY['en', 'de', 'fr', 'es', 'it', 'pl'])[1 + n %% 6], 'news', 'Filler ' || n, '',
       '', '', '', '[]', now(),
       to_tsvector('cms_simple', repeat('filler entry number ' || n || ' common words of the network ', 20)),
       to_tsvector('cms_simple', 'filler ' || n)
FROM generate_series(1, %s) AS n
"""


@pytest.fixture
def filled(pages):
    """The pages among 30,000 other entries, the table analysed (all undone with the test).

    The entries point at pages that do not exist: the foreign key is checked at commit (and by
    the test case's teardown), so they are deleted before.
    """
    with connection.cursor() as cursor:
        cursor.execute(FILLER, [30_000])
        cursor.execute("ANALYZE cms_searchdocument")
    yield pages
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM cms_searchdocument WHERE page_id > 1000000")


def plan(text, language):
    """EXPLAIN of the hits statement of a search."""
    parsed = parse(text)
    languages = [language] if language else ["en", "de", "fr", "es", "it", "pl"]
    compounds = any(analysis_for(code).compounds for code in languages)
    found_units = units(parsed, lookup(parsed.all_words, languages), compounds)
    queries = [postgres_engine._LanguageQuery(code, parsed, found_units) for code in languages]
    request = SearchRequest(text=text, language=language)
    with CaptureQueriesContext(connection) as captured:
        postgres_engine._hits(queries, request, timezone.now(), timezone.localdate())
    sql = captured.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("matched", "text_rank", "kind", "open_days", "age_days"),
    [
        (1, 0.3, "news", None, 0),
        (3, 0.1, "index", None, 400),
        (2, 0.9, "call", 5, -20),
        (1, 0.0, "event", -2, 9),
    ],
)
def test_sql_and_python_score_alike(matched, text_rank, kind, open_days, age_days):
    now = timezone.now()
    today = timezone.localdate()
    open_until = now + datetime.timedelta(days=open_days) if open_days is not None else None
    date = today - datetime.timedelta(days=age_days)
    sql = ranking.sql_score("%s", "%s", "%s", "%s::timestamptz", "%s::date", "%s::timestamptz", "%s::date")
    # The placeholders in the order the formula names them.
    params = [matched, text_rank, kind, open_until, open_until, now, date, kind, today, date]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}", params)
        in_sql = cursor.fetchone()[0]
    # ts_rank's normalisation 32 squashes in SQL; Python squashes the raw rank.
    raw = text_rank / (1 - text_rank)
    assert in_sql == pytest.approx(ranking.score(matched, raw, kind, open_until, date, now, today))


class TestPostgresEngine(EngineBehaviour):
    def test_the_engine_is_postgresql(self, pages):
        assert connection.vendor == "postgresql"

    @pytest.mark.parametrize(
        ("text", "language"),
        [
            ("zorblat", "en"),
            ("zorblat cluster", "en"),
            ('"cluster excellence"', "en"),
            ("Ostsee", "de"),
            ("zorblat", None),
        ],
    )
    def test_the_gin_index_serves_the_search(self, filled, text, language):
        explained = plan(text, language)
        assert "cms_searchdoc_vector" in explained, explained
        assert "Seq Scan on cms_searchdocument" not in explained, explained
        assert "Parallel" not in explained, explained

    def test_a_search_is_a_bounded_number_of_statements(self, pages, django_assert_max_num_queries):
        # Inside the test's transaction: a savepoint and its release, the time limit set and put
        # back, the vocabulary, the hits, the facets (and the other languages' count).
        with django_assert_max_num_queries(7):
            search("zorblat cluster clustr " * 10)
        with django_assert_max_num_queries(8):
            search("Ostseeraum", "fr")
        with django_assert_max_num_queries(7):
            search("zorblat", None)

    def test_a_search_past_its_time_limit_returns_empty_results(self, pages, monkeypatch):
        monkeypatch.setattr(postgres_engine, "STATEMENT_TIMEOUT", 1)
        monkeypatch.setattr(
            postgres_engine,
            "_hits",
            lambda *args: connection.cursor().execute("SELECT pg_sleep(0.2)"),
        )
        results = search("zorblat")
        assert results.timed_out
        assert (results.hits, results.total) == ([], 0)
        # The connection is usable, and the limit is gone after the search.
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('statement_timeout')")
            assert cursor.fetchone()[0] != "1ms"

    def test_the_time_limit_does_not_outlive_the_search(self, pages):
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('statement_timeout')")
            before = cursor.fetchone()[0]
            search("zorblat")
            cursor.execute("SELECT current_setting('statement_timeout')")
            assert cursor.fetchone()[0] == before

    def test_stop_words_are_neither_searched_nor_marked(self, pages):
        hit = next(hit for hit in search("what zorblat").hits if hit.page_id == pages.study.pk)
        assert hit.excerpt_html.startswith("What <mark>zorblat</mark>")
        assert search("what the").total == 0
        # One language's stop word is another's word: every language keeps them all.
        assert search("die Konferenz", "de").hits[0].excerpt_html.count("<mark>") == 1

    test_arbitrary_text_never_fails = arbitrary_text_never_fails(examples=25)


def test_only_the_best_candidates_are_ranked_in_full_and_the_total_counts_every_match(pages, monkeypatch):
    # Three pages hold "zorblat": the open call (x 1.5), the study (x 1) and the closed call (x 0.8).
    # With room for two candidates the closed call, least by matched words and factors, is not
    # ranked in full; the total still counts it.
    monkeypatch.setattr(postgres_engine, "CANDIDATES", 2)
    results = search("zorblat")
    assert results.total == 3
    assert {hit.page_id for hit in results.hits} == {pages.open_call.pk, pages.study.pk}
