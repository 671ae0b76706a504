"""The periodic job that publishes pages at their scheduled time."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from cms.tasks import PUBLISH_LOCK_KEY, publish_scheduled_pages
from tests.cms.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled():
    """A draft article approved to go live in an hour."""
    page = NewsArticlePageFactory(publish=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def test_publishes_pages_whose_time_has_come(scheduled):
    assert publish_scheduled_pages() == 0
    scheduled.refresh_from_db()
    assert not scheduled.live
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        assert publish_scheduled_pages() == 1
    scheduled.refresh_from_db()
    assert scheduled.live
    assert cache.get(PUBLISH_LOCK_KEY) is None


def test_a_second_run_waits_for_the_first(scheduled):
    cache.add(PUBLISH_LOCK_KEY, "1", None)  # no expiry: the clock travels below
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert publish_scheduled_pages() == 0
    scheduled.refresh_from_db()
    assert not scheduled.live
