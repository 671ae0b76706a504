"""Highlighted titles and passages: matched words (by their index term) in <mark>, all else escaped."""

from cms.search.highlight import EXCERPT_WORDS, Marker, excerpt, highlight
from cms.search.query import parse, units
from cms.search.suggest import Lookup


def marker(text, language="en", compounds=False, lookup=None):
    return Marker(
        units(parse(text), lookup or Lookup(known=frozenset(parse(text).words)), compounds), language
    )


def test_inflected_forms_are_marked():
    assert highlight("Clusters and the cluster", marker("cluster")) == (
        "<mark>Clusters</mark> and the <mark>cluster</mark>"
    )


def test_accents_and_stems_in_german():
    html = highlight("Die Konferenzen in Brüssel", marker("konferenz brussel", "de"))
    assert html == "Die <mark>Konferenzen</mark> in <mark>Brüssel</mark>"


def test_a_compound_is_marked_by_its_start():
    html = highlight("Zusammenarbeit im Ostseeraum", marker("Ostsee", "de", compounds=True))
    assert html == "Zusammenarbeit im <mark>Ostseeraum</mark>"


def test_polish_lemmas():
    html = highlight("Eksperci klastrów", marker("ekspert klaster", "pl"))
    assert html == "<mark>Eksperci</mark> <mark>klastrów</mark>"


def test_text_is_escaped_and_never_markup():
    html = highlight("<script>alert('cluster')</script> & cluster", marker("cluster"))
    assert html == (
        "&lt;script&gt;alert(&#x27;<mark>cluster</mark>&#x27;)&lt;/script&gt; &amp; <mark>cluster</mark>"
    )
    assert "<script>" not in excerpt(("<script>cluster</script>",), marker("cluster"))


def test_the_passage_is_around_the_matched_words():
    filler = " ".join(f"word{number}" for number in range(200))
    body = f"{filler} the zorblat study {filler}"
    html = excerpt(("A summary without it.", body), marker("zorblat"))
    assert "the <mark>zorblat</mark> study" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html.replace("<mark>", "").replace("</mark>", "").split()) <= EXCERPT_WORDS + 2


def test_the_passage_with_most_matches_wins():
    summary = "One zorblat here."
    body = "zorblat clusters and zorblat regions and more zorblat"
    assert excerpt((summary, body), marker("zorblat")).count("<mark>") == 3


def test_without_a_match_the_summary_starts_the_passage():
    words = " ".join(f"word{number}" for number in range(50))
    html = excerpt((words, "other body"), marker("zorblat"))
    assert html.startswith("word0 word1")
    assert "<mark>" not in html
    assert html.endswith(" …")


def test_empty_texts():
    assert excerpt(("", ""), marker("zorblat")) == ""
    assert highlight("", marker("zorblat")) == ""
    assert highlight("!!!", marker("zorblat")) == "!!!"
