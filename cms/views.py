"""Views of the site that are not Wagtail pages: search, sitemap, robots.txt, errors."""

import re

from csp.decorators import csp_update
from django.conf import settings
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from .models import (
    CallPage,
    EventPage,
    NewsArticlePage,
    PublicationPage,
    StandardPage,
)
from .models.base import paginate

SEARCH_WORD = re.compile(r"\w+")

# The type filter of the search page: a stable key, the model and its label.
SEARCH_TYPES = {
    "news": NewsArticlePage,
    "call": CallPage,
    "event": EventPage,
    "publication": PublicationPage,
    "page": StandardPage,
}


@require_GET
def search(request):
    locale = Locale.get_active()
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("type", "")
    model = SEARCH_TYPES.get(kind)
    if not model:
        kind = ""
    results = None
    if query:
        pages = (model or Page).objects.live().public().filter(locale=locale)
        # Only the words go to the search backend: quotes, brackets and operators are syntax to SQLite's
        # FTS5 and PostgreSQL's tsquery, and a stray one made the query fail with a server error.
        # (Control characters never get here: workflows.http refuses them with 400.)
        words = " ".join(SEARCH_WORD.findall(query))
        results = paginate(request, pages.specific().search(words) if words else pages.none())
    types = [(key, model._meta.verbose_name_plural) for key, model in SEARCH_TYPES.items()]
    return TemplateResponse(
        request,
        "cms/search.html",
        {"query": query, "results": results, "types": types, "current_type": kind},
    )


@require_GET
def robots(request):
    return render(request, "cms/robots.txt", content_type="text/plain")


def page_not_found(request, exception=None):
    # An unknown language prefix leaves the request's language at the browser's choice.
    language = translation.get_language()
    if language not in dict(settings.LANGUAGES):
        translation.activate(settings.LANGUAGE_CODE)
    return render(request, "404.html", status=404)


# The error page carries its own small stylesheet (static files may be what failed); the
# Content-Security-Policy admits exactly that <style> block by its hash. Changing the block means
# changing the hash (tests/cms/test_csp.py computes it from the page).
ERROR_PAGE_STYLE_HASH = "'sha256-KSbXiCgeT1xVdmwXSR6F4N/8/iAJJswDt9iSR0dA2lY='"


@csp_update({"style-src": [ERROR_PAGE_STYLE_HASH]})
def server_error(request):
    return render(request, "500.html", status=500)
