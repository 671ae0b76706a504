"""Highlighted passages: the words of a page that matched the query, in <mark>, around ~30 words.

Done in Python for every engine, on the ten hits of a results page only: a word is marked when its
index term (cms.search.analysis.term, the analysis the page was indexed with) is one of the query's
terms, or starts with one where the query matched prefixes ("Ostsee" marks "Ostseeraum"). The
passage is the window of the summary or body holding most matched words; without any, the start of
the summary. Everything is escaped before <mark> is added, so page text is never markup here.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import WORD, term

EXCERPT_WORDS = 30
# Words of context kept before the first matched word of a passage.
LEAD_WORDS = 5
ELLIPSIS = "…"


class Marker:
    """Which words of a page in `language` match the query's units."""

    def __init__(self, units, language):
        self.language = language
        self.exact = frozenset(found for unit in units for found in unit.terms(language))
        self.prefixes = tuple(
            found for unit in units if unit.prefix for found in unit.terms(language) if found
        )

    def matches(self, word):
        found = term(word.lower(), self.language)
        if not found:
            return False
        return found in self.exact or any(found.startswith(prefix) for prefix in self.prefixes)


def _render(text, spans, marked, start, end):
    """Escaped text from word `start` to word `end` (exclusive), the marked words in <mark>."""
    parts = []
    position = spans[start][0]
    for index in range(start, end):
        word_start, word_end = spans[index]
        parts.append(escape(text[position:word_start]))
        word = escape(text[word_start:word_end])
        parts.append(f"<mark>{word}</mark>" if marked[index] else word)
        position = word_end
    if start > 0:
        parts.insert(0, ELLIPSIS + " ")
    if end < len(spans):
        parts.append(" " + ELLIPSIS)
    return "".join(parts)


def highlight(text, marker):
    """The whole text (a title) escaped, the matched words in <mark>."""
    spans = [match.span() for match in WORD.finditer(text or "")]
    if not spans:
        return escape(text or "")
    marked = [marker.matches(text[start:end]) for start, end in spans]
    html = escape(text[: spans[0][0]]) + _render(text, spans, marked, 0, len(spans))
    return mark_safe(html + escape(text[spans[-1][1] :]))  # noqa: S308 - every piece escaped above


def _best_window(marked, size):
    """The start of the `size`-word window with most marked words (the earliest of equals)."""
    count = sum(marked[:size])
    best, best_start = count, 0
    for start in range(1, max(len(marked) - size, 0) + 1):
        count += marked[start + size - 1] - marked[start - 1]
        if count > best:
            best, best_start = count, start
    if best == 0:
        return None
    # The passage starts a little before its first match (and shows `size` words near the end),
    # when that keeps as many matches in the window.
    first = marked.index(True, best_start)
    start = min(max(first - LEAD_WORDS, 0), max(len(marked) - size, 0))
    if sum(marked[start : start + size]) >= best:
        best_start = start
    return best_start, best


def excerpt(texts, marker, size=EXCERPT_WORDS):
    """The passage of `texts` (summary, body) with most matched words, or the start of the first."""
    candidates = []
    for text in texts:
        spans = [match.span() for match in WORD.finditer(text or "")]
        if not spans:
            continue
        marked = [marker.matches(text[start:end]) for start, end in spans]
        window = _best_window(marked, size)
        if window is not None:
            candidates.append((window[1], text, spans, marked, window[0]))
    if candidates:
        # Most matches wins; among equals the earlier text (the summary before the body).
        _count, text, spans, marked, start = max(candidates, key=lambda candidate: candidate[0])
        return mark_safe(_render(text, spans, marked, start, min(start + size, len(spans))))  # noqa: S308
    for text in texts:
        spans = [match.span() for match in WORD.finditer(text or "")]
        if spans:
            marked = [False] * len(spans)
            return mark_safe(_render(text, spans, marked, 0, min(size, len(spans))))  # noqa: S308
    return mark_safe("")
