"""What the site search knows of a page: its texts by weight, its kind, date and openness, topics.

Built from the page's Wagtail search fields (the same fields the admin searches), so a field added
to a model's `search_fields` is searched by visitors too: the title weighs most, then the summary
fields (what a listing shows of the page), then everything else.
"""

import datetime
import html
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from cms.models import (
    CallPage,
    EventPage,
    NewsArticlePage,
    PublicationPage,
    PublicationTopic,
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


def restricted_paths():
    """Tree paths of the pages with a view restriction (password, login, groups): few, read once."""
    return set(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_searchable(page, restricted=None):
    """Live, public, and a page of the site (not the tree's root).

    `restricted`: the paths of `restricted_paths()`, when many pages are checked at once.
    """
    if page.depth <= 1 or not page.live:
        return False
    if restricted is None:
        return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()
    return not under(page.path, restricted)


def under(path, paths):
    """True if the page at `path` is one of `paths` or below one of them (Wagtail's paths nest)."""
    step = Page.steplen
    return any(path[:end] in paths for end in range(step, len(path) + 1, step))


def languages():
    """{locale id: language code}."""
    return dict(Locale.objects.values_list("pk", "language_code"))


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


def topics_of(pages):
    """{page id: topic ids in the page's own locale} of the publications among pages, in two queries.

    A translation's topic rows may point at the source's topics: they are mapped to the topic of
    the same translation key in the page's locale.
    """
    publications = {page.pk: page for page in pages if isinstance(page, PublicationPage)}
    if not publications:
        return {}
    keys = defaultdict(list)
    for page_id, key in PublicationTopic.objects.filter(page_id__in=publications).values_list(
        "page_id", "topic__translation_key"
    ):
        keys[page_id].append(key)
    wanted = {key for page_keys in keys.values() for key in page_keys}
    in_locale = {
        (key, locale_id): pk
        for key, locale_id, pk in Topic.objects.filter(translation_key__in=wanted).values_list(
            "translation_key", "locale_id", "pk"
        )
    }
    topics = {}
    for page_id, page in publications.items():
        found = (in_locale.get((key, page.locale_id)) for key in keys.get(page_id, ()))
        topics[page_id] = sorted({pk for pk in found if pk is not None})
    return topics


def build(page, language=None, topics=None):
    """The Document of a specific page (call `is_searchable` first).

    `language` (the locale's code) and `topics` (from `topics_of`) save queries when many pages are built.
    """
    summary, body = [], []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        text = plain_text(search_field.get_value(page))
        if text:
            (summary if search_field.field_name in SUMMARY_FIELDS else body).append(text)
    if topics is None:
        topics = topics_of([page])
    return Document(
        page_id=page.pk,
        language=language or page.locale.language_code,
        kind=_kind(page),
        title=page.title,
        summary=" ".join(summary),
        body=" ".join(body),
        date=_date(page),
        open_until=_open_until(page),
        topics=topics.get(page.pk, []),
    )


def searchable_pages():
    """Every page the index should hold, specific, for a rebuild (view restrictions checked per page)."""
    return Page.objects.live().filter(depth__gt=1).order_by("path").specific()
