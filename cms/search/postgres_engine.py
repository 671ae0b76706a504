"""PostgreSQL full-text search over the index table: GIN-served, language-aware, bounded.

A search is at most four statements, each one round trip:

1. the vocabulary lookup (cms.search.suggest): known words, corrections of misspelt ones;
2. the hits and their total: `count(*) OVER ()` next to the ten best scores, one statement;
3. the facets: kind, year and topic counts in one GROUPING SETS statement;
4. only when the visitor's language found nothing: the count of matches in the other languages.

They run in one transaction with `SET LOCAL statement_timeout` (STATEMENT_TIMEOUT): a search that
would take longer returns empty Results with `timed_out` set instead of holding a connection.

Queries are built from parsed words (cms.search.query), never from the visitor's text: each word
is quoted as one tsquery lexeme and given to `to_tsquery` with the language's configuration
(`cms_<code>`, unaccent and the Snowball stemmer); for languages analysed in Python (Polish) the
word's Python term is the lexeme, through `cms_simple`. Prefixes are `lexeme:*`, phrases
`a <-> b`, exclusions a separate tsquery the matching rows must not match. Languages are rows of a
VALUES list joined on (language, vector @@ query), so the GIN index (language, vector) serves one
language or all of them.
"""

from django.db import connection, transaction
from django.db.utils import OperationalError
from django.utils import timezone

from . import ranking
from .analysis import fold, term
from .engine import Hit, Results
from .highlight import Marker, excerpt, highlight
from .languages import SIMPLE_CONFIG, analysis_for, enabled_analyses
from .query import parse, units
from .suggest import lookup, suggestion_text

# The matches ranked in full (ts_rank reads each one's vector): the best by matched words, kind,
# openness and recency. Text rank adds less than one matched word, so it reorders pages within
# these, and a word on 16,000 pages costs 1,000 vectors read, not 16,000 (bench/RESULTS.md). The
# deepest result page (50 × 10) stays inside.
CANDIDATES = 1000

# Milliseconds a search's statements may take together before PostgreSQL cancels them.
STATEMENT_TIMEOUT = 2000
# SQLSTATE query_canceled: what statement_timeout raises.
QUERY_CANCELED = "57014"


def _lexeme(text, prefix=False):
    """One tsquery operand: the text quoted (quotes doubled, backslashes escaped), maybe a prefix."""
    quoted = "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + ":*" if prefix else quoted


class _LanguageQuery:
    """The tsquery texts of a parsed query for one language."""

    def __init__(self, language, parsed, found_units):
        analysis = analysis_for(language)
        self.language = language
        self.config = analysis.postgres_config
        python = analysis.analysed_in_python

        def operand(word):
            # PostgreSQL stems the word with the configuration; Python-analysed languages give
            # their term, which cms_simple keeps as it is.
            return term(word, language) if python else word

        self.units = []
        for unit in found_units:
            if unit.is_phrase:
                text = " <-> ".join(_lexeme(operand(word)) for word in unit.words)
            else:
                word = unit.words[0]
                options = [_lexeme(operand(word), prefix=unit.prefix)]
                options += [_lexeme(operand(alternative)) for alternative in unit.alternatives]
                text = " | ".join(options)
            self.units.append((unit, f"( {text} )"))
        phrases = [text for unit, text in self.units if unit.is_phrase]
        # Phrases the visitor quoted are required; otherwise any unit matches.
        self.query = " & ".join(phrases) if phrases else " | ".join(text for _unit, text in self.units)
        self.excluded = " | ".join(_lexeme(operand(word)) for word in parsed.excluded) or None

    def values(self):
        """A row of the `q` VALUES list: (language, query, excluded, unit queries)."""
        unit_sql = ", ".join("to_tsquery(%s::regconfig, %s)" for _ in self.units)
        sql = (
            "(%s, to_tsquery(%s::regconfig, %s), "
            "CASE WHEN %s::text IS NULL THEN NULL ELSE to_tsquery(%s::regconfig, %s::text) END, "
            f"ARRAY[{unit_sql}]::tsquery[])"
        )
        params = [self.language, self.config, self.query, self.excluded, self.config, self.excluded]
        for _unit, text in self.units:
            params += [self.config, text]
        return sql, params


def _query_cte(language_queries):
    rows, params = [], []
    for language_query in language_queries:
        sql, row_params = language_query.values()
        rows.append(sql)
        params += row_params
    return "q(language, query, excluded, units) AS (VALUES " + ", ".join(rows) + ")", params


def _matches_sql(language_queries, request, now, today, scored=True):
    """The CTEs `q` and `matches` (every matching page of the languages, before facet filters)."""
    cte, params = _query_cte(language_queries)
    columns = "d.page_id, d.kind, d.year, d.topics"
    if scored:
        # How many units the page matches; every language row has the same units. One unit
        # (a one-word search) is matched by every row the index returns.
        count = len(language_queries[0].units)
        matched = " + ".join(f"(d.vector @@ q.units[{index}])::int" for index in range(1, count + 1))
        matched = matched if count > 1 else "1"
        # The score without its text rank: what picks the candidates (_hits) without reading
        # every match's vector for ts_rank.
        base = ranking.sql_score(
            "d_matched", "0", "d.kind", "d.open_until", "d.date", "%s::timestamptz", "%s::date"
        ).replace("d_matched", matched)
        columns += f", ({matched}) AS matched, {base} AS base"
        params += [now, today]
    where = "NOT (q.excluded IS NOT NULL AND d.vector @@ q.excluded)"
    if request.open_only:
        where += " AND d.open_until >= %s"
        params.append(now)
    sql = (
        f"WITH {cte}, matches AS MATERIALIZED (SELECT {columns} FROM cms_searchdocument d "  # noqa: S608 - fragments of this module, values are parameters
        f"JOIN q ON d.language = q.language AND d.vector @@ q.query WHERE {where})"
    )
    return sql, params


def _filter_sql(request):
    """The facet filters as conditions on `matches` m: {facet: (sql, params)} of the active ones."""
    filters = {}
    if request.kind:
        filters["kind"] = ("m.kind = %s", [request.kind])
    if request.year is not None:
        filters["year"] = ("m.year = %s", [request.year])
    if request.topic is not None:
        filters["topic"] = ("m.topics @> to_jsonb(ARRAY[%s::int])", [request.topic])
    return filters


def _hits(language_queries, request, now, today):
    sql, params = _matches_sql(language_queries, request, now, today)
    filters = _filter_sql(request)
    where = " AND ".join(condition for condition, _params in filters.values()) or "true"
    text_rank = f"ts_rank({ranking.sql_weights()}, e.vector, q.query, 32)"
    score = ranking.sql_score(
        "c.matched", text_rank, "e.kind", "e.open_until", "e.date", "%s::timestamptz", "%s::date"
    )
    # Placeholders in the order of the text: the score's, then the filters', then the page's.
    params += [now, today]
    for _condition, filter_params in filters.values():
        params += filter_params
    sql += (
        " SELECT d.page_id, d.language, d.kind, d.title, d.summary, d.body, d.date, d.open_until,"  # noqa: S608 - fragments of this module, values are parameters
        " top.score, top.total FROM ("
        f"  SELECT c.page_id, c.total, {score} AS score FROM ("
        f"   SELECT m.page_id, m.matched, m.base, count(*) OVER () AS total FROM matches m WHERE {where}"
        f"   ORDER BY m.base DESC, m.page_id LIMIT {int(CANDIDATES)}"
        "  ) AS c JOIN cms_searchdocument e ON e.page_id = c.page_id JOIN q ON q.language = e.language"
        "  ORDER BY score DESC, c.page_id LIMIT %s OFFSET %s"
        ") AS top JOIN cms_searchdocument d ON d.page_id = top.page_id ORDER BY top.score DESC, top.page_id"
    )
    params += [request.limit, request.offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _facets(language_queries, request, now, today):
    """Counts of the matches per kind, year and topic, each facet without its own filter.

    Three grouped scans of the one materialised `matches` (plain counts: each match is counted
    once per facet; only publications carry topics, so only their rows are expanded).
    """
    sql, params = _matches_sql(language_queries, request, now, today, scored=False)
    filters = _filter_sql(request)
    selects = []
    for facet, column in (("kind", "m.kind"), ("year", "m.year"), ("topic", "t.topic")):
        others = [filters[name] for name in ("kind", "year", "topic") if name != facet and name in filters]
        condition = " AND ".join(other_sql for other_sql, _params in others) or "true"
        for _sql, other_params in others:
            params += other_params
        source = "matches m"
        if facet == "topic":
            source += ", jsonb_array_elements_text(m.topics) AS t(topic)"
        selects.append(
            f"SELECT '{facet}', ({column})::text, count(*) FILTER (WHERE {condition}) FROM {source}"  # noqa: S608 - fragments of this module, values are parameters
            f" GROUP BY {column}"
        )
    sql += " " + " UNION ALL ".join(selects)
    facets = {"kind": [], "year": [], "topic": []}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, number in cursor.fetchall():
            if value is None or not number:
                continue
            facets[facet].append((value if facet == "kind" else int(value), number))
    facets["kind"].sort(key=lambda item: (-item[1], item[0]))
    facets["year"].sort(reverse=True)
    facets["topic"].sort(key=lambda item: (-item[1], item[0]))
    return facets


def _count(language_queries):
    cte, params = _query_cte(language_queries)
    sql = (
        f"WITH {cte} SELECT count(*) FROM cms_searchdocument d "  # noqa: S608 - fragments of this module, values are parameters
        "JOIN q ON d.language = q.language AND d.vector @@ q.query "
        "WHERE NOT (q.excluded IS NOT NULL AND d.vector @@ q.excluded)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _languages(language):
    return [language] if language else [analysis.code for analysis in enabled_analyses()]


def _hit(row, found_units, markers):
    page_id, language, kind, title, summary, body, date, open_until, score, _total = row
    if language not in markers:
        markers[language] = Marker(found_units, language)
    marker = markers[language]
    return Hit(
        page_id=page_id,
        language=language,
        kind=kind,
        title=title,
        date=date,
        open_until=open_until,
        title_html=highlight(title, marker),
        excerpt_html=excerpt((summary, body), marker),
        score=float(score),
    )


class _Timeout:
    """The search's settings for the block (SET LOCAL), the previous values back when nested.

    statement_timeout bounds the time; JIT compilation (hundreds of milliseconds for a query the
    planner overestimates, such as the facets' lateral topics) and parallel workers (for one
    visitor's search, which the GIN index answers) cost more than they save here.
    """

    def __enter__(self):
        self.nested = connection.in_atomic_block
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH previous AS MATERIALIZED (SELECT current_setting('statement_timeout') AS timeout,"
                " current_setting('jit') AS jit,"
                " current_setting('max_parallel_workers_per_gather') AS workers) "
                "SELECT timeout, jit, workers, set_config('statement_timeout', %s, true),"
                " set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)"
                " FROM previous",
                [str(STATEMENT_TIMEOUT)],
            )
            self.previous = cursor.fetchone()[:3]
        return self

    def __exit__(self, kind, error, traceback):
        if kind is None and self.nested:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, true), set_config('jit', %s, true),"
                    " set_config('max_parallel_workers_per_gather', %s, true)",
                    list(self.previous),
                )
        return self.atomic.__exit__(kind, error, traceback)


def _is_timeout(error):
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) == QUERY_CANCELED


def search(request):
    parsed = parse(request.text)
    if parsed.is_empty:
        return Results(hits=[], total=0)
    try:
        with _Timeout():
            return _search(request, parsed)
    except OperationalError as error:
        if not _is_timeout(error):
            raise
        return Results(hits=[], total=0, timed_out=True)


def _search(request, parsed):
    now = timezone.now()
    today = timezone.localdate()
    languages = _languages(request.language)
    found = lookup(parsed.all_words, languages)
    compounds = any(analysis_for(code).compounds for code in languages)
    found_units = units(parsed, found, compounds=compounds)
    if not found_units:
        # Only stop words ("the", "für die"): nothing the index holds.
        return Results(hits=[], total=0)
    language_queries = [_LanguageQuery(code, parsed, found_units) for code in languages]
    rows = _hits(language_queries, request, now, today)
    total = rows[0][-1] if rows else 0
    facets = _facets(language_queries, request, now, today)
    if not rows and request.offset:
        total = _total_from_facets(facets, request)
    other_languages = None
    if request.language and not total and not facets["kind"]:
        others = [code for code in _languages(None) if code != request.language]
        other_languages = (
            _count([_LanguageQuery(code, parsed, found_units) for code in others]) if others else 0
        )
    markers = {}
    return Results(
        hits=[_hit(row, found_units, markers) for row in rows],
        total=total,
        facets=facets,
        suggestion=suggestion_text(parsed.text, found.corrections),
        other_languages=other_languages,
    )


def _total_from_facets(facets, request):
    """The total past the last page (no row carries it): the kind facet counts every other filter."""
    counts = dict(facets["kind"])
    return counts.get(request.kind, 0) if request.kind else sum(counts.values())


def autocomplete(prefix, language, limit=8):
    """Titles holding the typed words, the last one as a prefix, open and recent first."""
    parsed = parse(prefix)
    typed = [fold(word) for word in parsed.all_words]
    if not typed:
        return []
    text = " & ".join([_lexeme(word) for word in typed[:-1]] + [_lexeme(typed[-1], prefix=True)])
    now = timezone.now()
    sql = (
        "SELECT d.page_id, d.title FROM cms_searchdocument d "
        "WHERE d.title_vector @@ to_tsquery(%s::regconfig, %s)"
    )
    params = [SIMPLE_CONFIG, text]
    if language:
        sql += " AND d.language = %s"
        params.append(language)
    sql += (
        " ORDER BY (d.open_until IS NOT NULL AND d.open_until >= %s) DESC, (d.kind = 'index'),"
        " d.date DESC NULLS LAST, d.title, d.page_id LIMIT %s"
    )
    params += [now, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(page_id, title) for page_id, title in cursor.fetchall()]
