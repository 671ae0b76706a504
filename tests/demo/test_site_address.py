"""`make run ADDR=host:port`: every absolute link names that address, not 127.0.0.1:8000.

The Makefile turns ADDR into SITE_URL; the settings derive the admin's base URL from it; load_demo
points the Wagtail Site at it. Here the demo is loaded with SITE_URL at another address and the
sitemap, a feed, an event's .ics, an e-mail and the printed logins are read back.
"""

import importlib.machinery
import importlib.util
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Site

from advisory.models import AdvisoryRequest
from cms.models import EventPage, NewsArticlePage
from tests.advisory.factories import AdvisoryRequestFactory, requester
from workflows.delivery import deliver
from workflows.engine import perform

ADDRESS = "http://192.0.2.7:8123"
ELSEWHERE = "testserver"  # the host a request may carry: the links must not depend on it
SERVED = {"SITE_URL": ADDRESS, "WAGTAILADMIN_BASE_URL": ADDRESS}
ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def demo_at_address(django_db_setup, django_db_blocker):
    """The demo loaded while served at ADDRESS, once for the module, rolled back afterwards."""
    with (
        override_settings(**SERVED),
        pytest.MonkeyPatch.context() as patch,
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        patch.delenv("DEMO_PASSWORD", raising=False)
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def served(demo_at_address, settings, db):
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = ADDRESS
    return demo_at_address


def unfolded(ics):
    """An iCalendar body with its folded lines joined (RFC 5545 3.1)."""
    return ics.replace("\r\n ", "")


def test_the_site_record_moves_to_the_address(served):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("192.0.2.7", 8123)


def test_the_printed_logins_name_the_address(served):
    assert f"URL:      {ADDRESS}/admin/" in served
    assert "127.0.0.1:8000" not in served


def test_the_sitemap_names_the_address_whatever_the_request_host(served, client):
    body = client.get("/sitemap.xml", HTTP_HOST=ELSEWHERE).content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert locations
    assert all(location.startswith(f"{ADDRESS}/") for location in locations), locations[:3]
    alternates = re.findall(r'hreflang="[^"]+" href="([^"]+)"', body)
    assert alternates
    assert all(href.startswith(f"{ADDRESS}/") for href in alternates)


def test_hreflang_and_the_feed_name_the_address_they_are_served_on(served, client):
    article = NewsArticlePage.objects.live().filter(locale__language_code="en").first()
    page = client.get(article.url, HTTP_HOST="192.0.2.7:8123").content.decode()
    assert f'hreflang="en" href="{ADDRESS}{article.url}"' in page
    feed = client.get("/en/feeds/news/", HTTP_HOST="192.0.2.7:8123").content.decode()
    assert f'href="{ADDRESS}{article.url}"' in feed
    assert "127.0.0.1:8000" not in page + feed


def test_an_events_calendar_file_names_the_address(served, client):
    event = EventPage.objects.live().filter(locale__language_code="en").first()
    ics = unfolded(client.get(f"{event.url}event.ics", HTTP_HOST=ELSEWHERE).content.decode())
    assert f"URL:{ADDRESS}{event.url}" in ics
    assert re.search(r"UID:[^\r\n]+@192\.0\.2\.7\r\n", ics)


def test_e_mails_link_to_the_address(served):
    request = AdvisoryRequestFactory(state=AdvisoryRequest.State.NEW, requester_language="en")
    performed = perform(request, "submit", requester(request))
    mail.outbox.clear()
    for message in performed.messages:
        deliver(message.pk)
    bodies = "\n".join(message.body for message in mail.outbox)
    assert len(mail.outbox) == len(performed.messages) >= 2
    links = re.findall(r"https?://[^\s\"'<>]+", bodies)
    assert links
    assert all(link.startswith(f"{ADDRESS}/") for link in links), links


def load_serve():
    loader = importlib.machinery.SourceFileLoader("serve_script", str(ROOT / "bin" / "serve"))
    spec = importlib.util.spec_from_loader("serve_script", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("addrport", "expected"),
    [
        ("192.0.2.7:8123", "http://192.0.2.7:8123"),
        ("0.0.0.0:8123", "http://127.0.0.1:8123"),
        ("8123", "http://127.0.0.1:8123"),
        ("[::]:8123", "http://[::1]:8123"),
    ],
)
def test_serve_derives_the_address_from_addrport(monkeypatch, addrport, expected):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert load_serve().site_url(addrport) == expected


def test_serve_keeps_a_site_url_given(monkeypatch, capsys):
    monkeypatch.setenv("SITE_URL", "https://tunnel.example.org/")
    serve = load_serve()
    base = serve.site_url("0.0.0.0:8000")
    assert base == "https://tunnel.example.org"
    serve.print_banner(base, ["en", "de", "nl"], "var/mail/")
    banner = capsys.readouterr().out
    assert "site   https://tunnel.example.org/en/  (also /de/ /nl/)" in banner
    assert "admin  https://tunnel.example.org/admin/" in banner


@pytest.mark.parametrize(
    ("addr", "expected"),
    [
        ("192.0.2.7:8123", ADDRESS),
        ("0.0.0.0:8123", "http://127.0.0.1:8123"),
        ("8123", "http://127.0.0.1:8123"),
    ],
)
def test_make_exports_site_url_from_addr(monkeypatch, addr, expected):
    monkeypatch.delenv("SITE_URL", raising=False)
    result = subprocess.run(  # noqa: S603 - make with this checkout's Makefile
        [
            "make",
            "-s",
            "--no-print-directory",
            "--eval",
            "show-site-url: ; @echo $$SITE_URL",
            "show-site-url",
            f"ADDR={addr}",
        ],  # fmt: skip
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected


def test_the_development_settings_follow_site_url():
    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.WAGTAILADMIN_BASE_URL); print(' '.join(s.ALLOWED_HOSTS))"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in ("WAGTAILADMIN_BASE_URL", "ALLOWED_HOSTS")},
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "SITE_URL": ADDRESS + "/",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    base_url, hosts = result.stdout.splitlines()
    assert base_url == ADDRESS
    assert "192.0.2.7" in hosts.split()
