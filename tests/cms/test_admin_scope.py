"""Experts and coordinators are not editors: no page, chooser, bulk-action or report screen shows drafts."""

import pytest
from django.urls import reverse
from wagtail.log_actions import log

from tests.advisory.factories import CoordinatorFactory, ExpertUserFactory
from tests.cms.factories import DocumentFactory, ImageFactory, NewsArticlePageFactory, UserFactory

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Zyxwv confidential merger memo"
IMAGE_TITLE = "Zyxwv unreleased poster"
DOCUMENT_TITLE = "Zyxwv embargoed study"
SECRETS = (DRAFT_TITLE, IMAGE_TITLE, DOCUMENT_TITLE, "Zyxwv")


@pytest.fixture
def draft():
    page = NewsArticlePageFactory(title=DRAFT_TITLE, publish=False)
    log(page, "wagtail.edit")
    ImageFactory(title=IMAGE_TITLE)
    DocumentFactory(title=DOCUMENT_TITLE)
    return page


def editorial_urls(draft):
    """Every admin screen that lists or opens pages, images or documents, by hand."""
    parent = draft.get_parent()
    search = {"q": "Zyxwv"}
    return [
        (reverse("wagtailadmin_explore_root"), {}),
        (reverse("wagtailadmin_explore", args=(parent.pk,)), {}),
        (reverse("wagtailadmin_explore_results", args=(parent.pk,)), {}),
        (reverse("wagtailadmin_choose_page"), {}),
        (reverse("wagtailadmin_choose_page_child", args=(parent.pk,)), {}),
        (reverse("wagtailadmin_choose_page_search"), search),
        (reverse("wagtailadmin_pages:search"), search),
        (reverse("wagtailadmin_pages:search_results"), search),
        (reverse("wagtailadmin_pages:history", args=(draft.pk,)), {}),
        (reverse("wagtailadmin_pages:revisions_index", args=(draft.pk,)), {}),
        (reverse("wagtailadmin_pages:edit", args=(draft.pk,)), {}),
        (reverse("wagtailadmin_pages:view_draft", args=(draft.pk,)), {}),
        (reverse("wagtailadmin_pages:usage", args=(draft.pk,)), {}),
        (reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")), {"id": draft.pk}),
        (reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")), {"id": draft.pk}),
        (reverse("wagtail_bulk_action", args=("wagtailcore", "page", "move")), {"id": draft.pk}),
        (reverse("wagtailadmin_api:pages:listing"), {}),
        (reverse("wagtailadmin_api:pages:detail", args=(draft.pk,)), {}),
        (reverse("wagtailadmin_api:images:listing"), {}),
        (reverse("wagtailadmin_api:documents:listing"), {}),
        (reverse("wagtailimages_chooser:choose"), {}),
        (reverse("wagtailimages_chooser:choose_results"), search),
        (reverse("wagtaildocs_chooser:choose"), {}),
        (reverse("wagtaildocs_chooser:choose_results"), search),
        (reverse("wagtailadmin_reports:locked_pages"), {}),
        (reverse("wagtailadmin_reports:workflow"), {}),
        (reverse("wagtailadmin_reports:workflow_tasks"), {}),
        (reverse("wagtailadmin_reports:site_history"), {}),
        (reverse("wagtailadmin_reports:site_history_results"), {}),
        (reverse("wagtailadmin_reports:aging_pages"), {}),
        (reverse("wagtailadmin_reports:page_types_usage"), {}),
        (reverse("wagtail_localize:translations_report"), {}),
    ]


@pytest.fixture(params=["expert", "coordinator", "lead coordinator"])
def outsider(request):
    if request.param == "expert":
        return ExpertUserFactory()
    return CoordinatorFactory(lead=request.param == "lead coordinator")


def test_outsiders_are_refused_every_editorial_screen(client, draft, outsider):
    client.force_login(outsider)
    leaks = []
    for url, params in editorial_urls(draft):
        response = client.get(url, params)
        body = response.content.decode(errors="replace")
        if response.status_code != 403 or any(secret in body for secret in SECRETS):
            leaks.append((url, response.status_code, [s for s in SECRETS if s in body]))
    assert leaks == []


def test_outsiders_dashboard_shows_no_page_titles_or_counts(client, draft, outsider):
    client.force_login(outsider)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    body = response.content.decode()
    assert not any(secret in body for secret in SECRETS)
    # Wagtail's summary of the site ("N Pages", "N Images", "N Documents") is not theirs to see.
    assert 'class="w-summary' not in body
    # Neither the pages explorer nor the reports (wagtail-localize's shows to everyone) are in the sidebar.
    assert '"explorer"' not in body
    assert '"reports"' not in body
    assert reverse("wagtail_localize:translations_report") not in body


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Translators (de)"])
def test_editorial_staff_keep_the_page_chooser_and_explorer(client, draft, group):
    client.force_login(UserFactory(groups=[group]))
    for url in (
        reverse("wagtailadmin_choose_page_child", args=(draft.get_parent().pk,)),
        reverse("wagtailadmin_explore", args=(draft.get_parent().pk,)),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert DRAFT_TITLE in response.content.decode()


def test_an_expert_menu_holds_only_the_expert_screens(client, draft):
    client.force_login(ExpertUserFactory())
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "advisory-my-invitations" in body
    for other in ('"explorer"', '"reports"', '"images"', '"documents"', '"snippets"', '"settings"'):
        assert other not in body


def test_an_expert_who_also_translates_keeps_the_pages_menu(client, draft):
    client.force_login(ExpertUserFactory(groups=["Translators (de)"]))
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "advisory-my-invitations" in body
    assert '"explorer"' in body


def test_the_admin_scope_never_loads_an_anonymous_visitors_session_on_public_urls(client):
    """Reading request.user on every request loaded the session, so public responses said
    "Vary: Cookie" and no shared cache could keep them for anonymous visitors."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
