"""The locale guard before serving a page, and the snippets registered in the admin."""

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from cms.wagtail_hooks import refuse_page_of_another_language
from tests.cms.factories import ProgrammeFactory, TopicFactory, english_home, home_in

pytestmark = pytest.mark.django_db


class TestRefusePageOfAnotherLanguage:
    def test_page_of_the_active_language_is_served(self, rf):
        with translation.override("en"):
            assert refuse_page_of_another_language(english_home(), rf.get("/en/"), [], {}) is None
        with translation.override("de"):
            assert refuse_page_of_another_language(home_in("de"), rf.get("/de/"), [], {}) is None

    @pytest.mark.parametrize("language", ["de", "fr", "pl"])
    def test_page_of_another_language_is_not_found(self, rf, language):
        with translation.override(language), pytest.raises(Http404):
            refuse_page_of_another_language(english_home(), rf.get(f"/{language}/"), [], {})


class TestSnippets:
    @pytest.mark.parametrize(
        ("factory", "model_name"), [(ProgrammeFactory, "programme"), (TopicFactory, "topic")]
    )
    def test_listed_in_the_admin(self, admin, factory, model_name):
        item = factory(name="Horizon Europe")
        response = admin.get(reverse(f"wagtailsnippets_cms_{model_name}:list"))
        assert response.status_code == 200
        assert "Horizon Europe" in response.content.decode()
        assert str(item) == "Horizon Europe"
