"""Spam defence: the honeypot fakes a success and stores nothing; submissions are rate-limited per client
address (behind the configured proxies) and per e-mail address, before a limited post is even read."""

import logging
import os
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.utils import translation
from django.utils.html import escape

from advisory.models import AdvisoryRequest, Attachment
from tests.advisory.factories import upload
from tests.advisory.public.conftest import form_data
from tests.support import clear_our_cache
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

LIMITED = (
    "We have received several requests from your network within the last hour. Please try again "
    "later. What you entered was not sent; your browser's back button may still have it."
)
EMAIL_LIMITED = (
    "We have received several requests for this e-mail address today. Please try again tomorrow, "
    "or write to the secretariat."
)


def test_a_filled_honeypot_looks_like_success_and_stores_nothing(client, form_page, caplog):
    caplog.set_level(logging.INFO, logger="advisory.security")
    data = {**form_data(website="http://cheap-pills.example"), "attachments": [upload("brief.pdf")]}
    response = client.post(form_page.url, data)
    assert response.status_code == 303
    assert response["Location"] == form_page.url + "thanks/"
    html = client.get(response["Location"]).content.decode()
    assert "Thank you for your request" in html and "ADV-" in html
    assert not AdvisoryRequest.objects.exists()
    assert not Attachment.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert any("honeypot" in record.getMessage() for record in caplog.records)


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=2)
def test_submissions_beyond_the_hourly_limit_are_refused_with_429(client, form_page):
    for number in range(2):
        assert (
            client.post(form_page.url, form_data(requester_email=f"p{number}@x.example")).status_code == 303
        )
    response = client.post(form_page.url, form_data(organisation="Regional Agency North"))
    assert response.status_code == 429
    html = response.content.decode()
    assert escape(LIMITED) in html
    assert 'class="error-summary"' in html
    assert AdvisoryRequest.objects.count() == 2


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1)
def test_the_limit_is_per_client_address(client, form_page):
    post = form_data(requester_email="one@x.example")
    assert client.post(form_page.url, post, REMOTE_ADDR="203.0.113.5").status_code == 303
    assert client.post(form_page.url, post, REMOTE_ADDR="203.0.113.5").status_code == 429
    other = form_data(requester_email="two@x.example")
    assert client.post(form_page.url, other, REMOTE_ADDR="198.51.100.7").status_code == 303


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1)
def test_invalid_attempts_do_not_use_up_the_allowance(client, form_page):
    for _ in range(3):
        assert client.post(form_page.url, form_data(requester_name="")).status_code == 200
    assert client.post(form_page.url, form_data()).status_code == 303


@override_settings(ADVISORY_FORM_POSTS_PER_HOUR=3)
def test_invalid_posts_are_limited_too_so_a_client_cannot_post_without_end(client, form_page):
    for _ in range(3):
        assert client.post(form_page.url, form_data(requester_name="")).status_code == 200
    assert client.post(form_page.url, form_data()).status_code == 429
    assert not AdvisoryRequest.objects.exists()


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1)
def test_the_rate_limit_message_is_translated(client, german_page):
    client.post(german_page.url, form_data())
    response = client.post(german_page.url, form_data())
    assert response.status_code == 429
    html = response.content.decode()
    assert "Wir haben in der letzten Stunde mehrere Anfragen aus Ihrem Netzwerk erhalten" in html
    assert 'lang="de"' in html


@override_settings(ADVISORY_SUBMISSIONS_PER_EMAIL_PER_DAY=2)
def test_one_address_cannot_be_flooded_with_confirmations_from_many_networks(client, form_page):
    victim = "victim@agency.example"
    for number in range(2):
        response = client.post(
            form_page.url, form_data(requester_email=victim), REMOTE_ADDR=f"192.0.2.{number}"
        )
        assert response.status_code == 303
    response = client.post(
        form_page.url,
        form_data(requester_email=victim.upper(), organisation="Agency"),
        REMOTE_ADDR="192.0.2.9",
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert escape(EMAIL_LIMITED) in html
    assert 'value="Agency"' in html  # read and validated: the entries are kept
    assert AdvisoryRequest.objects.filter(requester_email__iexact=victim).count() == 2
    assert OutboxMessage.objects.filter(template="advisory/email/request_received").count() == 2
    # The refused post gave its network's allowance back: another address still goes through.
    other = client.post(form_page.url, form_data(requester_email="x@y.example"), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 303


@override_settings(ADVISORY_RESENDS_PER_EMAIL_PER_DAY=1)
def test_resends_to_one_address_are_limited_per_day_whatever_the_network(client, form_page, journey):
    j = journey("screening")
    url = form_page.url + "track/resend/"
    email = j.request.requester_email
    assert client.post(url, {"email": email}, REMOTE_ADDR="192.0.2.1").status_code == 303
    response = client.post(url, {"email": email}, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 429
    assert escape(EMAIL_LIMITED) in response.content.decode()
    assert OutboxMessage.objects.filter(template="advisory/email/tracking_link").count() == 1


@pytest.mark.parametrize("language", ["en", "de"])
@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1)
def test_a_limited_post_is_refused_before_its_uploads_are_parsed(form_page, german_page, language):
    # With CSRF checks on, as in production: CsrfViewMiddleware reads request.POST, which parses the
    # whole multipart body, so the limit must be decided before it.
    form_page = german_page if language == "de" else form_page
    client = Client(enforce_csrf_checks=True)
    client.get(form_page.url)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    data = {**form_data(), "csrfmiddlewaretoken": token}
    assert client.post(form_page.url, {**data, "attachments": [upload("brief.pdf")]}).status_code == 303

    parse = mock.Mock(side_effect=AssertionError("the body of a limited post was parsed"))
    with mock.patch("django.http.multipartparser.MultiPartParser.parse", parse):
        response = client.post(form_page.url, {**data, "attachments": [upload("second.pdf")]})
    assert response.status_code == 429
    assert not parse.called
    assert Attachment.objects.count() == 1


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1, TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_two_clients_are_limited_separately(client, form_page):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    first = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    second = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert client.post(form_page.url, form_data(requester_email="a@x.example"), **first).status_code == 303
    assert client.post(form_page.url, form_data(requester_email="b@x.example"), **first).status_code == 429
    # Not blocked by the first client, though both reach us from the proxy's address.
    assert client.post(form_page.url, form_data(requester_email="c@x.example"), **second).status_code == 303


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1, TRUSTED_PROXY_COUNT=1)
def test_a_forged_left_most_forwarded_entry_does_not_escape_the_limit(client, form_page):
    # The client sends its own X-Forwarded-For; our proxy appends the address it really came from.
    post = {"REMOTE_ADDR": "10.0.0.2"}
    assert (
        client.post(form_page.url, form_data(), **post, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 303
    )
    for forged in ("192.0.2.77", "192.0.2.78, 198.51.100.1"):
        response = client.post(
            form_page.url, form_data(), **post, HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.5"
        )
        assert response.status_code == 429


def test_the_limits_and_the_proxy_count_come_from_the_environment():
    names = {
        "TRUSTED_PROXY_COUNT": "2",
        "ADVISORY_FORM_POSTS_PER_HOUR": "41",
        "ADVISORY_SUBMISSIONS_PER_HOUR": "7",
        "ADVISORY_SUBMISSIONS_PER_EMAIL_PER_DAY": "4",
        "ADVISORY_RESENDS_PER_HOUR": "9",
        "ADVISORY_RESENDS_PER_EMAIL_PER_DAY": "6",
        "MAX_REQUEST_BODY_SIZE": "1234567",
    }
    script = "from cms.settings import base; print(" + ", ".join(f"base.{name}" for name in names) + ")"
    output = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, **names},
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    ).stdout.split()
    assert output == ["2", "41", "7", "4", "9", "6", "1234567"]


def test_the_window_expires(form_page):
    client = Client()
    with override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1):
        assert client.post(form_page.url, form_data(requester_email="a@x.example")).status_code == 303
        assert client.post(form_page.url, form_data(requester_email="b@x.example")).status_code == 429
        clear_our_cache()  # what the cache does when the hour is over
        with translation.override("en"):
            assert client.post(form_page.url, form_data(requester_email="b@x.example")).status_code == 303
