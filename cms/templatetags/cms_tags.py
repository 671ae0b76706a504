"""Template helpers for languages, alternates, navigation and Brussels-time formatting."""

import html
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from cms.missing import language_names, listed_versions, notice_url, versions_at_path
from cms.models import CallIndexPage, EventIndexPage, HomePage, NewsIndexPage, PublicationIndexPage, Topic
from cms.models.base import chosen_pages, localized_versions

register = template.Library()


def _page_versions(request, page):
    """{language code: live, public version of `page`}, read once per request and page."""
    cache = getattr(request, "_cms_page_versions", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._cms_page_versions = cache
    if page.pk not in cache:
        versions = page.get_translations(inclusive=True).live().public().select_related("locale")
        cache[page.pk] = {version.locale.language_code: version for version in versions}
    return cache[page.pk]


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None):
    """Language versions of the current page that exist, in settings order: the hreflang alternates.

    For a Wagtail page these are its live translations only; for other views (search)
    every enabled language, at the same path.
    """
    request = context["request"]
    names = language_names()
    current = translation.get_language()
    if isinstance(page, Page):
        versions = _page_versions(request, page)
        return [
            {
                "code": code,
                "name": name,
                "url": versions[code].get_full_url(request),
                "current": code == current,
            }
            for code, name in names.items()
            if code in versions
        ]
    path = request.build_absolute_uri(request.path)
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in names.items()
    ]


def _same_path_in(request, language):
    """This request's path and query under another language's prefix (views that are not pages)."""
    path = request.get_full_path()
    current = translation.get_language()
    prefix = f"/{current}/"
    if path.startswith(prefix):
        return f"/{language}/{path[len(prefix) :]}"
    return f"/{language}/"


@register.inclusion_tag("cms/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None, route=""):
    """Every enabled language, always: the page's version in it, or the notice that it has none.

    `route` is a sub-route of a routable page (the tracking page of the request form) kept in
    the languages the page exists in. Views that are not pages (search) exist in every language.
    """
    request = context.get("request")
    current = translation.get_language()
    names = language_names()
    if isinstance(page, Page):
        versions = _page_versions(request, page)
        # One notice address per page and language, whichever version the visitor comes from.
        noticed = versions.get(settings.LANGUAGE_CODE) or next(
            (versions[code] for code in names if code in versions), page
        )
    choices = []
    for code, name in names.items():
        choice = {"code": code, "name": name, "current": code == current, "available": True}
        if isinstance(page, Page):
            version = versions.get(code)
            if version is None and code == page.locale.language_code:
                version = page  # the page being served, though not public (a preview, a private page)
            if version is not None:
                choice["href"] = local_url(context, version.get_url(request)) + (route or "")
            else:
                choice["href"] = notice_url(noticed, code)
                choice["available"] = False
        elif request is not None:
            choice["href"] = _same_path_in(request, code)
        else:
            choice["href"] = f"/{code}/"
        choices.append(choice)
    return {"choices": choices, "current": next((c for c in choices if c["current"]), None)}


@register.simple_tag
def x_default(alternates):
    """The URL search engines should offer when no language matches: the source language."""
    for alternate in alternates:
        if alternate["code"] == settings.LANGUAGE_CODE:
            return alternate["url"]
    return alternates[0]["url"] if alternates else ""


@register.filter
def brussels(value):
    """An aware datetime converted to Brussels time, for deadlines."""
    if value is None:
        return value
    return timezone.localtime(value, timezone=_brussels())


def _brussels():
    return ZoneInfo("Europe/Brussels")


@register.filter
def country_names(countries):
    return ", ".join(str(country.name) for country in countries)


# --- Helpers of the front-end templates ---------------------------------------------------


# The listings templates link to by type (`section_page`), whether or not they are in the menus.
SECTION_LISTINGS = (NewsIndexPage, CallIndexPage, EventIndexPage, PublicationIndexPage)


def _locale_sections(request):
    """The active locale's home page and its live, public children, once per request.

    Two or three queries whatever the number of sections, so the menu never grows the
    query count of a page.
    """
    language = translation.get_language()
    cached = getattr(request, "_cms_locale_sections", None)
    if cached is not None and cached["language"] == language:
        return cached
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    home = None
    if locale is not None:
        homes = HomePage.objects.live().public().filter(locale=locale)
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
            home = homes.filter(translation_key__in=root_key).first()
        if home is None:
            home = homes.order_by("path").first()
    children = []
    if home:
        # Only what the menus and section links use: pages shown in menus and the listings. A home
        # page may hold thousands of other children; they are never read here.
        listings = ContentType.objects.get_for_models(*SECTION_LISTINGS).values()
        children = list(
            home.get_children()
            .live()
            .public()
            .filter(Q(show_in_menus=True) | Q(content_type__in=listings))
            .order_by("path")
        )
    sections = {"language": language, "home": home, "children": children}
    if request is not None:
        request._cms_locale_sections = sections
    return sections


@register.simple_tag(takes_context=True)
def primary_navigation(context, page=None):
    """Home page of the active locale and its children shown in menus, the current one marked."""
    sections = _locale_sections(context.get("request"))
    current_path = page.path if isinstance(page, Page) else ""
    items = [
        {"page": child, "active": bool(current_path) and current_path.startswith(child.path)}
        for child in sections["children"]
        if child.show_in_menus
    ]
    return {"home": sections["home"], "items": items}


@register.simple_tag(takes_context=True)
def section_page(context, model_name):
    """The live child of the locale's home page of one type ("NewsIndexPage"), or None."""
    wanted = model_name.lower()
    for child in _locale_sections(context.get("request"))["children"]:
        if child.specific_class is not None and child.specific_class._meta.model_name == wanted:
            return child
    return None


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """An absolute URL on the host of the current request (Open Graph, robots.txt)."""
    request = context.get("request")
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.filter
def og_locale(language_code):
    """A language code as Open Graph's language_TERRITORY ("de" -> "de_DE")."""
    # Open Graph wants a territory with the language: the settings name one per enabled language.
    code = (language_code or "").lower()
    return settings.OG_LOCALES.get(code, translation.to_locale(code) if code else "")


@register.filter
def page_description(page, words=30):
    """What to say about a page in meta tags and search results.

    The promote tab's search description first, then the page's own summary, then the
    start of its introduction or abstract as plain text.
    """
    if not isinstance(page, Page):
        return ""
    for attribute in ("search_description", "summary"):
        value = getattr(page, attribute, "")
        if value:
            return str(value).strip()
    for attribute in ("intro", "abstract"):
        value = getattr(page, attribute, "")
        if value:
            text = " ".join(html.unescape(strip_tags(str(value))).split())
            if text:
                return Truncator(text).words(int(words))
    return ""


@register.filter
def page_type_label(page):
    """The human name of a page's type ("News article"), in the active language."""
    model = getattr(page, "specific_class", None) or type(page)
    return capfirst(model._meta.verbose_name)


@register.filter
def publication_topics(page):
    """The topics of a publication in editor order and in the page's language, in two queries.

    Topic rows are copied as they are when a page is translated, so they point at the source
    language's snippets; each is swapped for its translation in the page's locale where one exists.
    """
    links = getattr(page, "topics", None)
    if links is None:
        return []
    topics = [item.topic for item in links.select_related("topic").all()]
    foreign = {topic.translation_key for topic in topics if topic.locale_id != page.locale_id}
    if not foreign:
        return topics
    translated = {
        topic.translation_key: topic
        for topic in Topic.objects.filter(translation_key__in=foreign, locale_id=page.locale_id)
    }
    return [translated.get(topic.translation_key, topic) for topic in topics]


@register.simple_tag(takes_context=True)
def local_url(context, url):
    """A full URL made root-relative when it points at the site serving this request.

    Alternates carry full URLs for hreflang; links a visitor follows should stay on the
    host they came through (a proxy, a port, a preview domain).
    """
    request = context.get("request")
    if not url or request is None:
        return url or ""
    parts = urlsplit(url)
    site = Site.find_for_request(request)
    own_hosts = {request.get_host().rsplit(":", 1)[0]}
    if site is not None:
        own_hosts.add(site.hostname)
    if parts.hostname and parts.hostname in own_hosts:
        return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    return url


@dataclass(frozen=True)
class PageLink:
    """Where a link to a chosen page goes in the active language, and what it says.

    `lang` is set when the title is not in the active language: the page has no live version
    in it, the link goes to the notice, and the title shown is that of the page as chosen.
    """

    url: str
    title: str
    lang: str = ""

    @property
    def translated(self):
        return not self.lang


@register.simple_tag(takes_context=True)
def page_link(context, page):
    """A page chosen in a block, linked in the active language: its live version there, else the notice.

    Never the chosen page itself in another language: a visitor of /pl/ who follows a link lands
    on Polish content or on the notice saying the page is not available in Polish.
    Every page chosen in the StreamFields of the page being served is resolved at once, per request.
    """
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    language = translation.get_language()
    cache = getattr(request, "_cms_localized_pages", None)
    if cache is None or cache["language"] != language:
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            return PageLink(notice_url(page, language), page.title, page.locale.language_code)
        served = context.get("page")
        chosen = []
        if isinstance(served, Page):
            for field in served._meta.get_fields():
                if isinstance(field, StreamField):
                    chosen.extend(chosen_pages(getattr(served, field.name)))
        cache = {"language": language, "locale": locale, "versions": localized_versions(chosen, locale)}
        if request is not None:
            request._cms_localized_pages = cache
    if page.pk not in cache["versions"]:
        cache["versions"].update(localized_versions([page], cache["locale"]))
    version = cache["versions"][page.pk]
    if version is None:
        return PageLink(notice_url(page, language), page.title, page.locale.language_code)
    return PageLink(local_url(context, version.get_url(request)), version.title)


@register.simple_tag(takes_context=True)
def not_found_versions(context):
    """On a 404 under /<lang>/, the page another language serves at that path, once per request.

    {"page": one of its live versions (for the switcher) or None, "versions": them all, listed}.
    """
    request = context.get("request")
    if request is None:
        return {"page": None, "versions": []}
    found = getattr(request, "_cms_not_found_versions", None)
    if found is None:
        versions = versions_at_path(request.path)
        found = {"page": versions[0] if versions else None, "versions": listed_versions(versions, request)}
        request._cms_not_found_versions = found
    return found
