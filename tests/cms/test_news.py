"""News: the index's order, category filter and paging; slugs unique per parent and locale."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError

from cms.models import NewsArticlePage, NewsCategory, NewsIndexPage
from tests.cms.admin_forms import add_url, form_errors, page_text, post_page_form
from tests.cms.factories import NewsArticlePageFactory, index_page, translate
from tests.cms.markup import soup

SLUG_IN_USE = "The slug 'cluster-days-2026' is already in use within the parent page."


@pytest.mark.django_db
class TestNewsIndexPage:
    @pytest.fixture
    def articles(self):
        index = index_page(NewsIndexPage)
        return {
            "study": NewsArticlePageFactory(parent=index, date=date(2026, 2, 1), category=NewsCategory.STUDY),
            "news": NewsArticlePageFactory(parent=index, date=date(2026, 3, 1)),
            "report": NewsArticlePageFactory(
                parent=index, date=date(2026, 1, 1), category=NewsCategory.REPORT
            ),
            "draft": NewsArticlePageFactory(parent=index, date=date(2026, 4, 1), publish=False),
        }

    def context(self, rf, index, **params):
        return index.get_context(rf.get(index.url, params))

    def test_newest_first_without_drafts(self, rf, articles):
        context = self.context(rf, index_page(NewsIndexPage))
        assert list(context["articles"]) == [articles["news"], articles["study"], articles["report"]]
        assert context["current_category"] == ""
        assert context["categories"] == NewsCategory.choices

    def test_category_filter(self, rf, articles):
        context = self.context(rf, index_page(NewsIndexPage), category="study")
        assert list(context["articles"]) == [articles["study"]]
        assert context["current_category"] == "study"

    def test_unknown_category_shows_everything(self, rf, articles):
        context = self.context(rf, index_page(NewsIndexPage), category="gossip")
        assert len(context["articles"]) == 3
        assert context["current_category"] == ""

    def test_only_this_language(self, rf, articles):
        german = translate(articles["study"], "de")
        context = self.context(rf, german.get_parent().specific)
        assert list(context["articles"]) == [german]

    def test_paging(self, rf):
        index = index_page(NewsIndexPage)
        first = date(2026, 1, 1)
        for day in range(13):
            NewsArticlePageFactory(parent=index, date=first + timedelta(days=day))
        page_one = self.context(rf, index)["articles"]
        page_two = self.context(rf, index, page=2)["articles"]
        assert (len(page_one), len(page_two)) == (10, 3)
        assert page_one[0].date == date(2026, 1, 13)
        assert page_two[2].date == first


@pytest.mark.django_db
def test_rendered_index_pages_within_its_category(client):
    """The "next" link keeps the category filter."""
    index = index_page(NewsIndexPage)
    for day in range(12):
        NewsArticlePageFactory(parent=index, date=date(2026, 1, 1) + timedelta(days=day), category="study")
    NewsArticlePageFactory(parent=index, title="Not a study")
    response = client.get(index.url, {"category": "study"})
    page = soup(response)
    assert (
        len(page.select("main article, main .card")) >= 10 or "Not a study" not in response.content.decode()
    )
    assert "Not a study" not in response.content.decode()
    next_link = page.select_one('.pagination a[rel="next"]')["href"]
    assert parse_qs(urlsplit(next_link).query) == {"category": ["study"], "page": ["2"]}
    second = client.get(index.url + next_link if next_link.startswith("?") else next_link)
    assert second.status_code == 200
    assert second.context["articles"].number == 2
    assert len(second.context["articles"]) == 2


@pytest.mark.django_db
class TestSlugs:
    """A slug is unique among its siblings; each locale has its own tree, so its own siblings."""

    def test_clash_under_the_same_parent_is_refused_by_the_model(self):
        index = index_page(NewsIndexPage)
        NewsArticlePageFactory(parent=index, slug="cluster-days-2026")
        clash = NewsArticlePage(title="Cluster days", slug="cluster-days-2026", summary="x")
        with pytest.raises(ValidationError) as error:
            index.add_child(instance=clash)
        assert "cluster-days-2026" in error.value.message_dict["slug"][0]

    def test_clash_under_the_same_parent_is_refused_in_the_admin(self, admin):
        index = index_page(NewsIndexPage)
        NewsArticlePageFactory(parent=index, slug="cluster-days-2026")
        fields = {
            "title": "Cluster days",
            "slug": "cluster-days-2026",
            "summary": "Days.",
            "date": "2026-05-04",
        }
        response = post_page_form(admin, add_url(NewsArticlePage, index), NewsArticlePage, fields)
        assert response.status_code == 200
        assert form_errors(response) == {"slug": [SLUG_IN_USE]}
        assert SLUG_IN_USE in page_text(response)

    def test_same_slug_in_the_german_tree_is_allowed(self, admin):
        english = NewsArticlePageFactory(slug="cluster-days-2026")
        german_index = translate(english.get_parent(), "de")
        fields = {
            "title": "Clustertage",
            "slug": "cluster-days-2026",
            "summary": "Tage.",
            "date": "2026-05-04",
        }
        response = post_page_form(
            admin, add_url(NewsArticlePage, german_index), NewsArticlePage, fields, publish=True
        )
        assert response.status_code == 302, form_errors(response)
        german = NewsArticlePage.objects.get(locale__language_code="de", slug="cluster-days-2026")
        assert german.url == "/de/news/cluster-days-2026/"
        assert english.url == "/en/news/cluster-days-2026/"
