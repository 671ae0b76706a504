"""What a visitor typed, read as a search: words, "quoted phrases" and -excluded words.

Nothing a visitor types is syntax to a database: the parser keeps words (letters and digits) only,
so quotes, brackets, operators, NUL bytes and SQL fragments are harmless, and it bounds the work a
query can ask for (MAX_TERMS words, MAX_LENGTH characters). A pasted sentence becomes its words;
the engines match any of them and rank by how many match.
"""

import re
from dataclasses import dataclass

from .analysis import WORD

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
