"""The index of the site search on Elasticsearch: analyzers per enabled language, and the mapping.

Analyzers are rebuilt from Elasticsearch's built-in language analyzers, as its documentation
("Language analyzers", "reimplementing") spells them out, with two changes: no keyword markers
(nothing is protected from stemming) and ASCII folding at the end, so "etude" finds "étude" and
"Brussel" "Brüssel" in every Latin-script language. German keeps `german_normalization` (ä to a,
ß to ss) before its light stemmer, as the built-in analyzer does.

Languages Elasticsearch has no analyzer for (Polish, Croatian, Maltese, Slovak, Slovene; `None`
in cms.search.languages) get the standard tokenizer, lowercasing, folding and the stop words of
the Python analysis (cms.search.stopwords); their stems come from the Python analysis the index
table already holds (`title_terms`, `body_terms`, indexed as they are), so Polish "eksperci"
finds "ekspert" with nothing installed on the cluster. Where the
cluster has the `analysis-stempel` plugin (settings.SEARCH_ELASTICSEARCH_PLUGINS lists it), Polish
is stemmed by Elasticsearch too.

The mapping keeps one text field per language and per part (`title.de`, `summary.de`, `body.de`)
and a document fills only its own language's: each text is analysed once, with its language's
analyzer, however many languages the site enables (multi-fields would analyse every text with all
of them: 24 times with every EU language). `words` (every word, folded) serves "did you mean";
`title.autocomplete` (edge n-grams of the title's words) serves autocomplete.
"""

from django.conf import settings

from ..analysis import fold
from ..languages import enabled_analyses
from ..stopwords import STOP_WORDS

STEMPEL = "analysis-stempel"

# Built-in analyzer name -> what Elastic's "reimplementing" recipe puts around stop words and
# stemmer, in order. Keys of a recipe: stop (the stop list name), stemmer (the stemmer filter's
# language), before (filters before lowercasing), lowercase (a language lowercase filter),
# normalization (a built-in filter after the stop words), override (stemmer_override rules).
RECIPES = {
    "bulgarian": {"stop": "_bulgarian_", "stemmer": "bulgarian"},
    "czech": {"stop": "_czech_", "stemmer": "czech"},
    "danish": {"stop": "_danish_", "stemmer": "danish"},
    "dutch": {
        "stop": "_dutch_",
        "stemmer": "dutch",
        "override": ["fiets=>fiets", "bromfiets=>bromfiets", "ei=>eier", "kind=>kinder"],
    },
    "english": {
        "stop": "_english_",
        "stemmer": "english",
        "before": [("possessive", {"type": "stemmer", "language": "possessive_english"})],
    },
    "estonian": {"stop": "_estonian_", "stemmer": "estonian"},
    "finnish": {"stop": "_finnish_", "stemmer": "finnish"},
    "french": {
        "stop": "_french_",
        "stemmer": "light_french",
        "before": [
            (
                "elision",
                {
                    "type": "elision",
                    "articles_case": True,
                    "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c"]
                    + ["jusqu", "quoiqu", "lorsqu", "puisqu"],
                },
            )
        ],
    },
    "german": {"stop": "_german_", "stemmer": "light_german", "normalization": "german_normalization"},
    "greek": {"stop": "_greek_", "stemmer": "greek", "lowercase": "greek"},
    "hungarian": {"stop": "_hungarian_", "stemmer": "hungarian"},
    "irish": {
        "stop": "_irish_",
        "stemmer": "irish",
        "lowercase": "irish",
        "before": [
            ("hyphenation", {"type": "stop", "stopwords": ["h", "n", "t"], "ignore_case": True}),
            ("elision", {"type": "elision", "articles": ["d", "m", "b"], "articles_case": True}),
        ],
    },
    "italian": {
        "stop": "_italian_",
        "stemmer": "light_italian",
        "before": [
            (
                "elision",
                {
                    "type": "elision",
                    "articles_case": True,
                    "articles": ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell"]
                    + ["gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"],
                },
            )
        ],
    },
    "latvian": {"stop": "_latvian_", "stemmer": "latvian"},
    "lithuanian": {"stop": "_lithuanian_", "stemmer": "lithuanian"},
    "portuguese": {"stop": "_portuguese_", "stemmer": "light_portuguese"},
    "romanian": {"stop": "_romanian_", "stemmer": "romanian"},
    "spanish": {"stop": "_spanish_", "stemmer": "light_spanish"},
    "swedish": {"stop": "_swedish_", "stemmer": "swedish"},
}

# Scripts asciifolding has nothing to fold in: their own lowercase filters remove the accents.
UNFOLDED = {"bulgarian", "greek"}

# Autocomplete: word prefixes of 2 to 20 letters; what is typed is cut to 20 letters to match.
AUTOCOMPLETE_MIN = 2
AUTOCOMPLETE_MAX = 20

FOLDED = "cms_folded"
AUTOCOMPLETE = "cms_autocomplete"
AUTOCOMPLETE_SEARCH = "cms_autocomplete_search"
# The Python analysis (cms.search.analysis) is already lowercase and folded: split on spaces only.
TERMS_ANALYZER = "whitespace"

PARTS = ("title", "summary", "body")


def analyzer_name(code):
    return f"cms_{code}"


def plugins():
    """The analysis plugins the deployment's cluster has (SEARCH_ELASTICSEARCH_PLUGINS)."""
    return set(getattr(settings, "SEARCH_ELASTICSEARCH_PLUGINS", ()) or ())


def language_analysis(analysis):
    """({filter name: definition}, analyzer definition) of one language."""
    prefix = analyzer_name(analysis.code)
    recipe = RECIPES.get(analysis.elasticsearch or "")
    if recipe is None:
        if analysis.code == "pl" and STEMPEL in plugins():
            return {}, {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "polish_stop", "polish_stem", "asciifolding"],
            }
        filters, chain = {}, ["lowercase", "asciifolding"]
        stop_words = sorted({fold(word) for word in STOP_WORDS.get(analysis.code, "").split()})
        if stop_words:
            # The Python analysis's stop words (compared folded): dropped alike on both sides.
            filters[f"{prefix}_stop"] = {"type": "stop", "stopwords": stop_words}
            chain.append(f"{prefix}_stop")
        return filters, {"type": "custom", "tokenizer": "standard", "filter": chain}
    filters, chain = {}, []
    for name, definition in recipe.get("before", ()):
        filters[f"{prefix}_{name}"] = definition
        chain.append(f"{prefix}_{name}")
    if "lowercase" in recipe:
        filters[f"{prefix}_lowercase"] = {"type": "lowercase", "language": recipe["lowercase"]}
        chain.append(f"{prefix}_lowercase")
    else:
        chain.append("lowercase")
    filters[f"{prefix}_stop"] = {"type": "stop", "stopwords": recipe["stop"]}
    chain.append(f"{prefix}_stop")
    if "normalization" in recipe:
        chain.append(recipe["normalization"])
    if "override" in recipe:
        filters[f"{prefix}_override"] = {"type": "stemmer_override", "rules": recipe["override"]}
        chain.append(f"{prefix}_override")
    filters[f"{prefix}_stemmer"] = {"type": "stemmer", "language": recipe["stemmer"]}
    chain.append(f"{prefix}_stemmer")
    if analysis.elasticsearch not in UNFOLDED:
        chain.append("asciifolding")
    return filters, {"type": "custom", "tokenizer": "standard", "filter": chain}


def analysis_settings():
    filters = {
        "cms_edge_ngram": {"type": "edge_ngram", "min_gram": AUTOCOMPLETE_MIN, "max_gram": AUTOCOMPLETE_MAX},
        "cms_truncate": {"type": "truncate", "length": AUTOCOMPLETE_MAX},
    }
    analyzers = {
        FOLDED: {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
        AUTOCOMPLETE: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "cms_edge_ngram"],
        },
        AUTOCOMPLETE_SEARCH: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "cms_truncate"],
        },
    }
    for analysis in enabled_analyses():
        language_filters, analyzer = language_analysis(analysis)
        filters.update(language_filters)
        analyzers[analyzer_name(analysis.code)] = analyzer
    return {"filter": filters, "analyzer": analyzers}


def _language_fields(part):
    fields = {}
    for analysis in enabled_analyses():
        field = {"type": "text", "analyzer": analyzer_name(analysis.code), "copy_to": ["words"]}
        if part == "title":
            field["copy_to"] = ["words", "title.autocomplete"]
        else:
            # Offsets in the index: highlighting long bodies without analysing them again.
            field["index_options"] = "offsets"
        fields[analysis.code] = field
    return fields


def mappings():
    title = _language_fields("title")
    title["autocomplete"] = {"type": "text", "analyzer": AUTOCOMPLETE, "search_analyzer": AUTOCOMPLETE_SEARCH}
    return {
        # A field the mapping does not name (a language enabled after the index was made) stays in
        # the source, unindexed, instead of failing the editor's publish: rebuild after enabling one.
        "dynamic": False,
        "_meta": {"languages": [analysis.code for analysis in enabled_analyses()]},
        "properties": {
            "language": {"type": "keyword"},
            "kind": {"type": "keyword"},
            "date": {"type": "date"},
            "year": {"type": "integer"},
            "open_until": {"type": "date"},
            "topics": {"type": "integer"},
            "title": {"properties": title},
            "summary": {"properties": _language_fields("summary")},
            "body": {"properties": _language_fields("body")},
            "title_terms": {"type": "text", "analyzer": TERMS_ANALYZER},
            "body_terms": {"type": "text", "analyzer": TERMS_ANALYZER},
            "words": {"type": "text", "analyzer": FOLDED},
        },
    }


def index_settings():
    """The body of the index creation: settings (analysis) and mappings."""
    return {
        # 100,000 pages are a small index: one shard answers fastest.
        "settings": {"index": {"number_of_shards": 1}, "analysis": analysis_settings()},
        "mappings": mappings(),
    }
