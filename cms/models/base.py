"""What every page of the site shares: a social image, sitemap alternates, paging, locale-scoped listings."""

from django.conf import settings
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

# The hreflang value of the version a search engine shows a visitor whose language has none.
X_DEFAULT = "x-default"
_VERSIONS_CACHE = "_cms_live_versions"


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

    def get_sitemap_urls(self, request=None):
        """Wagtail's sitemap entry, listing every live language version as an hreflang alternate.

        Django's sitemap template writes `alternates` as <xhtml:link> elements; x-default is the
        version in the site's default language. A page without translations lists none.
        """
        [entry] = super().get_sitemap_urls(request)
        versions = live_versions(self, request)
        if len(versions) > 1:
            alternates = [
                {"lang_code": version.locale.language_code, "location": version.get_full_url(request)}
                for version in versions
            ]
            default = [item for item in alternates if item["lang_code"] == settings.LANGUAGE_CODE]
            entry["alternates"] = alternates + [
                {"lang_code": X_DEFAULT, "location": item["location"]} for item in default
            ]
        return [entry]


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


def live_versions(page, request=None):
    """The live, public versions of `page` in every language, itself included, in tree order.

    The sitemap asks this of every page: with a request at hand the versions of all pages are read
    in one query and kept on the request (as Wagtail keeps its site root paths), not one per page.
    """
    if request is None:
        return list(page.get_translations(inclusive=True).live().public().select_related("locale"))
    by_key = getattr(request, _VERSIONS_CACHE, None)
    if by_key is None:
        by_key = {}
        for version in Page.objects.live().public().select_related("locale").order_by("path"):
            by_key.setdefault(version.translation_key, []).append(version)
        setattr(request, _VERSIONS_CACHE, by_key)
    return by_key.get(page.translation_key, [page])


def localized_versions(pages, locale):
    """{pk: the live version of each page in `locale`, or None where it has none} in one query.

    Unlike Wagtail's `page.localized`, a page missing in `locale` does not stand in for itself:
    a link to it would take a visitor into another language without a word (cms.missing).
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
            versions[page.pk] = translations.get(page.translation_key)
    return versions
