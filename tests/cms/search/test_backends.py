"""Wagtail's search backend passes pages on to the site search; the demo arrives indexed.

The demo is loaded once for the module, as `load_demo` loads it (publishing through Wagtail): the
index it leaves is what the backend wrote page by page, and must be what a rebuild writes.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import database as wagtail_database
from wagtail.search.backends import get_search_backend

from cms.models import SearchDocument, SearchTerm, StandardPage
from cms.search import backends, index
from tests.cms.conftest import module_data
from tests.cms.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

ROW_FIELDS = (
    "page_id", "language", "kind", "title", "summary", "body", "title_terms", "body_terms",
    "date", "year", "open_until", "topics",
)  # fmt: skip


def snapshot():
    rows = {row["page_id"]: row for row in SearchDocument.objects.values(*ROW_FIELDS)}
    terms = {
        (language, word): n
        for language, word, n in SearchTerm.objects.values_list("language", "word", "documents")
    }
    return rows, terms


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo as load_demo leaves it (index included), then the index a rebuild writes over it."""
    with pytest.MonkeyPatch.context() as patch, module_data(django_db_blocker):
        patch.delenv("DEMO_PASSWORD", raising=False)
        call_command("load_demo", verbosity=0, stdout=StringIO())
        loaded = snapshot()
        live = set(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
        written = index.rebuild()
        yield {"loaded": loaded, "rebuilt": snapshot(), "live": live, "written": written}


def test_the_demo_arrives_indexed_every_live_page_once(demo):
    rows, terms = demo["loaded"]
    assert set(rows) == demo["live"]
    assert {row["language"] for row in rows.values()} == {"en", "de", "fr", "es", "it", "pl"}
    assert terms


def test_a_rebuild_of_the_demo_gives_what_publishing_gave(demo):
    assert demo["written"] == len(demo["live"])
    loaded_rows, loaded_terms = demo["loaded"]
    rebuilt_rows, rebuilt_terms = demo["rebuilt"]
    assert rebuilt_rows == loaded_rows
    assert rebuilt_terms == loaded_terms


def test_the_backend_is_wagtails_keeping_the_site_search_in_step():
    backend = get_search_backend()
    # The class Wagtail's database backend picks for this database (SQLite FTS, PostgreSQL, ...).
    wagtail_class = type(wagtail_database.SearchBackend({}))
    expected = {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}[connection.vendor]
    assert wagtail_class.__name__ == expected
    assert isinstance(backend, wagtail_class)
    assert isinstance(backend, backends.SiteSearchMixin)
    # One class per Wagtail class, made once.
    assert backends.with_site_search(wagtail_class) is type(backend)


def test_update_index_rebuilds_the_site_search_too():
    page = StandardPageFactory(title="Heliotrope page")
    SearchDocument.objects.filter(pk=page.pk).update(title="stale")
    SearchTerm.objects.filter(language="en", word="heliotrope").delete()
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    assert SearchDocument.objects.get(pk=page.pk).title == "Heliotrope page"
    assert SearchTerm.objects.get(language="en", word="heliotrope").documents == 1
    # Wagtail's own index was rebuilt as before: the admin's search finds the page.
    assert list(StandardPage.objects.search("heliotrope")) == [page]


def test_add_bulk_and_delete_of_the_backend_reach_the_site_search():
    first = StandardPageFactory(title="Carnelian one")
    second = StandardPageFactory(title="Carnelian two")
    # Lost around Wagtail (rows and words), as after a failed write.
    SearchDocument.objects.filter(pk__in=[first.pk, second.pk])._raw_delete("default")
    SearchTerm.objects.filter(language="en", word="carnelian").delete()
    backend = get_search_backend()
    backend.add_bulk(StandardPage, [first, second])
    titles = SearchDocument.objects.filter(pk__in=[first.pk, second.pk]).values_list("title", flat=True)
    assert set(titles) == {"Carnelian one", "Carnelian two"}
    assert SearchTerm.objects.get(language="en", word="carnelian").documents == 2
    backend.delete(first)
    assert not SearchDocument.objects.filter(pk=first.pk).exists()
    assert SearchTerm.objects.get(language="en", word="carnelian").documents == 1


def test_reset_indexes_empties_the_site_search_too():
    StandardPageFactory(title="Obsidian page")
    get_search_backend().reset_indexes()
    assert not SearchDocument.objects.exists()
    assert not SearchTerm.objects.exists()
