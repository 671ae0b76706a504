"""Migration 0005: organisation texts move into the English SiteTexts; bare documents get titles."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from wagtail.models import Locale, Site

from cms.models import SiteTexts

migration = import_module("cms.migrations.0005_site_texts_and_how_to_apply")


def test_a_bare_document_becomes_a_document_without_a_title_of_its_own():
    stream = [
        {"type": "document", "value": 7, "id": "a"},
        {"type": "page", "value": 3, "id": "b"},
        {"type": "document", "value": {"document": 8, "title": "Guide"}, "id": "c"},
    ]
    assert migration.WrapDocumentOperation().apply(stream) == [
        {"type": "document", "value": {"document": 7, "title": ""}, "id": "a"},
        {"type": "page", "value": 3, "id": "b"},
        {"type": "document", "value": {"document": 8, "title": "Guide"}, "id": "c"},
    ]


class Registry:
    """The models the migration asks for: SiteSettings as it was before 0005 (a row with the texts)."""

    def __init__(self, rows):
        self.models = {
            "SiteSettings": SimpleNamespace(objects=SimpleNamespace(all=lambda: rows)),
            "SiteTexts": SiteTexts,
            "Locale": Locale,
        }

    def get_model(self, app_label, model_name):
        return self.models[model_name]


@pytest.mark.django_db
def test_the_texts_of_each_site_become_its_english_site_texts_once():
    site = Site.objects.get(is_default_site=True)
    before = SimpleNamespace(
        site_id=site.pk,
        organisation_name="Cluster Secretariat",
        footer_text="A network of experts.",
        address="Steinplatz 1\nBerlin\nGermany",
    )
    registry = Registry([before])
    migration.move_texts_to_snippet(registry, None)
    migration.move_texts_to_snippet(registry, None)
    [texts] = SiteTexts.objects.filter(site=site)
    assert texts.locale.language_code == "en"
    assert (texts.organisation_name, texts.footer_text, texts.address) == (
        "Cluster Secretariat",
        "A network of experts.",
        "Steinplatz 1\nBerlin\nGermany",
    )
    assert texts.tagline == "" and texts.copyright == ""
