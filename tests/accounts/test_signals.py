"""Sessions at sign-in and deactivation: a new key at sign-in, every session ended on deactivation."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from tests.accounts.conftest import sign_in
from tests.accounts.factories import password_only_login

pytestmark = pytest.mark.django_db


def lands_on(response):
    return response["Location"].split("?")[0] if response.status_code == 302 else response.status_code


def test_signing_in_rotates_the_session_key(client, expert_user):
    session = client.session
    session["visited"] = True
    session.save()
    before = session.session_key
    assert sign_in(client, expert_user.username).status_code == 302
    after = client.cookies["sessionid"].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    assert client.get("/admin/").status_code == 200


def test_deactivating_a_user_ends_their_open_sessions(client, expert_user):
    sign_in(client, expert_user.username)
    key = client.cookies["sessionid"].value
    assert client.get("/admin/").status_code == 200
    expert_user.is_active = False
    expert_user.save()
    assert not Session.objects.filter(session_key=key).exists()
    assert lands_on(client.get("/admin/")) == "/admin/login/"


def test_reactivating_a_user_does_not_revive_their_old_sessions(client, expert_user):
    password_only_login(client, expert_user)
    key = client.cookies["sessionid"].value
    expert_user.is_active = False
    expert_user.save()
    expert_user.is_active = True
    expert_user.save()
    assert not Session.objects.filter(session_key=key).exists()
    assert lands_on(client.get("/admin/")) == "/admin/login/"


def test_deactivation_through_the_admin_ends_the_sessions(client, superuser, expert_user):
    other = type(client)()
    sign_in(other, expert_user.username)
    client.force_login(superuser)
    expert_user.refresh_from_db()
    response = client.post(
        reverse("wagtailusers_users:edit", args=[expert_user.pk]),
        {
            "username": expert_user.username,
            "email": expert_user.email,
            "first_name": expert_user.first_name,
            "last_name": expert_user.last_name,
            "is_active": "",
            "groups": list(expert_user.groups.values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Session.objects.filter(session_key=other.cookies["sessionid"].value).exists()
    assert lands_on(other.get("/admin/")) == "/admin/login/"
