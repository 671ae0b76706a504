"""Judged queries of the site search: one module per language, over the demo content.

Each query is what a visitor could type, in one of the forms the search must understand (an
inflected or plural form, a word without its accents, a part of a compound, a typo, several
words), with the pages a person reading the demo judged must be among the first five results.

Pages are named by their URL path in that language ("/de/aktuelles/.../"): the demo gives every
page a slug of its own in every language, so the paths are the same after every load, where ids
and translation keys are not. `bench.relevance` measures recall@5 over these sets.
"""

from dataclasses import dataclass
from importlib import import_module

INFLECTED = "inflected"
UNACCENTED = "unaccented"
COMPOUND = "compound part"
MISSPELLED = "misspelled"
MULTI_WORD = "multi-word"

LANGUAGES = ("en", "de", "fr", "es", "it", "pl")


@dataclass(frozen=True)
class Judged:
    text: str
    form: str
    # URL paths of the pages that must be in the top 5.
    expected: tuple


def q(text, form, *expected):
    return Judged(text, form, tuple(expected))


def queries(language):
    """The judged queries of a language, or () when none were written for it."""
    try:
        module = import_module(f"{__name__}.{language}")
    except ModuleNotFoundError:
        return ()
    return module.QUERIES
