"""Sign-in throttling (django-axes), the lockouts admin, and the throttled password reset."""

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.accounts.conftest import sign_in, with_password
from tests.advisory.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"
RESET_DONE = "/admin/password_reset/done/"
LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "reset"}}


def fail(client, username, times, **headers):
    return [sign_in(client, username, "wrong-password", **headers).status_code for _ in range(times)]


def signed_in(client):
    return "_auth_user_id" in client.session


# --- lockout --------------------------------------------------------------------------------------


def test_unlimited_wrong_passwords_are_refused_after_five_failures(client, expert_user):
    statuses = fail(client, "erika", 5)
    assert statuses == [200, 200, 200, 200, 429]
    response = sign_in(client, "erika")  # the right password, too late
    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page
    assert "blocked for 30 minutes" in page
    # In the admin's look: its stylesheet and the login layout.
    assert 'class="login' in page and "wagtailadmin/css/core.css" in page


def test_the_lockout_message_speaks_the_browsers_language(client, expert_user):
    fail(client, "erika", 5, HTTP_ACCEPT_LANGUAGE="de")
    response = sign_in(client, "erika", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_failure_limit_is_configurable(client, expert_user):
    assert fail(client, "erika", 3) == [200, 200, 429]


def test_an_attacker_elsewhere_cannot_lock_a_coordinator_out(client, expert_user):
    fail(client, "erika", 6, REMOTE_ADDR="203.0.113.66")
    # The same username from the owner's own address still signs in.
    response = sign_in(client, "erika", REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302 and signed_in(client)


def test_a_lockout_does_not_spill_over_to_other_users_of_the_same_address(client, expert_user, editor_user):
    fail(client, "erika", 5)
    response = sign_in(client, editor_user.username)
    assert response.status_code == 302 and signed_in(client)


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(client, expert_user):
    # No trusted proxy (the default): X-Forwarded-For is the client's own claim and is ignored.
    for n in range(5):
        sign_in(client, "erika", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = sign_in(client, "erika", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_each_client_has_its_own_count(client, expert_user):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    fail(client, "erika", 5, HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy)
    assert sign_in(client, "erika", HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy).status_code == 429
    # Another visitor behind the same proxy is not blocked by the first one's failures.
    response = sign_in(client, "erika", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert response.status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, expert_user):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(client, "erika", 5)
    with time_machine.travel(start + timezone.timedelta(minutes=29), tick=False):
        assert sign_in(client, "erika").status_code == 429
    with time_machine.travel(start + timezone.timedelta(minutes=61), tick=False):
        assert sign_in(client, "erika").status_code == 302


# --- lockouts admin -------------------------------------------------------------------------------


def test_an_administrator_sees_and_lifts_a_lockout(client, expert_user, superuser):
    other = type(client)()
    fail(other, "erika", 5)
    client.force_login(superuser)
    listing = client.get(reverse("accounts_lockouts"))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "erika" in page and "Locked" in page
    attempt = AccessAttempt.objects.get(username="erika")
    response = client.post(reverse("accounts_unlock", args=[attempt.pk]), follow=True)
    assert "Sign-in unlocked for “erika”." in response.content.decode()
    assert not AccessAttempt.objects.filter(username="erika").exists()
    assert sign_in(other, "erika").status_code == 302


def test_the_lockouts_admin_is_under_settings_for_administrators_only(client, coordinator, superuser):
    client.force_login(superuser)
    assert reverse("accounts_lockouts") in client.get("/admin/").content.decode()
    client.force_login(coordinator)
    assert reverse("accounts_lockouts") not in client.get("/admin/").content.decode()
    assert client.get(reverse("accounts_lockouts")).status_code in (302, 403)
    attempt = AccessAttempt.objects.create(
        username="erika",
        ip_address="127.0.0.1",
        user_agent="",
        failures_since_start=9,
        get_data="",
        post_data="",
    )
    response = client.post(reverse("accounts_unlock", args=[attempt.pk]))
    assert response.status_code in (302, 403)
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_unlocking_a_lockout_that_is_gone_explains_instead_of_failing(client, superuser):
    client.force_login(superuser)
    response = client.post(reverse("accounts_unlock", args=[999999]), follow=True)
    assert response.status_code == 200
    assert "This lockout no longer exists" in response.content.decode()


def test_unlock_refuses_get(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("accounts_unlock", args=[1])).status_code == 405


# --- password reset -------------------------------------------------------------------------------


def test_unlimited_reset_mails_to_one_address_are_capped(client, expert_user):
    responses = [
        client.post(RESET, {"email": expert_user.email}, REMOTE_ADDR=f"192.0.2.{n}") for n in range(6)
    ]
    # Three mails, then the same neutral answer without a mail.
    assert len(mail.outbox) == 3
    assert all(r.status_code == 302 and r["Location"] == RESET_DONE for r in responses)


def test_reset_mails_from_one_client_address_are_capped(client, db):
    users = [with_password(UserFactory(is_staff=True, email=f"person{n}@example.org")) for n in range(12)]
    responses = [client.post(RESET, {"email": user.email}) for user in users]
    assert len(mail.outbox) == 10
    assert {r["Location"] for r in responses} == {RESET_DONE}


def test_the_address_limit_counts_case_insensitively(client, expert_user, settings):
    settings.ACCOUNTS_PASSWORD_RESET_LIMIT_PER_ADDRESS = 1
    client.post(RESET, {"email": expert_user.email})
    client.post(RESET, {"email": expert_user.email.upper()}, REMOTE_ADDR="192.0.2.9")
    assert len(mail.outbox) == 1


def test_reset_limits_are_configurable(client, expert_user, settings):
    settings.ACCOUNTS_PASSWORD_RESET_LIMIT_PER_ADDRESS = 1
    client.post(RESET, {"email": expert_user.email})
    client.post(RESET, {"email": expert_user.email}, REMOTE_ADDR="192.0.2.9")
    assert len(mail.outbox) == 1


# time-machine moves Python's clock, not Redis's: the window's end is checked on the local-memory cache.
@override_settings(CACHES=LOCAL_MEMORY)
def test_the_reset_window_ends(client, expert_user):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for n in range(4):
            client.post(RESET, {"email": expert_user.email}, REMOTE_ADDR=f"192.0.2.{n}")
    assert len(mail.outbox) == 3
    with time_machine.travel(start + timezone.timedelta(minutes=61), tick=False):
        client.post(RESET, {"email": expert_user.email}, REMOTE_ADDR="192.0.2.50")
    assert len(mail.outbox) == 4


def test_an_unknown_address_gets_the_same_answer(client, db):
    response = client.post(RESET, {"email": "nobody@example.org"})
    assert response.status_code == 302 and response["Location"] == RESET_DONE
    assert mail.outbox == []
