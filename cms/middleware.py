"""Middleware of the site."""

from django.middleware.locale import LocaleMiddleware

# URLs outside the language-prefixed site: their 404s are their own.
UNPREFIXED = ("/admin/", "/documents/", "/sitemap.xml", "/robots.txt", "/static/", "/media/")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s into the site.

    With a catch-all page tree under every language prefix, Django would answer a missing
    admin URL with a redirect to /en/admin/... and the public 404 page.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
