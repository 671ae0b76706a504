"""The demo's exemption from two-factor authentication can never reach production."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.checks import Error

from accounts.checks import demo_exemption_needs_debug, two_factor_required

ROOT = Path(__file__).resolve().parents[2]
SKIP = "ACCOUNTS_DEMO_LOGINS_SKIP_2FA"


def test_the_exemption_without_debug_is_an_error(settings):
    settings.ACCOUNTS_DEMO_LOGINS_SKIP_2FA = True
    settings.DEBUG = False
    errors = demo_exemption_needs_debug(None)
    assert [e.id for e in errors] == ["accounts.E001"] and isinstance(errors[0], Error)


def test_the_exemption_on_a_debug_server_passes(settings):
    settings.ACCOUNTS_DEMO_LOGINS_SKIP_2FA = True
    settings.DEBUG = True
    assert demo_exemption_needs_debug(None) == []


def test_switching_two_factor_off_is_reported_by_the_deploy_check(settings):
    settings.WAGTAIL_2FA_REQUIRED = False
    assert [w.id for w in two_factor_required(None)] == ["accounts.W001"]


def settings_value(module, name, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": "x" * 64,
        "ALLOWED_HOSTS": "example.org",
        **env,
    }
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_production_refuses_the_exemption_whatever_the_environment_says():
    value = settings_value("cms.settings.production", SKIP, DEMO_LOGINS_SKIP_2FA="1")
    assert value == "False"


def test_the_embedded_demo_allows_it_and_the_environment_can_say_no():
    assert settings_value("cms.settings.dev", SKIP) == "True"
    assert settings_value("cms.settings.dev", SKIP, DEMO_LOGINS_SKIP_2FA="0") == "False"
