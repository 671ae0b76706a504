"""Bench data of the site search: 100,000 live pages across the six locales, and the index built over them.

The pages are bench data only. Wagtail creates pages one by one through treebeard (a row lock and a
parent update per page): far too slow for 100,000 of them. Here the demo site is loaded once (home,
section pages, snippets and site settings in every locale, as a visitor sees them), then the pages are
written below its section pages with bulk INSERTs: the `wagtailcore_page` rows with their treebeard
paths, depth, url_path, locale and translation key computed here, then the rows of the concrete page
table (`page_ptr_id`) — Django's `bulk_create` does not write multi-table models. Nothing is revised
or published through Wagtail: the rows are live as they are, as the builder of the demo leaves them.

The texts are the demo's own in each language (English, German, French, Spanish, Italian, Polish),
split into sentences and recombined: titles from its titles, summaries of one or two sentences,
bodies of 100–400 words, so the words, their inflections and their frequencies are those of a
cluster-policy site. Each page also names a few organisations, places or projects from a pool of
invented names, which gives the index the long tail of rare words a real site has.

Kinds: news (40 %), calls (15 %, those with a deadline in the future open), events (15 %),
publications (15 %), standard pages (15 %, below the About page), besides the demo's own home and
section pages. Dates spread
over 2010–2027.
"""

import random
import re
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from wagtail.models import Locale, Page

from cms.models import (
    CallIndexPage,
    CallPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsArticlePage,
    NewsCategory,
    NewsIndexPage,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
    SearchDocument,
    StandardPage,
)
from demo.management.commands.load_demo import CHATTY_LOGGERS, quiet
from demo.site import translations
from demo.site.builder import load_site_demo
from demo.site.content import DEMO
from demo.site.specs import ALL_TARGETS
from demo.site.texts import SOURCE_LANGUAGE, Catalogue, _texts_in, segments_of

SEED = 20261207
BATCH = 1000
# Slugs of the bench pages start with this: how a filled database is recognised.
SLUG_PREFIX = "b"
BRUSSELS = ZoneInfo("Europe/Brussels")
FIRST_DAY, LAST_DAY = date(2010, 1, 1), date(2027, 12, 31)
KINDS = {"news": 0.40, "call": 0.15, "event": 0.15, "publication": 0.15, "page": 0.15}
# The section page each kind lives under. Standard pages go below the demo's About page (ABOUT_URL in
# English, its translations elsewhere), not the home page: the site's menu reads the home page's children.
PARENTS = {
    "news": NewsIndexPage,
    "call": CallIndexPage,
    "event": EventIndexPage,
    "publication": PublicationIndexPage,
    "page": StandardPage,
}
ABOUT_URL = "/home/about/"
MODELS = {
    "news": NewsArticlePage,
    "call": CallPage,
    "event": EventPage,
    "publication": PublicationPage,
    "page": StandardPage,
}
INVENTED_NAMES = 20_000
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"„«(]?[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ0-9])")


# --------------------------------------------------------------------------- texts


@dataclass
class Texts:
    """What one language's pages are written with."""

    titles: list
    sentences: list
    words: list


def demo_segments():
    """{language: [segment]}: every text segment of the demo, in English and in each translation."""
    catalogue = Catalogue().collect(DEMO.texts())
    for language in ALL_TARGETS:
        catalogue.add_segments(language, translations.segments(language))
    english = []
    for text in _texts_in(DEMO.texts()):
        if not text.invariant:
            english += [segment for segment in segments_of(text.en) if segment not in english]
    found = {SOURCE_LANGUAGE: english}
    for language in ALL_TARGETS:
        found[language] = [t for t in (catalogue.translate(language, s) for s in english) if t]
    return found


def texts_of(segments):
    titles, sentences = [], []
    for segment in segments:
        plain = " ".join(strip_tags(segment).split())
        if not plain or "@" in plain or "http" in plain:
            continue
        if 12 <= len(plain) <= 110 and plain[-1] not in ".:;!?":
            titles.append(plain)
        elif len(plain.split()) >= 5:
            sentences += [s for s in SENTENCE_END.split(plain) if len(s.split()) >= 4]
    words = sorted({w for s in sentences for w in re.findall(r"\w{4,}", s)})
    return Texts(titles=titles, sentences=sentences, words=words)


def invented_names(rng, n):
    """Names of organisations, places and projects no dictionary knows: the rare words of an index."""
    onsets = [
        "b",
        "br",
        "c",
        "d",
        "f",
        "g",
        "gr",
        "k",
        "kl",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "st",
        "t",
        "v",
        "z",
    ]
    vowels = ["a", "e", "i", "o", "u", "ia", "ei", "ou"]
    codas = ["", "n", "r", "s", "x", "l", "m", "nd", "rt", "sk"]
    names = set()
    while len(names) < n:
        name = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 3)))
        names.add((name + rng.choice(codas)).capitalize())
    return sorted(names)


class Writer:
    """Texts of pages in one language: titles, summaries and bodies recombined from the demo's sentences."""

    def __init__(self, rng, texts, names):
        self.rng, self.texts, self.names = rng, texts, names

    def title(self):
        rng = self.rng
        title = rng.choice(self.texts.titles)
        roll = rng.random()
        if roll < 0.35:
            title = f"{title}: {rng.choice(self.names)}"
        elif roll < 0.6:
            title = f"{title} {rng.randint(2010, 2027)}"
        return title[:250]

    def _sentence(self):
        sentence = self.rng.choice(self.texts.sentences)
        if self.rng.random() < 0.2:
            sentence = f"{sentence[:-1]} ({self.rng.choice(self.names)})."
        return sentence

    def summary(self, limit=480):
        summary = self._sentence()
        if self.rng.random() < 0.5:
            summary = f"{summary} {self._sentence()}"
        return summary[:limit]

    def paragraphs(self):
        """100–400 words in paragraphs of two to five sentences."""
        target, count, paragraphs = self.rng.randint(100, 400), 0, []
        while count < target:
            sentences = [self._sentence() for _ in range(self.rng.randint(2, 5))]
            paragraphs.append(" ".join(sentences))
            count += sum(len(s.split()) for s in sentences)
        return paragraphs

    def html(self):
        return "".join(f"<p>{escape(p)}</p>" for p in self.paragraphs())

    def stream(self):
        blocks = []
        for i, paragraph in enumerate(self.paragraphs()):
            if i and self.rng.random() < 0.3:
                blocks.append({"type": "heading", "value": {"text": self.title()[:80], "level": "h2"}})
            blocks.append({"type": "paragraph", "value": f"<p>{escape(paragraph)}</p>"})
        for block in blocks:
            block["id"] = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        return blocks


# --------------------------------------------------------------------------- pages


def _day(rng, first=FIRST_DAY, last=LAST_DAY):
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _moment(day, hour):
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=BRUSSELS)


def _specific_fields(kind, rng, writer, j):
    """The fields of the concrete page model, and the page's date (for its publication times)."""
    today = date.today()
    if kind == "news":
        day = _day(rng, last=today)
        fields = {
            "date": day,
            "category": rng.choice(NewsCategory.values),
            "summary": writer.summary(),
            "body": writer.stream(),
            "related": [],
        }
    elif kind == "call":
        closes = _moment(_day(rng), 17)
        opens = closes - timedelta(days=rng.randint(30, 120))
        day = min(opens.date(), today)
        fields = {
            "call_identifier": f"BENCH-{closes.year}-{j:06d}",
            "summary": writer.summary(),
            "opens_at": opens,
            "closes_at": closes,
            "budget": rng.choice((None, 250_000, 1_000_000, 4_500_000)),
            "body": writer.html(),
            "how_to_apply": f"<p>{escape(writer.summary())}</p>",
            "documents": [],
            "further_deadlines": [],
            "contact_name": rng.choice(writer.names),
        }
    elif kind == "event":
        start = _moment(_day(rng), 9)
        day = min(start.date() - timedelta(days=60), today)
        fields = {
            "summary": writer.summary(),
            "start": start,
            "end": start + timedelta(hours=rng.choice((3, 8, 32))),
            "venue": rng.choice(writer.names),
            "city": rng.choice(writer.names),
            "country": rng.choice(("DE", "FR", "PL", "ES", "IT", "BE", "AT")),
            "organisers": rng.choice(writer.names),
            "body": writer.html(),
            "agenda": [],
            "free_participation": True,
            "documents": [],
        }
    elif kind == "publication":
        day = _day(rng, last=today)
        fields = {
            "publication_type": rng.choice(PublicationType.values),
            "authors": ", ".join(rng.sample(writer.names, 2)),
            "publisher": rng.choice(writer.names),
            "date": day,
            "abstract": writer.html(),
        }
    else:
        day = _day(rng, last=today)
        fields = {"body": writer.stream()}
    return fields, day


@dataclass
class Parent:
    page: Page
    next_step: int


def _parents(locale):
    """The section pages of one locale, with the position their next child takes."""
    about_key = Page.objects.get(url_path=ABOUT_URL).translation_key
    found = {}
    for kind, model in PARENTS.items():
        if model is StandardPage:
            page = StandardPage.objects.get(locale=locale, translation_key=about_key)
        else:
            page = model.objects.get(locale=locale)
        last = page.get_last_child()
        found[kind] = Parent(page=page, next_step=int(last.path[-Page.steplen :], 36) + 1 if last else 1)
    return found


def _insert(model, objs, fields):
    return model._base_manager._insert(objs, fields=fields, returning_fields=[model._meta.pk])


def _write(kind, objs):
    """One batch of pages of one kind: the wagtailcore_page rows, then the concrete model's."""
    model = MODELS[kind]
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    rows = _insert(Page, objs, page_fields)
    for obj, (pk,) in zip(objs, rows, strict=True):
        obj.pk = obj.id = obj.page_ptr_id = pk
    model._base_manager._insert(objs, fields=model._meta.local_concrete_fields)


def bench_pages():
    return Page.objects.filter(slug__startswith=f"{SLUG_PREFIX}-", depth__gt=2)


def build_pages(total, progress=print):
    """Write `total` live pages across the enabled locales below the demo's section pages."""
    rng = random.Random(SEED)
    segments = demo_segments()
    languages = [code for code, _name in settings.LANGUAGES]
    names = invented_names(rng, INVENTED_NAMES)
    now = datetime.now(tz=BRUSSELS)
    per_language = total // len(languages)
    started = time.monotonic()
    for n_language, language in enumerate(languages):
        count = per_language + (1 if n_language < total % len(languages) else 0)
        locale = Locale.objects.get(language_code=language)
        parents = _parents(locale)
        writer = Writer(rng, texts_of(segments[language]), names)
        kinds = rng.choices(list(KINDS), weights=list(KINDS.values()), k=count)
        pending = {kind: [] for kind in KINDS}
        with transaction.atomic():
            for j, kind in enumerate(kinds):
                parent = parents[kind]
                fields, day = _specific_fields(kind, rng, writer, j)
                title = writer.title()
                slug = f"{SLUG_PREFIX}-{j}-{slugify(title)[:60].strip('-')}"
                published = min(_moment(day, 10), now)
                page = MODELS[kind](
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(parent.page.path, parent.page.depth + 1, parent.next_step),
                    depth=parent.page.depth + 1,
                    numchild=0,
                    url_path=f"{parent.page.url_path}{slug}/",
                    locale_id=locale.pk,
                    # Page j has the same key in every language: a site translated throughout.
                    translation_key=uuid.uuid5(uuid.NAMESPACE_URL, f"bench-search/{kind}/{j}"),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    search_description="",
                    **fields,
                )
                parent.next_step += 1
                pending[kind].append(page)
                if len(pending[kind]) >= BATCH:
                    _write(kind, pending[kind])
                    pending[kind] = []
            for kind, objs in pending.items():
                if objs:
                    _write(kind, objs)
            for parent in parents.values():
                children = Page.objects.filter(
                    path__startswith=parent.page.path, depth=parent.page.depth + 1
                ).count()
                Page.objects.filter(pk=parent.page.pk).update(numchild=children)
        progress(f"{language}: {count} pages ({time.monotonic() - started:.0f} s)")
    return bench_pages().count()


def vacuum_analyze(*tables):
    """Statistics and visibility map after a bulk load, as autovacuum would soon give them."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'VACUUM ANALYZE "{table}"')


PAGE_TABLES = ["wagtailcore_page", *(model._meta.db_table for model in MODELS.values())]
INDEX_TABLES = [SearchDocument._meta.db_table, "cms_searchterm"]


def ensure_site(total, progress=print):
    """The demo site and `total` bench pages; built only when the database does not hold them yet.

    Returns (pages, seconds spent building them, or None when they were there already).
    """
    have = bench_pages().count()
    if have >= total:
        return have, None
    if have:
        raise RuntimeError(
            f"The database holds {have} bench pages, not {total}: recreate it (pytest --create-db)."
        )
    started = time.monotonic()
    if not HomePage.objects.filter(depth=2).exists() or not NewsIndexPage.objects.exists():
        progress("loading the demo site")
        with quiet(CHATTY_LOGGERS, enabled=True):
            load_site_demo()
    ContentType.objects.clear_cache()
    pages = build_pages(total, progress)
    vacuum_analyze(*PAGE_TABLES)
    return pages, time.monotonic() - started
