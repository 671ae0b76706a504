"""A page missing in a language: the notice a visitor of that language gets, and help on a 404.

A visitor never lands on another language's content without choosing it. A link to a page that
has no live version in the visitor's language goes to the notice (`/<lang>/unavailable/<id>/`),
which says so in the visitor's language and lists the languages the page exists in.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page
from wagtail.rich_text.pages import PageLinkHandler

from .models import HomePage
from .models.base import live_versions, localized_versions

NOTICE_ROUTE = "missing_translation"


def language_names():
    """{code: the language's name in that language}, for every enabled language in settings order."""
    return {code: translation.get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}


def notice_url(page, language):
    """The root-relative URL of the notice for `page` in `language`."""
    with translation.override(language):
        return reverse(NOTICE_ROUTE, kwargs={"page_id": page.pk})


@dataclass(frozen=True)
class Version:
    """A live version of a page, as the notice and the 404 page list it."""

    code: str
    name: str
    title: str
    url: str


def listed_versions(versions, request=None):
    """Live versions as `Version`s, in settings order, each language's name in that language."""
    names = language_names()
    by_code = {version.locale.language_code: version for version in versions}
    return [
        Version(code, names[code], by_code[code].title, by_code[code].get_url(request))
        for code in names
        if code in by_code
    ]


def nearest_in_locale(page, locale):
    """The nearest ancestor of `page` that is live in `locale`, below the home page, or None."""
    ancestors = page.get_ancestors().filter(depth__gt=2)
    keys = list(ancestors.values_list("translation_key", flat=True))
    found = (
        Page.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=keys)
        .order_by("-depth")
        .first()
    )
    return found


@require_GET
def missing_translation(request, page_id):
    """The notice: this page is not available in the active language; here is where it is."""
    source = Page.objects.filter(pk=page_id, depth__gt=1).first()
    if source is None:
        raise Http404
    versions = live_versions(source)
    if not versions:
        raise Http404
    locale = Locale.get_active()
    for version in versions:
        # Translated since the link was made: the visitor's language has it now.
        if version.locale_id == locale.pk:
            return redirect(version.get_url(request))
    response = TemplateResponse(
        request,
        "cms/missing_translation.html",
        {
            "missing_page": source,
            "versions": listed_versions(versions, request),
            "nearest": nearest_in_locale(versions[0], locale),
        },
    )
    # Not a page of its own for search engines: its versions are.
    response["X-Robots-Tag"] = "noindex"
    return response


def versions_at_path(path):
    """Live versions of the page another language serves at `path`'s path, for a 404 under /<lang>/.

    /pl/services/ is not found when the Polish page has its own slug (/pl/uslugi/) or none: the
    English tree serves services/. Every language's tree is looked at, so a visitor who swapped the
    prefix of a German address is offered the page too.
    """
    prefix, _sep, rest = path.lstrip("/").partition("/")
    if prefix not in dict(settings.LANGUAGES) or not rest:
        return []
    homes = HomePage.objects.live().filter(locale__language_code__in=dict(settings.LANGUAGES))
    candidates = [home.url_path + rest for home in homes.only("url_path")]
    found = Page.objects.live().public().filter(url_path__in=candidates).first()
    if found is None:
        return []
    return live_versions(found)


class NoticePageLinkHandler(PageLinkHandler):
    """Page links in rich text: to the page's live version in the active language, else to the notice.

    Wagtail's own handler links `page.localized`, which is the page itself in another language
    when the active one has no version; it also asks for each link's version separately.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            return super().expand_db_attributes_many(attrs_list)
        versions = localized_versions(pages, locale)
        language = translation.get_language()
        tags = []
        for page in pages:
            if page is None:
                tags.append("<a>")
            elif versions[page.pk] is None:
                tags.append(f'<a href="{escape(notice_url(page, language))}" rel="nofollow">')
            else:
                tags.append(f'<a href="{escape(versions[page.pk].url)}">')
        return tags
