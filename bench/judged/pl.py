"""Polish judged queries over the demo (see bench.judged).

Polish inflects nouns in seven cases: most queries name a page in another case than its text.
"""

from . import INFLECTED, MISSPELLED, MULTI_WORD, UNACCENTED, q

NEWS = "/pl/aktualnosci/"
CALLS = "/pl/nabory/"
EVENTS = "/pl/wydarzenia/"
PUBLICATIONS = "/pl/publikacje/"

QUERIES = (
    # The example: the pages say "eksperci", "ekspertów", "krajach", "krajów".
    q(
        "eksperci 27 kraje",
        INFLECTED,
        NEWS + "jedna-siec-27-krajow-eksperci-esca/",
        "/pl/siec/",
    ),
    q(
        "konferencji BSR Stars",
        INFLECTED,
        NEWS + "2-konferencja-bsr-stars-i-spotkania-kooperacyjne-klastrow-w-berlinie/",
        EVENTS + "2-konferencja-bsr-stars-i-spotkania-kooperacyjne-klastrow/",
    ),
    # The page: "współpracy klastrów", "Morza Bałtyckiego".
    q(
        "wspolpraca Morze Baltyckie",
        UNACCENTED,
        CALLS + "interreg-region-morza-baltyckiego-srodki-na-przygotowanie-projektow/",
    ),
    q(
        "innowacja międzysektorowa",
        INFLECTED,
        NEWS + "nowe-badanie-klastry-i-innowacje-miedzysektorowe-laczace-branze/",
        CALLS + "horyzont-europa-pilotazowe-projekty-innowacji-miedzysektorowych/",
        PUBLICATIONS + "klastry-i-innowacje-miedzysektorowe-laczace-branze-kreatywne-z/",
    ),
    q(
        "webinarium brazowy znak",
        UNACCENTED,
        EVENTS + "webinarium-przygotowanie-do-brazowego-znaku-jakosci/",
        NEWS + "webinarium-jak-przygotowac-organizacje-klastrowa-do-uzyskania/",
    ),
    q(
        "warsztat Bruksela",
        INFLECTED,
        NEWS + "warsztaty-dla-interesariuszy-w-brukseli-na-temat-agendy-ue-dotyczacej/",
        EVENTS + "dalsze-prace-nad-agenda-polityczna-ue-w-zakresie-doskonalosci-klastrow/",
        PUBLICATIONS + "doskonalosc-klastrow-po-2014-roku-wnioski-z-europejskiej-inicjatywy/",
    ),
    q(
        "umiędzynarodowienie MŚP",
        MULTI_WORD,
        CALLS + "partnerstwa-klastrow-na-rzecz-umiedzynarodowienia/",
        NEWS + "nabor-otwarty-partnerstwa-klastrow-na-rzecz-umiedzynarodowienia/",
    ),
    q(
        "efektywność organizacji zarządzających",
        MULTI_WORD,
        NEWS + "nowe-badanie-jak-poprawic-efektywnosc-organizacji-zarzadzajacych/",
        PUBLICATIONS + "nowe-podejscia-do-poprawy-efektywnosci-organizacji-zarzadzajacych/",
    ),
    q(
        "trendy klastry Niemcy",
        INFLECTED,
        NEWS + "cluster-monitor-niemcy-trendy-i-perspektywy-klastrow-w-niemczech/",
        PUBLICATIONS + "cluster-monitor-niemcy-trendy-i-perspektywy-klastrow-w-niemczech/",
    ),
    q(
        "rząd Francja benchmarking",
        INFLECTED,
        NEWS + "rzad-francji-publikuje-benchmarking-esca-71-organizacji-klastrowych/",
        PUBLICATIONS + "benchmarking-71-organizacji-klastrowych-francuskich-poles-de/",
    ),
    q(
        "doskonalosc COSME",
        UNACCENTED,
        CALLS + "cosme-program-doskonalosci-klastrow-2014/",
        NEWS + "nowy-program-doskonalosci-klastrow-nabor-cosme-otwarty-do-29/",
    ),
    q("dane osobowe", INFLECTED, "/pl/prywatnosc/"),
    q(
        "projektowanie programów klastrowych",
        INFLECTED,
        EVENTS + "warsztaty-jak-projektowac-programy-klastrowe-nowej-generacji/",
    ),
    q(
        "webinaria znak jakości",
        INFLECTED,
        EVENTS + "webinarium-przygotowanie-do-brazowego-znaku-jakosci/",
        NEWS + "webinarium-jak-przygotowac-organizacje-klastrowa-do-uzyskania/",
    ),
    q(
        "umiedzynarodowienie partnerstwo",
        UNACCENTED,
        CALLS + "partnerstwa-klastrow-na-rzecz-umiedzynarodowienia/",
        NEWS + "nabor-otwarty-partnerstwa-klastrow-na-rzecz-umiedzynarodowienia/",
    ),
    q(
        "kooperacjne spotkania klastrów",
        MISSPELLED,
        NEWS + "2-konferencja-bsr-stars-i-spotkania-kooperacyjne-klastrow-w-berlinie/",
        EVENTS + "2-konferencja-bsr-stars-i-spotkania-kooperacyjne-klastrow/",
    ),
    # With the little words a visitor types: "w", "do" are in nearly every page.
    q(
        "spotkania klastrów w Berlinie",
        MULTI_WORD,
        NEWS + "2-konferencja-bsr-stars-i-spotkania-kooperacyjne-klastrow-w-berlinie/",
        EVENTS + "2-konferencja-bsr-stars-i-spotkania-kooperacyjne-klastrow/",
    ),
    q(
        "nabór do 29 października",
        INFLECTED,
        NEWS + "nowy-program-doskonalosci-klastrow-nabor-cosme-otwarty-do-29/",
    ),
    # Dictionary forms, as a visitor types them, of words the pages only inflect ("konsultanci",
    # "Unii Europejskiej"): a stemmer alone cuts the two forms differently.
    q("konsultant", INFLECTED, "/pl/siec/"),
    q("Unia Europejska", INFLECTED, "/pl/siec/"),
    # Plurals the pages write in the singular ("Nowe badanie: ..."); the listing says "nowe badania".
    q(
        "nowe badania",
        INFLECTED,
        NEWS + "nowe-badanie-klastry-i-innowacje-miedzysektorowe-laczace-branze/",
        NEWS + "nowe-badanie-jak-poprawic-efektywnosc-organizacji-zarzadzajacych/",
    ),
)
