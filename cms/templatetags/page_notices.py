"""Notices above a page's content that other apps contribute, without the site importing them.

`{% page_notices page %}` renders what every function registered with the Wagtail hook
"cms_page_notices" returns for (request, page): HTML or "" (e.g. "this translation may be behind
the English version"). A hook that has nothing to say must cost nothing on an ordinary page.
"""

from django import template
from django.utils.html import format_html_join
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def page_notices(context, page=None):
    request = context.get("request")
    if page is None or request is None:
        return ""
    notices = [notice for hook in hooks.get_hooks("cms_page_notices") if (notice := hook(request, page))]
    return format_html_join("", "{}", ((notice,) for notice in notices))
