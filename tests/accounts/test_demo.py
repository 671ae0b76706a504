"""Demo logins: who may skip two-factor enrolment."""

import pytest

from accounts.demo import mark_demo_login, skips_two_factor
from tests.accounts.factories import totp_device

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_settings(settings):
    settings.ACCOUNTS_DEMO_LOGINS_SKIP_2FA = True
    settings.DEBUG = True
    return settings


def test_a_marked_demo_login_skips(demo_settings, coordinator):
    mark_demo_login(coordinator)
    mark_demo_login(coordinator)  # idempotent
    assert skips_two_factor(coordinator) is True


def test_an_ordinary_login_does_not_skip(demo_settings, coordinator):
    assert skips_two_factor(coordinator) is False


def test_a_demo_login_that_enrolled_verifies_like_everybody(demo_settings, coordinator):
    mark_demo_login(coordinator)
    totp_device(coordinator)
    assert skips_two_factor(coordinator) is False


def test_nobody_skips_where_the_setting_is_off(settings, coordinator):
    settings.DEBUG = True
    settings.ACCOUNTS_DEMO_LOGINS_SKIP_2FA = False
    mark_demo_login(coordinator)
    assert skips_two_factor(coordinator) is False
