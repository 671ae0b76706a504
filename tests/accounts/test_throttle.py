"""Atomic counters in the cache."""

from concurrent.futures import ThreadPoolExecutor

import time_machine
from django.test import override_settings
from django.utils import timezone

from accounts.throttle import digest, hit

LOCAL_MEMORY = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"}
}


def test_the_limit_allows_exactly_n_events():
    assert [hit("t:a", 3, 60) for _ in range(5)] == [True, True, True, False, False]


def test_parallel_events_never_share_the_last_slot():
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _n: hit("t:race", 5, 60), range(40)))
    assert results.count(True) == 5


# time-machine moves Python's clock, not Redis's: the window's end is checked on the local-memory cache.
@override_settings(CACHES=LOCAL_MEMORY)
def test_a_new_window_starts_after_the_old_one():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert [hit("t:w", 1, 60) for _ in range(2)] == [True, False]
    with time_machine.travel(start + timezone.timedelta(seconds=61), tick=False):
        assert hit("t:w", 1, 60) is True


def test_keys_do_not_carry_the_address():
    key = digest(" Maria@Ministry.example ")
    assert "maria" not in key and key == digest("maria@ministry.example")
