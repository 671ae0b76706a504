"""What every search engine must do, as tests a class per engine inherits.

The pages and their words are in engine_pages.py; the expected results are written out here by
hand from those words, never computed by the code under test.
"""

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.search import engine
from cms.search.engine import SearchRequest


def search(text, language="en", **options):
    return engine.search(SearchRequest(text=text, language=language, **options))


def ids(results):
    return [hit.page_id for hit in results.hits]


BAD_INPUTS = [
    "",
    "   ",
    "!!! ??? ...",
    "zorblat\x00",
    "\x00",
    "x" * 10_000,
    "zorblat " * 2_000,
    "'; DROP TABLE cms_searchdocument; --",
    "zorblat' OR '1'='1",
    '"',
    '"zorblat',
    "'",
    "-",
    "- -",
    "-zorblat",
    "zorblat & | ! <-> :* ( )",
    "\\",
    "':*",
]


class EngineBehaviour:
    """Tests of `cms.search.engine.search` and `autocomplete`; `pages` comes from the subclass."""

    def test_finds_a_word_in_title_summary_and_body(self, pages):
        found = ids(search("zorblat"))
        assert set(found) == {pages.open_call.pk, pages.closed_call.pk, pages.study.pk}

    def test_total_counts_every_match_past_the_page(self, pages):
        results = search("zorblat", limit=1)
        assert len(results.hits) == 1
        assert results.total == 3
        assert ids(search("zorblat", limit=1, offset=2)) != ids(results)
        assert search("zorblat", offset=50).total == 3

    def test_an_open_call_ranks_above_a_closed_one_with_the_same_words(self, pages):
        found = ids(search("zorblat cluster excellence call"))
        assert found.index(pages.open_call.pk) < found.index(pages.closed_call.pk)

    def test_content_ranks_above_its_listing(self, pages):
        found = ids(search("quorvex news"))
        assert found[:2] == [pages.article.pk, pages.listing.pk]

    def test_any_word_matches_ranked_by_how_many(self, pages):
        sentence = (
            "I am looking for anything at all about the zorblat study that somebody mentioned at the "
            "meeting last week, maybe with something about clusters achieved in that year or "
            "whatever else there is on this website about it please"
        )
        found = ids(search(sentence))
        assert found[0] == pages.study.pk
        assert {pages.open_call.pk, pages.closed_call.pk} <= set(found)

    def test_title_weighs_more_than_body(self, pages):
        found = ids(search("frobnic report"))
        assert found[0] == pages.phrase.pk

    def test_a_quoted_phrase_needs_its_words_in_order(self, pages):
        assert set(ids(search("innovation strategy frobnic"))) == {pages.phrase.pk, pages.scattered.pk}
        assert ids(search('"innovation strategy"')) == [pages.phrase.pk]

    def test_an_excluded_word_removes_pages(self, pages):
        assert set(ids(search("zorblat -study"))) == {pages.open_call.pk, pages.closed_call.pk}
        assert ids(search("zorblat -zorblat")) == []

    def test_german_compound_inflection_and_accents(self, pages):
        assert ids(search("Ostsee", "de")) == [pages.german.pk]
        assert ids(search("Konferenzen", "de")) == [pages.german.pk]
        assert ids(search("Brussel", "de")) == [pages.german.pk]
        assert ids(search("clustermanagern", "de")) == [pages.german.pk]

    def test_french_plural_without_accents(self, pages):
        assert ids(search("etudes", "fr")) == [pages.french.pk]
        assert ids(search("cooperation", "fr")) == [pages.french.pk]
        assert ids(search("pole", "fr")) == [pages.french.pk]

    def test_polish_inflected_forms(self, pages):
        assert ids(search("ekspert", "pl")) == [pages.polish.pk]
        assert ids(search("klaster", "pl")) == [pages.polish.pk]
        assert ids(search("wspolpraca", "pl")) == [pages.polish.pk]

    def test_a_misspelt_word_is_corrected_and_searched(self, pages):
        results = search("zorblatt")
        assert results.suggestion == "zorblat"
        assert pages.open_call.pk in ids(results)
        results = search("clustr excelence")
        # "excelence" stems as "excellence" does: found as it is, not corrected.
        assert results.suggestion == "cluster excelence"
        assert pages.open_call.pk in ids(results)

    def test_a_known_word_gets_no_suggestion(self, pages):
        assert search("zorblat").suggestion is None
        assert search("clusters").suggestion is None

    def test_a_prefix_of_a_site_word_finds_it(self, pages):
        results = search("zorbl")
        assert pages.open_call.pk in ids(results)
        assert results.suggestion is None

    def test_all_languages(self, pages):
        assert ids(search("Ostsee", None)) == [pages.german.pk]
        assert set(ids(search("zorblat", None))) == {pages.open_call.pk, pages.closed_call.pk, pages.study.pk}
        assert pages.polish.pk in ids(search("eksperci", None))
        assert search("Ostsee", None).other_languages is None

    def test_other_languages_when_the_language_has_nothing(self, pages):
        results = search("Ostseeraum", "fr")
        assert results.total == 0
        assert results.other_languages == 1
        assert search("zorblat", "en").other_languages is None
        assert search("qwxyzzy", "fr").other_languages == 0

    def test_facets_count_matches_each_without_its_own_filter(self, pages):
        results = search("zorblat")
        assert dict(results.facets["kind"]) == {"call": 2, "publication": 1}
        assert dict(results.facets["topic"]) == {pages.topic.pk: 1}
        assert sum(count for _year, count in results.facets["year"]) == 3
        filtered = search("zorblat", kind="call")
        assert filtered.total == 2
        assert dict(filtered.facets["kind"]) == {"call": 2, "publication": 1}
        assert dict(filtered.facets["topic"]) == {}
        by_topic = search("zorblat", topic=pages.topic.pk)
        assert ids(by_topic) == [pages.study.pk]
        assert dict(by_topic.facets["kind"]) == {"publication": 1}

    def test_open_only_keeps_open_calls(self, pages):
        assert ids(search("zorblat", open_only=True)) == [pages.open_call.pk]

    def test_year_filter(self, pages):
        year = timezone.localtime(pages.closed_call.closes_at).year
        assert ids(search("zorblat cluster", year=year)) == [pages.closed_call.pk]

    def test_hits_carry_highlighted_title_and_passage(self, pages):
        hit = next(hit for hit in search("zorblat").hits if hit.page_id == pages.study.pk)
        assert hit.title_html == "<mark>Zorblat</mark> study"
        assert "<mark>zorblat</mark> clusters achieved" in hit.excerpt_html
        assert hit.kind == "publication"
        assert hit.language == "en"
        assert hit.date is not None

    def test_passage_marks_inflected_and_compound_forms(self, pages):
        hit = search("Konferenzen Ostsee", "de").hits[0]
        assert "<mark>Ostseeraum</mark>" in hit.title_html
        assert "<mark>Konferenz</mark>" in hit.excerpt_html

    def test_page_text_is_escaped_in_passages(self, pages):
        hit = search("plinkety").hits[0]
        assert "&lt;script&gt;" in hit.excerpt_html, hit.excerpt_html
        assert "<script>" not in hit.excerpt_html
        assert "&amp;" in hit.excerpt_html
        assert hit.title_html == "<mark>Plinkety</mark> &lt;b&gt;safety&lt;/b&gt;"

    @pytest.mark.parametrize("text", BAD_INPUTS)
    def test_bad_input_is_an_empty_or_ordinary_result(self, pages, text):
        results = search(text)
        assert results.total == len(results.hits) or results.total > len(results.hits)
        assert engine.autocomplete(text, "en") is not None

    def test_punctuation_and_lone_operators_find_nothing(self, pages):
        for text in ("", "!!! ...", "-", "\x00", '"', "'"):
            results = search(text)
            assert (results.hits, results.total) == ([], 0)

    def test_autocomplete_completes_the_last_word(self, pages):
        assert engine.autocomplete("zorb", "en")[0] == (pages.open_call.pk, pages.open_call.title)
        assert {page_id for page_id, _title in engine.autocomplete("zorb", "en")} == {
            pages.open_call.pk,
            pages.closed_call.pk,
            pages.study.pk,
        }
        assert engine.autocomplete("zorblat stu", "en") == [(pages.study.pk, "Zorblat study")]
        assert engine.autocomplete("ostsee", "de") == [(pages.german.pk, pages.german.title)]
        assert engine.autocomplete("raum", "de") == []
        assert engine.autocomplete("zusammen", "de") == [(pages.german.pk, pages.german.title)]
        assert engine.autocomplete("etude", "fr") == [(pages.french.pk, pages.french.title)]
        assert engine.autocomplete("zorb", "en", limit=1) == [(pages.open_call.pk, pages.open_call.title)]


def arbitrary_text_never_fails(examples):
    """A hypothesis test over any text (NUL, quotes, operators, any script) for one engine."""

    @settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(text=st.text(max_size=300), language=st.sampled_from(["en", "de", "pl", None]))
    def test(self, pages, text, language):
        results = search(text, language)
        assert results.total >= len(results.hits)
        assert isinstance(engine.autocomplete(text, language or "en"), list)

    return test
