"""Reference numbers, default data from the migrations, and the small things models say about themselves."""

import importlib
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.snippets.models import get_snippet_models

from advisory.choices import CertificationType, LanguageCode
from advisory.models import (
    AdvisoryRequest,
    Certification,
    ExpertiseArea,
    Language,
    NetworkCountry,
    ReferenceCounter,
)
from advisory.roles import COORDINATORS, EXPERTS, LEAD_COORDINATORS
from tests.advisory.factories import AdvisoryRequestFactory, ExpertFactory, UnavailablePeriodFactory, country

pytestmark = pytest.mark.django_db

# fmt: off
EU = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}
# fmt: on


def test_references_are_sequential_per_year_and_padded():
    assert ReferenceCounter.next_reference(2026) == "ADV-2026-0001"
    assert ReferenceCounter.next_reference(2026) == "ADV-2026-0002"
    assert ReferenceCounter.next_reference(2027) == "ADV-2027-0001"
    ReferenceCounter.objects.filter(year=2026).update(last=9999)
    assert ReferenceCounter.next_reference(2026) == "ADV-2026-10000"


def test_many_references_never_repeat():
    references = [ReferenceCounter.next_reference(2030) for _ in range(200)]
    assert len(set(references)) == 200


def test_the_network_starts_with_the_27_member_states():
    assert {c.code for c in NetworkCountry.objects.all()} == EU
    assert NetworkCountry.objects.active().count() == 27


def test_country_names_are_translated():

    with translation.override("de"):
        assert str(country("DE")) == "Deutschland"
    assert str(country("DE")) == "Germany"


def test_default_expertise_areas_in_english():
    names = set(ExpertiseArea.objects.canonical().values_list("name", flat=True))
    assert names == {
        "Programme design",
        "Programme evaluation",
        "Cluster benchmarking",
        "Cluster management excellence",
        "Internationalisation",
        "Smart specialisation",
        "Cross-sector innovation",
        "Cluster manager training",
    }


def test_a_row_for_every_language_and_certification():
    assert set(Language.objects.values_list("code", flat=True)) == set(LanguageCode.values)
    assert set(Certification.objects.values_list("code", flat=True)) == set(CertificationType.values)
    assert str(Language.objects.get(code="de")) == "German"


def test_the_site_languages_are_working_languages():
    assert {code for code, _name in settings.LANGUAGES} <= set(LanguageCode.values)


def test_advisory_groups_have_admin_access():
    for name in (COORDINATORS, LEAD_COORDINATORS, EXPERTS):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert "access_admin" in codenames
    lead_codenames = set(
        Group.objects.get(name=LEAD_COORDINATORS).permissions.values_list("codename", flat=True)
    )
    assert {"add_expert", "change_expertisearea", "change_networkcountry"} <= lead_codenames
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        assert not editors.permissions.filter(content_type__app_label="advisory").exists()


def test_str():
    assert str(AdvisoryRequestFactory(state="new", organisation="Acme")) == "Request by Acme (not submitted)"
    request = AdvisoryRequestFactory()
    assert str(request) == request.reference
    expert = ExpertFactory(name="Ana Silva")
    assert str(expert) == "Ana Silva"
    assert "Ana Silva" in str(UnavailablePeriodFactory(expert=expert))


def test_unavailable_period_validation_and_overlap():

    period = UnavailablePeriodFactory.build(start=date(2027, 1, 10), end=date(2027, 1, 5))
    with pytest.raises(ValidationError):
        period.clean()
    period = UnavailablePeriodFactory.build(start=date(2027, 1, 10), end=date(2027, 1, 20))
    assert period.overlaps(date(2027, 1, 20), date(2027, 2, 1))
    assert not period.overlaps(date(2027, 1, 21), date(2027, 2, 1))


def test_the_state_field_is_protected():
    request = AdvisoryRequestFactory()
    with pytest.raises(AttributeError):
        request.state = AdvisoryRequest.State.CLOSED


def test_expertise_area_is_a_registered_snippet():

    assert ExpertiseArea in get_snippet_models()


def test_the_default_areas_come_in_every_language_and_a_second_run_changes_nothing():
    translations = importlib.import_module("advisory.migrations.0008_reference_data_translations")
    design = ExpertiseArea.objects.canonical().get(code="programme-design")
    german = ExpertiseArea.objects.get(translation_key=design.translation_key, locale__language_code="de")
    assert german.name == "Programmgestaltung" and german.code == "programme-design"
    for language in ("de", "fr", "es", "it", "pl"):
        assert ExpertiseArea.objects.filter(locale__language_code=language).count() == 8, language
    # A translator's own word stays; a deleted translation comes back; nothing is doubled.
    german.name = "Gestaltung von Förderprogrammen"
    german.save()
    ExpertiseArea.objects.filter(locale__language_code="pl", code="internationalisation").delete()
    before = ExpertiseArea.objects.count()

    translations.create_translations(django_apps, None)

    german.refresh_from_db()
    assert german.name == "Gestaltung von Förderprogrammen"
    assert ExpertiseArea.objects.count() == before + 1
    polish = ExpertiseArea.objects.get(locale__language_code="pl", code="internationalisation")
    assert polish.name == "Internacjonalizacja"


def test_localised_names_in_one_query(django_assert_num_queries):
    with translation.override("pl"):
        areas = ExpertiseArea.objects.canonical().order_by("code")
        list(areas)  # the default locale, read once
        with django_assert_num_queries(1):
            names = [area.localised_name for area in areas.localised()]
    assert names[:2] == ["Benchmarking klastrów", "Doskonałość w zarządzaniu klastrami"]
