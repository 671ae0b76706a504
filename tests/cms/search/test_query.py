"""Reading what a visitor typed: words, phrases, exclusions, bounds, and the units engines search."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.search.query import MAX_LENGTH, MAX_TERMS, parse, units
from cms.search.suggest import Lookup


def test_words_phrases_and_exclusions():
    parsed = parse('cluster "smart specialisation strategy" -excellence')
    assert parsed.words == ("cluster",)
    assert parsed.phrases == (("smart", "specialisation", "strategy"),)
    assert parsed.excluded == ("excellence",)
    assert parsed.all_words == ("cluster", "smart", "specialisation", "strategy")


def test_typographic_quotes_and_a_lone_quote():
    assert parse("„Ostsee Region“").phrases == (("ostsee", "region"),)
    assert parse('"cluster').words == ("cluster",)
    assert parse('"').is_empty


@pytest.mark.parametrize("text", ["", "   ", "-", "- -", "!!!", "\x00", '"', "'", "():*&|<->"])
def test_nothing_searchable(text):
    assert parse(text).is_empty


def test_a_hyphen_inside_a_word_is_not_an_exclusion():
    parsed = parse("e-mail cluster")
    assert parsed.excluded == ()
    assert "cluster" in parsed.words


def test_nul_and_control_characters_are_dropped():
    assert parse("clu\x00ster\x07").words == ("cluster",)


def test_length_and_terms_are_bounded():
    assert len(parse("x" * 10_000).text) == MAX_LENGTH
    many = " ".join(f"word{number}" for number in range(100))
    assert len(parse(many).all_words) <= MAX_TERMS


def test_repeated_words_count_once():
    assert parse("cluster Cluster CLUSTER").words == ("cluster",)


def test_units_carry_corrections_and_prefixes():
    lookup = Lookup(known=frozenset({"cluster"}), corrections={"excelence": "excellence"})
    found = {unit.words[0]: unit for unit in units(parse("cluster excelence clust de"), lookup)}
    assert found["cluster"].prefix is False
    assert found["excelence"].alternatives == ("excellence",)
    # Unknown to the vocabulary: also the start of longer words; short words never.
    assert found["clust"].prefix is True
    assert found["de"].prefix is False


def test_compound_languages_match_every_long_word_as_a_prefix():
    lookup = Lookup(known=frozenset({"ostsee"}))
    (unit,) = units(parse("Ostsee"), lookup, compounds=True)
    assert unit.prefix is True
    assert unit.terms("de") == ("ostse",)


def test_phrase_units_come_first():
    found = units(parse('zorblat "cluster policy"'), Lookup())
    assert [unit.words for unit in found] == [("cluster", "policy"), ("zorblat",)]
    assert found[0].is_phrase


@given(st.text(max_size=500))
def test_any_text_parses_into_plain_words(text):
    parsed = parse(text)
    assert len(parsed.text) <= MAX_LENGTH
    for word in parsed.all_words + parsed.excluded:
        assert word.replace("_", "").isalnum()
