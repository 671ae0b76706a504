"""wagtail-localize's translation editor shows rich-text segments with their formatting (cms.localize_editor).

A German translator opens the translation of a page whose English text has bold words and a link:
the segments read as formatted text, not as `<b>` and `<a id="a1">` tags. The translator still types
the tags (they carry the formatting into the translation), and the saved translation reads formatted.
"""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation, TranslationSource

from tests.cms.factories import StandardPageFactory, UserFactory, english_home, locale, translate
from tests.e2e.conftest import launch_options

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "translator-Passw0rd!"  # noqa: S105 - a test user's
TIMEOUT_MS = 15_000
PARAGRAPH = '<p>Experts from <b>27 countries</b>, see <a href="https://example.org/guide">the guide</a>.</p>'


@pytest.fixture
def german_translation():
    translate(english_home(), "de")
    page = StandardPageFactory(
        parent=english_home(), title="About us", slug="about-us", body=[("paragraph", RichText(PARAGRAPH))]
    )
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale("de"))
    translation.save_target(publish=False)
    user = UserFactory(username="translator-de", is_staff=True, groups=["Translators (de)"])
    user.set_password(PASSWORD)
    user.save()
    return reverse("wagtailadmin_pages:edit", args=(page.get_translation(locale("de")).pk,))


@pytest.mark.parametrize("width", [1280, 390])
def test_segments_show_formatting_not_tags(live_server, german_translation, chromium, width):
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.set_default_timeout(TIMEOUT_MS)
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{live_server.url}/admin/login/")
            page.fill("input[name=username]", "translator-de")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url("**/admin/")
            page.goto(f"{live_server.url}{german_translation}")

            shown = page.locator(".cms-localize-formatted").filter(has_text="27 countries")
            shown.first.wait_for()
            assert shown.first.locator("b").inner_text() == "27 countries"
            assert shown.first.locator(".cms-localize-formatted__link").inner_text() == "the guide"
            assert "<b>" not in page.locator(".js-translation-editor").inner_text()
            # Nothing of the segment's markup but the formatting: no live link, no attribute.
            assert shown.first.locator("a, [href], [id]").count() == 0

            segment = page.locator(".js-translation-editor li").filter(has=shown.first)
            segment.get_by_role("button", name="Translate").click()
            # The translator writes the tags; once saved, the translation shows formatted too.
            page.locator(".js-translation-editor textarea").fill(
                'Fachleute aus <b>27 Ländern</b>, siehe <a id="a1">den Leitfaden</a>.'
            )
            segment.get_by_role("button", name="Save").click()
            translated = page.locator(".cms-localize-formatted--translation").filter(has_text="27 Ländern")
            translated.wait_for()
            assert translated.locator("b").inner_text() == "27 Ländern"
            assert "<b>" not in page.locator(".js-translation-editor").inner_text()
            assert errors == []
        finally:
            browser.close()
