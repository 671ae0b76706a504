"""An index in the queue's default order ("sla" in advisory.selectors), on PostgreSQL.

Without it every page of the coordinator queue sorts all visible requests. SQLite cannot
index NULLS LAST (and holds demo-sized data), so the index exists on PostgreSQL only and is
not declared on the model.
"""

from django.db import migrations

INDEX = "advisory_request_queue_sla"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("advisory", "AdvisoryRequest")._meta.db_table
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "{table}" '
        "(sla_due_at ASC NULLS LAST, submitted_at DESC NULLS LAST, id DESC)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("advisory", "0004_requestformpage")]

    operations = [migrations.RunPython(create_index, drop_index)]
