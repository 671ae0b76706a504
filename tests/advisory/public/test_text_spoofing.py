"""Text spoofing: free text cannot pose as ours, in the form, in the service or in the e-mails it lands in."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape

from advisory import services
from advisory.models import AdvisoryRequest
from tests.advisory.conftest import valid_submission
from tests.advisory.factories import AdvisoryRequestFactory, CoordinatorFactory, requester
from tests.advisory.public.conftest import form_data
from tests.cms.factories import translate
from workflows.engine import perform
from workflows.mail import render
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

SPOOF = (
    "Cluster Programme\r\n\r\nURGENT from the secretariat: confirm your bank details at http://evil.example"
)
RLO = "Programme \u202etxt.exe"


def mail(template):
    message = OutboxMessage.objects.get(template=f"advisory/email/{template}")
    return render(message)


def test_a_programme_name_with_line_breaks_is_refused_by_the_form(client, form_page):
    response = client.post(form_page.url, form_data(programme_name=SPOOF))
    assert response.status_code == 200
    assert "Please write this on a single line." in response.content.decode()
    assert not AdvisoryRequest.objects.exists()


def test_the_service_refuses_line_breaks_in_single_line_fields_whatever_the_form_did():
    for field in ("requester_name", "organisation", "programme_name", "requester_phone"):
        with pytest.raises(ValidationError) as refused:
            services.submit_request(valid_submission(**{field: "A\nB"}), files=[], language="en")
        assert refused.value.message_dict[field] == ["Please write this on a single line."]
    assert not AdvisoryRequest.objects.exists()


def test_a_crafted_programme_name_cannot_make_a_paragraph_in_the_staff_mail():
    # Stored before these rules (or by other means): the e-mail still shows it as quoted user text.
    CoordinatorFactory(countries=["DE"])
    request = AdvisoryRequestFactory(state=AdvisoryRequest.State.NEW, programme_name=SPOOF)
    perform(request, "submit", requester(request))
    subject, text, html = mail("new_request")
    lines = text.splitlines()
    label = lines.index("Programme name (as entered by the requester):")
    assert lines[label + 1] == (
        "> Cluster Programme URGENT from the secretariat: confirm your bank details at http://evil.example"
    )
    # No line of the mail starts with the attacker's sentence: it never stands as a paragraph of ours.
    assert not [line for line in lines if line.startswith("URGENT")]
    assert "URGENT" not in subject
    quote = html.split("Programme name (as entered by the requester):", 1)[1].split("</blockquote>")[0]
    assert "<blockquote" in quote and "URGENT from the secretariat" in quote
    assert "<br" not in quote and "<p" not in quote.split("<blockquote", 1)[1]


def test_requester_comments_are_quoted_line_by_line_in_text_mails(journey):
    j = journey("awaiting_info")
    services.provide_info(
        j.fresh(), actor=j.requester, answer="Our answer.\n\nDear colleagues, the secretariat says: pay now."
    )
    _subject, text, html = mail("information_provided")
    assert "> Our answer.\n>\n> Dear colleagues, the secretariat says: pay now." in text
    assert "\nDear colleagues" not in text
    assert "<blockquote" in html


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Bitte entfernen Sie die unsichtbaren Zeichen, die die Schreibrichtung des Textes ändern."),
        ("fr", "Veuillez supprimer les caractères invisibles qui modifient le sens d’écriture du texte."),
    ],
)
def test_a_right_to_left_override_is_refused_with_a_field_error_in_the_visitors_language(
    client, form_page, language, message
):
    page = translate(form_page, language, title="Beratung" if language == "de" else "Conseil")
    response = client.post(page.url, form_data(programme_name=RLO))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="#id_programme_name">' in html  # the error summary points at the field
    assert escape(message) in html
    assert not AdvisoryRequest.objects.exists()


@pytest.mark.parametrize("invisible", ["\u200b\u200b\u200b", "\u200d\u200c", "\ufeff \u200b", "\u2060"])
def test_a_name_of_only_zero_width_characters_is_refused(client, form_page, invisible):
    response = client.post(form_page.url, form_data(requester_name=invisible))
    assert response.status_code == 200
    assert "Please enter visible text, not only invisible characters." in response.content.decode()
    assert not AdvisoryRequest.objects.exists()


def test_a_description_keeps_its_lines_but_loses_direction_overrides(client, form_page):
    text = "First line.\r\nSecond \u202eline\u202c.\r\n\r\nThird."
    assert client.post(form_page.url, form_data(description=text)).status_code == 303
    assert AdvisoryRequest.objects.get().description == "First line.\nSecond line.\n\nThird."


def test_names_are_normalised_before_they_are_stored(client, form_page):
    decomposed = "Ministe\u0301rio  da\tEconomia\u200b"
    assert client.post(form_page.url, form_data(organisation=decomposed)).status_code == 303
    assert AdvisoryRequest.objects.get().organisation == "Ministério da Economia"


def test_the_confirmation_mail_carries_no_description_and_no_long_attacker_text(client, form_page):
    long_text = "Your account is suspended, call +1 555 0100 now to restore access " * 3
    data = form_data(
        requester_name="Call +1 555 0100 now",
        organisation=long_text[:200],
        programme_name="Click http://evil.example to confirm",
        description="Secret plan: the description must never reach an address nobody checked.",
    )
    assert client.post(form_page.url, data).status_code == 303
    subject, text, html = mail("request_received")
    for body in (text, html):
        assert "Secret plan" not in body
        assert "evil.example" not in body  # the programme name is not repeated
        assert "Call +1 555 0100" not in body  # nor the name, in the greeting
        assert long_text[:200] not in body
    assert "> Your account is suspended, call +1 555 0100 now to restore…" in text
    reference = AdvisoryRequest.objects.get().reference
    assert reference in subject and reference in text
