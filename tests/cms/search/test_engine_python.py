"""The embedded engine (SQLite): matching, ranking, facets, passages and bad input."""

import pytest
from django.db import connection

from cms.search import engine, python_engine
from tests.cms.conftest import module_data
from tests.cms.search.engine_behaviour import EngineBehaviour, arbitrary_text_never_fails, search
from tests.cms.search.engine_pages import make_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker):
        yield make_pages()


@pytest.fixture(autouse=True)
def _python_engine(monkeypatch):
    """The Python engine on any database: SQLite chooses it, and on PostgreSQL it is tested too."""
    if connection.vendor != "sqlite":
        monkeypatch.setattr(engine, "_engine", lambda: python_engine)


class TestPythonEngine(EngineBehaviour):
    def test_a_search_is_a_bounded_number_of_queries(self, pages, django_assert_max_num_queries):
        # The vocabulary, then the entries of the language (read once, facets included).
        with django_assert_max_num_queries(2):
            search("zorblat cluster clustr " * 10)
        # And the other languages' entries when this one has no match.
        with django_assert_max_num_queries(3):
            search("Ostseeraum", "fr")

    test_arbitrary_text_never_fails = arbitrary_text_never_fails(examples=60)
