"""The Python-side text analysis: folding, words, and the index terms of each language.

The expected values are a reader's judgement, written by hand: two forms of one word must share
a term, a word typed without its accents must find the accented one, different words must not
collide, and the little words of a language do not become terms.
"""

import pytest

from cms.search.analysis import fold, is_stop_word, term, terms, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Études", "etudes"),
        ("współpraca", "wspolpraca"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Ørsted", "orsted"),
        ("Œuvre", "oeuvre"),
        ("Ærø", "aero"),
        ("Pôles de compétitivité", "poles de competitivite"),
        ("attività", "attivita"),
        ("clústeres", "clusteres"),
        ("Brüssel", "brussel"),
        ("Dubrovnik đ", "dubrovnik d"),
        ("ESCA 2014", "esca 2014"),
    ],
)
def test_fold_lowercases_and_strips_accents(text, folded):
    assert fold(text) == folded


def test_words_split_at_punctuation_and_hyphens_and_keep_accents():
    assert words("Cross-Innovation: l'étude „Über“ (2014)!") == [
        "cross",
        "innovation",
        "l",
        "étude",
        "über",
        "2014",
    ]


def test_a_very_long_run_is_cut():
    assert words("a" * 500) == ["a" * 60]


def same_term(language, *forms):
    return len({term(form.lower(), language) for form in forms}) == 1


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        # German: plurals and cases, umlauts typed or not.
        ("de", ("Konferenz", "Konferenzen")),
        ("de", ("Land", "Länder", "Ländern", "Lander")),
        ("de", ("Brüssel", "Brussel")),
        ("de", ("Cluster", "Clustern")),
        ("de", ("Straße", "Strasse")),
        # French: plurals, feminine forms, accents typed or not.
        ("fr", ("étude", "études", "etude", "etudes")),
        ("fr", ("coopération", "cooperation")),
        ("fr", ("conférence", "conférences", "conference")),
        ("fr", ("personnelle", "personnelles")),
        ("fr", ("données", "donnees")),
        ("fr", ("atelier", "ateliers")),
        # Spanish.
        ("es", ("clústeres", "clusteres")),
        ("es", ("innovación", "innovacion")),
        ("es", ("conferencia", "conferencias")),
        ("es", ("país", "países", "paises")),
        # Italian.
        ("it", ("esperto", "esperti", "esperta")),
        ("it", ("conferenza", "conferenze")),
        ("it", ("attività", "attivita")),
        ("it", ("prestazione", "prestazioni")),
        ("it", ("tendenza", "tendenze")),
        # Polish: seven cases; the lemmatiser knows the irregular ones ("eksperci").
        ("pl", ("ekspert", "eksperci", "ekspertów", "ekspertami")),
        ("pl", ("kraj", "kraje", "krajów", "krajach")),
        ("pl", ("Bruksela", "Brukseli")),
        ("pl", ("współpraca", "współpracy")),
        ("pl", ("znak", "znaku", "znaki")),
        ("pl", ("webinarium", "webinaria")),
        ("pl", ("klaster", "klastry", "klastrów")),
        ("pl", ("dane", "danych")),
        ("pl", ("osobowe", "osobowych")),
        ("pl", ("konferencja", "konferencji", "konferencje")),
        ("pl", ("doskonałość", "doskonałości")),
        ("en", ("webinar", "webinars")),
        ("en", ("conference", "conferences")),
    ],
)
def test_forms_of_one_word_share_a_term(language, forms):
    assert same_term(language, *forms), {form: term(form.lower(), language) for form in forms}


@pytest.mark.parametrize(
    ("language", "accented", "typed"),
    [
        ("pl", "współpraca", "wspolpraca"),
        ("pl", "doskonałość", "doskonalosc"),
        ("pl", "brązowy", "brazowy"),
        ("pl", "umiędzynarodowienie", "umiedzynarodowienie"),
        ("pl", "efektywność", "efektywnosc"),
        ("de", "Leistungsfähigkeit", "Leistungsfahigkeit"),
        ("de", "französische", "franzosische"),
        ("fr", "légales", "legales"),
        ("fr", "génération", "generation"),
        ("es", "internacionalización", "internacionalizacion"),
        ("es", "diseñar", "disenar"),
    ],
)
def test_a_word_typed_without_accents_finds_the_accented_word(language, accented, typed):
    assert term(accented.lower(), language) == term(typed.lower(), language)


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        ("pl", "klaster", "klasztor"),
        ("pl", "kraj", "kra"),
        ("pl", "program", "prognoza"),
        ("de", "Land", "Landschaft"),
        ("fr", "don", "données"),
        ("it", "marchio", "mercato"),
    ],
)
def test_different_words_keep_different_terms(language, first, second):
    assert term(first.lower(), language) != term(second.lower(), language)


def test_terms_are_folded_and_in_order_with_repeats():
    assert terms("Études, études", "fr") == [term("etudes", "fr")] * 2
    assert terms("Łódź Łódź", "pl") == [term("łódź", "pl")] * 2
    assert all(word == fold(word) for word in terms("Współpraca klastrów w regionie Morza Bałtyckiego", "pl"))


@pytest.mark.parametrize(
    ("language", "text", "little"),
    [
        ("pl", "eksperci w 27 krajach i na świecie", ["w", "i", "na"]),
        ("pl", "nabór do 29 października, że się", ["do", "że", "się"]),
        ("cs", "klastry a sítě v Evropě", ["a", "v"]),
        ("sk", "klastre a siete vo svete", ["a", "vo"]),
    ],
)
def test_the_little_words_of_a_language_analysed_in_python_are_stop_words(language, text, little):
    assert [word for word in words(text) if is_stop_word(word, language)] == little


def test_stop_words_are_the_languages_own():
    # "a" is Polish for "and", never a stop word in German or an unknown language; PostgreSQL drops
    # the stop words of the languages it stems.
    assert is_stop_word("A", "pl")
    assert not is_stop_word("a", "de")
    assert not is_stop_word("w", "zz")


def test_an_unknown_language_is_only_folded():
    assert terms("Ħaġar Qim", "zz") == ["hagar", "qim"]
