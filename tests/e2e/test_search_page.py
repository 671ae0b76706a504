"""The search page and the search boxes' suggestions in a real browser, in English, German and Polish.

A visitor types into the box, sees suggestions, picks one with the keyboard and lands on its page;
without JavaScript the same box submits to the results page. Screenshots of a results page at
1280 and 390 px in each language go to SEARCH_SCREENSHOTS (default /tmp/search-screenshots).
"""

import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Site

from cms.search.index import rebuild
from tests.cms.factories import (
    CallPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    PublicationPageFactory,
    PublicationTopicFactory,
    StandardPageFactory,
    TopicFactory,
    home_in,
    translate,
)
from tests.e2e.conftest import launch_options

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(os.environ.get("SEARCH_SCREENSHOTS", "/tmp/search-screenshots"))  # noqa: S108 - not committed
WIDTHS = (1280, 390)
BRUSSELS = ZoneInfo("Europe/Brussels")
# Titles and summaries per language, written for this test; the query of each language's results page.
QUERIES = {"en": "hydrogen", "de": "wasserstoff", "pl": "wodorowe"}
# What the visitor types into a box for suggestions: the start of the word.
TYPED = {"en": "hydr", "de": "wasser", "pl": "wodor"}
# The "call" choice of the type facet.
CALL_FACET = {"en": "Call for proposals", "de": "Ausschreibung", "pl": "Nabór wniosków"}
CONTENT = {
    "news": {
        "en": (
            "Hydrogen clusters meet in Gdańsk",
            "Cluster managers from twelve countries compared their hydrogen strategies.",
        ),
        "de": (
            "Wasserstoff-Cluster treffen sich in Danzig",
            "Clustermanager aus zwölf Ländern verglichen ihre Wasserstoff-Strategien.",
        ),
        "pl": (
            "Klastry wodorowe spotykają się w Gdańsku",
            "Menedżerowie klastrów z dwunastu krajów porównali strategie wodorowe.",
        ),
    },
    "open_call": {
        "en": (
            "Hydrogen valleys: cross-border pilots",
            "Consortia of hydrogen clusters from three regions may apply.",
        ),
        "de": (
            "Wasserstoff-Täler: grenzüberschreitende Pilotprojekte",
            "Konsortien von Wasserstoff-Clustern aus drei Regionen können sich bewerben.",
        ),
        "pl": (
            "Doliny wodorowe: transgraniczne projekty pilotażowe",
            "Wnioski mogą składać konsorcja klastrów wodorowych z trzech regionów.",
        ),
    },
    "closed_call": {
        "en": ("Hydrogen innovation vouchers 2014", "Vouchers for small firms testing hydrogen technology."),
        "de": (
            "Innovationsgutscheine Wasserstoff 2014",
            "Gutscheine für kleine Unternehmen, die Wasserstoff-Technik erproben.",
        ),
        "pl": ("Bony na innowacje wodorowe 2014", "Bony dla małych firm testujących technologie wodorowe."),
    },
    "event": {
        "en": (
            "Hydrogen workshop for cluster managers",
            "A day on hydrogen value chains and how clusters connect them.",
        ),
        "de": (
            "Wasserstoff-Workshop für Clustermanager",
            "Ein Tag über Wasserstoff-Wertschöpfungsketten und die Rolle der Cluster.",
        ),
        "pl": (
            "Warsztaty wodorowe dla menedżerów klastrów",
            "Dzień o łańcuchach wartości wodorowe i roli klastrów.",
        ),
    },
    "publication": {
        "en": (
            "Hydrogen in European clusters: a benchmarking study",
            "What 40 hydrogen clusters do for their members.",
        ),
        "de": (
            "Wasserstoff in europäischen Clustern: eine Benchmarking-Studie",
            "Was 40 Wasserstoff-Cluster für ihre Mitglieder tun.",
        ),
        "pl": (
            "Technologie wodorowe w europejskich klastrach: badanie porównawcze",
            "Co 40 klastrów wodorowych robi dla swoich członków.",
        ),
    },
    "page": {
        "en": ("Hydrogen partnerships", "How the network brings hydrogen clusters together."),
        "de": ("Wasserstoff-Partnerschaften", "Wie das Netzwerk Wasserstoff-Cluster zusammenbringt."),
        "pl": ("Partnerstwa wodorowe", "Jak sieć łączy klastry wodorowe."),
    },
}


def _english(kind, title, summary):
    if kind == "news":
        return NewsArticlePageFactory(title=title, summary=summary, date=date(2026, 3, 5))
    if kind == "open_call":
        return CallPageFactory(
            title=title,
            summary=summary,
            opens_at=datetime(2026, 1, 5, 9, 0, tzinfo=BRUSSELS),
            closes_at=datetime(2030, 5, 7, 17, 0, tzinfo=BRUSSELS),
        )
    if kind == "closed_call":
        return CallPageFactory(
            title=title,
            summary=summary,
            opens_at=datetime(2014, 1, 5, 9, 0, tzinfo=BRUSSELS),
            closes_at=datetime(2014, 5, 7, 17, 0, tzinfo=BRUSSELS),
        )
    if kind == "event":
        return EventPageFactory(
            title=title,
            summary=summary,
            start=datetime(2030, 6, 9, 9, 0, tzinfo=BRUSSELS),
            end=datetime(2030, 6, 10, 17, 0, tzinfo=BRUSSELS),
        )
    if kind == "publication":
        return PublicationPageFactory(title=title, abstract=f"<p>{summary}</p>", date=date(2025, 2, 3))
    return StandardPageFactory(title=title, search_description=summary)


@pytest.fixture
def site():
    """The six pages in English, German and Polish, indexed; {language: {title: url}}."""
    default = Site.objects.get(root_page__locale__language_code="en", root_page__depth=2)
    Site.objects.exclude(pk=default.pk).update(is_default_site=False)
    default.is_default_site = True
    default.save()
    for language in ("de", "pl"):
        home_in(language)
    energy = TopicFactory(name="Energy")
    urls = {language: {} for language in QUERIES}
    for kind, versions in CONTENT.items():
        english = _english(kind, *versions["en"])
        if kind == "publication":
            PublicationTopicFactory(page=english, topic=energy)
        urls["en"][english.title] = english.url
        for language in ("de", "pl"):
            title, summary = versions[language]
            changes = {"abstract": f"<p>{summary}</p>"} if kind == "publication" else {}
            if kind == "page":
                changes["search_description"] = summary
            elif kind != "publication":
                changes["summary"] = summary
            urls[language][title] = translate(english, language, title=title, **changes).url
    rebuild()
    return urls


def _suggestions(page, box, text):
    """Type into `box` as a visitor does, and wait for the listbox."""
    box.click()
    box.press_sequentially(text, delay=60)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    listbox.locator('[role="option"]').first.wait_for(state="visible")
    return listbox


def _pick_with_the_keyboard(page, base_url, language, urls, width):
    page.goto(f"{base_url}/{language}/")
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    listbox = _suggestions(page, box, TYPED[language])
    options = listbox.locator('[role="option"]')
    assert box.get_attribute("aria-expanded") == "true"
    offered = options.all_inner_texts()
    assert 1 < len(offered) <= 8
    assert set(offered) <= set(urls), offered
    # The list fits the screen under the box.
    bounds = listbox.bounding_box()
    assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= width, bounds

    box.press("ArrowDown")
    box.press("ArrowDown")
    second = options.nth(1)
    assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
    assert second.get_attribute("aria-selected") == "true"
    assert options.nth(0).get_attribute("aria-selected") == "false"
    box.press("ArrowUp")
    box.press("ArrowUp")  # wraps round to the last
    last = options.nth(len(offered) - 1)
    assert box.get_attribute("aria-activedescendant") == last.get_attribute("id")
    box.press("ArrowDown")  # and on to the first
    chosen = offered[0]
    box.press("Enter")
    page.wait_for_url(f"{base_url}{urls[chosen]}")
    assert page.locator("h1").inner_text() == chosen


@pytest.mark.parametrize("width", WIDTHS)
def test_pick_a_suggestion_with_the_keyboard(live_server, site, chromium, width):
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for language in QUERIES:
                _pick_with_the_keyboard(page, live_server.url, language, site[language], width)
        finally:
            browser.close()


def test_escape_closes_enter_without_a_choice_searches_a_click_chooses(live_server, site, chromium):
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            page = browser.new_page(viewport={"width": 390, "height": 800})
            page.goto(f"{live_server.url}/de/search/")
            box = page.locator("#search-q")
            listbox = _suggestions(page, box, TYPED["de"])
            box.press("Escape")
            assert box.get_attribute("aria-expanded") == "false"
            assert not listbox.is_visible()
            assert box.input_value() == TYPED["de"]
            box.press("ArrowDown")  # opens again
            assert listbox.is_visible()
            box.press("Escape")
            box.press("Enter")
            # The form's language choice ("this language") travels as an empty lang.
            page.wait_for_url(f"{live_server.url}/de/search/?q={TYPED['de']}&lang=")
            assert page.locator(".search-result").count() >= 1

            page.goto(f"{live_server.url}/pl/search/")
            listbox = _suggestions(page, page.locator("#search-q"), TYPED["pl"])
            option = listbox.locator('[role="option"]').first
            title = option.inner_text()
            option.click()
            page.wait_for_url(f"{live_server.url}{site['pl'][title]}")
        finally:
            browser.close()


def test_without_javascript_the_box_submits_to_the_results_page(live_server, site, chromium):
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
            page = context.new_page()
            for language, query in QUERIES.items():
                page.goto(f"{live_server.url}/{language}/")
                box = page.locator("#site-search-q")
                assert box.get_attribute("role") is None
                box.fill(query)
                box.press("Enter")
                page.wait_for_url(f"{live_server.url}/{language}/search/?q={query}")
                found = page.locator(".search-result__title a").all_inner_texts()
                assert set(found) == set(site[language]), found
                # A facet is a plain link.
                page.locator(".search-facet a", has_text=CALL_FACET[language]).click()
                page.wait_for_url(f"{live_server.url}/{language}/search/?q={query}&type=call")
                assert page.locator(".search-result").count() == 2
        finally:
            browser.close()


def test_results_page_screenshots_fit_the_screen(live_server, site, chromium):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            for language, width in [(language, width) for language in QUERIES for width in WIDTHS]:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(f"{live_server.url}/{language}/search/?q={QUERIES[language]}")
                assert page.locator(".search-result").count() == len(CONTENT)
                assert page.locator(".search-result__title mark").count() >= len(CONTENT)
                overflow = page.evaluate("document.documentElement.scrollWidth")
                assert overflow <= width, (language, width, overflow)
                page.screenshot(path=str(SCREENSHOTS / f"search-{language}-{width}.png"), full_page=True)
                page.close()
        finally:
            browser.close()
