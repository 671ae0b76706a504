"""Fixtures of the benchmarks: bench data built once per module (see support.py) and kept for it."""

import pytest

from .support import build_matching_data, build_queue_data, scaled


@pytest.fixture(scope="module")
def matching_data(django_db_setup, django_db_blocker):
    """10,000 experts (times BENCH_SCALE) and one request, built once for the module."""
    with django_db_blocker.unblock():
        data = build_matching_data(scaled(10_000))
    yield data
    with django_db_blocker.unblock():
        data.delete()


@pytest.fixture(scope="module")
def queue_data(django_db_setup, django_db_blocker):
    """100,000 requests (times BENCH_SCALE), built once for the module and kept."""
    with django_db_blocker.unblock():
        return build_queue_data(scaled(100_000))
