"""PostgreSQL's part of the site search: text-search configurations made from cms.search.languages.

`cms_<code>` copies PostgreSQL's configuration of the language and puts `unaccent` before the
language's Snowball stemmer, so "etude" finds "étude" and "Brussel" finds "Brüssel"; `cms_simple`
lowercases and unaccents only (languages analysed in Python, autocomplete, "all languages").
Both are plain SQL on built-in dictionaries and the `unaccent` extension: nothing to install on
the server's disk, so they work on a managed database too.

Made after every migrate (idempotent) for every language of cms.search.languages that PostgreSQL
stems, enabled or not: fifteen small catalogue entries, and a language enabled later (SITE_LANGUAGES)
is searched at once, without a migrate. The extensions and the tsvector columns come from
migration cms 0006.
"""

from django.db import connections

from .languages import ANALYSES, SIMPLE_CONFIG


def _config_exists(cursor, name):
    cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [name])
    return cursor.fetchone() is not None


# The token types that carry words (PostgreSQL's default parser): plain, hyphenated, and the
# parts of hyphenated words, in ASCII and in other letters.
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def ensure_configurations(using="default"):
    """Create the missing text-search configurations; return the names of those made."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return []
    made = []
    with connection.cursor() as cursor:
        wanted = {SIMPLE_CONFIG: "simple"}
        for analysis in ANALYSES.values():
            if analysis.postgres:
                wanted[analysis.postgres_config] = analysis.postgres
        for name, source in wanted.items():
            if _config_exists(cursor, name):
                continue
            # Names come from the table in cms.search.languages, never from input; identifiers
            # cannot be query parameters.
            dictionary = "simple" if source == "simple" else f"{source}_stem"
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {WORD_TOKENS} "
                f"WITH unaccent, {dictionary}"
            )
            made.append(name)
    return made


def configurations_after_migrate(sender, using="default", **kwargs):
    ensure_configurations(using)
