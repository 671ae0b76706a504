"""The visitor's notice on a translated page that may be behind its source, when the site wants it."""

from django.template.loader import render_to_string
from wagtail.models import Locale

from . import notices
from .models import TranslationSettings


def outdated_notice(request, page):
    """The notice's HTML for `page`, or "" (no query at all for a page that is not outdated)."""
    if page is None or getattr(page, "pk", None) not in notices.outdated_page_ids():
        return ""
    if request is None or not TranslationSettings.for_request(request).visitor_notice:
        return ""
    source = page.get_translation_or_none(Locale.get_default())
    if source is not None and not source.live:
        source = None
    return render_to_string(
        "translations/public/outdated_notice.html",
        {"source": source, "source_url": source.get_url(request) if source else ""},
        request=request,
    )
