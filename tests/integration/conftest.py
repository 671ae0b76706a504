"""Gates of the integration tests: each needs real services named by environment variables.

A test declares them with `@pytest.mark.services("postgresql", "redis", "redis_broker")`.
Without them it skips with the reason shown (`-ra`), before any database is set up. CI sets
REQUIRE_INTEGRATION=1, under which tests/conftest.py reports every skip as a failure (except
tests marked `elasticsearch`), so a broken CI configuration cannot pass by skipping the very
tests it exists to run.
"""

import os

import pytest
from django.conf import settings

REDIS_SCHEMES = ("redis://", "rediss://")


def is_postgresql():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


SERVICES = {
    "postgresql": (
        is_postgresql,
        "needs PostgreSQL: set DATABASE_URL=postgres://user@host:5432/name",
    ),
    "redis": (
        lambda: os.environ.get("REDIS_URL", "").startswith(REDIS_SCHEMES),
        "needs Redis: set REDIS_URL=redis://host:6379/<db>",
    ),
    "redis_broker": (
        lambda: os.environ.get("CELERY_BROKER_URL", "").startswith(REDIS_SCHEMES),
        "needs a Redis broker for a real Celery worker: set CELERY_BROKER_URL=redis://host:6379/<db>",
    ),
    "elasticsearch": (
        lambda: bool(os.environ.get("ELASTICSEARCH_URL")),
        "needs Elasticsearch 9: set ELASTICSEARCH_URL=http://host:9200 (and install the "
        "'elasticsearch' extra)",
    ),
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "services(*names): real services the test needs, of " + ", ".join(SERVICES),
    )


def pytest_runtest_setup(item):
    for marker in item.iter_markers("services"):
        for name in marker.args:
            available, reason = SERVICES[name]
            if not available():
                pytest.skip(reason)
