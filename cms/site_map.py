"""The sitemap for people: the live, public pages of the visitor's language as a tree.

Search engines read sitemap.xml (cms.sitemaps); this page links to it.
"""

from dataclasses import dataclass, field

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site


@dataclass
class Node:
    page: Page
    children: list = field(default_factory=list)


def locale_root(site, locale):
    """The version of the site's root page in `locale`, or None when that language has none live."""
    if site is None:
        return None
    root = site.root_page
    if root.locale_id == locale.pk:
        return root if root.live else None
    return Page.objects.live().filter(translation_key=root.translation_key, locale=locale).first()


def page_tree(root):
    """`root` and its live, public descendants as nested Nodes, in the editors' order; one query."""
    pages = Page.objects.live().public().descendant_of(root, inclusive=True).order_by("path")
    top = None
    stack = []
    for page in pages:
        node = Node(page)
        # A page whose parent is not live or not public is left out with everything under it.
        while stack and not page.path.startswith(stack[-1].page.path):
            stack.pop()
        if top is None:
            top = node
        elif stack and page.depth == stack[-1].page.depth + 1:
            stack[-1].children.append(node)
        else:
            continue
        stack.append(node)
    return top


@require_GET
def site_map(request):
    root = locale_root(Site.find_for_request(request), Locale.get_active())
    return TemplateResponse(request, "cms/site_map.html", {"tree": page_tree(root) if root else None})
