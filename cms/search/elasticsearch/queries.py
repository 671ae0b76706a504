"""Search and autocomplete requests of the site search on Elasticsearch, built as plain data.

Relevance follows the site's formula, the one every engine computes (cms.search.ranking):

    score = (matched terms + text rank) x kind x openness x recency

- matched terms: each query word (with its typos, and as a prefix of compounds in German, Dutch,
  ...) and each quoted phrase is a `constant_score` clause worth 1, so a page holding more of the
  words ranks above one holding fewer; any word is enough to be found (minimum_should_match 1).
- text rank: BM25 over title^3, summary^2, body of the exact (analysed) words, squashed into
  [0, 1) by `saturation(_score, 1)`, so it orders pages that match as many words, and exact
  matches above typo matches.
- kind, openness, recency: `function_score` factors (index pages 0.5, open 1.5, closed 0.8,
  recency 1 + 0.2 x 365 / (365 + age in days)).

Facets are aggregations each filtered by the other facets' choices; the choices themselves are a
post_filter, so a facet's counts ignore its own filter.
"""

import dataclasses

from django.utils import timezone

from ..analysis import fold, is_stop_word, term, terms
from ..analysis import words as split_words
from ..languages import analysis_for, enabled_analyses
from ..query import MAX_LENGTH
from ..ranking import CLOSED_FACTOR, KIND_FACTORS, OPEN_FACTOR, PREFIX_MIN_LENGTH, RECENCY_BOOST, RECENCY_DAYS

# What a word matched only as the start of a longer word counts (a whole word counts 1).
PREFIX_WEIGHT = 0.5

BOOSTS = {"title": 3, "summary": 2, "body": 1}
TERMS_BOOSTS = {"title_terms": 3, "body_terms": 1}
# Typos: one edit in words of 3 to 5 letters, two from 6; the first letter is taken as typed.
FUZZINESS = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}
FACET_SIZES = {"kind": 10, "year": 50, "topic": 50}
EXCERPT_LENGTH = 200
# Highlighting stops after this many characters of a body (bounded time on huge pages).
HIGHLIGHT_MAX_OFFSET = 100_000
# The search gives up after this long and answers with what it found (bounded time).
TIMEOUT = "2s"
MARK = ("<mark>", "</mark>")
# Autocomplete reads the first words typed only.
AUTOCOMPLETE_WORDS = 6
AUTOCOMPLETE_LIMIT = 20

RECENCY_SCRIPT = (
    "if (doc['date'].size() == 0) { return 1.0; } "
    "double age = Math.max(0.0, (params.now - doc['date'].value.toInstant().toEpochMilli()) / 86400000.0); "
    "return 1.0 + params.boost * params.days / (params.days + age);"
)


def languages_of(request):
    """The analyses the request is searched with: the visitor's language, or every enabled one."""
    if request.language:
        return [analysis_for(request.language)]
    return enabled_analyses()


def _boosted(name, boost):
    return f"{name}^{boost}" if boost != 1 else name


def text_fields(analyses, boosted=True):
    fields = []
    for part, boost in BOOSTS.items():
        for analysis in analyses:
            fields.append(_boosted(f"{part}.{analysis.code}", boost if boosted else 1))
    return fields


def _python_analysed(analyses):
    # Languages Elasticsearch has no analyzer for: matched on their Python analysis too.
    return [analysis for analysis in analyses if analysis.elasticsearch is None]


def _python_terms(text, analyses):
    # A stop word matches nearly every page of its language: left out, as the other engines do.
    found = (
        term(word, analysis.code)
        for analysis in analyses
        for word in split_words(text)
        if not is_stop_word(word, analysis.code)
    )
    return " ".join(dict.fromkeys(found))


def text_matches(text, analyses, boosted=False, **options):
    """multi_match clauses of a text: the language fields, and the Python analysis where it stems."""
    matches = [{"multi_match": {"query": text, "fields": text_fields(analyses, boosted), **options}}]
    python = _python_analysed(analyses)
    if python:
        fields = [_boosted(name, boost if boosted else 1) for name, boost in TERMS_BOOSTS.items()]
        if options.get("type") == "phrase":
            # A phrase keeps its words' order, stop words included: the terms as the index holds
            # them (cms.search.analysis.terms), one language at a time.
            analysed = [" ".join(terms(text, each.code)) for each in python]
        else:
            analysed = [_python_terms(text, python)]
        phrase = {"type": "phrase"} if options.get("type") == "phrase" else {}
        # A stop word alone has no terms: nothing to match there.
        matches += [
            {"multi_match": {"query": query, "fields": fields, **phrase}} for query in analysed if query
        ]
    return matches


def _any(matches):
    return matches[0] if len(matches) == 1 else {"bool": {"should": matches}}


def word_match(word, analyses):
    """Does a page hold this word: analysed, with typos, or as the start of a compound."""
    matches = text_matches(word, analyses)
    # Typos only on the language fields: the Python analysis is a stem, its typos are not words.
    matches[0]["multi_match"].update(FUZZINESS)
    if len(word) >= PREFIX_MIN_LENGTH:
        for analysis in analyses:
            if analysis.compounds:
                # "Ostsee" finds "Ostseeraum": indexed words are folded, so is the prefix.
                for part in ("title", "body"):
                    matches.append({"prefix": {f"{part}.{analysis.code}": {"value": fold(word)}}})
    return _any(matches)


def word_prefix(word, analyses):
    """The word as the start of any word of a page ("zorbl", "clust"); None if too short or a
    stop word ("oraz" would find every Polish page)."""
    if len(word) < PREFIX_MIN_LENGTH or any(is_stop_word(word, analysis.code) for analysis in analyses):
        return None
    return {"prefix": {"words": {"value": fold(word)}}}


def counted_word(word, analyses):
    """1 for a page holding the word (or a compound starting with it), PREFIX_WEIGHT for a page
    holding only a longer word starting with it: "news" counts fully for "news", half for
    "newsletter"."""
    found = counted(word_match(word, analyses))
    prefix = word_prefix(word, analyses)
    if prefix is None:
        return found
    return {"dis_max": {"queries": [found, counted(prefix, PREFIX_WEIGHT)]}}


def phrase_match(phrase, analyses):
    return _any(text_matches(" ".join(phrase), analyses, type="phrase"))


def text_rank(parsed, analyses):
    """BM25 of the exact words over title, summary and body, squashed into [0, 1)."""
    return {
        "script_score": {
            "query": {"bool": {"should": text_matches(" ".join(parsed.all_words), analyses, boosted=True)}},
            "script": {"source": "saturation(_score, 1)"},
        }
    }


def counted(query, weight=1.0):
    """A clause worth `weight` (1: one matched term) when it matches, whatever its text rank."""
    return {"constant_score": {"filter": query, "boost": weight}}


def matching(request, parsed, now):
    """The bool query: which pages match, scored by matched terms + text rank (no facet filter)."""
    analyses = languages_of(request)
    should = [counted_word(word, analyses) for word in parsed.words]
    must = [counted(phrase_match(phrase, analyses)) for phrase in parsed.phrases]
    should.append(text_rank(parsed, analyses))
    query = {
        "filter": filters(request, now),
        "should": should,
        # Any word is enough; with a phrase (required) the words only add to the score.
        "minimum_should_match": 0 if must else 1,
    }
    if must:
        query["must"] = must
    if parsed.excluded:
        query["must_not"] = text_matches(" ".join(parsed.excluded), analyses)
    return {"bool": query}


def filters(request, now):
    found = []
    if request.language:
        found.append({"term": {"language": request.language}})
    if request.open_only:
        found.append({"range": {"open_until": {"gte": now.isoformat()}}})
    return found


def facet_filters(request):
    """{facet: filter} of the facets the visitor chose."""
    chosen = {}
    if request.kind:
        chosen["kind"] = {"term": {"kind": request.kind}}
    if request.year:
        chosen["year"] = {"term": {"year": request.year}}
    if request.topic:
        chosen["topic"] = {"term": {"topics": request.topic}}
    return chosen


def factors(now):
    """kind x openness x recency, as function_score functions."""
    functions = [
        {"filter": {"term": {"kind": name}}, "weight": factor} for name, factor in KIND_FACTORS.items()
    ]
    return functions + [
        {"filter": {"range": {"open_until": {"gte": now.isoformat()}}}, "weight": OPEN_FACTOR},
        {"filter": {"range": {"open_until": {"lt": now.isoformat()}}}, "weight": CLOSED_FACTOR},
        {
            "script_score": {
                "script": {
                    "source": RECENCY_SCRIPT,
                    "params": {
                        "now": int(now.timestamp() * 1000),
                        "boost": RECENCY_BOOST,
                        "days": RECENCY_DAYS,
                    },
                }
            }
        },
    ]


def aggregations(chosen):
    fields = {"kind": "kind", "year": "year", "topic": "topics"}
    aggs = {}
    for facet, field in fields.items():
        terms = {"field": field, "size": FACET_SIZES[facet]}
        if facet == "year":
            terms["order"] = {"_key": "desc"}
        others = [query for name, query in chosen.items() if name != facet]
        aggs[facet] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": {"terms": terms}}}
    return aggs


def highlight(parsed, analyses):
    """<mark> around the words found; the text is HTML-escaped by Elasticsearch (encoder html)."""
    fields = {}
    for analysis in analyses:
        fields[f"title.{analysis.code}"] = {"number_of_fragments": 0}
        fields[f"summary.{analysis.code}"] = {
            "fragment_size": EXCERPT_LENGTH,
            "number_of_fragments": 1,
            "no_match_size": EXCERPT_LENGTH,
        }
        fields[f"body.{analysis.code}"] = {"fragment_size": EXCERPT_LENGTH, "number_of_fragments": 1}
    # The words and phrases, without the scoring wrappers the highlighter need not read.
    should = [word_match(word, analyses) for word in parsed.words]
    should += [phrase_match(phrase, analyses) for phrase in parsed.phrases]
    return {
        "encoder": "html",
        "pre_tags": [MARK[0]],
        "post_tags": [MARK[1]],
        "max_analyzed_offset": HIGHLIGHT_MAX_OFFSET,
        "highlight_query": {"bool": {"should": should}},
        "fields": fields,
    }


def suggest(parsed):
    """Words of the query no page holds, and the closest words the pages hold ("did you mean")."""
    return {
        "text": " ".join(parsed.all_words),
        "words": {"term": {"field": "words", "suggest_mode": "missing", "size": 1, "min_word_length": 3}},
    }


def search_body(request, parsed, now=None):
    """The _search body of a SearchRequest whose text was parsed (cms.search.query.parse)."""
    now = now or timezone.now()
    chosen = facet_filters(request)
    body = {
        "query": {
            "function_score": {
                "query": matching(request, parsed, now),
                "functions": factors(now),
                "score_mode": "multiply",
                "boost_mode": "multiply",
            }
        },
        "aggs": aggregations(chosen),
        "highlight": highlight(parsed, languages_of(request)),
        "suggest": suggest(parsed),
        "_source": ["language", "kind", "title", "date", "open_until"],
        "from": max(request.offset, 0),
        "size": max(request.limit, 0),
        "track_total_hits": True,
        "timeout": TIMEOUT,
    }
    if chosen:
        body["post_filter"] = {"bool": {"filter": list(chosen.values())}}
    return body


def other_languages_body(request, parsed, now=None):
    """The _count body of the same search in every other language (the fallback offer)."""
    now = now or timezone.now()
    everywhere = matching(dataclasses.replace(request, language=None), parsed, now)
    return {
        "query": {
            "bool": {
                "filter": [everywhere, *facet_filters(request).values()],
                "must_not": [{"term": {"language": request.language}}],
            }
        }
    }


def autocomplete_body(prefix, language, limit, now=None):
    """Titles with words starting with what was typed (every word typed); None when nothing was."""
    typed = split_words((prefix or "")[:MAX_LENGTH])[:AUTOCOMPLETE_WORDS]
    if not typed:
        return None
    matching_titles = [{"match": {"title.autocomplete": {"query": " ".join(typed), "operator": "and"}}}]
    if language:
        matching_titles.append({"term": {"language": language}})
    return {
        "query": {
            "function_score": {
                # Every title holding the words counts alike; open calls, content, recent pages first.
                "query": counted({"bool": {"filter": matching_titles}}),
                "functions": factors(now or timezone.now()),
                "score_mode": "multiply",
                "boost_mode": "multiply",
            }
        },
        "_source": ["language", "title"],
        "size": min(max(int(limit), 1), AUTOCOMPLETE_LIMIT),
        "timeout": TIMEOUT,
    }
