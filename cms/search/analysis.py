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
from .stopwords import STOP_WORDS

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


@lru_cache(maxsize=64)
def _stop_words(language):
    return frozenset(fold(word) for word in STOP_WORDS.get(analysis_for(language).code, "").split())


def is_stop_word(word, language):
    """A little word of a language analysed in Python ("w", "i", "na"): a query does not look for it.

    The index keeps these words (a quoted phrase holds them, and the engines count positions in
    the terms); a query word that is one matches nearly every page of the language, so the
    engines leave it out of what a page must match.
    """
    return fold(word) in _stop_words(language)


@lru_cache(maxsize=200_000)
def term(word, language):
    """The index term of one lowercase word in a language: lemma, then folded, then stem.

    The lemmatiser looks words up with their accents ("współpracy"); the stemmer gets the folded
    word, as PostgreSQL's configurations unaccent before stemming: a visitor's "donnees" and the
    page's "données" then stem alike, where stemming the accented word gives "don" and "donne".
    """
    analysis = analysis_for(language)
    # Only words the dictionary knows: for others simplemma guesses from the word's end, and an
    # unaccented "efektywnosc" would become "efektywny" while "efektywność" stays itself.
    if analysis.lemmas and simplemma.is_known(word, lang=analysis.lemmas):
        word = simplemma.lemmatize(word, lang=analysis.lemmas).lower()
    word = fold(word)
    if analysis.snowball:
        word = fold(_stemmer(analysis.snowball).stemWord(word))
    return word


def terms(text, language):
    """The index terms of a text, in order, repeats kept (frequency counts for ranking)."""
    return [term(word, language) for word in words(text)]
