"""'Did you mean': the closest word of the site's vocabulary, and the query rewritten with it."""

import pytest

from cms.models import SearchTerm
from cms.search.suggest import lookup, suggestion_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabulary():
    for language, word, documents in [
        ("en", "cluster", 40),
        ("en", "clusters", 12),
        ("en", "excellence", 9),
        ("en", "network", 30),
        ("en", "networks", 2),
        ("en", "brussels", 5),
        ("en", "bristol", 1),
        ("de", "ostseeraum", 2),
        ("de", "konferenz", 3),
    ]:
        SearchTerm.objects.create(language=language, word=word, documents=documents)


def test_known_words_are_not_corrected(vocabulary):
    found = lookup(["cluster", "Network"], ["en"])
    assert found.known == {"cluster", "network"}
    assert found.corrections == {}


def test_a_typo_gets_the_closest_site_word(vocabulary):
    assert lookup(["clustr", "excelense", "netwrk"], ["en"]).corrections == {
        "clustr": "cluster",
        "excelense": "excellence",
        "netwrk": "network",
    }


def test_equally_close_words_prefer_the_commoner(vocabulary):
    # "networkz" is one letter from "network" (30 pages) and "networks" (2 pages).
    assert lookup(["networkz"], ["en"]).corrections == {"networkz": "network"}


def test_a_prefix_or_a_word_of_the_same_stem_is_not_a_typo(vocabulary):
    found = lookup(["clust", "excellences"], ["en"])
    assert found.corrections == {}
    assert found.known == frozenset()


def test_only_the_language_vocabulary_is_read(vocabulary):
    assert lookup(["konferenc"], ["en"]).corrections == {}
    assert lookup(["konfrenz"], ["de"]).corrections == {"konfrenz": "konferenz"}


def test_nothing_close_enough_is_no_correction(vocabulary):
    assert lookup(["zzzzzz", "xq"], ["en"]).corrections == {}


def test_numbers_and_short_words_are_not_looked_up(vocabulary):
    assert lookup(["2014", "to"], ["en"]).known == frozenset()


def test_the_suggestion_rewrites_only_corrected_words():
    assert suggestion_text("Clustr  in Brussels", {"clustr": "cluster"}) == "cluster in Brussels"
    assert suggestion_text("cluster", {}) is None
    assert suggestion_text("cluster", {"clustr": "cluster"}) is None
