"""A successful submission: the request, its token, and the confirmation carried in the session."""

import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import translation

from advisory.models import AdvisoryRequest
from advisory.public.views import SESSION_KEY
from tests.advisory.factories import upload
from tests.advisory.public.conftest import form_data
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

TRACKING_LINK = re.compile(r'<a href="(http://testserver/(\w\w)/request-advice/track/#([\w-]+))">\1</a>')


def submit(client, page, **overrides):
    response = client.post(page.url, {**form_data(**overrides), "attachments": [upload("brief.pdf")]})
    assert response.status_code == 303, response.content.decode()[:2000]
    return response


def test_a_submission_creates_a_submitted_request_and_redirects_to_thanks(client, german_page):
    response = submit(client, german_page)
    assert response["Location"] == german_page.url + "thanks/"

    request = AdvisoryRequest.objects.get()
    assert request.state == AdvisoryRequest.State.SUBMITTED
    assert re.fullmatch(r"ADV-\d{4}-\d{4}", request.reference)
    assert request.requester_language == "de"
    assert request.privacy_consent_at is not None
    assert request.country.code == "DE"
    assert [a.original_name for a in request.attachments.all()] == ["brief.pdf"]
    assert list(request.expertise_areas.values_list("code", flat=True)) == ["programme-design"]
    # The engine performed "submit": one audit entry, the e-mails recorded for sending.
    assert OutboxMessage.objects.filter(template="advisory/email/request_received").count() == 1


def test_the_raw_token_never_rests_in_the_session_between_the_form_and_the_confirmation(client, form_page):
    submit(client, form_page)
    token = OutboxMessage.objects.get(template="advisory/email/request_received").payload["tracking_token"]
    stored = Session.objects.get(session_key=client.session.session_key).session_data
    assert token and token not in SessionStore().decode(stored).__repr__()
    # The link still shows once, from the sealed token and the browser's half of the seal.
    assert token in client.get(form_page.url + "thanks/").content.decode()


def test_the_confirmation_shows_no_link_without_the_browsers_half_of_the_seal(client, form_page):
    submit(client, form_page)
    client.cookies.pop("advisory_thanks")
    html = client.get(form_page.url + "thanks/").content.decode()
    assert AdvisoryRequest.objects.get().reference in html and not TRACKING_LINK.search(html)


def test_the_thanks_page_shows_the_reference_and_the_full_tracking_link_once(client, german_page):
    submit(client, german_page)
    request = AdvisoryRequest.objects.get()

    response = client.get(german_page.url + "thanks/")
    html = response.content.decode()
    assert request.reference in html
    link = TRACKING_LINK.search(html)
    assert link and link.group(2) == "de"
    token = link.group(3)
    assert AdvisoryRequest.find_by_token(token) == request
    for header, value in {
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
        "X-Robots-Tag": "noindex",
    }.items():
        assert response[header] == value

    # A reload shows the reference, but the link only in the e-mail: the session forgot the token.
    assert client.session[SESSION_KEY] == {"reference": request.reference}
    again = client.get(german_page.url + "thanks/").content.decode()
    assert request.reference in again
    assert token not in again and not TRACKING_LINK.search(again)


def test_the_tracking_token_is_stored_only_as_its_hash(client, form_page):
    submit(client, form_page)
    token = TRACKING_LINK.search(client.get(form_page.url + "thanks/").content.decode()).group(3)
    request = AdvisoryRequest.objects.get()
    assert request.tracking_token_hash == AdvisoryRequest.hash_token(token)
    row = AdvisoryRequest.objects.filter(pk=request.pk).values().get()
    assert not [name for name, value in row.items() if isinstance(value, str) and token in value]


def test_the_reference_and_token_never_appear_in_the_redirect(client, form_page):
    response = submit(client, form_page)
    request = AdvisoryRequest.objects.get()
    assert request.reference not in response["Location"]
    assert "track" not in response["Location"]


def test_a_reload_after_submitting_does_not_submit_again(client, form_page):
    submit(client, form_page)
    client.get(form_page.url + "thanks/")
    client.get(form_page.url + "thanks/")
    assert AdvisoryRequest.objects.count() == 1


def test_the_thanks_page_is_in_the_language_of_the_submission(client, german_page):
    submit(client, german_page)
    with translation.override("de"):
        html = client.get(german_page.url + "thanks/").content.decode()
    assert '<html lang="de"' in html
