"""'Did you mean': the closest word of the site's vocabulary (cms.models.SearchTerm) for a misspelling.

A query word the language's vocabulary does not hold is looked up among the words the site does
hold: on PostgreSQL by trigram similarity (pg_trgm's `%` over the GIN trigram index of
`cms_searchterm.word`), on SQLite with difflib over the language's vocabulary. The closest word
wins, the one on more pages among equally close ones. A word is not corrected when:

- the vocabulary holds it,
- the closest word starts with it ("clust" is a prefix the engines match as such, not a typo),
- the closest word has the same index term ("Konferenzen" and "Konferenz" stem alike: the search
  finds it already, there is nothing to correct).

The engines search the corrections as alternatives of the typed words ("clustr" finds cluster
pages) and show the corrected query as the suggestion.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db import connection

from cms.models import SearchTerm

from .analysis import WORD, fold, term
from .index import MIN_VOCABULARY_WORD
from .languages import analysis_for

# pg_trgm similarity a proposal needs (shared trigrams / all trigrams): "clustr"/"cluster" is 0.5,
# "brussel"/"brussels" 0.7; 0.35 keeps proposals for typos in short words out of the noise.
TRIGRAM_THRESHOLD = 0.35
# difflib's ratio (2 × matching characters / all characters) for SQLite: "clustr"/"cluster" 0.92.
DIFFLIB_CUTOFF = 0.75


@dataclass(frozen=True)
class Lookup:
    """What the vocabulary says of the query's words (folded): known ones, and corrections."""

    known: frozenset = frozenset()
    corrections: dict = field(default_factory=dict)
    # Words the language's PostgreSQL configuration drops ("for", "der", "les"): not searched as
    # words of their own, not highlighted. Empty on SQLite, which has no stop word lists.
    stop_words: frozenset = frozenset()

    def is_known(self, word):
        return fold(word) in self.known


def checked_words(words):
    """The folded query words worth looking up: as long as vocabulary words, not numbers."""
    return list(
        dict.fromkeys(fold(word) for word in words if len(word) >= MIN_VOCABULARY_WORD and not word.isdigit())
    )


def _is_correction(word, candidate, languages):
    if candidate is None or candidate == word or candidate.startswith(word):
        return False
    return all(term(candidate, language) != term(word, language) for language in languages)


def _decide(found, languages, stop_words=frozenset()):
    known, corrections = set(), {}
    for word, is_known, candidate in found:
        if word in stop_words:
            continue
        if is_known:
            known.add(word)
        elif _is_correction(word, candidate, languages):
            corrections[word] = candidate
    return Lookup(frozenset(known), corrections, frozenset(stop_words))


_POSTGRES_LOOKUP = """
SELECT q.word,
       EXISTS (SELECT 1 FROM cms_searchterm k WHERE k.language = ANY(%s) AND k.word = q.word),
       best.word,
       %s::regconfig IS NOT NULL AND numnode(plainto_tsquery(%s::regconfig, q.word)) = 0
FROM unnest(%s::text[]) AS q(word)
LEFT JOIN LATERAL (
    SELECT t.word
    FROM cms_searchterm t
    WHERE t.word %% q.word AND t.language = ANY(%s) AND similarity(t.word, q.word) >= %s
    ORDER BY similarity(t.word, q.word) DESC, t.documents DESC, t.word
    LIMIT 1
) AS best ON true
"""


def _postgres_lookup(words, languages):
    """(word, known, closest word, stop word) of each word, in one statement.

    Stop words are those of the one searched language's configuration (a search of every language
    drops none: "die" is a stop word in German, a word in English).
    """
    config = analysis_for(languages[0]).postgres_config if len(languages) == 1 else None
    with connection.cursor() as cursor:
        cursor.execute(_POSTGRES_LOOKUP, [languages, config, config, words, languages, TRIGRAM_THRESHOLD])
        return cursor.fetchall()


def _python_lookup(words, languages):
    vocabulary = {}
    for word, documents in SearchTerm.objects.filter(language__in=languages).values_list("word", "documents"):
        vocabulary[word] = max(documents, vocabulary.get(word, 0))
    found = []
    for word in words:
        if word in vocabulary:
            found.append((word, True, word))
            continue
        close = difflib.get_close_matches(word, vocabulary, n=5, cutoff=DIFFLIB_CUTOFF)
        ranked = sorted(
            close,
            key=lambda candidate: (
                -difflib.SequenceMatcher(None, word, candidate).ratio(),
                -vocabulary[candidate],
                candidate,
            ),
        )
        found.append((word, False, ranked[0] if ranked else None))
    return found


def lookup(words, languages):
    """Look the query's words up in the vocabulary of `languages` (one query on PostgreSQL)."""
    checked = checked_words(words)
    languages = list(languages)
    if not words or not languages:
        return Lookup()
    if connection.vendor != "postgresql":
        return _decide(_python_lookup(checked, languages), languages) if checked else Lookup()
    # Every word is asked about stop words; only those worth it are looked up as vocabulary.
    rows = _postgres_lookup(list(dict.fromkeys(fold(word) for word in words)), languages)
    stop_words = {word for word, _known, _candidate, stop in rows if stop}
    found = [(word, known, candidate) for word, known, candidate, _stop in rows if word in checked]
    return _decide(found, languages, stop_words)


def suggestion_text(text, corrections):
    """The visitor's text with corrected words replaced, or None when nothing was corrected."""
    if not corrections:
        return None
    changed = False

    def replace(match):
        nonlocal changed
        replacement = corrections.get(fold(match.group(0)))
        if replacement is None:
            return match.group(0)
        changed = True
        return replacement

    suggestion = WORD.sub(replace, text)
    suggestion = re.sub(r"\s+", " ", suggestion).strip()
    return suggestion if changed else None
