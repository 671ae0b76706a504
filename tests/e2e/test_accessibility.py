"""Accessibility of the public site, as axe-core judges it, on the whole demo in a real browser.

Every kind of public page (home, listings, a call with its deadlines, an event, a publication, an
article, the request form, the sitemap page, search results, the notice of a missing translation and
a requester's tracking page) in English, German and Polish, wide and narrow: no violation of impact
"critical" or "serious". Lesser findings ("moderate", "minor") are printed, not failed.
"""

import re
from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from wagtail.models import Locale, Page

from advisory.models import AdvisoryRequest, RequestFormPage
from cms.models import (
    CallIndexPage,
    CallPage,
    EventPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    PublicationPage,
)
from tests.e2e.conftest import launch_options

pytestmark = [
    pytest.mark.e2e,
    # The live server needs committed data; restore what the migrations created afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGES = ("en", "de", "pl")
WIDTHS = (1280, 390)
FAILING_IMPACTS = {"critical", "serious"}
REFERENCE = re.compile(r"ADV-\d{4}-\d{4,}")
RUNNING = ("submitted", "screening", "accepted", "team_proposed", "in_progress", "delivered")


def _first(model, locale):
    page = model.objects.live().public().filter(locale=locale).order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__} in {locale.language_code}"
    return page.url


def _paths(language):
    """What a visitor of `language` opens, read from the loaded demo before the browser starts."""
    locale = Locale.objects.get(language_code=language)
    english_only = Page.objects.get(url_path="/", depth=1)  # the tree's root: never in any language
    missing = english_only.pk
    for page in Page.objects.live().public().filter(locale__language_code="en", depth__gt=2):
        if not page.get_translations().filter(locale=locale).exists():
            missing = page.pk
            break
    return {
        "home": _first(HomePage, locale),
        "news index": _first(NewsIndexPage, locale),
        "article": _first(NewsArticlePage, locale),
        "calls": _first(CallIndexPage, locale),
        "call": CallPage.objects.live().filter(locale=locale).order_by("-closes_at").first().url,
        "event": _first(EventPage, locale),
        "publication": _first(PublicationPage, locale),
        "search": f"/{language}/search/?q=cluster",
        "sitemap page": f"/{language}/sitemap/",
        "missing translation": f"/{language}/unavailable/{missing}/" if missing != english_only.pk else None,
        "request form": RequestFormPage.objects.live().get(locale=locale).url,
    }


def _tracking(language, request):
    """Where a requester of `language` opens `request`, and a fresh link to type in there."""
    form = RequestFormPage.objects.live().get(locale__language_code=language)
    return form.url + form.reverse_subpage("track"), request.issue_tracking_token()


@pytest.fixture
def demo_paths():
    call_command("load_demo", verbosity=0, stdout=StringIO())
    paths = {language: _paths(language) for language in LANGUAGES}
    # A requester's tracking page: fresh links of a demo request, typed in by the browser itself.
    # One request per visit: a new link replaces the request's previous one.
    visits = [(language, width) for language in LANGUAGES for width in WIDTHS]
    running = AdvisoryRequest.objects.filter(state__in=RUNNING).order_by("pk")[: len(visits)]
    assert len(running) == len(visits), "the demo has too few running requests"
    tracking = {visit: _tracking(visit[0], request) for visit, request in zip(visits, running, strict=True)}
    return paths, tracking


def _violations(axe, page):
    results = axe.run(page)
    return [
        (item["id"], item["impact"], item["help"], [node["target"] for node in item["nodes"]][:3])
        for item in results.response["violations"]
    ]


def test_no_critical_or_serious_violation_on_any_kind_of_public_page(live_server, demo_paths, chromium):
    paths, tracking = demo_paths
    axe = Axe()
    failures, notes = [], []
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            for width in WIDTHS:
                # axe is injected by the test, not by the page: the site's policy allows no inline script.
                context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
                page = context.new_page()
                for language, by_kind in paths.items():
                    for kind, path in by_kind.items():
                        if path is None:
                            continue
                        response = page.goto(f"{live_server.url}{path}")
                        assert response.status == 200, (language, kind, path, response.status)
                        for found in _violations(axe, page):
                            where = f"{width}px {language} {kind} {path}"
                            (failures if found[1] in FAILING_IMPACTS else notes).append((where, *found))
                    track, token = tracking[(language, width)]
                    # The link as the e-mail gives it: the token in the fragment, posted by the page's script.
                    page.goto(f"{live_server.url}{track}#{token}")
                    page.wait_for_load_state("networkidle")
                    # Opened: the request's page, which names its reference number.
                    assert page.get_by_text(REFERENCE).count() > 0, page.url
                    for found in _violations(axe, page):
                        where = f"{width}px {language} tracking page {page.url}"
                        (failures if found[1] in FAILING_IMPACTS else notes).append((where, *found))
                context.close()
        finally:
            browser.close()
    for note in notes:
        print("axe (not failing):", *note)
    assert not failures, "\n".join(" | ".join(map(str, item)) for item in failures)
