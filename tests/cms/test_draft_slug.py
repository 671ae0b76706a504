"""An abandoned draft never blocks a new page with the same title (cms.page_slugs).

Wagtail 7.4 autosaves the create view: typing a title leaves a draft behind. An editor who starts
over under the same parent would hit "The slug ... is already in use"; the new page takes the next
free slug instead, while a page that is or was published keeps its slug to itself.
"""

import pytest
from django.utils import timezone

from cms.models import NewsArticlePage, NewsIndexPage
from tests.cms.admin_forms import add_url, edit_url, form_data, form_errors, post_page_form
from tests.cms.factories import NewsArticlePageFactory, index_page

pytestmark = pytest.mark.django_db

FIELDS = {"title": "Cluster days", "slug": "cluster-days", "summary": "Days.", "date": "2026-05-04"}
SLUG_IN_USE = "The slug 'cluster-days' is already in use within the parent page."


@pytest.fixture
def index():
    return index_page(NewsIndexPage)


def create(admin, index, publish=False, **fields):
    return post_page_form(
        admin, add_url(NewsArticlePage, index), NewsArticlePage, {**FIELDS, **fields}, publish
    )


def test_a_second_page_beside_an_abandoned_draft_gets_the_next_slug(admin, index):
    first = create(admin, index)
    assert first.status_code == 302, form_errors(first)
    abandoned = NewsArticlePage.objects.get(slug="cluster-days")
    assert not abandoned.live

    second = create(admin, index)

    assert second.status_code == 302, form_errors(second)
    new = NewsArticlePage.objects.exclude(pk=abandoned.pk).get(title="Cluster days")
    assert new.slug == "cluster-days-2"
    abandoned.refresh_from_db()
    assert abandoned.slug == "cluster-days"


def test_the_next_free_slug_skips_taken_ones(admin, index):
    NewsArticlePageFactory(parent=index, title="Cluster days", slug="cluster-days", publish=False)
    NewsArticlePageFactory(parent=index, title="Cluster days", slug="cluster-days-2", publish=False)
    response = create(admin, index)
    assert response.status_code == 302, form_errors(response)
    assert NewsArticlePage.objects.filter(slug="cluster-days-3").count() == 1


def test_autosaving_the_new_page_again_keeps_its_slug(admin, index):
    """Later (auto)saves post the slug the editor's form still shows: it stays the free one."""
    NewsArticlePageFactory(parent=index, title="Cluster days", slug="cluster-days", publish=False)
    create(admin, index)
    new = NewsArticlePage.objects.get(slug="cluster-days-2")
    url = edit_url(new)
    data = form_data(admin, url, NewsArticlePage, {**FIELDS, "summary": "Longer days."})
    response = admin.post(url, data)
    assert response.status_code == 302, form_errors(response)
    new.refresh_from_db()
    assert (new.slug, new.get_latest_revision_as_object().summary) == ("cluster-days-2", "Longer days.")


def test_a_live_page_keeps_its_slug_to_itself(admin, index):
    NewsArticlePageFactory(parent=index, title="Cluster days", slug="cluster-days")
    response = create(admin, index)
    assert response.status_code == 200
    assert form_errors(response) == {"slug": [SLUG_IN_USE]}


def test_a_page_once_published_keeps_its_slug_to_itself(admin, index):
    withdrawn = NewsArticlePageFactory(parent=index, title="Cluster days", slug="cluster-days")
    withdrawn.unpublish()
    withdrawn.refresh_from_db()
    assert not withdrawn.live and withdrawn.first_published_at <= timezone.now()
    response = create(admin, index)
    assert form_errors(response) == {"slug": [SLUG_IN_USE]}


def test_a_published_page_is_not_renamed_behind_its_editors_back(admin, index):
    NewsArticlePageFactory(parent=index, title="Cluster days", slug="cluster-days", publish=False)
    live = NewsArticlePageFactory(parent=index, title="Days of clusters", slug="days-of-clusters")
    url = edit_url(live)
    response = admin.post(url, form_data(admin, url, NewsArticlePage, FIELDS))
    assert form_errors(response) == {"slug": [SLUG_IN_USE]}
