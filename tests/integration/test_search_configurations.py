"""The text-search configurations PostgreSQL gets after migrate (cms.search.postgres)."""

import pytest
from django.db import connection

from cms.search.postgres import ensure_configurations

pytestmark = [pytest.mark.integration, pytest.mark.services("postgresql"), pytest.mark.django_db]


def vector(config, text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector(%s::regconfig, %s)::text", [config, text])
        return cursor.fetchone()[0]


def test_enabled_languages_stem_after_unaccenting():
    assert vector("cms_de", "Konferenzen in Brüssel") == "'brussel':3 'konferenz':1"
    assert vector("cms_fr", "études de coopération") == "'cooper':3 'etud':1"


def test_languages_not_enabled_have_theirs_too_so_enabling_one_needs_no_migrate():
    # The test settings enable en, de, fr, es, it and pl.
    assert vector("cms_el", "Συνέδρια") == "'συνεδρ':1"
    assert vector("cms_nl", "Netwerken") == "'netwerk':1"


def test_the_simple_configuration_folds_only():
    assert vector("cms_simple", "Współpraca Klastrów") == "'klastrow':2 'wspolpraca':1"


def test_making_them_again_makes_nothing():
    assert ensure_configurations() == []
