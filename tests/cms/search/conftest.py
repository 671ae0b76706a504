"""Fixtures of the site search tests: the demo, loaded and indexed once per module."""

from io import StringIO

import pytest
from django.core.management import call_command

from cms.search.index import rebuild
from tests.cms.conftest import module_data


@pytest.fixture(scope="module")
def indexed_demo(django_db_setup, django_db_blocker):
    """The demo content with the site search index rebuilt from it; rolled back after the module.

    Yields the number of documents indexed.
    """
    with pytest.MonkeyPatch.context() as patch, module_data(django_db_blocker):
        patch.delenv("DEMO_PASSWORD", raising=False)
        call_command("load_demo", verbosity=0, stdout=StringIO())
        yield rebuild()
