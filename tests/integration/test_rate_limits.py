"""Rate limits under real concurrency: many clients post the request form at the same instant, each in
its own thread with its own database connection, counting in a shared Redis cache."""

import threading

import pytest
from django.core.cache import caches
from django.db import connections
from django.test import Client, override_settings

from advisory.models import AdvisoryRequest
from tests.advisory.public.conftest import form_data, form_page  # noqa: F401 - a fixture

pytestmark = [
    pytest.mark.integration,
    pytest.mark.services("postgresql", "redis"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def post_together(page, posts):
    """Post each (data, extra) with its own client, all released at once; the status codes."""
    barrier = threading.Barrier(len(posts))
    statuses = [None] * len(posts)

    def run(index, data, extra):
        client = Client()
        try:
            barrier.wait()
            statuses[index] = client.post(page.url, data, **extra).status_code
        except Exception as error:  # noqa: BLE001 - the test shows what happened
            statuses[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, *post)) for i, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_the_cache_is_redis():
    assert type(caches["default"]).__name__ == "RedisCache"


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=3)
def test_parallel_posts_from_one_network_cannot_pass_the_limit_together(form_page):  # noqa: F811
    posts = [
        (form_data(requester_email=f"p{i}@ministry.example"), {"REMOTE_ADDR": "203.0.113.5"})
        for i in range(8)
    ]
    statuses = post_together(form_page, posts)
    assert sorted(statuses) == [303] * 3 + [429] * 5
    assert AdvisoryRequest.objects.count() == 3


@override_settings(ADVISORY_SUBMISSIONS_PER_EMAIL_PER_DAY=2)
def test_parallel_posts_for_one_address_from_many_networks_cannot_pass_the_limit_together(
    form_page,  # noqa: F811
):
    posts = [
        (form_data(requester_email="victim@agency.example"), {"REMOTE_ADDR": f"192.0.2.{i}"})
        for i in range(8)
    ]
    statuses = post_together(form_page, posts)
    assert sorted(statuses) == [303] * 2 + [429] * 6
    assert AdvisoryRequest.objects.filter(requester_email="victim@agency.example").count() == 2


@override_settings(ADVISORY_SUBMISSIONS_PER_HOUR=1, TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_parallel_clients_are_counted_apart(form_page):  # noqa: F811
    proxy = "10.0.0.2"
    posts = [
        (
            form_data(requester_email=f"c{i}@ministry.example"),
            {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": address},
        )
        for i, address in enumerate(
            ["203.0.113.5", "203.0.113.5", "198.51.100.7", "198.51.100.7", "192.0.2.9"]
        )
    ]
    statuses = post_together(form_page, posts)
    # One submission per client address, though all come through the same proxy.
    assert sorted(statuses) == [303] * 3 + [429] * 2
    assert AdvisoryRequest.objects.count() == 3
