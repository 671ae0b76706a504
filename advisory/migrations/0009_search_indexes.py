"""The coordinators' search (advisory.search) on PostgreSQL: the folded text of a request and of an
expert as IMMUTABLE functions, and a trigram GIN index on each, so `text LIKE '%word%'` reads the
index instead of every row.

`unaccent` is only STABLE (its dictionary could change), so an index cannot call it directly; these
wrappers name the dictionary and the schemas explicitly, which makes them safe to declare IMMUTABLE
and independent of the caller's search_path (autovacuum, restores). The extensions unaccent and
pg_trgm come from cms migration 0006. The row texts must stay equal to advisory.search.request_text
and expert_text (the SQLite versions), and the queries must call them with the same columns.

SQLite: nothing here; advisory.search registers the Python versions on the connection.
"""

from django.db import migrations

SEPARATOR = "E'\\x1f'"

REQUEST_INDEX = "advisory_request_search_trgm"
EXPERT_INDEX = "advisory_expert_search_trgm"


def _schema_of(cursor, extension):
    cursor.execute(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = %s",
        [extension],
    )
    return cursor.fetchone()[0]


def _statements(unaccent, trgm, here, request_table, expert_table):
    join = f" || {SEPARATOR} || "
    request_parts = join.join(
        [
            "coalesce($1, '') || ' ' || replace(coalesce($1, ''), '-', '')",
            *(f"coalesce(${n}, '')" for n in range(2, 8)),
        ]
    )
    expert_parts = join.join(f"coalesce(${n}, '')" for n in range(1, 4))
    return [
        f"""CREATE OR REPLACE FUNCTION "{here}".advisory_fold(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT lower("{unaccent}".unaccent('"{unaccent}".unaccent'::regdictionary, $1)) $$""",
        f"""CREATE OR REPLACE FUNCTION "{here}".advisory_request_text(
                text, text, text, text, text, text, text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT "{here}".advisory_fold({request_parts}) $$""",
        f"""CREATE OR REPLACE FUNCTION "{here}".advisory_expert_text(text, text, text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT "{here}".advisory_fold({expert_parts}) $$""",
        f"""CREATE INDEX IF NOT EXISTS "{REQUEST_INDEX}" ON "{request_table}" USING gin (
            "{here}".advisory_request_text(reference, organisation, requester_name, requester_email,
                programme_name, description, scope_summary) "{trgm}".gin_trgm_ops)""",
        f"""CREATE INDEX IF NOT EXISTS "{EXPERT_INDEX}" ON "{expert_table}" USING gin (
            "{here}".advisory_expert_text(name, email, employer) "{trgm}".gin_trgm_ops)""",
    ]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        unaccent, trgm = _schema_of(cursor, "unaccent"), _schema_of(cursor, "pg_trgm")
        cursor.execute("SELECT current_schema()")
        here = cursor.fetchone()[0]
    request_table = apps.get_model("advisory", "AdvisoryRequest")._meta.db_table
    expert_table = apps.get_model("advisory", "Expert")._meta.db_table
    for statement in _statements(unaccent, trgm, here, request_table, expert_table):
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in (
        f'DROP INDEX IF EXISTS "{REQUEST_INDEX}"',
        f'DROP INDEX IF EXISTS "{EXPERT_INDEX}"',
        "DROP FUNCTION IF EXISTS advisory_request_text(text, text, text, text, text, text, text)",
        "DROP FUNCTION IF EXISTS advisory_expert_text(text, text, text)",
        "DROP FUNCTION IF EXISTS advisory_fold(text)",
    ):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0008_reference_data_translations"),
        ("cms", "0006_search_index"),
    ]

    operations = [migrations.RunPython(forward, backward)]
