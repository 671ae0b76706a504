"""What every page shares: paging and the locale-scoped helpers of listings and links."""

import pytest
from django.core.paginator import Paginator
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.models import NewsArticlePage
from cms.models.base import PAGE_SIZE, chosen_pages, live_in_locale, localized_versions, paginate
from tests.cms.factories import NewsArticlePageFactory, StandardPageFactory, translate


class TestPaginate:
    items = list(range(25))

    @pytest.mark.parametrize(
        ("page", "expected_number"), [("1", 1), ("3", 3), ("99", 3), ("0", 3), ("junk", 1), (None, 1)]
    )
    def test_requested_page_or_a_fallback(self, rf, page, expected_number):
        request = rf.get("/", {} if page is None else {"page": page})
        assert paginate(request, self.items).number == expected_number

    def test_page_size(self, rf):
        assert len(paginate(rf.get("/"), self.items)) == PAGE_SIZE
        assert isinstance(paginate(rf.get("/"), self.items).paginator, Paginator)


@pytest.mark.django_db
class TestLocaleHelpers:
    def test_live_in_locale(self):
        english = NewsArticlePageFactory()
        NewsArticlePageFactory(publish=False)
        german = translate(english, "de")
        assert list(live_in_locale(NewsArticlePage, english.locale)) == [english]
        assert list(live_in_locale(NewsArticlePage, german.locale)) == [german]

    def test_chosen_pages_are_found_in_streams_and_structs(self):
        about = StandardPageFactory(title="About")
        contact = StandardPageFactory(title="Contact")
        page = StandardPageFactory(
            body=[
                ("paragraph", RichText("<p>Text</p>")),
                ("call_to_action", {"text": "About", "page": about, "url": ""}),
                ("call_to_action", {"text": "Out", "page": None, "url": "https://example.org/"}),
                ("call_to_action", {"text": "Contact", "page": contact, "url": ""}),
            ]
        )
        article = NewsArticlePageFactory(related=[("page", about), ("page", contact)])
        assert [p.pk for p in chosen_pages(page.body)] == [about.pk, contact.pk]
        assert [p.pk for p in chosen_pages(article.related)] == [about.pk, contact.pk]

    def test_localized_versions_in_one_query(self, django_assert_num_queries):
        translated = StandardPageFactory(title="About")
        german = translate(translated, "de")
        untranslated = StandardPageFactory(title="Imprint")
        draft_only = StandardPageFactory(title="Privacy")
        translate(draft_only, "de", publish=False)
        german_locale = Locale.objects.get(language_code="de")
        with django_assert_num_queries(1):
            versions = localized_versions([translated, untranslated, draft_only, german, None], german_locale)
        assert versions[translated.pk].pk == german.pk
        assert versions[german.pk].pk == german.pk
        # No stand-in from another language (as Wagtail's `page.localized` gives): the caller
        # links a missing page to the notice instead.
        assert versions[untranslated.pk] is None
        assert versions[draft_only.pk] is None

    def test_same_language_costs_no_query(self, django_assert_num_queries):
        page = StandardPageFactory()
        locale = page.locale
        with django_assert_num_queries(0):
            assert localized_versions([page], locale) == {page.pk: page}
