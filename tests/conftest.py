"""Fixtures every test package shares: isolated media, a clean cache, English by default."""

import logging

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation


def pytest_configure(config):
    # WhiteNoise warns once per client that var/static/ was never collected; tests need no
    # collected static files (the test settings serve them from the apps' directories).
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning:django.core.handlers.base")


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploads of the test run go to temporary directories, never to var/media or var/private."""
    private = str(tmp_path_factory.mktemp("private"))
    storages = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": private}},
    }
    with override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")), PRIVATE_MEDIA_ROOT=private, STORAGES=storages
    ):
        yield


@pytest.fixture(scope="session", autouse=True)
def _quiet_loggers():
    """Every page save logs a line per background task; failures should show the test's own logs."""
    for name in ("django_tasks", "wagtail"):
        logging.getLogger(name).setLevel(logging.WARNING)


@pytest.fixture(autouse=True)
def _clean_cache():
    """Wagtail caches the site root paths; a test must not see another test's tree."""
    cache.clear()
    # A transactional test flushes the tables and content types come back with new ids;
    # the in-process ContentType cache would otherwise still hand out the old ones.
    ContentType.objects.clear_cache()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(monkeypatch):
    """A client signed in with force_login has also passed two-factor authentication, as a coordinator
    at work has; the tests of sign-in and 2FA themselves go through the forms (tests/accounts)."""

    from tests.accounts.factories import mark_verified, password_only_login

    def force_login(client, user, backend=None):
        password_only_login(client, user, backend)
        mark_verified(client, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _english():
    """Start every test in the source language; a request to /de/ leaves German active."""
    translation.activate("en")
    yield
    translation.deactivate()
