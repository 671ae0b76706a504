"""Fixtures of the cms tests: users, and module-wide content built once."""

from contextlib import contextmanager

import pytest
from django.db import transaction

from tests.cms.factories import SuperUserFactory


@contextmanager
def module_data(django_db_blocker):
    """Let a module-scoped fixture write to the test database, and undo it afterwards.

    The writes happen in an outer transaction; each test's own transaction nests inside
    it as a savepoint, so tests still cannot see each other's changes.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def superuser(db):
    return SuperUserFactory()


@pytest.fixture
def admin(client, superuser):
    """A client logged in to the Wagtail admin as a superuser."""
    client.force_login(superuser)
    return client
