from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from workflows.business_days import (
    add_business_days,
    add_business_time,
    business_days_between,
    business_time_between,
    is_business_day,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
UTC = ZoneInfo("UTC")
LABOUR_DAY = date(2026, 5, 1)  # a Friday


def local(*args):
    return datetime(*args, tzinfo=BRUSSELS)


def test_weekends_are_skipped():
    assert add_business_days(date(2026, 6, 3), 2) == date(2026, 6, 5)  # Wed -> Fri
    assert add_business_days(date(2026, 6, 5), 1) == date(2026, 6, 8)  # Fri -> Mon
    assert add_business_days(date(2026, 6, 6), 1) == date(2026, 6, 8)  # Sat -> Mon
    assert add_business_days(date(2026, 6, 3), 10) == date(2026, 6, 17)


def test_zero_days_is_the_start_and_negative_days_go_back():
    assert add_business_days(date(2026, 6, 6), 0) == date(2026, 6, 6)
    assert add_business_days(date(2026, 6, 8), -1) == date(2026, 6, 5)


def test_holidays_passed_in_are_skipped():
    assert add_business_days(date(2026, 4, 30), 1, holidays=[LABOUR_DAY]) == date(2026, 5, 4)
    assert add_business_days(date(2026, 4, 30), 1, holidays=[]) == date(2026, 5, 1)


@override_settings(WORKFLOWS_HOLIDAY_COUNTRY="", WORKFLOWS_EXTRA_CLOSING_DAYS=["2026-05-01", "2026-12-25"])
def test_extra_closing_days_come_from_the_setting():
    assert not is_business_day(LABOUR_DAY)
    assert not is_business_day(date(2026, 12, 25))
    assert add_business_days(local(2026, 4, 30, 9, 0), 1) == local(2026, 5, 4, 9, 0)
    assert business_days_between(date(2026, 4, 29), date(2026, 5, 4)) == 2  # Thu, Mon


@override_settings(WORKFLOWS_HOLIDAY_COUNTRY="", WORKFLOWS_EXTRA_CLOSING_DAYS=[])
def test_without_a_country_or_extra_days_only_weekends_are_closed():
    assert is_business_day(LABOUR_DAY)
    assert add_business_days(date(2026, 12, 24), 1) == date(2026, 12, 25)


def test_counting_business_days():
    assert business_days_between(date(2026, 6, 5), date(2026, 6, 8)) == 1  # Fri -> Mon
    assert business_days_between(date(2026, 6, 8), date(2026, 6, 5)) == -1
    assert business_days_between(date(2026, 6, 6), date(2026, 6, 5)) == -1  # Sat back to Fri
    assert business_days_between(date(2026, 6, 6), date(2026, 6, 7)) == 0  # a weekend
    assert business_days_between(local(2026, 6, 5, 23, 0), local(2026, 6, 8, 1, 0)) == 1


def test_a_datetime_keeps_its_wall_clock_time_across_the_spring_change():
    friday = local(2026, 3, 27, 10, 0)  # CET, UTC+1; clocks go forward on Sunday the 29th
    monday = add_business_days(friday, 1)

    assert monday == local(2026, 3, 30, 10, 0)
    assert monday.astimezone(BRUSSELS).utcoffset() == timedelta(hours=2)
    assert monday.astimezone(UTC) - friday.astimezone(UTC) == timedelta(days=3, hours=-1)


def test_a_datetime_keeps_its_wall_clock_time_across_the_autumn_change():
    friday = local(2026, 10, 23, 10, 0)  # CEST; clocks go back on Sunday the 25th
    monday = add_business_days(friday, 1)

    assert monday.astimezone(BRUSSELS).replace(tzinfo=None) == datetime(2026, 10, 26, 10, 0)
    assert monday.astimezone(BRUSSELS).utcoffset() == timedelta(hours=1)
    assert add_business_days(monday, -1) == friday


def test_results_are_in_the_project_time_zone_whatever_zone_goes_in():
    utc_friday_evening = datetime(2026, 6, 5, 22, 30, tzinfo=UTC)  # already Saturday 00:30 in Brussels

    assert add_business_days(utc_friday_evening, 1) == local(2026, 6, 8, 0, 30)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        add_business_days(datetime(2026, 6, 5, 10, 0), 1)


def test_business_time_counts_business_days_only():
    assert business_time_between(local(2026, 6, 5, 10, 0), local(2026, 6, 8, 10, 0)) == timedelta(hours=24)
    assert business_time_between(local(2026, 6, 6, 10, 0), local(2026, 6, 7, 10, 0)) == timedelta(0)
    assert business_time_between(local(2026, 6, 8, 10, 0), local(2026, 6, 5, 10, 0)) == -timedelta(hours=24)


def test_business_time_over_the_dst_weekend_is_wall_clock_time():
    assert business_time_between(local(2026, 3, 27, 10, 0), local(2026, 3, 30, 10, 0)) == timedelta(hours=24)


def test_adding_business_time_skips_weekends_and_holidays():
    thursday = local(2026, 4, 30, 20, 0)  # the evening before Labour Day
    assert add_business_time(thursday, timedelta(hours=6), holidays=[LABOUR_DAY]) == local(2026, 5, 4, 2, 0)
    assert add_business_time(local(2026, 6, 6, 12, 0), timedelta(hours=9)) == local(2026, 6, 8, 9, 0)
    assert add_business_time(local(2026, 6, 6, 12, 0), timedelta(0)) == local(2026, 6, 6, 12, 0)
    with pytest.raises(ValueError):
        add_business_time(thursday, timedelta(hours=-1))


moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(BRUSSELS)
)
holiday_sets = st.lists(st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 12, 31)), max_size=20)


@given(start=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)), n=st.integers(-60, 60))
def test_counting_undoes_adding(start, n):
    holidays = [LABOUR_DAY, date(2026, 12, 25)]
    end = add_business_days(start, n, holidays=holidays)

    assert business_days_between(start, end, holidays=holidays) == n
    if n:
        assert is_business_day(end, holidays)


@given(start=moments, hours=st.integers(0, 24 * 40), holidays=holiday_sets)
def test_business_time_added_is_business_time_between(start, hours, holidays):
    end = add_business_time(start, timedelta(hours=hours), holidays=holidays)

    assert end >= start
    assert business_time_between(start, end, holidays=holidays) == timedelta(hours=hours)
