"""The Content-Security-Policy in a real browser: nothing the site or Wagtail's admin needs is blocked.

Chromium reports every blocked script, style, frame or image as a `securitypolicyviolation` event; an
init script forwards each one (from every frame, the live preview included) to the test.
"""

import pytest
from django.apps import apps
from django.utils import timezone
from django_otp.oath import TOTP
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Site
from wagtail.rich_text import RichText

from advisory import services
from advisory.models import RequestFormPage
from tests.advisory.conftest import valid_submission
from tests.cms.factories import ImageFactory, NewsArticlePageFactory, SuperUserFactory, english_home
from tests.e2e.conftest import launch_options

pytestmark = [
    pytest.mark.e2e,
    # The live server needs committed data; restore what the migrations created afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "csp-Passw0rd!"  # noqa: S105 - a test user's
TIMEOUT_MS = 15_000
# A provider's player as Wagtail stores it, 4:3; a frame without a source loads nothing from the network.
VIDEO_URL = "https://www.youtube.com/watch?v=cluster-days"
VIDEO_HTML = '<iframe title="Cluster days video"></iframe>'

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportViolation({
        page: location.pathname,
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
    });
});
"""


@pytest.fixture
def csp_site():
    """An article (rich text, image, embed), the request form, a request and its link, an editor."""
    site = Site.objects.get(root_page__locale__language_code="en", root_page__depth=2)
    # The live server listens on localhost:<random port>; the default site answers any host.
    Site.objects.exclude(pk=site.pk).update(is_default_site=False)
    site.is_default_site = True
    site.save()

    home = english_home()
    image = ImageFactory(title="Brussels meeting")
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html=VIDEO_HTML,
        width=400,
        height=300,
        last_updated=timezone.now(),
    )
    article = NewsArticlePageFactory(
        title="Cluster days 2026",
        body=[
            ("paragraph", RichText("<p>Clusters across Europe met in Brussels.</p>")),
            ("image", {"image": image, "alt_text": "The meeting", "caption": "Brussels"}),
            ("embed", VIDEO_URL),
        ],
    )
    form_page = RequestFormPage(
        title="Request advice",
        slug="request-advice",
        intro="<p>Ask the network for advice on your cluster programme.</p>",
    )
    home.add_child(instance=form_page)
    form_page.save_revision().publish()
    request, token = services.submit_request(valid_submission(), files=[], language="en")
    editor = SuperUserFactory(username="editor")
    editor.set_password(PASSWORD)
    editor.save()
    # Administrators confirm their sign-in with a TOTP code when two-factor authentication is on.
    totp_key = None
    if apps.is_installed("django_otp.plugins.otp_totp"):
        from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: PLC0415 - only where the app is installed

        totp_key = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True).bin_key
    return {
        "home": home.url,
        "article": article.url,
        "article_id": article.pk,
        "form": form_page.url,
        # The link of the requester's e-mail: its token in the fragment, posted by the page's script.
        "tracking_link": f"{form_page.url}{form_page.reverse_subpage('track')}#{token}",
        "reference": request.reference,
        "request_id": request.pk,
        "site_id": site.pk,
        "username": editor.username,
        "totp_key": totp_key,
    }


def sign_in(page, base, site):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", site["username"])
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "/admin/login/" not in url)
    page.wait_for_load_state("networkidle")
    if site["totp_key"] and page.locator("[name=otp_token]").count():
        page.fill("[name=otp_token]", f"{TOTP(site['totp_key']).token():06d}")
        page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/")
    page.wait_for_load_state("networkidle")


def browse(page, base, site):
    """A visitor's pages, then an editor's admin screens and the public site with Wagtail's user bar."""

    def visit(path):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")

    visit(site["home"])
    visit(site["article"])
    assert page.locator("h1").inner_text() == "Cluster days 2026"
    # The stylesheet applies, and the embed got its provider's 4:3 ratio from the site's script
    # (Wagtail would have put it in a style attribute, which the policy blocks).
    header = page.locator("header.site-header")
    assert header.evaluate("el => getComputedStyle(el).display") != "inline"
    box = page.locator(".responsive-object")
    assert box.evaluate("el => el.style.paddingBottom") == "75%"
    assert box.evaluate("el => el.offsetHeight / el.offsetWidth") == pytest.approx(0.75, abs=0.01)
    visit(site["form"])
    assert page.locator("form textarea").count() > 0
    visit(site["tracking_link"])
    page.get_by_text(site["reference"]).first.wait_for()

    sign_in(page, base, site)
    visit("/admin/pages/")
    visit(f"/admin/pages/{site['article_id']}/edit/")
    # Rich text (Draftail) and StreamField: type, add a block, choose an image in the chooser.
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type(" Another sentence.")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Image").click()
    page.get_by_role("button", name="Choose an image").last.click()
    page.locator(".modal [data-chooser-modal-choice]", has_text="Brussels meeting").first.click()
    page.locator(".modal").wait_for(state="hidden")
    # The live preview: the article rendered in a frame of the editor.
    page.locator("button[data-side-panel-toggle='preview']").click()
    page.frame_locator("#w-preview-iframe").locator("h1", has_text="Cluster days 2026").wait_for()

    visit("/admin/snippets/")
    visit("/admin/images/")
    visit("/admin/advisory/requests/")
    visit(f"/admin/advisory/requests/{site['request_id']}/")
    visit(f"/admin/settings/cms/sitesettings/{site['site_id']}/")

    # Back on the public site with Wagtail's user bar (its script and styles load from the admin).
    visit(site["article"])
    page.locator("#wagtail-userbar-trigger").click()
    page.get_by_role("menuitem", name="Edit this page").wait_for()
    page.wait_for_timeout(500)


def test_no_policy_violation_on_the_public_site_or_in_the_admin(live_server, csp_site, chromium):
    violations = []
    # No database access from here until the browser is closed (see conftest).
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            context = browser.new_context()
            context.set_default_timeout(TIMEOUT_MS)
            context.expose_binding("reportViolation", lambda source, violation: violations.append(violation))
            context.add_init_script(REPORT_VIOLATIONS)
            try:
                browse(context.new_page(), live_server.url, csp_site)
            except Exception as error:
                # What the policy blocked is usually why a step failed.
                raise AssertionError(f"{error}\nPolicy violations until then: {violations}") from error
        finally:
            browser.close()

    assert violations == []
