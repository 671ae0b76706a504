"""What the site search knows of a page: its texts by weight, its kind, date and openness, topics.

Built from the page's Wagtail search fields (the same fields the admin searches), so a field added
to a model's `search_fields` is searched by visitors too: the title weighs most, then the summary
fields (what a listing shows of the page), then everything else.
"""

import datetime
import html
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from cms.models import (
    CallPage,
    EventPage,
    NewsArticlePage,
    PublicationPage,
    SearchDocument,
    StandardPage,
    Topic,
)
from cms.templatetags.cms_tags import brussels

# Fields read as the page's summary (weight B); every other search field is body (weight C).
SUMMARY_FIELDS = ("search_description", "summary", "intro", "abstract")

KINDS = {
    NewsArticlePage: SearchDocument.Kind.NEWS,
    CallPage: SearchDocument.Kind.CALL,
    EventPage: SearchDocument.Kind.EVENT,
    PublicationPage: SearchDocument.Kind.PUBLICATION,
    StandardPage: SearchDocument.Kind.PAGE,
}


@dataclass
class Document:
    page_id: int
    language: str
    kind: str
    title: str
    summary: str = ""
    body: str = ""
    date: datetime.date | None = None
    open_until: datetime.datetime | None = None
    topics: list = field(default_factory=list)


def plain_text(value):
    """Text of a field value: rich text and block HTML stripped, lists joined, entities decoded."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(filter(None, (plain_text(item) for item in value)))
    text = html.unescape(strip_tags(str(value)))
    return " ".join(text.split())


def is_searchable(page):
    """Live, public, and a page of the site (not the tree's root)."""
    if page.depth <= 1 or not page.live:
        return False
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def _kind(page):
    for model, kind in KINDS.items():
        if isinstance(page, model):
            return kind
    return SearchDocument.Kind.INDEX


def _date(page):
    if isinstance(page, CallPage) and page.closes_at:
        return brussels(page.closes_at).date()
    if isinstance(page, EventPage) and page.start:
        return brussels(page.start).date()
    value = getattr(page, "date", None)
    if isinstance(value, datetime.date):
        return value
    published = page.first_published_at or page.last_published_at
    return brussels(published).date() if published else None


def _open_until(page):
    if isinstance(page, CallPage):
        return page.closes_at
    if isinstance(page, EventPage):
        return page.end or page.start
    return None


def _topics(page):
    """Topic ids in the page's own locale (topic rows of a translation may point at the source's)."""
    links = getattr(page, "topics", None)
    if links is None or not isinstance(page, PublicationPage):
        return []
    keys = [link.topic.translation_key for link in links.select_related("topic").all()]
    if not keys:
        return []
    return sorted(
        Topic.objects.filter(translation_key__in=keys, locale_id=page.locale_id).values_list("pk", flat=True)
    )


def build(page):
    """The Document of a specific page (call `is_searchable` first)."""
    summary, body = [], []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        text = plain_text(search_field.get_value(page))
        if text:
            (summary if search_field.field_name in SUMMARY_FIELDS else body).append(text)
    return Document(
        page_id=page.pk,
        language=page.locale.language_code,
        kind=_kind(page),
        title=page.title,
        summary=" ".join(summary),
        body=" ".join(body),
        date=_date(page),
        open_until=_open_until(page),
        topics=_topics(page),
    )


def searchable_pages():
    """Every page the index should hold, specific, for a rebuild (view restrictions checked per page)."""
    return Page.objects.live().filter(depth__gt=1).order_by("path").specific()
