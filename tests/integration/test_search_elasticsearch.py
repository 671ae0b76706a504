"""Wagtail search on Elasticsearch 9 finds published pages in their own locale.

Elasticsearch cannot run on the CI machines: these tests run where ELASTICSEARCH_URL points
at a server (and the `elasticsearch` extra is installed) and skip, visibly, everywhere else.
"""

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from tests.integration.test_search_postgresql import pages, search  # noqa: F401 - fixture

# `elasticsearch`: the one skip CI allows (tests/conftest.py).
pytestmark = [
    pytest.mark.integration,
    pytest.mark.elasticsearch,
    pytest.mark.services("elasticsearch"),
    pytest.mark.django_db,
]


def test_the_backend_is_elasticsearch():
    assert "Elasticsearch" in type(get_search_backend()).__name__


def test_a_published_page_is_found_in_its_locale_only(pages):  # noqa: F811
    english, german = pages
    call_command("update_index", verbosity=0)
    get_search_backend().refresh_indexes()
    assert search("en", "zephyrine") == [english]
    assert search("de", "quellwasser") == [german]
    assert search("en", "quellwasser") == []
