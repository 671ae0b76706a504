"""Fixtures every test package shares: isolated media, a clean cache, English by default.

Also the CI rule on skips: under REQUIRE_INTEGRATION=1 (what .ci/run sets for its run on
PostgreSQL, Redis and Celery) a skipped test is reported as a failure, unless it is marked
`elasticsearch` (no CI machine runs Elasticsearch). A promised test cannot pass by not running.
"""

import logging
import os

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.test import Client, override_settings
from django.utils import translation

from tests.accounts.factories import mark_verified, password_only_login
from tests.support import clear_our_cache

# Skips allowed where skipping is refused: tests with one of these markers.
SKIPPABLE_MARKERS = ("elasticsearch",)


def pytest_configure(config):
    # WhiteNoise warns once per client that var/static/ was never collected; tests need no
    # collected static files (the test settings serve them from the apps' directories).
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning:django.core.handlers.base")
    _separate_cache_per_xdist_worker()


def _separate_cache_per_xdist_worker():
    """Give each pytest-xdist worker a cache key prefix of its own.

    Workers run on databases of their own (pytest-django suffixes them) but would share a Redis
    cache: one worker's cached site root paths would leak into another's tests, and one
    worker's clearing would empty another's keys mid-test. The settings are already loaded
    (pytest-django does it before the conftests) but no cache is open yet; the environment
    carries the prefix to the Celery workers the integration tests start.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    for cache_settings in settings.CACHES.values():
        prefix = f"{cache_settings.get('KEY_PREFIX', '')}_{worker}"
        cache_settings["KEY_PREFIX"] = prefix
    os.environ["CACHE_KEY_PREFIX"] = settings.CACHES["default"]["KEY_PREFIX"]


def _skipping_is_refused():
    return os.environ.get("REQUIRE_INTEGRATION") == "1"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if (
        report.skipped
        and not hasattr(report, "wasxfail")  # an expected failure is reported as a skip: not one
        and _skipping_is_refused()
        and not any(item.get_closest_marker(name) for name in SKIPPABLE_MARKERS)
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped where skipping is refused (REQUIRE_INTEGRATION=1): {_skip_reason(report)}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    """A whole module skipped at import (`pytest.importorskip`, `pytest.skip(allow_module_level=True)`)."""
    report = yield
    if report.skipped and _skipping_is_refused():
        report.outcome = "failed"
        report.longrepr = f"skipped where skipping is refused (REQUIRE_INTEGRATION=1): {_skip_reason(report)}"
    return report


def _skip_reason(report):
    # pytest keeps a skip's reason as (path, line, "Skipped: reason").
    if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
        path, line, reason = report.longrepr
        return f"{reason.removeprefix('Skipped: ')} ({path}:{line + 1})"
    return str(report.longrepr)


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
    clear_our_cache()
    # A transactional test flushes the tables and content types come back with new ids;
    # the in-process ContentType cache would otherwise still hand out the old ones.
    ContentType.objects.clear_cache()
    yield
    clear_our_cache()


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(monkeypatch):
    """A client signed in with force_login has also passed two-factor authentication, as a coordinator
    at work has; the tests of sign-in and 2FA themselves go through the forms (tests/accounts)."""

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
