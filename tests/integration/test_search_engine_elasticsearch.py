"""The Elasticsearch engine on a real cluster: the behaviour every engine of the site search shares.

Runs where ELASTICSEARCH_URL points at an Elasticsearch 9 server (and the `elasticsearch` extra is
installed); skips visibly everywhere else, the one skip CI allows. The pages are indexed in an
index of the tests' own (prefix `test_cms_engine_`), deleted afterwards.
"""

import pytest
from django.test import override_settings

from cms.models import SearchDocument
from cms.search import elasticsearch as site_search
from cms.search import engine
from tests.cms.conftest import module_data
from tests.cms.search.engine_behaviour import EngineBehaviour, arbitrary_text_never_fails
from tests.cms.search.engine_pages import make_pages

pytestmark = [
    pytest.mark.integration,
    pytest.mark.elasticsearch,
    pytest.mark.services("elasticsearch"),
    pytest.mark.django_db,
]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    with override_settings(ELASTICSEARCH_INDEX_PREFIX="test_cms_engine_"), module_data(django_db_blocker):
        made = make_pages()
        # Written here whatever the site's indexing sent on publish: the index holds the rows.
        site_search.reset()
        site_search.write_many(SearchDocument.objects.all())
        site_search.refresh()
        yield made
        site_search.drop()


class TestElasticsearchEngine(EngineBehaviour):
    def test_the_engine_is_elasticsearch(self, pages):
        assert engine._engine() is site_search

    test_arbitrary_text_never_fails = arbitrary_text_never_fails(examples=30)
