"""Two-factor authentication by role, the demo exemption, and staff session lifetime."""

import pytest
import time_machine
from django.contrib.auth import get_user
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from accounts.demo import mark_demo_login
from accounts.middleware import StaffSessionMiddleware, TwoFactorMiddleware
from tests.accounts.conftest import sign_in
from tests.accounts.factories import PASSWORD, current_code, totp_device

pytestmark = pytest.mark.django_db

QUEUE = "/admin/advisory/requests/"
ENROL = "/admin/2fa/devices/new"
VERIFY = "/admin/2fa/auth"


def lands_on(response):
    return response["Location"].split("?")[0] if response.status_code == 302 else response.status_code


# --- two-factor authentication by role ------------------------------------------------------------


@pytest.mark.parametrize("role", ["coordinator", "lead", "superuser"])
def test_a_coordinator_without_a_device_must_enrol_before_any_advisory_view(client, role, request):
    user = request.getfixturevalue(role)
    assert sign_in(client, user.username).status_code == 302
    assert lands_on(client.get(QUEUE)) == ENROL
    assert lands_on(client.get("/admin/")) == ENROL
    assert lands_on(client.get(reverse("wagtailusers_users:index"))) == ENROL


@pytest.mark.parametrize("role", ["coordinator", "lead", "superuser"])
def test_a_password_alone_does_not_open_the_admin_to_an_enrolled_coordinator(client, role, request):
    user = request.getfixturevalue(role)
    device = totp_device(user)
    start = timezone.now()
    with at(start):
        sign_in(client, user.username)
        assert lands_on(client.get(QUEUE)) == VERIFY
        wrong = client.post(VERIFY, {"otp_token": "000000" if current_code(device) != "000000" else "111111"})
        assert wrong.status_code == 200
        assert "This code is not valid" in wrong.content.decode()
        assert lands_on(client.get(QUEUE)) == VERIFY
    # django-otp makes a device wait after a wrong code; a minute later the app shows a new code.
    with at(start, minutes=1):
        right = client.post(VERIFY, {"otp_token": current_code(device), "next": QUEUE})
        assert lands_on(right) == QUEUE
        assert client.get(QUEUE).status_code == 200


@pytest.mark.parametrize("role", ["expert_user", "editor_user"])
def test_experts_and_editors_sign_in_without_a_second_factor(client, role, request):
    user = request.getfixturevalue(role)
    sign_in(client, user.username)
    assert client.get("/admin/").status_code == 200


def test_an_expert_who_enrolled_voluntarily_must_verify(client, expert_user):
    totp_device(expert_user)
    sign_in(client, expert_user.username)
    assert lands_on(client.get("/admin/")) == VERIFY


def test_enrolment_with_the_qr_code_works_in_this_wagtail(client, coordinator):
    start = timezone.now()
    with at(start):
        sign_in(client, coordinator.username)
        page = client.get(ENROL)
        assert page.status_code == 200
        html = page.content.decode()
        assert "Install an authenticator app" in html and "otpauth://totp/" in html
        qr = client.get("/admin/2fa/devices/qr-code")
        assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml"
        device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
        wrong_password = client.post(
            ENROL, {"name": "Phone", "otp_token": current_code(device), "password": "not-it"}
        )
        assert wrong_password.status_code == 200
        assert not TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()
    # A code is accepted once: the next one comes 30 seconds later.
    with at(start, minutes=1):
        done = client.post(ENROL, {"name": "Phone", "otp_token": current_code(device), "password": PASSWORD})
        assert done.status_code == 302
        assert TOTPDevice.objects.filter(user=coordinator, confirmed=True).count() == 1
        # Enrolling verified this session: the advisory views open.
        assert client.get(QUEUE).status_code == 200


def test_the_only_menu_item_before_enrolment_is_translated(client, coordinator):
    sign_in(client, coordinator.username)
    html = client.get(ENROL).content.decode()
    assert "2FA Setup" not in html


def test_a_user_with_two_apps_picks_the_one_the_code_comes_from(client, coordinator):
    laptop = totp_device(coordinator, name="Laptop")
    phone = TOTPDevice.objects.create(user=coordinator, name="Phone", confirmed=True)
    sign_in(client, coordinator.username)
    assert "Laptop" in client.get(VERIFY).content.decode()
    response = client.post(VERIFY, {"otp_token": current_code(phone), "otp_device": phone.persistent_id})
    assert lands_on(response) == "/admin/"
    assert laptop.pk != phone.pk


def test_the_enrolment_page_speaks_the_users_language(client, coordinator):
    UserProfile.get_for_user(coordinator).__class__.objects.filter(user=coordinator).update(
        preferred_language="de"
    )
    sign_in(client, coordinator.username)
    html = client.get(ENROL).content.decode()
    assert "Zwei-Faktor-Authentifizierung" in html


def test_removing_a_device_that_does_not_exist_is_a_404_not_a_500(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/2fa/devices/999999/remove").status_code == 404
    assert client.post("/admin/2fa/devices/999999/remove").status_code == 404


def test_the_qr_code_without_an_enrolment_under_way_is_a_404_not_a_500(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/2fa/devices/qr-code").status_code == 404


def test_only_an_administrator_removes_someone_elses_device(client, coordinator, lead, superuser):
    device = totp_device(lead)
    client.force_login(coordinator)
    refused = client.post(f"/admin/2fa/devices/{device.pk}/remove", follow=True)
    assert "Sorry, you do not have permission to access this area." in refused.content.decode()
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    client.force_login(superuser)
    # Without the form's hidden owner field (wagtail-2fa needed it to redirect).
    response = client.post(f"/admin/2fa/devices/{device.pk}/remove")
    assert lands_on(response) == f"/admin/2fa/devices/{lead.pk}"
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()


# --- the embedded demo's exemption ----------------------------------------------------------------


@override_settings(ACCOUNTS_DEMO_LOGINS_SKIP_2FA=True, DEBUG=True)
def test_a_demo_login_skips_enrolment_visibly_where_the_demo_allows_it(client, coordinator):
    mark_demo_login(coordinator)
    sign_in(client, coordinator.username)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert "Demo account: two-factor authentication skipped" in client.get("/admin/").content.decode()


@override_settings(ACCOUNTS_DEMO_LOGINS_SKIP_2FA=True, DEBUG=True)
def test_the_demo_exemption_covers_demo_logins_only(client, coordinator):
    sign_in(client, coordinator.username)
    assert lands_on(client.get(QUEUE)) == ENROL


@override_settings(ACCOUNTS_DEMO_LOGINS_SKIP_2FA=True, DEBUG=False)
def test_the_demo_exemption_never_applies_without_debug(client, coordinator):
    mark_demo_login(coordinator)
    sign_in(client, coordinator.username)
    assert lands_on(client.get(QUEUE)) == ENROL


def test_demo_logins_enrol_like_everybody_when_the_exemption_is_off(client, coordinator):
    mark_demo_login(coordinator)
    sign_in(client, coordinator.username)
    assert lands_on(client.get(QUEUE)) == ENROL


# --- session lifetime -----------------------------------------------------------------------------


def at(start, **delta):
    return time_machine.travel(start + timezone.timedelta(**delta), tick=False)


def test_a_staff_session_ends_after_thirty_idle_minutes(client, expert_user):
    start = timezone.now()
    with at(start):
        client.force_login(expert_user)
    with at(start, minutes=29):
        assert client.get("/admin/").status_code == 200
    # 29 minutes after the last request: still signed in.
    with at(start, minutes=58):
        assert client.get("/admin/").status_code == 200
    with at(start, minutes=89):
        assert lands_on(client.get("/admin/")) == "/admin/login/"


@override_settings(SESSION_COOKIE_AGE=14 * 24 * 3600)
def test_a_busy_staff_session_still_ends_twelve_hours_after_sign_in(client, expert_user):
    # Even with Django's default two-week cookie the sign-in ends at twelve hours.
    start = timezone.now()
    with at(start):
        client.force_login(expert_user)
    for minutes in range(25, 12 * 60, 25):
        with at(start, minutes=minutes):
            assert client.get("/admin/").status_code == 200, minutes
    with at(start, hours=12, minutes=5):
        assert lands_on(client.get("/admin/")) == "/admin/login/"


@override_settings(ACCOUNTS_SESSION_IDLE_TIMEOUT=5 * 60)
def test_the_idle_timeout_is_configurable(client, expert_user):
    start = timezone.now()
    with at(start):
        client.force_login(expert_user)
    with at(start, minutes=6):
        assert lands_on(client.get("/admin/")) == "/admin/login/"


@pytest.mark.parametrize("middleware", [StaffSessionMiddleware, TwoFactorMiddleware])
def test_a_visit_without_a_session_cookie_never_loads_the_session(rf, middleware):
    # Loading it would make every public page vary on Cookie, and the requester's session is not ours.
    request = rf.get("/en/")
    request.session = SessionStore()
    request.user = SimpleLazyObject(lambda: get_user(request))
    middleware(lambda request: HttpResponse("ok"))(request)
    assert request.session.accessed is False


def test_the_code_page_never_redirects_to_another_site(client, coordinator):
    device = totp_device(coordinator)
    sign_in(client, coordinator.username)
    response = client.post(VERIFY, {"otp_token": current_code(device), "next": "https://evil.example/admin/"})
    assert lands_on(response) == "/admin/"
