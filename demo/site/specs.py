"""The vocabulary `content` is written in: pages, snippets, documents, blocks, references, dates.

Everything here is plain data; `builder` turns it into Wagtail objects.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from .texts import T

BRUSSELS = ZoneInfo("Europe/Brussels")
DE_FR = ("de", "fr")
ALL_TARGETS = ("de", "fr", "es", "it", "pl")


def brussels(year, month, day, hour=0, minute=0):
    """A fixed moment, in Brussels time."""
    return datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


@dataclass(frozen=True)
class Rel:
    """A moment relative to the time of loading: `days` from today, at hour:minute in Brussels."""

    days: int
    hour: int = 9
    minute: int = 0

    def resolve(self, now):
        day = now.astimezone(BRUSSELS).date() + timedelta(days=self.days)
        return datetime.combine(day, time(self.hour, self.minute), tzinfo=BRUSSELS)


@dataclass(frozen=True)
class RelDate:
    """A date relative to the day of loading (Brussels)."""

    days: int

    def resolve(self, now):
        return now.astimezone(BRUSSELS).date() + timedelta(days=self.days)


@dataclass(frozen=True)
class BeforeDeadline:
    """A call's date `days` before its final deadline (closes_at), at hour:minute in Brussels.

    Follows the deadline wherever the builder keeps or moves it, so a call's dates stay in order.
    """

    days: int
    hour: int = 10
    minute: int = 0

    def resolve(self, closes_at):
        day = closes_at.astimezone(BRUSSELS).date() - timedelta(days=self.days)
        return datetime.combine(day, time(self.hour, self.minute), tzinfo=BRUSSELS)


@dataclass(frozen=True)
class Ref:
    """A reference to another demo object, by kind ("page", "document", "programme", "topic") and key."""

    kind: str
    key: str


def page(key):
    return Ref("page", key)


def document(key):
    return Ref("document", key)


def programme(key):
    return Ref("programme", key)


def topic(key):
    return Ref("topic", key)


@dataclass
class Block:
    """One StreamField block: its type and its raw value (T, Ref, and plain values allowed inside)."""

    type: str
    value: object

    def texts(self):
        return [self.value]


# StreamField blocks, mirroring cms/blocks.py


def heading(text, level="h2"):
    return Block("heading", {"text": text, "level": level})


def paragraph(text):
    return Block("paragraph", text)


def quote(text, attribution=""):
    return Block("quote", {"quote": text, "attribution": attribution})


def cta(text, *, to=None, url=""):
    return Block("call_to_action", {"text": text, "page": to, "url": url})


def document_link(doc, title=""):
    return Block("document", {"document": doc, "title": title})


def service(title, text, to=None):
    return Block("service", {"title": title, "text": text, "page": to})


def agenda_item(at, title, speaker="", description=""):
    return Block(
        "item",
        {"time": at, "title": title, "speaker": speaker, "description": description},
    )


def related_page(key):
    return Block("page", page(key))


def related_document(key, title=""):
    return Block("document", {"document": document(key), "title": title})


def document_block(key, title=""):
    """A document in a page's documents, under a title translated with the page."""
    return Block("document", {"document": document(key), "title": title})


def deadline(label, at):
    """A call's further date: `at` is a fixed moment (`brussels(...)`) or a `BeforeDeadline`."""
    return Block("deadline", {"label": label, "at": at})


def _slug_from(text, limit=70):
    slug = slugify(text)
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


@dataclass
class PageSpec:
    """A page of the demo tree.

    `slug` defaults to the slugified title, in every language. `locales` are the
    languages it is translated into (besides English). `fields` are model fields; values
    may be T (translated), Ref, Rel/RelDate (resolved at load time) or plain values;
    lists of Block are StreamField content.
    """

    key: str
    model: str
    title: T
    fields: dict = field(default_factory=dict)
    children: list = field(default_factory=list)
    slug: T | None = None
    locales: tuple = DE_FR
    show_in_menus: bool = False

    def slug_text(self):
        if self.slug is not None:
            return self.slug
        return T(
            _slug_from(self.title.en),
            **{lang: _slug_from(self.title.get(lang) or "") for lang in self.title.languages()},
        )

    def texts(self):
        return [self.title, self.slug_text(), self.fields]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class SnippetSpec:
    """A translatable snippet, found again by its English `name`."""

    key: str
    model: str
    fields: dict
    locales: tuple = DE_FR

    def texts(self):
        return [self.fields]


@dataclass
class DocumentSpec:
    """A PDF generated at load time, found again by its title in the Demo collection."""

    key: str
    title: str
    filename: str
    lines: tuple = ()


@dataclass
class Demo:
    programmes: list
    topics: list
    documents: list
    home: PageSpec
    site_settings: dict
    # The organisation's texts (cms.SiteTexts) of the default site, in every language.
    site_texts: SnippetSpec | None = None

    def texts(self):
        return [self.programmes, self.topics, list(self.home.walk()), self.site_texts]


def is_relative(value):
    return isinstance(value, Rel | RelDate)


__all__ = [
    "ALL_TARGETS",
    "BRUSSELS",
    "BeforeDeadline",
    "DE_FR",
    "Block",
    "Demo",
    "DocumentSpec",
    "PageSpec",
    "Ref",
    "Rel",
    "RelDate",
    "SnippetSpec",
    "agenda_item",
    "brussels",
    "cta",
    "date",
    "deadline",
    "document",
    "document_block",
    "document_link",
    "heading",
    "is_relative",
    "page",
    "paragraph",
    "programme",
    "quote",
    "related_document",
    "related_page",
    "service",
    "time",
    "topic",
]
