"""Business-day arithmetic in the project's time zone: weekends, holidays and closing days do not count.

Work happens on local dates (settings.TIME_ZONE), so a deadline keeps its wall-clock time across a
daylight-saving change. Closed days are the public holidays of WORKFLOWS_HOLIDAY_COUNTRY (and of
WORKFLOWS_HOLIDAY_SUBDIVISION), from the `holidays` package, plus WORKFLOWS_EXTRA_CLOSING_DAYS (ISO
dates: the office's own closing days). Without a country, only the extra days are holidays.
"""

import functools
from datetime import date, datetime, time, timedelta

import holidays as holiday_calendars
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

WEEKEND = frozenset({5, 6})  # Saturday, Sunday
_ONE_DAY = timedelta(days=1)


@functools.lru_cache(maxsize=16)
def _parse_holidays(raw):
    return frozenset(day if isinstance(day, date) else date.fromisoformat(day) for day in raw)


@functools.lru_cache(maxsize=256)
def _country_year(country, subdivision, year):
    """The public holidays of one country (and subdivision) in one year, as a frozen set of dates."""
    try:
        calendar = holiday_calendars.country_holidays(country, subdiv=subdivision or None, years=year)
    except NotImplementedError as exc:  # the package's answer to an unknown country or subdivision
        raise ImproperlyConfigured(
            f"WORKFLOWS_HOLIDAY_COUNTRY / WORKFLOWS_HOLIDAY_SUBDIVISION: {exc}"
        ) from exc
    return frozenset(calendar)


class ClosedDays:
    """The days an office is closed besides weekends: a country's public holidays plus extra dates.

    Holidays of a year are computed on first use and kept (the `holidays` package computes them by rule).
    """

    def __init__(self, country="", subdivision="", extra=()):
        self.country = (country or "").strip().upper()
        self.subdivision = (subdivision or "").strip()
        try:
            self.extra = _parse_holidays(tuple(extra))
        except (TypeError, ValueError) as exc:
            raise ImproperlyConfigured(
                f"WORKFLOWS_EXTRA_CLOSING_DAYS takes ISO dates (2026-12-28): {exc}"
            ) from exc
        if self.country:
            _country_year(self.country, self.subdivision, timezone.now().year)  # fail early if unknown

    def __contains__(self, day):
        if day in self.extra:
            return True
        return bool(self.country) and day in _country_year(self.country, self.subdivision, day.year)


@functools.lru_cache(maxsize=16)
def _configured(country, subdivision, extra):
    return ClosedDays(country, subdivision, extra)


def public_holidays():
    """The closed days the settings configure (WORKFLOWS_HOLIDAY_*, WORKFLOWS_EXTRA_CLOSING_DAYS)."""
    return _configured(
        getattr(settings, "WORKFLOWS_HOLIDAY_COUNTRY", ""),
        getattr(settings, "WORKFLOWS_HOLIDAY_SUBDIVISION", ""),
        tuple(getattr(settings, "WORKFLOWS_EXTRA_CLOSING_DAYS", ())),
    )


def _holidays(holidays):
    """The configured calendar, or exactly the dates passed in (which replace it)."""
    if holidays is None:
        return public_holidays()
    if isinstance(holidays, ClosedDays):
        return holidays
    return _parse_holidays(tuple(holidays))


def is_business_day(day, holidays=None):
    """Neither a weekend day nor a public holiday."""
    return _is_open(day, _holidays(holidays))


def _is_open(day, holidays):
    return day.weekday() not in WEEKEND and day not in holidays


def _to_local(moment):
    if timezone.is_naive(moment):
        raise ValueError("Business-day arithmetic needs an aware datetime.")
    return timezone.localtime(moment, timezone.get_default_timezone()).replace(tzinfo=None)


def _to_aware(local):
    return timezone.make_aware(local, timezone.get_default_timezone())


def _step(day, n, holidays):
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    for _ in range(abs(n)):
        day += step
        while not _is_open(day, holidays):
            day += step
    return day


def add_business_days(start, n, holidays=None):
    """The n-th business day after `start` (before, if n < 0), at the same local wall-clock time.

    `start` may be a date (a date is returned) or an aware datetime. n=0 returns `start`.
    """
    holidays = _holidays(holidays)
    if isinstance(start, datetime):
        local = _to_local(start)
        return _to_aware(datetime.combine(_step(local.date(), n, holidays), local.time()))
    return _step(start, n, holidays)


def business_days_between(a, b, holidays=None):
    """The business days after `a`'s date up to and including `b`'s.

    If `b` is earlier, minus the business days from `b`'s date up to (not including) `a`'s.

    The inverse of add_business_days: business_days_between(d, add_business_days(d, n)) == n.
    """
    holidays = _holidays(holidays)
    first = _to_local(a).date() if isinstance(a, datetime) else a
    last = _to_local(b).date() if isinstance(b, datetime) else b
    if last >= first:
        days = (first + _ONE_DAY * i for i in range(1, (last - first).days + 1))
        return sum(_is_open(day, holidays) for day in days)
    days = (last + _ONE_DAY * i for i in range((first - last).days))
    return -sum(_is_open(day, holidays) for day in days)


def business_time_between(a, b, holidays=None):
    """The wall-clock time between two aware datetimes that falls on business days (negative if b < a)."""
    holidays = _holidays(holidays)
    start, end = _to_local(a), _to_local(b)
    if end < start:
        return -business_time_between(b, a, holidays)
    total, cursor = timedelta(0), start
    while cursor < end:
        segment_end = min(datetime.combine(cursor.date() + _ONE_DAY, time.min), end)
        if _is_open(cursor.date(), holidays):
            total += segment_end - cursor
        cursor = segment_end
    return total


def add_business_time(start, amount, holidays=None):
    """The moment when `amount` of business time has passed after `start` (amount >= 0).

    Every wall-clock hour of a business day counts; weekend and holiday hours do not.
    """
    if amount < timedelta(0):
        raise ValueError("Business time only runs forward.")
    holidays = _holidays(holidays)
    if not amount:
        return start
    cursor, left = _to_local(start), amount
    while True:
        day_end = datetime.combine(cursor.date() + _ONE_DAY, time.min)
        if _is_open(cursor.date(), holidays):
            if left <= day_end - cursor:
                return _to_aware(cursor + left)
            left -= day_end - cursor
        cursor = day_end
