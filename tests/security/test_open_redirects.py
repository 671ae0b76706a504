"""`next=` and other return addresses: no view ever sends a browser off-site.

Each Location is checked by hand, as a browser reads it: backslashes count as slashes, a leading "//"
is another host, and only our own host (or a path) is allowed.
"""

from urllib.parse import quote, urlsplit

import pytest
from django.test import Client

from tests.accounts.factories import PASSWORD, current_code, totp_device
from tests.advisory.factories import CoordinatorFactory, SuperUserFactory
from tests.security.conftest import client_for

pytestmark = pytest.mark.django_db

EVIL = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "https:evil.example",
    "/%2F%2Fevil.example",
    " //evil.example",
    "http://testserver@evil.example/",
    "javascript:alert(1)",
    "https://evil.example\\@testserver/",
]


def assert_stays_on_site(location, where):
    seen_as = location.strip().replace("\\", "/")
    parts = urlsplit(seen_as)
    assert parts.scheme in ("", "http", "https"), (where, location)
    assert parts.netloc in ("", "testserver"), (where, location)
    # A path like "/%2F%2Fevil.example" stays on our host: browsers do not decode slashes in a path.


def follow(client, response, where, hops=5):
    """Check every redirect of a chain, following it on our own site."""
    for _ in range(hops):
        if response.status_code not in (301, 302, 303, 307, 308):
            return response
        location = response["Location"]
        assert_stays_on_site(location, where)
        response = client.get(location)
    return response


@pytest.fixture
def staff(db):
    user = SuperUserFactory(username="boss")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.parametrize("target", EVIL)
def test_the_admin_login_never_sends_a_signed_in_user_off_site(staff, target):
    client = Client()
    response = client.post(
        "/admin/login/?next=" + quote(target, safe=""),
        {"username": staff.username, "password": PASSWORD, "next": target},
    )
    assert response.status_code in (302, 303), response.status_code
    follow(client, response, ("login", target))


@pytest.mark.parametrize("target", EVIL)
def test_the_two_factor_code_page_never_sends_off_site(staff, target):
    device = totp_device(staff)
    client = Client()
    client.post("/admin/login/", {"username": staff.username, "password": PASSWORD})
    response = client.post(
        "/admin/2fa/auth?next=" + quote(target, safe=""),
        {"otp_token": current_code(device), "otp_device": device.persistent_id, "next": target},
    )
    assert response.status_code in (302, 303), response.status_code
    follow(client, response, ("2fa", target))


@pytest.mark.parametrize("target", EVIL)
@pytest.mark.parametrize("path", ["/admin/login/", "/admin/logout/", "/admin/", "/admin/2fa/auth"])
def test_admin_pages_taking_next_never_send_a_signed_in_user_off_site(path, target):
    client = client_for(CoordinatorFactory(countries=["DE"]))
    for method in ("get", "post"):
        response = getattr(client, method)(
            f"{path}?next=" + quote(target, safe=""), {"next": target} if method == "post" else None
        )
        follow(client, response, (path, method, target))


@pytest.mark.parametrize("target", EVIL)
def test_the_tracking_exchange_and_public_routes_ignore_return_addresses(client, form_page, journey, target):
    trip = journey("screening")
    routes = form_page.url + "track/"
    response = client.post(
        routes + "open/?next=" + quote(target, safe=""),
        {"link": trip.token, "next": target, "return": target},
    )
    assert response.status_code == 303
    follow(client, response, ("open", target))
    for path in (
        routes + "sign-out/",
        routes + "replace/",
        routes + "open/",
        form_page.url + "thanks/",
        "/en/search/",
        "/",
        "/de/",
    ):
        for method in ("get", "post"):
            query = "?next=" + quote(target, safe="") + "&return_url=" + quote(target, safe="")
            response = getattr(client, method)(path + query)
            follow(client, response, (path, method, target))
    # The legacy link route too: its redirect drops the token and goes to our own tracking page.
    response = Client().get(f"{routes}{trip.token}/?next=" + quote(target, safe=""))
    assert response.status_code == 303
    assert_stays_on_site(response["Location"], ("legacy", target))


def test_the_language_prefix_redirect_stays_on_site(client):
    for path in ("//evil.example/", "/\\evil.example/", "/%2F%2Fevil.example/", "/%5Cevil.example"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="de")
        follow(client, response, ("language redirect", path))


def test_a_return_address_on_our_own_site_is_followed(staff):
    """The control: the same pages do honour `next` when it is ours, so the checks above mean something."""
    device = totp_device(staff)
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/reports/", {"username": staff.username, "password": PASSWORD}
    )
    assert response.status_code == 302 and "/admin/reports/" in response["Location"]
    response = client.post(
        "/admin/2fa/auth?next=/admin/reports/",
        {"otp_token": current_code(device), "otp_device": device.persistent_id, "next": "/admin/reports/"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/reports/"
