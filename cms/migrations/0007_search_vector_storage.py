"""PostgreSQL keeps each page's search vector in the table row, compressed, not in the TOAST table.

A search in one language ranks every matching row (ts_rank reads the vector). Stored the default
way, a vector over 2 kB went out of line, and ranking 16,000 matches of a common word fetched
each one through the TOAST index: about 600 ms at 100,000 pages. STORAGE MAIN keeps the vector
compressed in the row (the long texts are moved out of line first): the same ranking reads the
heap only, about 25 ms once cached (bench/RESULTS.md). Existing rows take the new storage when
they are next written; `manage.py rebuild_site_search` rewrites them all.
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE cms_searchdocument ALTER COLUMN vector SET STORAGE MAIN")
        schema_editor.execute("ALTER TABLE cms_searchdocument ALTER COLUMN title_vector SET STORAGE MAIN")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE cms_searchdocument ALTER COLUMN vector SET STORAGE EXTENDED")
        schema_editor.execute("ALTER TABLE cms_searchdocument ALTER COLUMN title_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_search_index")]

    operations = [migrations.RunPython(forward, backward)]
