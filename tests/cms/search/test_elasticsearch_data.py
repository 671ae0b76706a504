"""The Elasticsearch engine as data: index settings, documents, requests and answers.

No cluster runs here: what the engine would send is checked against what Elasticsearch's
documentation says it must be (the analyzers are its "reimplementing language analyzers"
recipes, written out below by hand), and answers written as Elasticsearch 9 returns them are read
into Results. tests/integration/test_search_elasticsearch.py runs the same against a cluster.
"""

import datetime

import pytest
from django.test import override_settings
from django.utils.safestring import SafeString

from cms.models import SearchDocument
from cms.search import elasticsearch as es
from cms.search import engine
from cms.search.engine import SearchRequest
from cms.search.query import parse

NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
SIX = [
    ("en", "English"),
    ("de", "German"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pl", "Polish"),
]


def resolved(settings_body, analyzer):
    """An analyzer's tokenizer and filter chain, custom filters replaced by their definitions."""
    analysis = settings_body["settings"]["analysis"]
    definition = analysis["analyzer"][analyzer]
    filters = analysis.get("filter", {})
    return definition["tokenizer"], [filters.get(name, name) for name in definition["filter"]]


def walk(value):
    """Every dict inside a request body, depth first."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from walk(child)


def fields_searched(body):
    """Every field name a multi_match, match, prefix or term query of the body names."""
    found = set()
    for node in walk(body):
        if "multi_match" in node:
            found.update(field.split("^")[0] for field in node["multi_match"]["fields"])
        for kind in ("match", "prefix", "term", "match_phrase"):
            if kind in node and isinstance(node[kind], dict):
                found.update(node[kind])
    return found


def body_for(text, language="de", **options):
    return es.search_body(SearchRequest(text, language, **options), parse(text), now=NOW)


# --- index settings -------------------------------------------------------------------------------


@override_settings(LANGUAGES=SIX)
def test_every_enabled_language_has_its_analyzer_and_fields():
    body = es.index_settings()
    analyzers = body["settings"]["analysis"]["analyzer"]
    for code in ("en", "de", "fr", "es", "it", "pl"):
        assert f"cms_{code}" in analyzers
        for part in ("title", "summary", "body"):
            assert body["mappings"]["properties"][part]["properties"][code]["analyzer"] == f"cms_{code}"
    assert "cms_nl" not in analyzers
    assert "nl" not in body["mappings"]["properties"]["title"]["properties"]


@override_settings(LANGUAGES=SIX)
def test_german_is_elastics_german_analyzer_with_folding():
    # Elastic, "German analyzer" reimplemented: standard tokenizer; lowercase, stop _german_,
    # german_normalization, stemmer light_german (keyword marker left out); then asciifolding.
    assert resolved(es.index_settings(), "cms_de") == (
        "standard",
        [
            "lowercase",
            {"type": "stop", "stopwords": "_german_"},
            "german_normalization",
            {"type": "stemmer", "language": "light_german"},
            "asciifolding",
        ],
    )


@override_settings(LANGUAGES=SIX)
def test_french_is_elastics_french_analyzer_with_folding():
    # Elastic, "French analyzer" reimplemented: elision of l' m' t' qu' n' s' j' d' c' jusqu' quoiqu'
    # lorsqu' puisqu' (case-insensitive), lowercase, stop _french_, stemmer light_french.
    assert resolved(es.index_settings(), "cms_fr") == (
        "standard",
        [
            {
                "type": "elision",
                "articles_case": True,
                "articles": [
                    "l",
                    "m",
                    "t",
                    "qu",
                    "n",
                    "s",
                    "j",
                    "d",
                    "c",
                    "jusqu",
                    "quoiqu",
                    "lorsqu",
                    "puisqu",
                ],
            },
            "lowercase",
            {"type": "stop", "stopwords": "_french_"},
            {"type": "stemmer", "language": "light_french"},
            "asciifolding",
        ],
    )


@override_settings(LANGUAGES=SIX)
def test_english_strips_possessives_before_stemming():
    tokenizer, chain = resolved(es.index_settings(), "cms_en")
    assert chain[0] == {"type": "stemmer", "language": "possessive_english"}
    assert chain[1:] == [
        "lowercase",
        {"type": "stop", "stopwords": "_english_"},
        {"type": "stemmer", "language": "english"},
        "asciifolding",
    ]


@override_settings(LANGUAGES=SIX)
def test_polish_without_a_plugin_is_folded_words_and_its_python_stems():
    # No Polish analyzer in Elasticsearch itself: standard words, lowercase, folded, and the
    # little words the Python analysis drops too ("w", "się" folded as "sie").
    tokenizer, chain = resolved(es.index_settings(), "cms_pl")
    assert (tokenizer, chain[:2]) == ("standard", ["lowercase", "asciifolding"])
    assert chain[2]["type"] == "stop"
    assert {"w", "sie", "oraz", "ze"} <= set(chain[2]["stopwords"])
    assert "ekspert" not in chain[2]["stopwords"]
    terms = es.index_settings()["mappings"]["properties"]["title_terms"]
    assert terms == {"type": "text", "analyzer": "whitespace"}


@override_settings(LANGUAGES=SIX, SEARCH_ELASTICSEARCH_PLUGINS=["analysis-stempel"])
def test_polish_with_the_stempel_plugin_uses_its_filters():
    # The analysis-stempel plugin adds the polish_stop and polish_stem token filters.
    assert resolved(es.index_settings(), "cms_pl") == (
        "standard",
        ["lowercase", "polish_stop", "polish_stem", "asciifolding"],
    )


@override_settings(LANGUAGES=[*SIX, ("nl", "Dutch")])
def test_enabling_dutch_adds_its_analyzer_without_code():
    body = es.index_settings()
    # Elastic, "Dutch analyzer" reimplemented: lowercase, stop _dutch_, the stemmer override of
    # fiets, bromfiets, ei, kind, stemmer dutch.
    assert resolved(body, "cms_nl") == (
        "standard",
        [
            "lowercase",
            {"type": "stop", "stopwords": "_dutch_"},
            {
                "type": "stemmer_override",
                "rules": ["fiets=>fiets", "bromfiets=>bromfiets", "ei=>eier", "kind=>kinder"],
            },
            {"type": "stemmer", "language": "dutch"},
            "asciifolding",
        ],
    )
    assert body["mappings"]["properties"]["body"]["properties"]["nl"]["analyzer"] == "cms_nl"
    assert "nl" in body["mappings"]["_meta"]["languages"]


@override_settings(LANGUAGES=SIX)
def test_folded_and_autocomplete_analyzers():
    body = es.index_settings()
    assert resolved(body, "cms_folded") == ("standard", ["lowercase", "asciifolding"])
    tokenizer, chain = resolved(body, "cms_autocomplete")
    assert chain[:2] == ["lowercase", "asciifolding"]
    assert chain[2]["type"] == "edge_ngram" and chain[2]["min_gram"] == 2
    autocomplete = body["mappings"]["properties"]["title"]["properties"]["autocomplete"]
    assert autocomplete["analyzer"] == "cms_autocomplete"
    # What is typed is not cut into n-grams: "kon" must match the indexed prefix "kon" only.
    _tokenizer, typed = resolved(body, autocomplete["search_analyzer"])
    assert not any(isinstance(step, dict) and "ngram" in step["type"] for step in typed)
    # Every language's title feeds autocomplete and the "did you mean" words.
    assert set(body["mappings"]["properties"]["title"]["properties"]["de"]["copy_to"]) == {
        "title.autocomplete",
        "words",
    }


@override_settings(LANGUAGES=SIX)
def test_the_mapping_types_of_filters_and_facets():
    properties = es.index_settings()["mappings"]["properties"]
    assert properties["language"] == {"type": "keyword"}
    assert properties["kind"] == {"type": "keyword"}
    assert properties["date"] == {"type": "date"}
    assert properties["open_until"] == {"type": "date"}
    assert properties["year"] == {"type": "integer"}
    assert properties["topics"] == {"type": "integer"}


# --- documents -----------------------------------------------------------------------------------


def entry(**values):
    defaults = {
        "page_id": 42,
        "language": "de",
        "kind": "news",
        "title": "Konferenzen im Ostseeraum",
        "summary": "Zusammenfassung",
        "body": "Text",
        "title_terms": "konferenz im ostseeraum",
        "body_terms": "zusammenfass text",
        "date": datetime.date(2025, 3, 4),
        "year": 2025,
        "open_until": None,
        "topics": [3, 5],
    }
    return SearchDocument(**{**defaults, **values})


def test_a_document_holds_its_texts_under_its_language_only():
    assert es.document(entry()) == {
        "language": "de",
        "kind": "news",
        "title": {"de": "Konferenzen im Ostseeraum"},
        "summary": {"de": "Zusammenfassung"},
        "body": {"de": "Text"},
        "date": "2025-03-04",
        "year": 2025,
        "open_until": None,
        "topics": [3, 5],
    }


def test_a_polish_document_carries_its_python_analysis():
    closes = datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
    document = es.document(
        entry(language="pl", title="Eksperci", title_terms="ekspert", body_terms="tekst", open_until=closes)
    )
    assert document["title"] == {"pl": "Eksperci"}
    assert document["title_terms"] == "ekspert"
    assert document["body_terms"] == "tekst"
    assert document["open_until"] == "2026-07-01T10:00:00+00:00"


@override_settings(ELASTICSEARCH_INDEX_PREFIX="test_")
def test_the_index_is_named_from_the_prefix():
    assert es.index_name() == "test_site"


# --- search requests -----------------------------------------------------------------------------


@override_settings(LANGUAGES=SIX)
def test_a_german_search_filters_german_pages_and_searches_german_fields():
    body = body_for("Konferenzen")
    bool_query = body["query"]["function_score"]["query"]["bool"]
    assert {"term": {"language": "de"}} in bool_query["filter"]
    searched = fields_searched(body["query"])
    assert {"title.de", "summary.de", "body.de"} <= searched
    assert not any(name.endswith((".fr", ".pl", ".en")) for name in searched)
    boosted = [node["multi_match"]["fields"] for node in walk(body["query"]) if "multi_match" in node]
    assert ["title.de^3", "summary.de^2", "body.de"] in boosted
    # Any word is enough; typos are tolerated.
    assert bool_query["minimum_should_match"] == 1
    assert any(node["multi_match"].get("fuzziness") == "AUTO" for node in walk(body) if "multi_match" in node)
    assert body["track_total_hits"] is True


@override_settings(LANGUAGES=SIX)
def test_more_words_matched_count_more():
    body = body_for("cluster excellence funding net")
    should = body["query"]["function_score"]["query"]["bool"]["should"]
    # One clause per word: worth 1 when the page holds the word, half when only a longer word
    # starting with it ("net" is too short to be a prefix).
    words = [clause for clause in should if "script_score" not in clause]
    assert len(words) == 4
    for clause in words[:3]:
        whole, prefix = clause["dis_max"]["queries"]
        assert whole["constant_score"]["boost"] == 1.0
        assert prefix["constant_score"]["boost"] == 0.5
        assert "prefix" in prefix["constant_score"]["filter"]
    assert words[3]["constant_score"]["boost"] == 1.0
    # The text rank is squashed below 1: it never outweighs one more matched word.
    assert should[-1]["script_score"]["script"]["source"] == "saturation(_score, 1)"


@override_settings(LANGUAGES=SIX)
def test_a_word_also_matches_as_the_start_of_a_longer_one():
    body = body_for("zorbl", "en")
    assert {"prefix": {"words": {"value": "zorbl"}}} in list(walk(body["query"]))


@override_settings(LANGUAGES=SIX)
def test_german_words_also_match_as_the_start_of_compounds_french_ones_not():
    german = body_for("Ostsee")
    assert {"prefix": {"body.de": {"value": "ostsee"}}} in list(walk(german["query"]))
    french = body_for("Ostsee", "fr")
    prefixed = {field for node in walk(french["query"]) if "prefix" in node for field in node["prefix"]}
    # Only the start of any word, worth half a word (test_more_words_matched_count_more).
    assert prefixed == {"words"}


@override_settings(LANGUAGES=SIX)
def test_polish_words_are_also_matched_by_their_python_stems():
    body = body_for("eksperci", "pl")
    stems = [
        node["multi_match"]["query"]
        for node in walk(body["query"])
        if "multi_match" in node and "title_terms" in node["multi_match"]["fields"]
    ]
    # simplemma's lemma of "eksperci" is "ekspert"; Snowball Polish keeps it.
    assert "ekspert" in stems


@override_settings(LANGUAGES=SIX)
def test_a_polish_stop_word_is_not_searched_in_the_stems():
    body = body_for("eksperci oraz w", "pl")
    stems = [
        node["multi_match"]["query"]
        for node in walk(body["query"]["function_score"]["query"]["bool"]["should"])
        if "multi_match" in node and node["multi_match"]["fields"][0].startswith("title_terms")
    ]
    # "w" and "oraz" ("and") would match nearly every Polish page.
    assert stems == ["ekspert", "ekspert"]  # the word's clause, and the text rank's
    assert {"prefix": {"words": {"value": "oraz"}}} not in list(walk(body["query"]))


@override_settings(LANGUAGES=SIX)
def test_phrases_are_required_and_exclusions_excluded():
    body = body_for('"cluster management" network -excellence')
    bool_query = body["query"]["function_score"]["query"]["bool"]
    phrases = [node["multi_match"] for node in walk(bool_query["must"]) if "multi_match" in node]
    assert phrases[0]["type"] == "phrase" and phrases[0]["query"] == "cluster management"
    assert bool_query["minimum_should_match"] == 0
    excluded = [
        node["multi_match"]["query"] for node in walk(bool_query["must_not"]) if "multi_match" in node
    ]
    assert excluded == ["excellence"]
    assert "excellence" not in str(bool_query["should"])


@override_settings(LANGUAGES=SIX)
def test_all_languages_search_every_language_without_a_language_filter():
    body = body_for("cluster", None)
    bool_query = body["query"]["function_score"]["query"]["bool"]
    assert not any("language" in node.get("term", {}) for node in walk(bool_query["filter"]))
    searched = fields_searched(body["query"])
    for code in ("en", "de", "fr", "es", "it", "pl"):
        assert f"title.{code}" in searched
        assert f"body.{code}" in searched
    # Polish (no analyzer in Elasticsearch) through its Python analysis too.
    assert "title_terms" in searched


@override_settings(LANGUAGES=SIX)
def test_open_only_keeps_what_closes_after_now():
    body = body_for("call", open_only=True)
    assert {"range": {"open_until": {"gte": NOW.isoformat()}}} in body["query"]["function_score"]["query"][
        "bool"
    ]["filter"]


@override_settings(LANGUAGES=SIX)
def test_facet_counts_ignore_their_own_choice():
    body = body_for("cluster", kind="news", year=2024, topic=7)
    chosen = [{"term": {"kind": "news"}}, {"term": {"year": 2024}}, {"term": {"topics": 7}}]
    assert body["post_filter"] == {"bool": {"filter": chosen}}
    aggs = body["aggs"]
    assert aggs["kind"]["filter"]["bool"]["filter"] == chosen[1:]
    assert aggs["year"]["filter"]["bool"]["filter"] == [chosen[0], chosen[2]]
    assert aggs["topic"]["filter"]["bool"]["filter"] == chosen[:2]
    assert aggs["kind"]["aggs"]["values"]["terms"]["field"] == "kind"
    assert aggs["topic"]["aggs"]["values"]["terms"]["field"] == "topics"
    # The facets do not narrow the matches themselves (the counts would lose the other values).
    assert "kind" not in str(body["query"]["function_score"]["query"]["bool"]["filter"])


@override_settings(LANGUAGES=SIX)
def test_without_facet_choices_there_is_no_post_filter():
    assert "post_filter" not in body_for("cluster")


@override_settings(LANGUAGES=SIX)
def test_ranking_factors_content_open_and_recent_first():
    functions = body_for("cluster")["query"]["function_score"]
    assert functions["score_mode"] == "multiply" and functions["boost_mode"] == "multiply"
    weights = {str(function.get("filter")): function.get("weight") for function in functions["functions"]}
    assert weights[str({"term": {"kind": "index"}})] < 1
    assert weights[str({"range": {"open_until": {"gte": NOW.isoformat()}}})] > 1
    assert weights[str({"range": {"open_until": {"lt": NOW.isoformat()}}})] < 1
    recency = [function for function in functions["functions"] if "script_score" in function]
    assert recency[0]["script_score"]["script"]["params"]["now"] == 1_780_315_200_000


@override_settings(LANGUAGES=SIX)
def test_paging_and_highlighting():
    body = body_for("cluster", offset=20, limit=10)
    assert (body["from"], body["size"]) == (20, 10)
    highlight = body["highlight"]
    assert highlight["encoder"] == "html"
    assert (highlight["pre_tags"], highlight["post_tags"]) == (["<mark>"], ["</mark>"])
    assert set(highlight["fields"]) == {"title.de", "summary.de", "body.de"}
    assert highlight["fields"]["title.de"]["number_of_fragments"] == 0


@override_settings(LANGUAGES=SIX)
def test_did_you_mean_asks_for_missing_words_only():
    suggest = body_for("clustr netwrk")["suggest"]
    assert suggest["text"] == "clustr netwrk"
    assert suggest["words"]["term"]["field"] == "words"
    assert suggest["words"]["term"]["suggest_mode"] == "missing"


@override_settings(LANGUAGES=SIX)
def test_the_fallback_count_searches_the_other_languages():
    text = "Konferenzen"
    body = es.other_languages_body(SearchRequest(text, "de", kind="event"), parse(text), now=NOW)
    assert body["query"]["bool"]["must_not"] == [{"term": {"language": "de"}}]
    assert {"term": {"kind": "event"}} in body["query"]["bool"]["filter"]
    assert {"title.fr", "title.pl"} <= fields_searched(body)


@override_settings(LANGUAGES=SIX)
def test_autocomplete_bodies():
    assert es.autocomplete_body("", "de", 8) is None
    assert es.autocomplete_body(' "" -- ', "de", 8) is None
    body = es.autocomplete_body("Konf", "de", 8, now=NOW)
    matching = body["query"]["function_score"]["query"]["constant_score"]["filter"]["bool"]["filter"]
    assert matching == [
        {"match": {"title.autocomplete": {"query": "konf", "operator": "and"}}},
        {"term": {"language": "de"}},
    ]
    # Open calls first, listings last, as in the search.
    weights = [function.get("weight") for function in body["query"]["function_score"]["functions"]]
    assert 0.5 in weights and 1.5 in weights
    assert body["size"] == 8
    assert es.autocomplete_body("x" * 5000, None, 1000)["size"] == 20
    everywhere = es.autocomplete_body("konf", None, 8)["query"]["function_score"]["query"]
    assert "language" not in str(everywhere)


# --- answers -------------------------------------------------------------------------------------

# An Elasticsearch 9 answer to a search body of the engine (trimmed of _shards and took).
ANSWER = {
    "timed_out": False,
    "hits": {
        "total": {"value": 2, "relation": "eq"},
        "max_score": 3.2,
        "hits": [
            {
                "_index": "cms_site",
                "_id": "17",
                "_score": 3.2,
                "_source": {
                    "language": "de",
                    "kind": "call",
                    "title": {"de": "Konferenz <Ostsee> & Co"},
                    "date": "2026-07-01",
                    "open_until": "2026-07-01T10:00:00+00:00",
                },
                "highlight": {
                    "title.de": ["<mark>Konferenz</mark> &lt;Ostsee&gt; &amp; Co"],
                    "body.de": ["Zwei <mark>Konferenzen</mark> &lt;script&gt;alert(1)&lt;/script&gt;"],
                    "summary.de": ["Ein Aufruf ohne Treffer"],
                },
            },
            {
                "_index": "cms_site",
                "_id": "23",
                "_score": 1.1,
                "_source": {"language": "de", "kind": "index", "title": {"de": "Veranstaltungen"}},
                "highlight": {"summary.de": ["Alle Veranstaltungen"]},
            },
        ],
    },
    "aggregations": {
        "kind": {
            "doc_count": 2,
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": "call", "doc_count": 1}, {"key": "index", "doc_count": 1}],
            },
        },
        "year": {"doc_count": 2, "values": {"buckets": [{"key": 2026, "doc_count": 1}]}},
        "topic": {"doc_count": 2, "values": {"buckets": [{"key": 12, "doc_count": 1}]}},
    },
    "suggest": {
        "words": [
            {"text": "konferenzen", "offset": 0, "length": 11, "options": []},
            {
                "text": "ostsea",
                "offset": 12,
                "length": 6,
                "options": [{"text": "ostsee", "score": 0.8, "freq": 4}],
            },
        ]
    },
}


def test_an_answer_reads_as_results():
    results = es.responses.results(ANSWER, ("konferenzen", "ostsea"))
    assert results.total == 2
    assert [hit.page_id for hit in results.hits] == [17, 23]
    first = results.hits[0]
    assert (first.language, first.kind, first.title) == ("de", "call", "Konferenz <Ostsee> & Co")
    assert first.date == datetime.date(2026, 7, 1)
    assert first.open_until == datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
    assert first.score == 3.2
    assert results.facets == {"kind": [("call", 1), ("index", 1)], "year": [(2026, 1)], "topic": [(12, 1)]}
    assert results.suggestion == "konferenzen ostsee"


def test_highlights_are_escaped_text_with_marks():
    first, second = es.responses.results(ANSWER).hits
    assert isinstance(first.title_html, SafeString)
    assert first.title_html == "<mark>Konferenz</mark> &lt;Ostsee&gt; &amp; Co"
    # The passage with a matched word, not the summary without one.
    assert first.excerpt_html == "Zwei <mark>Konferenzen</mark> &lt;script&gt;alert(1)&lt;/script&gt;"
    # No highlight of the title: the title escaped; no match: the summary's start.
    assert second.title_html == "Veranstaltungen"
    assert second.excerpt_html == "Alle Veranstaltungen"
    assert (second.date, second.open_until) == (None, None)


def test_an_unescaped_highlight_is_escaped_all_the_same():
    fragment = es.responses.safe_fragment('<mark>a</mark> <img src=x onerror="alert(1)"> &amp; b')
    assert fragment == "<mark>a</mark> &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; b"


def test_a_title_without_highlight_is_escaped():
    raw = {
        "_id": "5",
        "_score": 1.0,
        "_source": {"language": "fr", "kind": "page", "title": {"fr": "R&D <b>"}},
    }
    assert es.responses.hit(raw).title_html == "R&amp;D &lt;b&gt;"


def test_no_suggestion_for_a_prefix_or_a_word_with_the_same_stem():
    answer = {
        "hits": {"total": {"value": 1}, "hits": []},
        "suggest": {
            "words": [
                {"text": "clustr", "options": [{"text": "cluster", "score": 0.8, "freq": 9}]},
                {"text": "excelence", "options": [{"text": "excellence", "score": 0.8, "freq": 3}]},
                {"text": "zorbl", "options": [{"text": "zorblat", "score": 0.6, "freq": 3}]},
            ]
        },
    }
    # "excelence" and "excellence" are both "excel" to the English stemmer: found as typed.
    assert es.responses.results(answer, ("clustr", "excelence"), "en").suggestion == "cluster excelence"
    # "zorbl" is the start of "zorblat": searched as a prefix, not corrected.
    assert es.responses.results(answer, ("zorbl",), "en").suggestion is None


def test_no_suggestion_when_every_word_is_known():
    answer = {
        "hits": {"total": {"value": 0}, "hits": []},
        "suggest": {"words": [{"text": "cluster", "options": []}]},
    }
    results = es.responses.results(answer, ("cluster",))
    assert (results.total, results.hits, results.suggestion) == (0, [], None)


def test_autocomplete_answer_reads_as_titles():
    answer = {
        "hits": {
            "total": {"value": 2},
            "hits": [
                {"_id": "8", "_source": {"language": "de", "title": {"de": "Konferenz"}}},
                {"_id": "9", "_source": {"language": "pl", "title": {"pl": "Konferencja"}}},
            ],
        }
    }
    assert es.responses.titles(answer) == [(8, "Konferenz"), (9, "Konferencja")]


# --- wiring --------------------------------------------------------------------------------------


@override_settings(ELASTICSEARCH_URL="http://elasticsearch.invalid:9200")
def test_the_engine_answers_with_elasticsearch_when_its_url_is_set():
    assert engine._engine() is es


@pytest.mark.parametrize("text", ["", "   ", '"', "--", "\x00"])
@override_settings(ELASTICSEARCH_URL="http://elasticsearch.invalid:9200")
def test_an_empty_query_asks_nothing_of_the_cluster(text):
    # No request is made (the cluster's address does not resolve): nothing to search for.
    assert es.search(SearchRequest(text, "de")).total == 0


@pytest.mark.parametrize("text", ["", "  ", "?!", "\x00"])
@override_settings(ELASTICSEARCH_URL="http://elasticsearch.invalid:9200")
def test_an_empty_autocomplete_asks_nothing_of_the_cluster(text):
    assert es.autocomplete(text, "de") == []
