"""The admin bootstrap (`manage.py ensure_admin`): one superuser, its password shown once."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run_ensure_admin(*args):
    out = StringIO()
    call_command("ensure_admin", *args, stdout=out)
    return out.getvalue()


def test_ensure_admin_creates_a_superuser_with_a_random_password_shown_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    output = run_ensure_admin()
    password = re.search(r"Password: (\S+)", output).group(1)
    assert len(password) >= 16
    assert "http://testserver/admin/" in output
    assert output.splitlines()[0].startswith("+-")
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.check_password(password)

    again = run_ensure_admin()
    assert again.strip() == "admin user exists"
    assert password not in again
    user.refresh_from_db()
    assert user.check_password(password)


def test_ensure_admin_never_changes_an_existing_password(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    run_ensure_admin("--password", "first-Secret-1")
    assert run_ensure_admin("--password", "second-Secret-2").strip() == "admin user exists"
    assert get_user_model().objects.get(username="admin").check_password("first-Secret-1")


def test_ensure_admin_takes_the_password_from_option_or_environment(monkeypatch):
    output = run_ensure_admin("--password", "from-the-Option-1")
    assert "from-the-Option-1" not in output
    assert get_user_model().objects.get(username="admin").check_password("from-the-Option-1")

    monkeypatch.setenv("ADMIN_PASSWORD", "from-the-Environment-2")
    output = run_ensure_admin("--username", "editor-in-chief")
    assert "from-the-Environment-2" not in output
    assert get_user_model().objects.get(username="editor-in-chief").check_password("from-the-Environment-2")
