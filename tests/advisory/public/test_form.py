"""The public request form: every validation, shown next to its field in the visitor's language."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from advisory.models import AdvisoryRequest, Attachment, ExpertiseArea, NetworkCountry
from tests.advisory.factories import (
    ELF_BYTES,
    PDF_BYTES,
    area,
    docm_bytes,
    docx_bytes,
    odt_bytes,
    upload,
    xlsx_bytes,
)
from tests.advisory.public.conftest import form_data, translate

pytestmark = pytest.mark.django_db


def post(client, page, data, files=None):
    payload = dict(data)
    if files is not None:
        payload["attachments"] = files
    return client.post(page.url, payload)


def errors_of(response, field):
    """The error messages shown next to one field (its `<div id="id_<field>_error">`)."""
    html = response.content.decode()
    match = re.search(rf'<div class="field__errors" id="id_{field}_error">(.*?)</div>', html, re.S)
    return match.group(1) if match else ""


def in_german(message):
    with translation.override("de"):
        return escape(gettext(message))


# Rendering ----------------------------------------------------------------------------------


def test_the_form_offers_active_network_countries_in_the_visitors_language(client, german_page):
    malta = NetworkCountry.objects.get(country="MT")
    malta.active = False
    malta.save()
    html = client.get(german_page.url).content.decode()
    assert ">Deutschland<" in html and ">Österreich<" in html
    assert ">Malta<" not in html
    # Sorted as people read them: Österreich under O, after Niederlande.
    assert html.index(">Niederlande<") < html.index(">Österreich<") < html.index(">Polen<")


def test_expertise_areas_are_shown_in_the_visitors_language_with_english_fallback(client, german_page):
    # An area an administrator added in English and has not translated yet.
    ExpertiseArea.objects.create(name="Digital transition", code="digital-transition")
    html = client.get(german_page.url).content.decode()
    assert ">Programmgestaltung<" in html  # translated
    assert ">Intelligente Spezialisierung<" in html
    assert ">Digital transition<" in html  # not translated yet: English
    assert ">Programme design<" not in html and ">Smart specialisation<" not in html


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("de", ["Programmgestaltung", "Cluster-Benchmarking", "Internationalisierung"]),
        ("fr", ["Conception de programmes", "Benchmarking de clusters", "Spécialisation intelligente"]),
        ("es", ["Diseño de programas", "Evaluación de programas", "Innovación intersectorial"]),
        ("it", ["Progettazione di programmi", "Formazione dei cluster manager", "Internazionalizzazione"]),
        ("pl", ["Projektowanie programów", "Benchmarking klastrów", "Inteligentna specjalizacja"]),
    ],
)
def test_the_default_areas_come_translated_into_every_site_language(client, form_page, language, names):
    page = translate(form_page, language, title=f"Form {language}")
    html = client.get(page.url).content.decode()
    for name in names:
        assert f">{escape(name)}<" in html
    for english in ("Programme design", "Cluster benchmarking", "Smart specialisation"):
        assert f">{english}<" not in html


def test_required_fields_are_marked_in_words_and_help_is_tied_to_its_field(client, form_page):
    html = client.get(form_page.url).content.decode()
    assert re.search(r'for="id_requester_name">Your name <span class="field__required">\(required\)', html)
    assert 'aria-describedby="id_requester_email_helptext"' in html
    assert 'id="id_requester_email_helptext"' in html
    assert re.search(r"<legend[^>]*>About you</legend>", html)
    assert re.search(r'<fieldset class="field field--group"[^>]*>\s*<legend class="field__label">Level', html)
    assert 'type="file" name="attachments"' in html and "multiple" in html


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, form_page):
    html = client.get(form_page.url).content.decode()
    match = re.search(r'<div class="hp-field" aria-hidden="true">(.*?)</div>', html, re.S)
    assert match
    field = match.group(1)
    assert 'name="website"' in field and 'tabindex="-1"' in field and 'autocomplete="off"' in field


def test_the_working_language_defaults_to_the_visitors(client, german_page):
    html = client.get(german_page.url).content.decode()
    assert re.search(r'<option value="de" selected>', html)


# Errors -------------------------------------------------------------------------------------

REQUIRED = [
    "requester_name",
    "requester_email",
    "organisation",
    "country",
    "programme_name",
    "programme_level",
    "service_type",
    "description",
    "working_language",
    "budget_band",
    "privacy_consent",
]


@pytest.mark.parametrize("field", REQUIRED)
def test_each_required_field_is_required(client, form_page, field):
    response = post(client, form_page, form_data(**{field: None}))
    assert response.status_code == 200
    assert errors_of(response, field)
    assert not AdvisoryRequest.objects.exists()


def test_optional_fields_may_stay_empty(client, form_page):
    data = form_data(requester_phone="", expertise_areas=None, desired_start="", desired_end="")
    response = post(client, form_page, data)
    assert response.status_code == 303
    assert AdvisoryRequest.objects.get().expertise_areas.count() == 0


def test_errors_are_summarised_at_the_top_with_links_to_their_fields(client, form_page):
    response = post(client, form_page, form_data(requester_name="", programme_level=None))
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'href="#id_requester_name"' in summary
    assert 'href="#id_programme_level_0"' in summary  # the first radio of the group
    assert "<title>Error:" in html
    assert 'aria-invalid="true" aria-describedby="id_requester_name_error"' in html


def test_errors_are_shown_in_german_under_de(client, german_page):
    start = timezone.localdate() + timedelta(days=30)
    data = form_data(
        requester_name="",
        requester_email="nicht-gueltig",
        desired_start=start.isoformat(),
        desired_end=(start - timedelta(days=1)).isoformat(),
        privacy_consent=None,
    )
    response = post(client, german_page, data)
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Dieses Feld ist zwingend erforderlich." in errors_of(response, "requester_name")
    assert "Bitte gültige E-Mail-Adresse eingeben." in errors_of(response, "requester_email")
    assert in_german("The desired end cannot be before the desired start.") in errors_of(
        response, "desired_end"
    )
    assert in_german("Please agree to the processing of your data to submit the request.") in errors_of(
        response, "privacy_consent"
    )


def test_errors_are_shown_in_english_under_en(client, form_page):
    response = post(client, form_page, form_data(requester_name=""))
    assert "This field is required." in errors_of(response, "requester_name")


def test_nothing_entered_is_lost_on_error(client, form_page):
    start = timezone.localdate() + timedelta(days=10)
    data = form_data(
        privacy_consent=None,
        requester_phone="+49 30 999",
        desired_start=start.isoformat(),
        expertise_areas=[str(area("internationalisation").pk), str(area("programme-design").pk)],
        description="Line one\nLine two",
    )
    html = post(client, form_page, data).content.decode()
    assert 'value="Maria Muster"' in html
    assert 'value="+49 30 999"' in html
    assert f'value="{start.isoformat()}"' in html
    assert "Line one\nLine two</textarea>" in html
    assert re.search(r'value="national"[^>]*checked', html)
    assert re.search(rf'value="{area("internationalisation").pk}"[^>]*checked', html)
    assert re.search(r'<option value="programme_development" selected>', html)


def test_the_period_must_not_start_in_the_past(client, form_page):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = post(client, form_page, form_data(desired_start=yesterday.isoformat()))
    assert "cannot be in the past" in errors_of(response, "desired_start")


def test_the_period_may_start_today_and_end_the_same_day(client, form_page):
    today = timezone.localdate().isoformat()
    response = post(client, form_page, form_data(desired_start=today, desired_end=today))
    assert response.status_code == 303


def test_the_period_must_end_after_it_starts(client, form_page):
    start = timezone.localdate() + timedelta(days=20)
    data = form_data(desired_start=start.isoformat(), desired_end=(start - timedelta(days=5)).isoformat())
    response = post(client, form_page, data)
    assert "before the desired start" in errors_of(response, "desired_end")


def test_an_inactive_country_is_refused(client, form_page):
    malta = NetworkCountry.objects.get(country="MT")
    malta.active = False
    malta.save()
    response = post(client, form_page, form_data(country=str(malta.pk)))
    assert errors_of(response, "country")


def test_unknown_choices_are_refused(client, form_page):
    response = post(client, form_page, form_data(service_type="astrology", programme_level="galactic"))
    assert errors_of(response, "service_type") and errors_of(response, "programme_level")


# Files --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brief.pdf", PDF_BYTES),
        ("terms.docx", None),
        ("budget.xlsx", None),
        ("notes.odt", None),
    ],
)
def test_each_allowed_document_type_is_accepted(client, form_page, name, content):
    content = content or {"docx": docx_bytes, "xlsx": xlsx_bytes, "odt": odt_bytes}[name.rsplit(".", 1)[1]]()
    response = post(client, form_page, form_data(), [upload(name, content)])
    assert response.status_code == 303
    assert Attachment.objects.get().original_name == name


def test_an_executable_named_pdf_is_refused_by_its_content(client, form_page):
    response = post(client, form_page, form_data(), [upload("invoice.pdf", ELF_BYTES)])
    errors = errors_of(response, "attachments")
    assert "is a program, not a document" in errors
    assert "select them again" in errors  # the browser cannot keep files
    assert not AdvisoryRequest.objects.exists() and not Attachment.objects.exists()


def test_a_macro_document_is_refused(client, form_page):
    response = post(client, form_page, form_data(), [upload("terms.docx", docm_bytes())])
    assert "is not a PDF, DOCX, XLSX or ODT document" in errors_of(response, "attachments")


@override_settings(ADVISORY_MAX_UPLOAD_SIZE=1024)
def test_a_file_over_the_size_limit_is_refused(client, form_page):
    big = PDF_BYTES + b"%" + b"0" * 2048
    response = post(client, form_page, form_data(), [upload("big.pdf", big)])
    assert "files may be at most" in errors_of(response, "attachments")
    assert not AdvisoryRequest.objects.exists()


def test_more_than_five_files_are_refused(client, form_page):
    files = [upload(f"part{n}.pdf") for n in range(6)]
    response = post(client, form_page, form_data(), files)
    assert "at most 5 files" in errors_of(response, "attachments")
    assert not AdvisoryRequest.objects.exists()


def test_five_files_are_accepted(client, form_page):
    files = [upload(f"part{n}.pdf") for n in range(5)]
    assert post(client, form_page, form_data(), files).status_code == 303
    assert Attachment.objects.count() == 5


def test_files_must_be_selected_again_after_any_error(client, form_page):
    response = post(client, form_page, form_data(requester_name=""), [upload("brief.pdf")])
    assert "select them again" in errors_of(response, "attachments")
    assert not Attachment.objects.exists()
