"""The Django cache round-trips through the Redis server named by REDIS_URL."""

import os
import uuid

import pytest
import redis
from django.core.cache import cache, caches

from tests.support import clear_our_cache

pytestmark = [pytest.mark.integration, pytest.mark.services("redis")]


@pytest.fixture
def server():
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    yield client
    client.close()


@pytest.fixture
def key():
    return f"integration-{uuid.uuid4().hex}"


def test_the_cache_backend_is_redis():
    assert type(caches["default"]).__name__ == "RedisCache"


def test_a_value_is_stored_in_redis_and_read_back(server, key):
    value = {"title": "Cluster excellence", "languages": ["en", "de", "pl"]}
    cache.set(key, value, timeout=60)

    stored = cache.make_and_validate_key(key)
    assert server.exists(stored) == 1
    assert 0 < server.ttl(stored) <= 60
    assert cache.get(key) == value

    cache.delete(key)
    assert server.exists(stored) == 0
    assert cache.get(key) is None


def test_add_succeeds_only_for_the_first_caller(server, key):
    """cache.add (SET NX on the server) is the lock of periodic tasks: one process wins."""
    assert cache.add(key, "first", timeout=60) is True
    assert cache.add(key, "second", timeout=60) is False
    assert cache.get(key) == "first"
    cache.delete(key)


def test_counters_are_incremented_on_the_server(server, key):
    cache.set(key, 1, timeout=60)
    assert cache.incr(key, 41) == 42
    assert int(server.get(cache.make_and_validate_key(key))) == 42
    cache.delete(key)


def test_clearing_our_cache_spares_the_other_keys_of_the_database(server, key):
    """The database may be shared (a development server, another run): we delete only our keys."""
    ours = [cache.make_and_validate_key(key), cache.make_and_validate_key(key, version=2)]
    cache.set(key, "ours", timeout=60)
    cache.set(key, "ours, version 2", timeout=60, version=2)
    theirs = {
        f"someone-else:1:{key}": "a neighbour's entry",
        f"x{cache.key_prefix}:1:{key}": "a longer prefix that starts like ours",
        key: "a key with no prefix at all",
    }
    for name, value in theirs.items():
        server.set(name, value, ex=60)
    try:
        clear_our_cache()

        assert [server.exists(name) for name in ours] == [0, 0]
        assert {name: server.get(name).decode() for name in theirs} == theirs
    finally:
        server.delete(*theirs)
