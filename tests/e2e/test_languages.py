"""The language switcher in a real browser, wide and narrow, in English, German and Polish.

It is reachable and works on every page, also on a page missing in a language: the visitor lands
on the notice in that language, and gets back to the page from there.
"""

import pytest
from wagtail.models import Site

from tests.cms.factories import StandardPageFactory, home_in, translate
from tests.e2e.conftest import launch_options

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (1280, 390)
# What a visitor reads, written by hand.
HEADINGS = {
    "en": "This page is not available in this language",
    "de": "Diese Seite ist in dieser Sprache nicht verfügbar",
    "pl": "Ta strona nie jest dostępna w tym języku",
}
NAMES = {"en": "English", "de": "Deutsch", "pl": "polski"}


@pytest.fixture
def site_in_three_languages():
    """Home pages in English, German and Polish; "About" in English and German only."""
    site = Site.objects.get(root_page__locale__language_code="en", root_page__depth=2)
    Site.objects.exclude(pk=site.pk).update(is_default_site=False)
    site.is_default_site = True
    site.save()
    home_in("de")
    home_in("pl")
    about = StandardPageFactory(title="About us", slug="about", show_in_menus=True)
    translate(about, "de", title="Über uns", slug="ueber-uns")
    return {"en": "/en/about/", "de": "/de/ueber-uns/", "pl": f"/pl/unavailable/{about.pk}/"}


def choose(page, language):
    """Open the switcher and follow the link of `language`: it must be visible inside the viewport."""
    summary = page.locator(".lang-switch summary")
    summary.scroll_into_view_if_needed()
    assert summary.is_visible()
    summary.click()
    link = page.locator(f'.lang-switch a[hreflang="{language}"]')
    assert link.is_visible()
    box = link.bounding_box()
    width = page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, (language, box, width)
    assert link.inner_text().startswith(NAMES[language])
    link.click()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "de", "pl"])
def test_the_switcher_reaches_every_version_and_the_notice(
    live_server, site_in_three_languages, chromium, language, width
):
    urls = site_in_three_languages
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{live_server.url}{urls[language]}")
            assert page.locator("html").get_attribute("lang") == language
            # Every other language, then back to where we started.
            for other in ("en", "de", "pl"):
                if other == language:
                    continue
                choose(page, other)
                page.wait_for_url(f"{live_server.url}{urls[other]}")
                assert page.locator("html").get_attribute("lang") == other
                if other == "pl":
                    assert page.locator("h1").inner_text() == HEADINGS["pl"]
                    versions = page.locator(".missing-translation__versions a")
                    assert versions.evaluate_all("links => links.map(a => a.hreflang)") == ["en", "de"]
                choose(page, language)
                page.wait_for_url(f"{live_server.url}{urls[language]}")
        finally:
            browser.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_notice_leads_back_to_the_page(live_server, site_in_three_languages, chromium, width):
    urls = site_in_three_languages
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{live_server.url}{urls['pl']}")
            assert page.locator("h1").inner_text() == HEADINGS["pl"]
            assert page.locator('meta[name="robots"]').get_attribute("content").startswith("noindex")
            german = page.locator('.missing-translation__versions a[hreflang="de"]')
            assert german.is_visible()
            german.click()
            page.wait_for_url(f"{live_server.url}{urls['de']}")
            assert page.locator("h1").inner_text() == "Über uns"
            # The Polish home page is offered on the notice too.
            page.goto(f"{live_server.url}{urls['pl']}")
            page.locator('main a[href="/pl/"]').first.click()
            page.wait_for_url(f"{live_server.url}/pl/")
            assert page.locator("html").get_attribute("lang") == "pl"
        finally:
            browser.close()
