"""Python-side text analysis: words, accent folding, lemmas and Snowball stems.

Used to index and query the languages PostgreSQL does not stem (Polish, Czech, ...), and every
language on SQLite. The output is a list of terms, lowercase and without accents, that PostgreSQL
stores through the `cms_simple` configuration and SQLite compares as strings.
"""

import re
import unicodedata
from functools import lru_cache

import simplemma
import snowballstemmer

from .languages import analysis_for

# Words: letters and digits, with inner hyphens and apostrophes kept out (they split words, as
# PostgreSQL's parser does for "Ostsee-Region" parts).
WORD = re.compile(r"\w+", re.UNICODE)
# Longest word worth analysing; longer runs are junk (hashes, pasted URLs) and are cut.
MAX_WORD = 60


def fold(text):
    """Lowercase and strip accents: "Études" -> "etudes", "współpraca" -> "wspolpraca".

    NFKD splits letters from their combining marks; the marks go. Letters that are not composed
    (Polish "ł", German "ß", Danish "ø") are mapped explicitly, as PostgreSQL's unaccent does.
    """
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return text.translate(_UNCOMPOSED)


_UNCOMPOSED = str.maketrans(
    {"ł": "l", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ħ": "h", "ı": "i"}
)


def words(text):
    """The words of a text, lowercase, accents kept (stemmers want them)."""
    return [word[:MAX_WORD] for word in WORD.findall(text.lower())]


@lru_cache(maxsize=64)
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=200_000)
def term(word, language):
    """The index term of one lowercase word in a language: lemma, then stem, then folded."""
    analysis = analysis_for(language)
    if analysis.lemmas:
        word = simplemma.lemmatize(word, lang=analysis.lemmas).lower()
    if analysis.snowball:
        word = _stemmer(analysis.snowball).stemWord(word)
    return fold(word)


def terms(text, language):
    """The index terms of a text, in order, repeats kept (frequency counts for ranking)."""
    return [term(word, language) for word in words(text)]
