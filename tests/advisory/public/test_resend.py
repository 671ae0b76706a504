"""Resending tracking links: one neutral answer whether or not a request exists; rate-limited."""

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape

from advisory.models import AdvisoryRequest
from tests.advisory.public.conftest import open_link
from workflows.engine import perform
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

NEUTRAL = "If we have open requests for this address, we&#x27;ve sent the links again."


def resend(client, page, email, **extra):
    return client.post(page.url + "track/resend/", {"email": email}, **extra)


def links_sent():
    return OutboxMessage.objects.filter(template="advisory/email/tracking_link")


def test_the_answer_is_the_same_whether_or_not_a_request_exists(client, form_page, journey):
    j = journey("screening")
    known = resend(client, form_page, j.request.requester_email.upper())
    assert known.status_code == 303
    known_page = client.get(known["Location"]).content.decode()
    assert links_sent().count() == 1
    assert open_link(client, form_page, j.token).status_code == 303  # the link they hold keeps working

    unknown = resend(client, form_page, "nobody@example.org")
    assert unknown.status_code == 303 and unknown["Location"] == known["Location"]
    unknown_page = client.get(unknown["Location"]).content.decode()
    assert links_sent().count() == 1
    assert NEUTRAL in known_page and NEUTRAL in unknown_page


def test_the_address_must_be_valid(client, form_page):
    response = resend(client, form_page, "not-an-address")
    assert response.status_code == 200
    assert 'id="id_email_error"' in response.content.decode()


def test_closed_requests_get_no_new_link(client, form_page, journey):
    j = journey("screening")

    perform(j.fresh(), "withdraw", j.requester, comment="No longer needed.")
    resend(client, form_page, j.request.requester_email)
    assert not links_sent().exists()
    assert AdvisoryRequest.find_by_token(j.token) is not None


@override_settings(ADVISORY_RESENDS_PER_HOUR=2)
def test_resending_is_rate_limited(client, german_page):
    for _ in range(2):
        assert resend(client, german_page, "someone@example.org").status_code == 303
    response = resend(client, german_page, "someone@example.org")
    assert response.status_code == 429
    with translation.override("de"):
        expected = escape(
            translation.gettext(
                "Too many attempts from your network within the last hour. Please try again later."
            )
        )
    assert expected in response.content.decode()
    # Refused before the post was read: nothing of it comes back.
    assert 'value="someone@example.org"' not in response.content.decode()


def test_the_resend_page_is_private(client, form_page):
    response = client.get(form_page.url + "track/resend/")
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "same-origin"  # it posts a form: see test_tracking
