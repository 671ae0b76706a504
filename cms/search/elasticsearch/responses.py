"""Elasticsearch's answers read as the site search's Results, Hits and autocomplete titles."""

import datetime
import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..analysis import fold, term
from ..engine import Hit, Results
from ..languages import analysis_for

_MARKS = re.compile(r"(</?mark>)")


def safe_fragment(fragment):
    """A highlighted fragment as safe HTML: only <mark> is markup, everything else is text.

    Elasticsearch escapes the text (encoder "html"); unescaping and escaping each piece again
    gives the same result for that, and still escapes a fragment that reached us unescaped.
    """
    pieces = (
        piece if _MARKS.fullmatch(piece) else escape(html.unescape(piece)) for piece in _MARKS.split(fragment)
    )
    return mark_safe("".join(pieces))  # noqa: S308 - every piece but the <mark> tags is escaped


def _date(value):
    return datetime.date.fromisoformat(value[:10]) if value else None


def _datetime(value):
    return datetime.datetime.fromisoformat(value) if value else None


def _first(highlight, field):
    fragments = highlight.get(field) or []
    return fragments[0] if fragments else None


def hit(raw):
    source = raw.get("_source", {})
    language = source.get("language", "")
    code = analysis_for(language).code
    title = (source.get("title") or {}).get(code, "")
    highlight = raw.get("highlight") or {}
    title_html = _first(highlight, f"title.{code}")
    summary_html = _first(highlight, f"summary.{code}")
    body_html = _first(highlight, f"body.{code}")
    # The passage with a matched word, the summary's before the body's; else the summary's start.
    marked = [fragment for fragment in (summary_html, body_html) if fragment and "<mark>" in fragment]
    excerpt = marked[0] if marked else summary_html or ""
    return Hit(
        page_id=int(raw["_id"]),
        language=language,
        kind=source.get("kind", ""),
        title=title,
        date=_date(source.get("date")),
        open_until=_datetime(source.get("open_until")),
        title_html=safe_fragment(title_html) if title_html else escape(title),
        excerpt_html=safe_fragment(excerpt),
        score=float(raw.get("_score") or 0.0),
    )


def facets(aggregations):
    found = {}
    for facet in ("kind", "year", "topic"):
        buckets = ((aggregations or {}).get(facet) or {}).get("values", {}).get("buckets", [])
        key = str if facet == "kind" else int
        found[facet] = [(key(bucket["key"]), bucket["doc_count"]) for bucket in buckets]
    return found


def suggestion(suggest, typed_words, language=None):
    """The typed words with the misspelled ones replaced by the closest word of the site, or None.

    The suggester proposes a word of the site for every word no page holds. Not kept: a word the
    typed one starts ("clust" is searched as a prefix, not a typo), and one with the same index
    term ("excelence" and "excellence" stem alike: the search finds it as typed).
    """
    replacements = {}
    for entry in (suggest or {}).get("words", []):
        typed = entry["text"]
        for option in entry.get("options", [])[:1]:
            word = option["text"]
            if word.startswith(typed) or term(word, language or "") == term(typed, language or ""):
                continue
            replacements[typed] = word
    # The suggester reads folded words; the visitor's are lowercase, maybe accented.
    corrected = [replacements.get(fold(word), word) for word in typed_words]
    return " ".join(corrected) if corrected != list(typed_words) else None


def results(response, typed_words=(), language=None):
    hits = response.get("hits", {})
    return Results(
        hits=[hit(raw) for raw in hits.get("hits", [])],
        total=int((hits.get("total") or {}).get("value", 0)),
        facets=facets(response.get("aggregations")),
        suggestion=suggestion(response.get("suggest"), typed_words, language),
    )


def titles(response):
    """[(page_id, title)] of an autocomplete answer."""
    found = []
    for raw in response.get("hits", {}).get("hits", []):
        source = raw.get("_source", {})
        code = analysis_for(source.get("language", "")).code
        found.append((int(raw["_id"]), (source.get("title") or {}).get(code, "")))
    return found
