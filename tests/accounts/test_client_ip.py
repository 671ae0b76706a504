"""The client address behind TRUSTED_PROXY_COUNT proxies."""

import pytest

from accounts.client_ip import client_ip


@pytest.fixture
def request_from(rf):
    def build(remote, forwarded=None):
        headers = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            headers["HTTP_X_FORWARDED_FOR"] = forwarded
        return rf.get("/", **headers)

    return build


def test_without_proxies_the_peer_is_the_client_whatever_the_header_claims(request_from, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


def test_behind_one_proxy_the_right_most_entry_is_the_client(request_from, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged the first entry; nginx appended the address it saw.
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(request_from, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 198.51.100.7, 192.0.2.10")) == "198.51.100.7"


def test_a_request_that_bypassed_the_proxy_counts_as_its_peer(request_from, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("198.51.100.9", "203.0.113.1")) == "198.51.100.9"
    assert client_ip(request_from("198.51.100.9")) == "198.51.100.9"


def test_a_forwarded_value_that_is_no_address_is_never_returned(request_from, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, <script>")) == "10.0.0.2"
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 2001:db8::1")) == "2001:db8::1"
