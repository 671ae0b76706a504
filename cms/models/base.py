"""What every page of the site shares: a social image, paging, locale-scoped listings."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.permissions import LocaleAwarePagePermissionTester

PAGE_SIZE = 10


class SitePage(Page):
    """Abstract base: adds an optional image used for Open Graph previews."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return LocaleAwarePagePermissionTester(user, self)


class IndexPage(SitePage):
    """Abstract base of the listing pages: an introduction above their children, one per parent."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True


def paginate(request, items, per_page=PAGE_SIZE):
    """Return the requested page of items; out-of-range or junk page numbers fall back."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def live_in_locale(model, locale):
    """Live, public pages of a type in one locale: the base of every listing."""
    return model.objects.live().public().filter(locale=locale)


def chosen_pages(value):
    """Pages chosen anywhere inside a StreamField value (streams, structs, lists)."""
    if isinstance(value, Page):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from chosen_pages(child.value)
    elif isinstance(value, StructValue | dict):
        for item in value.values():
            yield from chosen_pages(item)
    elif isinstance(value, ListValue | list):
        for item in value:
            yield from chosen_pages(item)


def localized_versions(pages, locale):
    """{pk: the live version of each page in `locale`, or the page itself} in one query.

    What Wagtail's `page.localized` gives, without its query or two per page.
    """
    pages = [page for page in pages if page is not None]
    versions = {page.pk: page for page in pages if page.locale_id == locale.pk}
    foreign = [page for page in pages if page.pk not in versions]
    if foreign:
        translations = {
            page.translation_key: page
            for page in Page.objects.live().filter(
                locale=locale, translation_key__in={page.translation_key for page in foreign}
            )
        }
        for page in foreign:
            versions[page.pk] = translations.get(page.translation_key, page)
    return versions
