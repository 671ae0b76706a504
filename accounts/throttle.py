"""Counters in Django's cache that allow at most N events per window, safe under concurrency."""

import hashlib

from django.core.cache import cache


def hit(key, limit, window):
    """Count one event under `key`; True while at most `limit` events happened in `window` seconds.

    The counter is incremented before anything is decided: two parallel requests never both see
    the last free slot. The window starts with the first event (a fixed window, not a sliding one).
    """
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this event opens a new window.
        cache.add(key, 0, window)
        count = cache.incr(key)
    return count <= limit


def digest(value):
    """A cache-key part for personal data (an e-mail address): the key never carries the value itself."""
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
