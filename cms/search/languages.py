"""How the site search analyses each official EU language: data, one entry per language.

Every backend reads this table, so adding one of the 24 languages to SITE_LANGUAGES needs no code:

- `postgres`: the PostgreSQL Snowball dictionary (`<name>_stem`) of the languages PostgreSQL stems.
  The search builds a text-search configuration `cms_<code>` from it, with `unaccent` before the
  stemmer (cms.search.postgres), never the server's default configuration.
- `snowball`: the Snowball algorithm (Python package snowballstemmer) for the languages PostgreSQL
  lacks (Polish, Czech, Estonian) and for SQLite, which stems nothing itself. The same algorithms as
  PostgreSQL's dictionaries, so SQLite and PostgreSQL agree on what a word's stem is.
- `lemmas`: the simplemma language code whose dictionary maps irregular forms to their lemma before
  stemming ("eksperci" to "ekspert"), for the languages a stemmer alone serves badly.
- `elasticsearch`: the built-in Elasticsearch language analyzer; None means a standard analyzer with
  lowercasing and ASCII folding (cms.search.elasticsearch).
- `compounds`: the language writes compounds as one word ("Ostseeraum"): query words also match as
  prefixes of indexed words.

The stop words of the languages analysed in Python are data too (cms.search.stopwords); PostgreSQL's
configurations drop those of the languages it stems. What each part buys, measured on judged
queries: bench/RESULTS.md ("site search relevance").
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Analysis:
    code: str
    postgres: str | None = None
    snowball: str | None = None
    lemmas: str | None = None
    elasticsearch: str | None = None
    compounds: bool = False

    @property
    def postgres_config(self):
        """The text-search configuration this language is indexed and queried with on PostgreSQL."""
        return f"cms_{self.code}" if self.postgres else SIMPLE_CONFIG

    @property
    def analysed_in_python(self):
        """True where PostgreSQL has no stemmer: the words are analysed in Python before indexing."""
        return self.postgres is None


# Lowercase and unaccent only: the configuration of the languages analysed in Python, of
# autocomplete and of the "all languages" search.
SIMPLE_CONFIG = "cms_simple"

ANALYSES = {
    analysis.code: analysis
    for analysis in (
        Analysis("bg", snowball=None, lemmas="bg", elasticsearch="bulgarian"),
        Analysis("cs", snowball="czech", lemmas="cs", elasticsearch="czech"),
        Analysis("da", postgres="danish", snowball="danish", elasticsearch="danish", compounds=True),
        Analysis("de", postgres="german", snowball="german", elasticsearch="german", compounds=True),
        Analysis("el", postgres="greek", snowball="greek", elasticsearch="greek"),
        Analysis("en", postgres="english", snowball="english", elasticsearch="english"),
        Analysis("es", postgres="spanish", snowball="spanish", elasticsearch="spanish"),
        Analysis("et", snowball="estonian", lemmas="et", elasticsearch="estonian", compounds=True),
        Analysis("fi", postgres="finnish", snowball="finnish", elasticsearch="finnish", compounds=True),
        Analysis("fr", postgres="french", snowball="french", elasticsearch="french"),
        Analysis("ga", postgres="irish", snowball="irish", elasticsearch="irish"),
        Analysis("hr", snowball="serbian", lemmas="hbs"),
        Analysis("hu", postgres="hungarian", snowball="hungarian", elasticsearch="hungarian", compounds=True),
        Analysis("it", postgres="italian", snowball="italian", elasticsearch="italian"),
        Analysis("lt", postgres="lithuanian", snowball="lithuanian", elasticsearch="lithuanian"),
        Analysis("lv", lemmas="lv", elasticsearch="latvian"),
        Analysis("mt"),
        Analysis("nl", postgres="dutch", snowball="dutch", elasticsearch="dutch", compounds=True),
        Analysis("pl", snowball="polish", lemmas="pl"),
        Analysis("pt", postgres="portuguese", snowball="portuguese", elasticsearch="portuguese"),
        Analysis("ro", postgres="romanian", snowball="romanian", elasticsearch="romanian"),
        Analysis("sk", snowball="czech", lemmas="sk"),
        Analysis("sl", lemmas="sl"),
        Analysis("sv", postgres="swedish", snowball="swedish", elasticsearch="swedish", compounds=True),
    )
}


def analysis_for(code):
    """The analysis of a language code ("de", "pt-br" as "pt"); unknown codes get folding only."""
    base = (code or "").lower().split("-")[0].split("_")[0]
    return ANALYSES.get(base) or Analysis(base)


def enabled_analyses():
    """The analyses of the languages the site serves, in the order of settings.LANGUAGES."""
    return [analysis_for(code) for code, _name in settings.LANGUAGES]
