"""The translation editor of wagtail-localize, as translators see it.

wagtail-localize has no setting for how it shows a rich-text segment: its React editor prints the
segment's text, inline tags and all ("from <b>27 countries</b>"). Its editor page outputs Wagtail's
`insert_editor_js` hook, so a static script (no inline code: the admin's Content-Security-Policy)
draws the segments it displays with their formatting; the text a translator edits keeps its tags,
which is how a translation carries the formatting over (cms/static/cms/admin/localize-formatting.js).
"""

from django.templatetags.static import static
from django.utils.html import format_html

SCRIPT = "cms/admin/localize-formatting.js"
STYLESHEET = "cms/admin/localize-formatting.css"


def editor_assets():
    """The stylesheet and script, on every editor page (the script acts in the translation editor only)."""
    tags = '<link rel="stylesheet" href="{}"><script src="{}" defer></script>'
    return format_html(tags, static(STYLESHEET), static(SCRIPT))
