"""The demo stays in the checkout: out of the wheel and out of production.

That no app imports it is a contract of [tool.importlinter] (pyproject.toml).
"""

import importlib
import sys
import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]
APPS = ("cms", "advisory", "translations", "workflows", "accounts", "privacy")


def test_the_wheel_holds_the_apps_and_neither_the_demo_nor_the_tests():
    table = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    packages = find_packages(where=str(ROOT), include=table["include"], exclude=table.get("exclude", ()))
    assert {name.split(".")[0] for name in packages} == set(APPS)
    assert "advisory.models" in packages and "cms.management.commands" in packages


def test_production_does_not_install_the_demo(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "not-secret-only-for-this-test")
    monkeypatch.delitem(sys.modules, "cms.settings.production", raising=False)
    production = importlib.import_module("cms.settings.production")
    assert "demo" not in production.INSTALLED_APPS
    assert "wagtail.admin" in production.INSTALLED_APPS
    monkeypatch.delitem(sys.modules, "cms.settings.dev", raising=False)
    development = importlib.import_module("cms.settings.dev")
    assert "demo" in development.INSTALLED_APPS
