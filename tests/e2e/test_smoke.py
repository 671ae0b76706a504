"""Smoke test of the public site in a real browser: languages, translated content, switcher."""

import pytest
from wagtail.models import Locale, Site
from wagtail_localize.operations import translate_object

from cms.models import HomePage

ENGLISH_INTRO = "A network of cluster experts in 27 countries."
GERMAN_INTRO = "Ein Netzwerk von Clusterexperten in 27 Ländern."

pytestmark = [
    pytest.mark.e2e,
    # The live server needs committed data; restore what the migrations created afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def bilingual_home():
    """The English home page (made by the migrations) and its published German translation."""
    site = Site.objects.get(root_page__locale__language_code="en", root_page__depth=2)
    # The live server listens on localhost:<random port>; the default site answers any host.
    Site.objects.exclude(pk=site.pk).update(is_default_site=False)
    site.is_default_site = True
    site.save()

    home = HomePage.objects.get(locale__language_code="en")
    home.title = "Cluster policy expertise for Europe"
    home.intro = f"<p>{ENGLISH_INTRO}</p>"
    home.save_revision().publish()

    german = Locale.objects.get(language_code="de")
    translate_object(home, [german])
    german_home = home.get_translation(german)
    german_home.title = "Clusterpolitische Expertise für Europa"
    german_home.intro = f"<p>{GERMAN_INTRO}</p>"
    german_home.save_revision().publish()
    return home, german_home


def test_home_page_in_english_and_german(live_server, bilingual_home, browser):
    page = browser.new_page()

    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text(ENGLISH_INTRO).is_visible()
    assert page.locator("h1").inner_text() == "Cluster policy expertise for Europe"
    # The stylesheet is served (by the live server's static handler) and applied.
    assert page.locator("header.site-header").evaluate("el => getComputedStyle(el).display") != "inline"

    # The switcher lists the German version and leads there.
    page.locator(".lang-switch summary").click()
    german_link = page.locator('.lang-switch a[hreflang="de"]')
    assert german_link.is_visible()
    assert german_link.get_attribute("lang") == "de"
    assert german_link.evaluate("a => new URL(a.href).pathname") == "/de/"
    assert page.locator('.lang-switch a[aria-current="page"]').get_attribute("hreflang") == "en"
    german_link.click()
    page.wait_for_url(f"{live_server.url}/de/")

    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_text(GERMAN_INTRO).is_visible()
    assert page.locator("h1").inner_text() == "Clusterpolitische Expertise für Europa"
    assert page.get_by_text(ENGLISH_INTRO).count() == 0
    hreflangs = page.locator('head link[rel="alternate"][hreflang]')
    assert sorted(hreflangs.evaluate_all("links => links.map(l => l.hreflang)")) == ["de", "en", "x-default"]

    # Opening /de/ directly works too, and its switcher leads back to English.
    page.goto(f"{live_server.url}/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    english_link = page.locator('.lang-switch a[hreflang="en"]')
    assert english_link.evaluate("a => new URL(a.href).pathname") == "/en/"
