"""Views of the site that are not Wagtail pages: robots.txt and the error pages (search: cms.search.views)."""

from csp.decorators import csp_update
from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET


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
