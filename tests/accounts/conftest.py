"""Staff users with a known password, and sign-in through the admin's real login form."""

import pytest
from django.urls import reverse

from tests.accounts.factories import PASSWORD
from tests.advisory.factories import CoordinatorFactory, ExpertUserFactory, SuperUserFactory, editor


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def coordinator(db):
    return with_password(CoordinatorFactory(username="cora", countries=["DE"]))


@pytest.fixture
def lead(db):
    return with_password(CoordinatorFactory(username="lea", countries=[], lead=True))


@pytest.fixture
def superuser(db):
    return with_password(SuperUserFactory(username="root"))


@pytest.fixture
def expert_user(db):
    return with_password(ExpertUserFactory(username="erika"))


@pytest.fixture
def editor_user(db):
    return with_password(editor())


def sign_in(client, username, password=PASSWORD, **headers):
    """POST the Wagtail login form; returns the response (a redirect when the password was right)."""
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, **headers)
