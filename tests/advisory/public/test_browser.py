"""The requester's pages in a real browser: what a test client cannot see (Origin headers, focus).

A browser posts "Origin: null" from a page whose referrer policy is "no-referrer", and Django's
CSRF check refuses it: only a browser shows that the tracking page's forms work.
"""

import pytest
from wagtail.models import Site

from advisory.models import AdvisoryRequest
from tests.advisory.factories import PDF_BYTES
from tests.e2e.conftest import launch_options, sync_api_or_skip

pytestmark = [
    pytest.mark.e2e,
    # The live server needs committed data; restore what the migrations created afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def chromium():
    return sync_api_or_skip()


@pytest.fixture
def any_host():
    """The live server listens on localhost:<port>; let the English site answer any host."""
    site = Site.objects.get(root_page__locale__language_code="en", root_page__depth=2)
    Site.objects.exclude(pk=site.pk).update(is_default_site=False)
    site.is_default_site = True
    site.save()


def test_a_requester_submits_in_german_and_acts_on_the_tracking_page(
    chromium, any_host, german_page, live_server, tmp_path
):
    document = tmp_path / "programm.pdf"
    document.write_bytes(PDF_BYTES)
    form_url = live_server.url + german_page.url  # no database access once the browser runs
    seen = {}
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            page = browser.new_page()
            page.goto(form_url)
            # An empty submission: the error summary takes the focus and names the fields.
            page.click(".advisory-form button[type=submit]")
            # The click only starts the post: read the focus in the page that answers it, once loaded.
            page.wait_for_selector("#error-summary")
            page.wait_for_load_state("load")
            seen["focus"] = page.evaluate("document.activeElement.id")
            seen["title"] = page.title()

            page.fill("#id_requester_name", "Maria Muster")
            page.fill("#id_requester_email", "maria@ministerium.example")
            page.fill("#id_organisation", "Wirtschaftsministerium")
            page.select_option("#id_country", label="Deutschland")
            page.fill("#id_programme_name", "Cluster-Offensive")
            page.check("#id_programme_level_1")
            page.select_option("#id_service_type", value="programme_development")
            page.fill("#id_description", "Beratung zur nächsten Förderperiode.")
            page.get_by_label("Programmgestaltung").check()
            page.set_input_files("#id_attachments", str(document))
            page.check("#id_privacy_consent")
            page.click(".advisory-form button[type=submit]")
            page.wait_for_url("**/thanks/")
            link = page.locator(".confirmation__link a").get_attribute("href")
            seen["reference"] = page.locator(".confirmation__reference strong").inner_text()

            page.goto(link)
            # The script posted the fragment's token: the request shows under a URL without it.
            page.wait_for_selector(".status-panel")
            seen["tracking_url"] = page.url
            seen["tracking_lang"] = page.locator("html").get_attribute("lang")
            page.click(".withdraw summary")
            page.fill("#id_withdraw-comment", "Das Programm wurde eingestellt.")
            page.click(".withdraw button[type=submit]")
            page.wait_for_load_state()
            seen["after"] = page.locator(".notices").inner_text()
        finally:
            browser.close()

    assert seen["focus"] == "error-summary"
    assert seen["title"].startswith("Fehler:") or seen["title"].startswith("Error:")
    request = AdvisoryRequest.objects.get()
    assert seen["reference"] == request.reference
    token = link.split("#", 1)[1]
    assert "/track/#" in link and request.tracking_token_hash == AdvisoryRequest.hash_token(token)
    assert seen["tracking_url"].endswith("/de/request-advice/track/") and token not in seen["tracking_url"]
    assert request.requester_language == seen["tracking_lang"] == "de"
    assert request.attachments.get().original_name == "programm.pdf"
    # The withdrawal went through CSRF in a real browser.
    assert request.state == AdvisoryRequest.State.WITHDRAWN
    assert request.withdraw_reason == "Das Programm wurde eingestellt."
    assert seen["after"]
