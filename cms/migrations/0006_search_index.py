"""The site search's own index (cms.models.search) and, on PostgreSQL, what Django does not model.

PostgreSQL: the extensions unaccent (accent folding in the text-search configurations), pg_trgm
("did you mean", fuzzy words) and btree_gin (one GIN index over language and vector, so a search in
one language reads that language's entries only); the tsvector columns and their indexes. The
configurations themselves follow the enabled languages and are made after migrate
(cms.search.postgres). All three extensions ship with PostgreSQL and are allowed on managed services.
"""

import django.db.models.deletion
from django.db import migrations, models

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "ALTER TABLE cms_searchdocument ADD COLUMN vector tsvector NOT NULL DEFAULT ''::tsvector",
    "ALTER TABLE cms_searchdocument ADD COLUMN title_vector tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX cms_searchdoc_vector ON cms_searchdocument USING gin (language, vector)",
    "CREATE INDEX cms_searchdoc_title_vector ON cms_searchdocument USING gin (language, title_vector)",
    "CREATE INDEX cms_searchterm_word_trgm ON cms_searchterm USING gin (word gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS cms_searchterm_word_trgm",
    "DROP INDEX IF EXISTS cms_searchdoc_title_vector",
    "DROP INDEX IF EXISTS cms_searchdoc_vector",
    "ALTER TABLE cms_searchdocument DROP COLUMN IF EXISTS title_vector",
    "ALTER TABLE cms_searchdocument DROP COLUMN IF EXISTS vector",
]


def postgres_forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_FORWARD:
            schema_editor.execute(statement)


def postgres_backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0005_site_texts_and_how_to_apply'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='wagtailcore.page')),
                ('language', models.CharField(max_length=12)),
                ('kind', models.CharField(choices=[('news', 'News'), ('call', 'Call for proposals'), ('event', 'Event'), ('publication', 'Publication'), ('page', 'Page'), ('index', 'Overview')], max_length=16)),
                ('title', models.TextField()),
                ('summary', models.TextField(blank=True)),
                ('body', models.TextField(blank=True)),
                ('title_terms', models.TextField(blank=True)),
                ('body_terms', models.TextField(blank=True)),
                ('date', models.DateField(blank=True, null=True)),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('open_until', models.DateTimeField(blank=True, null=True)),
                ('topics', models.JSONField(blank=True, default=list)),
                ('indexed_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'verbose_name': 'search document',
                'verbose_name_plural': 'search documents',
                'indexes': [models.Index(fields=['language', 'kind'], name='cms_searchdoc_lang_kind')],
            },
        ),
        migrations.CreateModel(
            name='SearchTerm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=12)),
                ('word', models.CharField(max_length=60)),
                ('documents', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'search term',
                'verbose_name_plural': 'search terms',
                'constraints': [models.UniqueConstraint(fields=('language', 'word'), name='cms_searchterm_unique')],
            },
        ),
        migrations.RunPython(postgres_forward, postgres_backward),
    ]
