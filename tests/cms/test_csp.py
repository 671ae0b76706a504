"""The Content-Security-Policy: strict on every public page type, its own (wider) policy in the admin.

A strict policy is only worth having if the pages keep to it: each public page is also read the way a
browser would apply the policy, and must carry no inline script, event handler, javascript: URL,
inline <style> or style attribute (all of which the policy would block, breaking the page).
"""

import base64
import hashlib
import importlib.util

import pytest
from django.urls import path
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText

from cms.models import CallIndexPage, EventIndexPage, NewsIndexPage, PublicationIndexPage
from tests.advisory.public.conftest import (  # noqa: F401 - fixtures used by the tracking tests
    form_data,
    form_page,
    journey,
    open_tracking,
    track_url,
)
from tests.cms.conftest import module_data
from tests.cms.factories import (
    CallPageFactory,
    DocumentFactory,
    EventPageFactory,
    ImageFactory,
    NewsArticlePageFactory,
    PublicationPageFactory,
    StandardPageFactory,
    english_home,
    index_page,
)
from tests.cms.markup import soup

HEADER = "Content-Security-Policy"
VIDEO_URL = "https://www.youtube.com/watch?v=cluster-days"


def policy(response):
    """{directive: [sources]} of the response's enforced policy."""
    assert HEADER in response, f"no {HEADER} header"
    parsed = {}
    for part in response[HEADER].split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_strict(response):
    """Scripts and styles only from files of this origin; nothing inline, nothing evaluated."""
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]


def inline_code(response):
    """What of the page a strict policy would block: inline scripts, handlers, styles."""
    html = soup(response)
    found = []
    for script in html.find_all("script"):
        # Data blocks are not run.
        if not script.get("src") and script.get("type") != "application/json":
            found.append(f"inline <script>: {script.get_text()[:80]!r}")
    for style in html.find_all("style"):
        found.append(f"inline <style>: {style.get_text()[:80]!r}")
    for tag in html.find_all(True):
        for name, value in tag.attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag.name} {name}=...>")
            elif name == "style":
                found.append(f'<{tag.name} style="{value}">')
            elif name in {"href", "src", "action", "formaction"} and str(value).strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{tag.name} {name}={value!r}>")
    return found


def build_site():
    """One page of each public type, with the content that makes templates work hardest."""
    image = ImageFactory()
    document = DocumentFactory(title="Call guide")
    # A video embed as Wagtail stores it once fetched: no request to the provider in the tests.
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/cluster-days" title="Days"></iframe>',
        width=480,
        height=270,
        last_updated=timezone.now(),
    )
    home = english_home()
    home.intro = "<p>Cluster policy advice for Europe.</p>"
    home.services = [("service", {"title": "Programme design", "text": "We advise.", "page": None})]
    home.save_revision().publish()
    standard = StandardPageFactory(
        title="About",
        slug="about",
        body=[
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("paragraph", RichText("<p>Experts from <b>27</b> countries.</p>")),
            ("image", {"image": image, "alt_text": "Meeting", "caption": "Brussels"}),
            ("quote", {"quote": "Clusters grow regions.", "attribution": "A member"}),
            ("call_to_action", {"text": "Contact", "page": None, "url": "https://example.org/"}),
            ("document", {"document": document, "title": ""}),
            ("embed", VIDEO_URL),
        ],
        social_image=image,
    )
    news = NewsArticlePageFactory(title="Cluster days 2026", related=[("page", standard)])
    call = CallPageFactory(title="Cluster excellence call")
    event = EventPageFactory(title="Benchmarking workshop", documents=[("document", document)])
    publication = PublicationPageFactory(title="Cluster study", pdf=DocumentFactory(title="Study PDF"))
    return {
        "home": home.url,
        "standard": standard.url,
        "news_index": index_page(NewsIndexPage).url,
        "news": news.url,
        "call_index": index_page(CallIndexPage).url,
        "call": call.url,
        "event_index": index_page(EventIndexPage).url,
        "event": event.url,
        "publication_index": index_page(PublicationIndexPage).url,
        "publication": publication.url,
        "search": "/en/search/?q=cluster",
    }


@pytest.fixture(scope="module")
def site_urls(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker):
        yield build_site()


CMS_PAGES = [
    "home",
    "standard",
    "news_index",
    "news",
    "call_index",
    "call",
    "event_index",
    "event",
    "publication_index",
    "publication",
    "search",
]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", CMS_PAGES)
def test_public_pages_send_a_strict_policy_and_keep_to_it(client, site_urls, kind):
    response = client.get(site_urls[kind])
    assert response.status_code == 200
    assert_strict(response)
    assert inline_code(response) == []


@pytest.mark.django_db
def test_search_results_keep_to_the_policy(client, site_urls):
    response = client.get("/en/search/?q=cluster")
    # The matched word is marked inside the title: "<mark>Cluster</mark> days 2026".
    assert "Cluster days 2026" in [
        link.get_text() for link in soup(response).select(".search-result__title a")
    ]
    assert inline_code(response) == []


@pytest.mark.django_db
def test_not_found_page_sends_a_strict_policy_and_keeps_to_it(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert_strict(response)
    assert inline_code(response) == []


@pytest.mark.django_db
def test_responsive_embed_keeps_its_ratio_without_a_style_attribute(client, site_urls):
    """Wagtail's own embed template sets the ratio in a style attribute the policy would block."""
    box = soup(client.get(site_urls["standard"])).select_one(".responsive-object")
    assert box is not None
    assert box.get("style") is None
    assert box["data-ratio"] == "56.25%"  # 270 / 480
    assert box.find("iframe")["src"] == "https://www.youtube-nocookie.com/embed/cluster-days"


@pytest.mark.django_db
def test_embedded_video_players_may_load(client, site_urls):
    frame_src = policy(client.get(site_urls["standard"]))["frame-src"]
    assert "https://www.youtube-nocookie.com" in frame_src
    assert "'self'" not in frame_src


# The public advisory pages: the request form, its confirmation, the resend form, the tracking page.


@pytest.mark.django_db
def test_request_form_sends_a_strict_policy_and_keeps_to_it(client, form_page):  # noqa: F811
    response = client.get(form_page.url)
    assert response.status_code == 200
    assert "<form" in response.content.decode()
    assert_strict(response)
    assert inline_code(response) == []


@pytest.mark.django_db
def test_request_form_with_errors_keeps_to_the_policy(client, form_page):  # noqa: F811
    response = client.post(form_page.url, form_data(requester_email="not an address"))
    assert response.status_code == 200
    assert_strict(response)
    assert inline_code(response) == []


@pytest.mark.django_db
def test_confirmation_page_sends_a_strict_policy_and_keeps_to_it(client, form_page):  # noqa: F811
    response = client.post(form_page.url, form_data(), follow=True)
    assert response.redirect_chain, "the form did not accept the submission"
    assert response.status_code == 200
    assert_strict(response)
    assert inline_code(response) == []


@pytest.mark.django_db
def test_resend_form_sends_a_strict_policy_and_keeps_to_it(client, form_page):  # noqa: F811
    response = client.get(form_page.url + form_page.reverse_subpage("resend"))
    assert response.status_code == 200
    assert_strict(response)
    assert inline_code(response) == []


@pytest.mark.django_db
def test_tracking_page_before_its_link_is_opened_keeps_to_the_policy(client, form_page):  # noqa: F811
    response = client.get(track_url(form_page))
    assert response.status_code == 200
    assert_strict(response)
    assert inline_code(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["submitted", "awaiting_info", "team_proposed", "delivered"])
def test_tracking_page_sends_a_strict_policy_and_keeps_to_it(client, form_page, journey, state):  # noqa: F811
    """Each state shows other forms (answer, agree to the team, download, feedback)."""
    step = journey(state)
    response = open_tracking(client, form_page, step.token)
    assert response.status_code == 200
    assert step.request.reference in response.content.decode()
    assert_strict(response)
    assert inline_code(response) == []


# The server error page: standalone on purpose, with its own small <style> admitted by its hash.


def _fail(request):
    raise RuntimeError("a bug")


urlpatterns = [path("fail/", _fail)]
handler500 = "cms.views.server_error"


@pytest.mark.django_db
def test_error_page_style_is_admitted_by_its_hash_and_nothing_else(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/fail/")
    assert response.status_code == 500
    styles = soup(response).find_all("style")
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256(styles[0].string.encode()).digest()).decode()
    assert policy(response)["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert policy(response)["script-src"] == ["'self'"]


# The admin: Wagtail 7.4 needs inline scripts and styles; nothing else is loosened.


@pytest.mark.django_db
def test_admin_has_its_own_policy_allowing_wagtails_inline_code_only(admin):
    directives = policy(admin.get("/admin/"))
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    # Injected event handlers (onerror=...) stay blocked; nothing is ever evaluated.
    assert directives["script-src-attr"] == ["'none'"]
    assert not any("'unsafe-eval'" in sources for sources in directives.values())
    assert directives["default-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_admin_policy_covers_every_admin_screen(admin, site_urls):
    news = NewsArticlePageFactory(title="Preview me")
    for url in ["/admin/pages/", f"/admin/pages/{news.pk}/edit/", "/admin/images/", "/admin/snippets/"]:
        response = admin.get(url)
        assert response.status_code == 200, url
        assert "'unsafe-inline'" in policy(response)["script-src"], url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/login/", "/admin/password_reset/"])
def test_admin_pages_open_to_anyone_keep_the_strict_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_strict(response)


@pytest.mark.django_db
def test_sign_in_lockout_page_keeps_the_strict_policy(client):
    """The lockout answers on the sign-in URL, to anyone: it must work with nothing inline."""
    for _ in range(5):
        response = client.post("/admin/login/", {"username": "someone", "password": "a guess"})
    assert response.status_code == 429
    assert_strict(response)
    assert inline_code(response) == []


@pytest.mark.django_db
def test_live_preview_is_framed_by_the_editor_on_this_origin_only(admin, site_urls):
    page = NewsArticlePageFactory(title="Preview me")
    editor = policy(admin.get(f"/admin/pages/{page.pk}/edit/"))
    assert "'self'" in editor["frame-src"]
    preview = admin.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert policy(preview)["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_admin_avatars_are_not_fetched_from_gravatar(admin):
    assert "gravatar.com" not in admin.get("/admin/").content.decode()


# Deployment sources come from the environment.


def settings_with(monkeypatch, **environ):
    """The settings module's values as a deployment with `environ` would compute them."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    origin = importlib.util.find_spec("cms.settings.base").origin
    spec = importlib.util.spec_from_file_location("cms.settings.base_with_environ", origin)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


def test_extra_image_sources_and_report_uri_come_from_the_environment(monkeypatch):
    values = settings_with(
        monkeypatch,
        CSP_EXTRA_IMG_SRC="https://cdn.example.org, https://media.example.org",
        CSP_FRAME_SRC="https://player.vimeo.com",
        CSP_REPORT_URI="https://reports.example.org/csp",
    )
    public = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert public["img-src"] == ["'self'", "data:", "https://cdn.example.org", "https://media.example.org"]
    assert public["frame-src"] == ["https://player.vimeo.com"]
    assert public["report-uri"] == ["https://reports.example.org/csp"]
    admin = values["CONTENT_SECURITY_POLICY_ADMIN"]["DIRECTIVES"]
    assert admin["img-src"] == public["img-src"]
    assert admin["frame-src"] == ["'self'", "https://player.vimeo.com"]
    assert admin["report-uri"] == ["https://reports.example.org/csp"]
