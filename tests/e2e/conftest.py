"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Playwright's sync API runs an event loop in the test's thread, and Django refuses ORM calls
from a thread with a running loop; so build every object before opening the browser and
close the browser before the database is rolled back (fixture order does both).
"""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_options():
    """How every browser test starts Chromium: the system's binary, never a downloaded one."""
    return {"executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


def sync_api_or_skip():
    """Playwright's sync API, or the test is skipped (visibly) when Chromium or playwright is missing.

    Under REQUIRE_INTEGRATION=1 (CI) such a skip is a failure (tests/conftest.py).
    """
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM}; the e2e tests need Debian's chromium package")
    return pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture
def chromium():
    """For tests that need the database again after the browser: they launch and close it themselves."""
    return sync_api_or_skip()


@pytest.fixture
def browser(chromium):
    """A headless Chromium, never downloaded: the system's, or the test is skipped."""
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            yield browser
        finally:
            browser.close()
