"""Template helpers for languages, alternates and Brussels-time formatting."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation
from wagtail.models import Page

register = template.Library()


def _language_names():
    return {code: translation.get_language_info(code)["name_local"] for code, _ in settings.LANGUAGES}


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None):
    """Language versions of the current page that a visitor can open, in settings order.

    For a Wagtail page these are its live translations only; for other views (search)
    every enabled language, at the same path.
    """
    request = context["request"]
    names = _language_names()
    current = translation.get_language()
    if isinstance(page, Page):
        versions = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
        alternates = []
        for code, _name in settings.LANGUAGES:
            if code in versions:
                alternates.append(
                    {
                        "code": code,
                        "name": names[code],
                        "url": versions[code].get_full_url(request),
                        "current": code == current,
                    }
                )
        return alternates
    path = request.build_absolute_uri(request.path)
    return [
        {
            "code": code,
            "name": names[code],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


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
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Brussels")


@register.filter
def country_names(countries):
    return ", ".join(str(country.name) for country in countries)
