"""Helpers the test packages share."""

import re

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

# Redis's glob syntax: these characters match something unless escaped.
_GLOB_SPECIAL = re.compile(r"([*?\[\]\\])")
_DELETE_BATCH = 500


def clear_our_cache() -> None:
    """Empty every configured cache of this run's keys, and only of them.

    Django's `RedisCache.clear()` is a FLUSHDB: it would wipe every key of a Redis database a
    development server or another test run may share. There, delete the keys under our
    KEY_PREFIX; the other backends (local memory) belong to this process and are cleared whole.
    """
    for alias in caches:
        backend = caches[alias]
        if isinstance(backend, RedisCache):
            _delete_prefixed_keys(backend)
        else:
            backend.clear()


def _delete_prefixed_keys(backend: RedisCache) -> None:
    prefix = _GLOB_SPECIAL.sub(r"\\\1", backend.key_prefix)
    # Every version of every key the backend's key function makes under our prefix.
    pattern = backend.key_func("*", prefix, "*")
    client = backend._cache.get_client(write=True)
    batch = []
    for key in client.scan_iter(match=pattern, count=_DELETE_BATCH):
        batch.append(key)
        if len(batch) == _DELETE_BATCH:
            client.delete(*batch)
            batch.clear()
    if batch:
        client.delete(*batch)
