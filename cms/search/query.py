"""What a visitor typed, read as a search: words, "quoted phrases" and -excluded words.

Nothing a visitor types is syntax to a database: the parser keeps words (letters and digits) only,
so quotes, brackets, operators, NUL bytes and SQL fragments are harmless, and it bounds the work a
query can ask for (MAX_TERMS words, MAX_LENGTH characters). A pasted sentence becomes its words;
the engines match any of them and rank by how many match.
"""

import re
from dataclasses import dataclass

from .analysis import WORD, fold, term
from .ranking import PREFIX_MIN_LENGTH

MAX_LENGTH = 200
MAX_TERMS = 32
# Straight and typographic double quotes: "…", “…”, „…“, «…», »…«.
QUOTES = '"“”„«»‟'
_PHRASE = re.compile(rf"[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]?")
# A minus at the start of a word excludes it: "cluster -excellence"; "e-mail" is one word's parts.
_EXCLUDED = re.compile(r"(?:^|(?<=\s))[-−–](\w+)")


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    words: tuple = ()
    phrases: tuple = ()
    excluded: tuple = ()

    @property
    def is_empty(self):
        return not (self.words or self.phrases)

    @property
    def all_words(self):
        """Every positive word, those of phrases included, in order, without repeats."""
        seen = dict.fromkeys(self.words)
        for phrase in self.phrases:
            seen.update(dict.fromkeys(phrase))
        return tuple(seen)


def parse(text):
    text = "".join(char for char in (text or "")[:MAX_LENGTH] if char.isprintable() or char == " ").strip()
    phrases = []

    def take_phrase(match):
        found = tuple(word.lower() for word in WORD.findall(match.group(1)))
        if len(found) > 1:
            phrases.append(found)
            return " "
        return f" {' '.join(found)} "

    rest = _PHRASE.sub(take_phrase, text)
    excluded = tuple(dict.fromkeys(word.lower() for word in _EXCLUDED.findall(rest)))
    rest = _EXCLUDED.sub(" ", rest)
    words = tuple(dict.fromkeys(word.lower() for word in WORD.findall(rest)))
    budget = MAX_TERMS
    kept_phrases = []
    for phrase in phrases:
        if len(phrase) <= budget:
            kept_phrases.append(phrase[:budget])
            budget -= len(phrase)
    return ParsedQuery(
        text=text,
        words=words[: max(budget, 0)],
        phrases=tuple(kept_phrases),
        excluded=excluded[:MAX_TERMS],
    )


@dataclass(frozen=True)
class Unit:
    """One thing a page may match: a word (with its corrections and maybe as a prefix) or a phrase.

    Pages match any unit and rank by how many they match; phrases, when the visitor quoted some,
    are required.
    """

    words: tuple
    # Words of the site the vocabulary proposes for a misspelt word, searched as well.
    alternatives: tuple = ()
    # The word also matches as the start of longer words: compounds ("Ostsee" in "Ostseeraum")
    # and words the vocabulary does not know ("clust").
    prefix: bool = False

    @property
    def is_phrase(self):
        return len(self.words) > 1

    def terms(self, language):
        """The index terms of the word and its alternatives in a language (a phrase: its words)."""
        return tuple(dict.fromkeys(term(word, language) for word in self.words + self.alternatives))


def units(parsed, lookup=None, compounds=False):
    """The units of a parsed query: phrases first, then words with corrections and prefixes.

    `lookup` (cms.search.suggest.Lookup) knows which words the site's vocabulary holds and the
    corrections of the others, and the language's stop words, which are left out (a page is not
    "matching more words" for holding "for"); `compounds` makes every long enough word a prefix.
    """
    found = [Unit(words=phrase) for phrase in parsed.phrases]
    stop_words = lookup.stop_words if lookup else frozenset()
    for word in parsed.words:
        if fold(word) in stop_words:
            continue
        correction = lookup.corrections.get(fold(word)) if lookup else None
        known = lookup.is_known(word) if lookup else True
        found.append(
            Unit(
                words=(word,),
                alternatives=(correction,) if correction else (),
                prefix=len(word) >= PREFIX_MIN_LENGTH and (compounds or not known),
            )
        )
    return found
