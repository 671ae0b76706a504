"""Business days follow a real public-holiday calendar: Belgium's by default, any country by setting.

Every expected date below was read from a calendar by hand, not computed.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from workflows.business_days import add_business_days, business_days_between, is_business_day

BRUSSELS = ZoneInfo("Europe/Brussels")


def test_the_default_calendar_is_belgium(settings):
    assert settings.WORKFLOWS_HOLIDAY_COUNTRY == "BE"


def test_business_days_skip_christmas_day_in_belgium():
    # Thursday 24 December 2026; Friday the 25th is Christmas, then the weekend.
    assert add_business_days(date(2026, 12, 24), 1) == date(2026, 12, 28)


def test_business_days_skip_easter_monday_and_ascension_in_belgium():
    # Easter Monday 2027 is 29 March; Good Friday is not a public holiday in Belgium.
    assert add_business_days(date(2027, 3, 26), 1) == date(2027, 3, 30)
    assert is_business_day(date(2026, 4, 3))  # Good Friday 2026
    # Ascension Day 2027: Thursday 6 May.
    assert add_business_days(date(2027, 5, 5), 1) == date(2027, 5, 7)


def test_a_holiday_on_a_saturday_costs_no_business_day():
    # 1 May 2027 is a Saturday: Friday 30 April + 1 business day is Monday 3 May, as without it.
    assert add_business_days(date(2027, 4, 30), 1) == date(2027, 5, 3)


def test_belgian_holidays_of_2026_are_closed():
    for day in [
        date(2026, 1, 1),
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 1),
        date(2026, 5, 14),  # Ascension
        date(2026, 5, 25),  # Whit Monday
        date(2026, 7, 21),  # National Day
        date(2026, 11, 11),  # Armistice
        date(2026, 12, 25),
    ]:
        assert not is_business_day(day), day
    # Days the secretariat might expect off but that are not Belgian public holidays.
    for day in [date(2026, 5, 8), date(2026, 12, 24), date(2026, 12, 28), date(2026, 12, 31)]:
        assert is_business_day(day), day


def test_datetimes_keep_their_time_across_a_holiday():
    thursday = datetime(2026, 12, 24, 16, 30, tzinfo=BRUSSELS)
    assert add_business_days(thursday, 1) == datetime(2026, 12, 28, 16, 30, tzinfo=BRUSSELS)
    assert business_days_between(thursday, datetime(2026, 12, 28, 9, 0, tzinfo=BRUSSELS)) == 1


@override_settings(WORKFLOWS_EXTRA_CLOSING_DAYS=["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"])
def test_the_offices_own_closing_days_add_to_the_public_holidays():
    # Closed from Christmas to New Year (1 January 2027 is a holiday, then the weekend).
    assert add_business_days(date(2026, 12, 24), 1) == date(2027, 1, 4)


@override_settings(WORKFLOWS_HOLIDAY_COUNTRY="DE", WORKFLOWS_HOLIDAY_SUBDIVISION="BY")
def test_another_country_and_subdivision():
    # 6 January 2027 (Wednesday) is Epiphany in Bavaria, not in Belgium; 21 July 2027 is Belgian only.
    assert add_business_days(date(2027, 1, 5), 1) == date(2027, 1, 7)
    assert is_business_day(date(2027, 7, 21))


@override_settings(WORKFLOWS_HOLIDAY_COUNTRY="DE", WORKFLOWS_HOLIDAY_SUBDIVISION="")
def test_the_subdivision_matters():
    assert is_business_day(date(2027, 1, 6))  # Berlin, Hamburg...: Epiphany is a working day


def test_holidays_passed_in_replace_the_calendar():
    assert add_business_days(date(2026, 12, 24), 1, holidays=[]) == date(2026, 12, 25)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"WORKFLOWS_HOLIDAY_COUNTRY": "XX"}, "Country XX not available"),
        ({"WORKFLOWS_HOLIDAY_COUNTRY": "BE", "WORKFLOWS_HOLIDAY_SUBDIVISION": "Wallonia"}, "Wallonia"),
        ({"WORKFLOWS_EXTRA_CLOSING_DAYS": ["28/12/2026"]}, "WORKFLOWS_EXTRA_CLOSING_DAYS takes ISO dates"),
    ],
)
def test_a_misconfigured_calendar_fails_the_system_check_not_a_request(overrides, expected):
    with override_settings(**overrides):
        with pytest.raises(ImproperlyConfigured, match=expected):
            is_business_day(date(2026, 12, 24))
        errors = [error for error in checks.run_checks() if error.id == "workflows.E004"]
    assert len(errors) == 1 and expected in errors[0].msg
