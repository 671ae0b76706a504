"""The sitemap: Wagtail's, over the tree of every language (each page adds its alternates)."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    """Every live, public page of the site in every language; see SitePage.get_sitemap_urls."""

    def items(self):
        root = self.get_wagtail_site().root_page
        # Each language's tree hangs off the root beside the site's root page (wagtail-localize):
        # Wagtail's own `root_page.get_descendants()` would list the default language only.
        roots = Page.objects.live().filter(translation_key=root.translation_key, depth=root.depth)
        in_site = Q(pk__in=[])
        for path in roots.values_list("path", flat=True):
            in_site |= Q(path__startswith=path)
        return Page.objects.live().public().filter(in_site).order_by("path").defer_streamfields().specific()
