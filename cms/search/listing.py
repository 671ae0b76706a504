"""What the search page shows of the engine's Results: hits with their pages, and facet links.

The engine answers with ids and highlighted texts; the page needs the page objects for their URLs
and dates. They are fetched in one query per page type for the whole results page, whatever the
number of hits, and keep the engine's order.
"""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.missing import language_names
from cms.models import SearchDocument, Topic

from .params import OPENABLE

# Facets with many values (topics) show their largest ones; the rest stay reachable by searching.
MAX_FACET_CHOICES = 12


def kind_label(kind):
    """The human name of a hit's type, in the active language ("Call for proposals")."""
    try:
        return capfirst(SearchDocument.Kind(kind).label)
    except ValueError:
        return capfirst(SearchDocument.Kind.PAGE.label)


@dataclass
class Result:
    hit: object
    page: Page
    kind_label: str
    # The result's language, named in that language, when the visitor searches every language.
    language_name: str = ""


def results(hits, all_languages=False):
    """Results for hits whose page is still live, in the engine's order."""
    ids = [hit.page_id for hit in hits]
    pages = {page.pk: page for page in Page.objects.live().filter(pk__in=ids).specific()}
    names = language_names() if all_languages else {}
    return [
        Result(
            hit=hit,
            page=pages[hit.page_id],
            kind_label=kind_label(hit.kind),
            language_name=names.get(hit.language, hit.language) if all_languages else "",
        )
        for hit in hits
        if hit.page_id in pages
    ]


@dataclass
class Choice:
    label: str
    url: str
    count: int | None = None
    current: bool = False


@dataclass
class Facet:
    key: str
    label: str
    # "All" of this facet: the link that removes its filter.
    all_url: str
    # Whether the page is filtered by this facet.
    active: bool = False
    choices: list = field(default_factory=list)


def _topic_names(ids):
    return dict(Topic.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


def facets(params, counts):
    """The type, year and topic facets of a results page, each choice a link with its count.

    `counts` is Results.facets: counts of the matches before the facet's own filter, so the
    choices stay the same while one of them is selected.
    """
    kinds = Facet("type", _("Type"), params.link(kind=""), bool(params.kind))
    for kind, count in counts.get("kind", []):
        if kind in SearchDocument.Kind.values:
            kinds.choices.append(Choice(kind_label(kind), params.link(kind=kind), count, kind == params.kind))

    years = Facet("year", _("Year"), params.link(year=None), bool(params.year))
    for year, count in sorted(counts.get("year", []), key=lambda item: item[0] or 0, reverse=True):
        if year:
            years.choices.append(Choice(str(year), params.link(year=year), count, year == params.year))

    topics = Facet("topic", _("Topic"), params.link(topic=None), bool(params.topic))
    largest = sorted(counts.get("topic", []), key=lambda item: -item[1])[:MAX_FACET_CHOICES]
    names = _topic_names([topic for topic, _count in largest])
    for topic, count in sorted(largest, key=lambda item: names.get(item[0], "").lower()):
        if topic in names:
            current = topic == params.topic
            topics.choices.append(Choice(names[topic], params.link(topic=topic), count, current))

    shown = [kinds]
    if _offers_open_only(params, counts):
        shown.append(
            Facet(
                "open",
                _("Calls and events"),
                params.link(open_only=False),
                params.open_only,
                [Choice(_("Still open only"), params.link(open_only=True), None, params.open_only)],
            )
        )
    # A filter whose value has no match left is still shown, so "All" can undo it.
    return [facet for facet in (*shown, years, topics) if facet.choices or facet.active]


def _offers_open_only(params, counts):
    """ "Still open" makes sense when calls or events are among the matches (or it is on)."""
    if params.open_only or params.kind in OPENABLE:
        return True
    return any(kind in OPENABLE and count for kind, count in counts.get("kind", []))
