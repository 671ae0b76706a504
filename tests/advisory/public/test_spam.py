"""Spam defence: the honeypot fakes a success and stores nothing; submissions are rate-limited per IP."""

import logging

import pytest
from django.test import RequestFactory, override_settings

from advisory import spam
from advisory.models import AdvisoryRequest, Attachment
from tests.advisory.factories import upload
from tests.advisory.public.conftest import form_data
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db


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
def test_submissions_beyond_the_hourly_limit_are_refused_with_429_keeping_the_data(client, form_page):
    for _ in range(2):
        assert client.post(form_page.url, form_data()).status_code == 303
    response = client.post(form_page.url, form_data(organisation="Regional Agency North"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please try again later" in html
    assert 'value="Regional Agency North"' in html
    assert 'class="error-summary"' in html
    assert AdvisoryRequest.objects.count() == 2


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1)
def test_the_limit_is_per_client_address(client, form_page):
    assert client.post(form_page.url, form_data(), REMOTE_ADDR="203.0.113.5").status_code == 303
    assert client.post(form_page.url, form_data(), REMOTE_ADDR="203.0.113.5").status_code == 429
    assert client.post(form_page.url, form_data(), REMOTE_ADDR="198.51.100.7").status_code == 303


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1)
def test_invalid_attempts_do_not_use_up_the_allowance(client, form_page):
    for _ in range(3):
        assert client.post(form_page.url, form_data(requester_name="")).status_code == 200
    assert client.post(form_page.url, form_data()).status_code == 303


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1)
def test_the_rate_limit_message_is_translated(client, german_page):
    from django.utils import translation
    from django.utils.html import escape

    client.post(german_page.url, form_data())
    response = client.post(german_page.url, form_data())
    assert response.status_code == 429
    with translation.override("de"):
        expected = escape(
            translation.gettext(
                "We have received several requests from your network within the last hour. "
                "Please try again later: your entries are kept below."
            )
        )
    assert expected in response.content.decode()


def test_the_window_expires():
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    limit = spam.RateLimit("test", "ADVISORY_SUBMISSIONS_PER_HOUR")
    with override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1):
        limit.hit(request)
        assert limit.exceeded(request)
        from django.core.cache import cache

        cache.delete(limit._key(request))  # what the cache does after an hour
        assert not limit.exceeded(request)


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        ("10.0.0.1", "", 0, "10.0.0.1"),
        ("10.0.0.1", "203.0.113.9", 0, "10.0.0.1"),  # not behind a proxy: the header may be forged
        ("10.0.0.1", "198.51.100.1, 203.0.113.9", 1, "203.0.113.9"),  # the entry our proxy added
        ("10.0.0.1", "203.0.113.9", 2, "10.0.0.1"),  # fewer entries than proxies: not trusted
        ("not-an-ip", "", 0, "unknown"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(remote, forwarded, trusted, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(ADVISORY_TRUSTED_PROXY_COUNT=trusted):
        assert spam.client_ip(request) == expected


def test_ipv6_clients_are_grouped_by_their_prefix():
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2::ffff")
    elsewhere = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:3::1")
    assert spam._client_key(one) == spam._client_key(other) != spam._client_key(elsewhere)
