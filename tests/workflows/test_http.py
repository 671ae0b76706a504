"""HTTP hygiene: the client's address behind proxies, atomic rate limits, requests refused before a view."""

import threading

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from workflows import http

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        ("10.0.0.1", "", 0, "10.0.0.1"),
        ("10.0.0.1", "203.0.113.9", 0, "10.0.0.1"),  # not behind a proxy: the header may be forged
        ("10.0.0.1", "198.51.100.1, 203.0.113.9", 1, "203.0.113.9"),  # the entry our proxy added
        ("10.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.7", 2, "203.0.113.9"),  # two proxies
        ("10.0.0.1", "203.0.113.9", 2, "10.0.0.1"),  # fewer entries than proxies: not trusted
        ("10.0.0.1", "203.0.113.9, not-an-ip", 1, "10.0.0.1"),  # garbage where our proxy writes
        ("not-an-ip", "", 0, "unknown"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(remote, forwarded, trusted, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=trusted):
        assert http.client_ip(request) == expected


def test_ipv6_clients_are_grouped_by_their_prefix():
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2::ffff")
    elsewhere = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:3::1")
    assert http.client_key(one) == http.client_key(other) != http.client_key(elsewhere)


def test_client_keys_do_not_contain_the_address():
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.77")
    assert "203.0.113.77" not in http.client_key(request)


@override_settings(TEST_LIMIT=3)
def test_parallel_hits_cannot_exceed_the_limit():
    limit = http.RateLimit("test-race", "TEST_LIMIT", 99, 60)
    barrier = threading.Barrier(12)
    outcomes = []

    def hit():
        barrier.wait()
        outcomes.append(limit.hit("client"))

    threads = [threading.Thread(target=hit) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(outcomes) == [False] * 9 + [True] * 3


@override_settings(TEST_LIMIT=1)
def test_an_undone_action_frees_its_place_and_the_window_expires():
    limit = http.RateLimit("test-undo", "TEST_LIMIT", 99, 60)
    assert limit.hit("k") and not limit.hit("k")
    limit.undo("k")
    limit.undo("k")
    assert limit.used("k") == 0
    assert limit.hit("k")
    cache.delete("ratelimit:test-undo:k")  # what the cache does when the window is over
    assert limit.hit("k")


# Requests refused before any view ------------------------------------------------------------


@override_settings(MAX_REQUEST_BODY_SIZE=1000)
def test_a_body_over_the_cap_is_refused_with_413_before_it_is_read(client):
    response = client.post("/de/search/", data="x" * 2000, content_type="application/octet-stream")
    assert response.status_code == 413
    html = response.content.decode()
    assert "zu groß" in html  # the visitor's language (from the URL)
    assert "1000" in html.replace("\xa0", " ") or "1000 Bytes" in html


def test_a_body_within_the_cap_passes(client):
    assert client.get("/en/search/?q=cluster").status_code == 200


@pytest.mark.parametrize(
    "query",
    ["q=%00", "q=a%00b", "q=%01", "q=line%0Abreak", "type=%7F", "%00=x"],
)
def test_control_characters_in_the_query_string_are_refused_with_400(client, query):
    response = client.get(f"/en/search/?{query}")
    assert response.status_code == 400
    assert "This request could not be accepted" in response.content.decode()


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_USER_AGENT": "Mozilla\x00"},
        {"HTTP_ACCEPT_LANGUAGE": "de\x00"},
        {"HTTP_REFERER": "http://x.example/\x07"},
        {"HTTP_COOKIE": "sessionid=abc\x00def"},
        {"HTTP_X_FORWARDED_FOR": "203.0.113.1\x00"},
    ],
)
def test_control_characters_in_headers_and_cookies_are_refused_with_400(client, header):
    assert client.get("/en/", **header).status_code == 400


def test_a_control_character_in_the_path_is_refused_with_400(client):
    assert client.get("/en/news\x00/").status_code == 400


def test_the_refusal_page_is_translated(client):
    response = client.get("/fr/search/?q=%00")
    assert response.status_code == 400
    assert 'lang="fr"' in response.content.decode()
