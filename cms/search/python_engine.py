"""The embedded engine (SQLite): the index table's Python analysis compared in Python.

Exact and simple, and it reads every entry of the searched language(s) per search: fine for the
demo and a small site, not for 100,000 pages (README, "Search"). Matching and ranking follow the
PostgreSQL engine: index terms of the page's language (cms.search.analysis, the same Snowball
algorithms as PostgreSQL), any unit matching, phrases as consecutive terms, excluded words,
prefixes for compounds and unknown words, corrections from the vocabulary, and cms.search.ranking.
"""

from collections import Counter

from django.utils import timezone

from cms.models import SearchDocument

from . import ranking
from .analysis import fold, terms, words
from .engine import Hit, Results
from .highlight import Marker, excerpt, highlight
from .languages import analysis_for, enabled_analyses
from .query import parse, units
from .suggest import lookup, suggestion_text

FIELDS = ("page_id", "language", "kind", "title", "summary", "body", "title_terms", "body_terms")
FIELDS += ("date", "year", "open_until", "topics")


def _languages(language):
    return [language] if language else [analysis.code for analysis in enabled_analyses()]


def _count_phrase(sequence, phrase):
    size = len(phrase)
    return sum(
        1 for start in range(len(sequence) - size + 1) if tuple(sequence[start : start + size]) == phrase
    )


def _count(fields, unit_terms, prefix, phrase):
    """Occurrences of a unit in (title, summary, body) term lists."""
    if phrase:
        return tuple(_count_phrase(field, unit_terms) for field in fields)
    counts = []
    for field in fields:
        found = sum(field.count(each) for each in unit_terms)
        if prefix:
            found += sum(
                1
                for word in field
                if word not in unit_terms and any(word.startswith(each) for each in unit_terms[:1])
            )
        counts.append(found)
    return tuple(counts)


class _Query:
    """A parsed query made ready for one language: its units' terms, the excluded terms."""

    def __init__(self, parsed, found_units, language):
        self.units = [(unit, unit.terms(language)) for unit in found_units]
        self.excluded = frozenset(terms(" ".join(parsed.excluded), language))
        self.required = [index for index, (unit, _terms) in enumerate(self.units) if unit.is_phrase]

    def match(self, document):
        """(matched units, text rank) of a document, or None when it does not match."""
        title = document["title_terms"].split()
        body_all = document["body_terms"].split()
        summary = terms(document["summary"], document["language"])
        body = body_all[len(summary) :]
        if self.excluded.intersection(title) or self.excluded.intersection(body_all):
            return None
        matched, counts = 0, []
        for index, (unit, unit_terms) in enumerate(self.units):
            found = _count((title, summary, body), unit_terms, unit.prefix, unit.is_phrase)
            if any(found):
                matched += 1
                counts.append(found)
            elif index in self.required:
                return None
        if not matched:
            return None
        return matched, ranking.python_text_rank(counts)


def _matches(request, parsed, found_units):
    """Every matching document of the request's language(s), scored, before the facet filters."""
    now = timezone.now()
    today = timezone.localdate()
    queries = {}
    matches = []
    documents = SearchDocument.objects.filter(language__in=_languages(request.language)).values(*FIELDS)
    for document in documents.iterator():
        language = document["language"]
        if language not in queries:
            queries[language] = _Query(parsed, found_units, language)
        found = queries[language].match(document)
        if found is None:
            continue
        matched, text_rank = found
        document["score"] = ranking.score(
            matched, text_rank, document["kind"], document["open_until"], document["date"], now, today
        )
        matches.append(document)
    if request.open_only:
        matches = [doc for doc in matches if doc["open_until"] is not None and doc["open_until"] >= now]
    return matches


def _filters(request):
    return {
        "kind": lambda doc: doc["kind"] == request.kind,
        "year": lambda doc: doc["year"] == request.year,
        "topic": lambda doc: request.topic in (doc["topics"] or []),
    }


def _active(request):
    return {"kind": bool(request.kind), "year": request.year is not None, "topic": request.topic is not None}


def _facets(matches, request):
    """Counts per kind, year and topic, each with the other facets' filters applied, not its own."""
    filters, active = _filters(request), _active(request)
    counters = {"kind": Counter(), "year": Counter(), "topic": Counter()}
    for doc in matches:
        for facet, counter in counters.items():
            if all(filters[other](doc) for other in filters if other != facet and active[other]):
                if facet == "kind":
                    counter[doc["kind"]] += 1
                elif facet == "year" and doc["year"] is not None:
                    counter[doc["year"]] += 1
                elif facet == "topic":
                    counter.update(doc["topics"] or [])
    return {
        "kind": sorted(counters["kind"].items(), key=lambda item: (-item[1], item[0])),
        "year": sorted(counters["year"].items(), reverse=True),
        "topic": sorted(counters["topic"].items(), key=lambda item: (-item[1], item[0])),
    }


def _hit(doc, found_units, markers):
    language = doc["language"]
    if language not in markers:
        markers[language] = Marker(found_units, language)
    marker = markers[language]
    return Hit(
        page_id=doc["page_id"],
        language=language,
        kind=doc["kind"],
        title=doc["title"],
        date=doc["date"],
        open_until=doc["open_until"],
        title_html=highlight(doc["title"], marker),
        excerpt_html=excerpt((doc["summary"], doc["body"]), marker),
        score=doc["score"],
    )


def _other_languages(request, parsed, found_units):
    others = [code for code in _languages(None) if code != request.language]
    if not others:
        return 0
    other_request = type(request)(text=request.text, language=None)
    return sum(1 for doc in _matches(other_request, parsed, found_units) if doc["language"] in others)


def search(request):
    parsed = parse(request.text)
    if parsed.is_empty:
        return Results(hits=[], total=0)
    languages = _languages(request.language)
    found = lookup(parsed.all_words, languages)
    compounds = any(analysis_for(code).compounds for code in languages)
    found_units = units(parsed, found, compounds=compounds)
    matches = _matches(request, parsed, found_units)
    facets = _facets(matches, request)
    filters, active = _filters(request), _active(request)
    selected = [doc for doc in matches if all(filters[name](doc) for name in filters if active[name])]
    selected.sort(key=lambda doc: (-doc["score"], doc["page_id"]))
    markers = {}
    page = selected[request.offset : request.offset + request.limit]
    other_languages = None
    if request.language and not matches:
        other_languages = _other_languages(request, parsed, found_units)
    return Results(
        hits=[_hit(doc, found_units, markers) for doc in page],
        total=len(selected),
        facets=facets,
        suggestion=suggestion_text(parsed.text, found.corrections),
        other_languages=other_languages,
    )


def autocomplete(prefix, language, limit=8):
    """Titles whose words start with the typed words, the last one as a prefix: [(page_id, title)]."""
    parsed = parse(prefix)
    typed = [fold(word) for word in parsed.all_words]
    if not typed:
        return []
    now = timezone.now()
    complete, last = typed[:-1], typed[-1]
    found = []
    documents = SearchDocument.objects.filter(language__in=_languages(language))
    for doc in documents.values("page_id", "title", "kind", "date", "open_until").iterator():
        title_words = [fold(word) for word in words(doc["title"])]
        if all(word in title_words for word in complete) and any(
            word.startswith(last) for word in title_words
        ):
            found.append(doc)
    found.sort(key=lambda doc: _autocomplete_order(doc, now))
    return [(doc["page_id"], doc["title"]) for doc in found[:limit]]


def _autocomplete_order(doc, now):
    """Open calls and upcoming events first, then content before listings, then the newest."""
    is_open = doc["open_until"] is not None and doc["open_until"] >= now
    ordinal = doc["date"].toordinal() if doc["date"] else 0
    return (not is_open, doc["kind"] == "index", -ordinal, doc["title"])
