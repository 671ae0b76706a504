"""Writes the site search's index (cms.models.SearchDocument) and its vocabulary.

`index_page` and `remove_page` are what Wagtail's search backend calls on publish, unpublish,
move, delete and translation (cms.search.backends); `update_subtree` follows view restrictions
and moves into or out of a restricted section (the receivers at the end); `rebuild` redoes
everything (`update_index`, and `manage.py rebuild_site_search` with a progress bar).

Pages are written in batches: the Python analysis of a batch, then one statement for its rows
(on PostgreSQL with their tsvectors, built by the server in the same INSERT), and the vocabulary
counted in Python. A rebuild writes over the entries in place and deletes the ones it did not
write at the end, so the search keeps answering from a full index while it runs.

With ELASTICSEARCH_URL set, every entry written or removed here is also sent to Elasticsearch
(cms.search.elasticsearch: `write(entry)`, `delete(page_id)`; a rebuild `reset()`s a full
index, sends `write_many(entries)` per batch and `refresh()`es at the end).
"""

import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, post_page_move

from cms.models import SearchDocument, SearchTerm

from .analysis import MAX_WORD, fold, term, words
from .documents import build, is_searchable, languages, restricted_paths, topics_of, under
from .languages import SIMPLE_CONFIG, analysis_for

# Vocabulary words: long enough to be worth proposing, not numbers.
MIN_VOCABULARY_WORD = 3
# Pages analysed and written per statement: large enough that round trips do not count, small
# enough that a batch's rows and parameters stay a few megabytes.
BATCH_SIZE = 500
# Vocabulary rows per INSERT when the vocabulary is replaced.
TERMS_BATCH_SIZE = 5000

FIELDS = (
    "page_id", "language", "kind", "title", "summary", "body", "title_terms", "body_terms",
    "date", "year", "open_until", "topics", "indexed_at",
)  # fmt: skip


@lru_cache(maxsize=200_000)
def _vocabulary_word(word):
    if len(word) < MIN_VOCABULARY_WORD or word.isdigit():
        return None
    return fold(word)[:MAX_WORD]


def vocabulary(*texts):
    """The distinct folded words of texts, as "did you mean" proposes them."""
    found = {_vocabulary_word(word) for text in texts for word in set(words(text))}
    found.discard(None)
    return found


@dataclass
class Entry:
    """A page's index entry with its Python analysis: what one row of the table receives."""

    row: SearchDocument
    # The Python terms of summary and body apart (the row holds them joined): PostgreSQL weighs them.
    summary_terms: str
    body_only_terms: str
    vocabulary: frozenset


def _terms(text_words, language):
    return " ".join(term(word, language) for word in text_words)


def analyse(document):
    """The Entry of a Document: its texts analysed in the page's language."""
    language = document.language
    title_words, summary_words, body_words = (
        words(document.title), words(document.summary), words(document.body)
    )  # fmt: skip
    summary_terms = _terms(summary_words, language)
    body_terms = _terms(body_words, language)
    found = {_vocabulary_word(word) for word in {*title_words, *summary_words, *body_words}}
    found.discard(None)
    row = SearchDocument(
        page_id=document.page_id,
        language=language,
        kind=document.kind,
        title=document.title,
        summary=document.summary,
        body=document.body,
        title_terms=_terms(title_words, language),
        body_terms=f"{summary_terms} {body_terms}".strip(),
        date=document.date,
        year=document.date.year if document.date else None,
        open_until=document.open_until,
        topics=document.topics,
    )
    return Entry(row, summary_terms=summary_terms, body_only_terms=body_terms, vocabulary=frozenset(found))


# --------------------------------------------------------------------------- writing rows

# PostgreSQL: the row and its vectors in one statement. The weighted vector is made in the page
# language's configuration; the languages PostgreSQL does not stem give their Python terms to
# `cms_simple` instead of their text. The title's vector (autocomplete) is always `cms_simple`.
_VECTORS = (
    "setweight(to_tsvector(%s::regconfig, %s), 'A') || setweight(to_tsvector(%s::regconfig, %s), 'B') "
    "|| setweight(to_tsvector(%s::regconfig, %s), 'C'), to_tsvector(%s::regconfig, %s)"
)
_ROW = "(" + ", ".join(["%s"] * (len(FIELDS) - 2)) + ", %s::jsonb, %s, " + _VECTORS + ")"
# Column names and placeholders only: every value is a parameter.
_UPSERT = (
    f"INSERT INTO cms_searchdocument ({', '.join(FIELDS)}, vector, title_vector) VALUES {{rows}} "  # noqa: S608
    "ON CONFLICT (page_id) DO UPDATE SET "
    + ", ".join(f"{name} = EXCLUDED.{name}" for name in (*FIELDS[1:], "vector", "title_vector"))
)


def _postgres_params(entry, now):
    row = entry.row
    analysis = analysis_for(row.language)
    if analysis.analysed_in_python:
        texts = (row.title_terms, entry.summary_terms, entry.body_only_terms)
    else:
        texts = (row.title, row.summary, row.body)
    config = analysis.postgres_config
    return [
        row.page_id, row.language, row.kind, row.title, row.summary, row.body, row.title_terms,
        row.body_terms, row.date, row.year, row.open_until, json.dumps(row.topics), now,
        config, texts[0], config, texts[1], config, texts[2], SIMPLE_CONFIG, row.title,
    ]  # fmt: skip


def _write(entries):
    """Insert or replace the rows of entries (one statement)."""
    if not entries:
        return
    now = timezone.now()
    if connection.vendor == "postgresql":
        params = [value for entry in entries for value in _postgres_params(entry, now)]
        with connection.cursor() as cursor:
            cursor.execute(_UPSERT.format(rows=", ".join([_ROW] * len(entries))), params)
    else:
        SearchDocument.objects.bulk_create(
            [entry.row for entry in entries],
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=list(FIELDS[1:]),
        )
    for entry in entries:
        entry.row.indexed_at = now


def _delete_rows(page_ids):
    """Delete rows without Django's collector: the vocabulary is counted by the caller."""
    if not page_ids:
        return
    SearchDocument.objects.filter(pk__in=page_ids)._raw_delete(connection.alias)


# --------------------------------------------------------------------------- vocabulary


def _change_vocabulary(delta):
    """Apply {(language, word): change in the number of documents holding it}."""
    added = sorted((language, word, n) for (language, word), n in delta.items() if n > 0)
    removed = sorted((n, language, word) for (language, word), n in delta.items() if n < 0)
    with connection.cursor() as cursor:
        if added:
            cursor.executemany(
                "INSERT INTO cms_searchterm (language, word, documents) VALUES (%s, %s, %s) "
                "ON CONFLICT (language, word) DO UPDATE SET documents = cms_searchterm.documents + "
                "EXCLUDED.documents",
                added,
            )
        if removed:
            # Never below zero, even if a count drifted (an entry deleted where no receiver ran).
            cursor.executemany(
                "UPDATE cms_searchterm SET documents = "
                "CASE WHEN documents > %s THEN documents - %s ELSE 0 END WHERE language = %s AND word = %s",
                [(-n, -n, language, word) for n, language, word in removed],
            )
            languages = {language for _n, language, _word in removed}
            SearchTerm.objects.filter(language__in=languages, documents=0).delete()


def _count(entries):
    counts = Counter()
    for entry in entries:
        counts.update((entry.row.language, word) for word in entry.vocabulary)
    return counts


def _replace_vocabulary(counts, language=None):
    terms = SearchTerm.objects.all() if language is None else SearchTerm.objects.filter(language=language)
    terms._raw_delete(connection.alias)
    SearchTerm.objects.bulk_create(
        [SearchTerm(language=code, word=word, documents=n) for (code, word), n in sorted(counts.items())],
        batch_size=TERMS_BATCH_SIZE,
    )


# --------------------------------------------------------------------------- Elasticsearch


def _elasticsearch():
    if not getattr(settings, "ELASTICSEARCH_URL", None):
        return None
    from . import elasticsearch  # noqa: PLC0415 - optional package, only where Elasticsearch is configured

    return elasticsearch


def _send(entries, removed_ids):
    engine = _elasticsearch()
    if engine is None:
        return
    for entry in entries:
        engine.write(entry.row)
    for page_id in removed_ids:
        engine.delete(page_id)


def _send_on_commit(entries, removed_ids):
    """Sent once the page's own change is committed (a rolled-back publish leaves no trace), and
    robust: an unreachable Elasticsearch is logged, it does not fail the editor's publish."""
    if _elasticsearch() is not None:
        transaction.on_commit(lambda: _send(entries, removed_ids), robust=True)


# --------------------------------------------------------------------------- batches


class _Context:
    """What a batch reads once instead of once per page: locales, view restrictions."""

    def __init__(self):
        self.languages = languages()
        self.restricted = restricted_paths()


def _entries(pages, context):
    """The entries of the searchable pages among specific pages, and the ids of the others."""
    searchable = [page for page in pages if is_searchable(page, context.restricted)]
    topics = topics_of(searchable)
    entries = [
        analyse(build(page, language=context.languages.get(page.locale_id), topics=topics))
        for page in searchable
    ]
    searchable_ids = {page.pk for page in searchable}
    return entries, [page.pk for page in pages if page.pk not in searchable_ids]


def _forget(page_ids):
    """The vocabulary change of removing the current entries of pages: {(language, word): -1, ...}."""
    delta = Counter()
    for language, *texts in SearchDocument.objects.filter(pk__in=page_ids).values_list(
        "language", "title", "summary", "body"
    ):
        delta.subtract((language, word) for word in vocabulary(*texts))
    return delta


def _update(pages, context):
    """Bring the entries of specific pages up to date, their vocabulary counted as a change."""
    entries, removed_ids = _entries(pages, context)
    with transaction.atomic():
        delta = _forget([page.pk for page in pages])
        delta.update(_count(entries))
        _write(entries)
        _delete_rows(removed_ids)
        _change_vocabulary(delta)
    _send_on_commit(entries, removed_ids)
    return entries


def _remove(page_ids):
    with transaction.atomic():
        delta = _forget(page_ids)
        _delete_rows(page_ids)
        _change_vocabulary(delta)
    _send_on_commit([], page_ids)


def index_page(page):
    """Bring one page's entry up to date: written if the page is searchable, removed otherwise."""
    entries = _update([page.specific], _Context())
    return entries[0].row if entries else None


def remove_page(page_id):
    """Remove one page's entry (its vocabulary counted down)."""
    _remove([page_id])


def index_pages(pages):
    """Bring many pages' entries up to date, a batch at a time."""
    context = _Context()
    pages = list(pages)
    for start in range(0, len(pages), BATCH_SIZE):
        _update([page.specific for page in pages[start : start + BATCH_SIZE]], context)


def clear():
    """Empty the index and its vocabulary (Wagtail's `reset_indexes`)."""
    with transaction.atomic():
        SearchDocument.objects.all()._raw_delete(connection.alias)
        SearchTerm.objects.all()._raw_delete(connection.alias)
    engine = _elasticsearch()
    if engine is not None:
        engine.reset()


def _chunks(ids, size=BATCH_SIZE):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _specific(page_ids):
    return list(Page.objects.filter(pk__in=page_ids).order_by("path").specific())


def update_subtree(page):
    """Bring a page and its descendants up to date, after a restriction or a move changed who sees them."""
    context = _Context()
    subtree = Page.objects.descendant_of(page, inclusive=True).order_by("path")
    if under(page.path, context.restricted):
        # Nothing below a restriction is indexed: no page needs building.
        for chunk in _chunks(subtree.values_list("pk", flat=True)):
            _remove(chunk)
        return
    for chunk in _chunks(subtree.live().values_list("pk", flat=True)):
        _update(_specific(chunk), context)


class _Writer:
    """Writes a rebuild's batches, on PostgreSQL in a second thread while the next batch is built.

    Building a batch is Python's work and writing it is mostly the server's (the tsvectors): with
    the writes in a thread of their own (its own connection, its own transaction per batch), both
    run at once. Inside a transaction (tests, a caller's atomic block) another connection would
    not see the pages, so the writes stay in the caller's thread and transaction.
    """

    def __init__(self):
        threaded = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.executor = ThreadPoolExecutor(max_workers=1) if threaded else None
        self.pending = None

    def write(self, entries):
        if self.executor is None:
            _write_batch(entries)
            return
        self.wait()
        self.pending = self.executor.submit(_write_batch, entries)

    def wait(self):
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()

    def close(self):
        if self.executor is None:
            return
        try:
            self.wait()
        finally:
            # The thread's own connection: `connection` is looked up in that thread.
            self.executor.submit(lambda: connection.close()).result()
            self.executor.shutdown()


def _write_batch(entries):
    with transaction.atomic():
        _write(entries)


def searchable_queryset(language=None):
    """The pages a rebuild reads: live, below the root, of one language if given."""
    pages = Page.objects.live().filter(depth__gt=1)
    if language:
        pages = pages.filter(locale__language_code=language)
    return pages


def rebuild(progress=None, language=None, batch_size=BATCH_SIZE):
    """Rewrite the index from every live page (of one language if given); return the entries written.

    `progress(done, total)` after each batch (pages read, of all live pages). Entries are written
    over the old ones, batch by batch; at the end the entries not written (pages gone, unpublished,
    restricted) are deleted and the vocabulary is replaced by the one counted on the way.
    """
    started = timezone.now()
    pages = searchable_queryset(language)
    context = _Context()
    engine = _elasticsearch()
    if engine is not None and language is None:
        engine.reset()
    ids = list(pages.order_by("path").values_list("pk", flat=True))
    total = len(ids)
    counts = Counter()
    written = done = 0
    writer = _Writer()
    try:
        for chunk in _chunks(ids, batch_size):
            batch = _specific(chunk)
            entries, _hidden = _entries(batch, context)
            writer.write(entries)
            counts.update(_count(entries))
            if engine is not None:
                engine.write_many([entry.row for entry in entries])
            written += len(entries)
            done += len(batch)
            if progress:
                progress(done, total)
    finally:
        writer.close()
    with transaction.atomic():
        stale = SearchDocument.objects.filter(indexed_at__lt=started)
        if language:
            stale = stale.filter(language=language)
        stale_ids = list(stale.values_list("pk", flat=True))
        for chunk in _chunks(stale_ids):
            _delete_rows(chunk)
        _replace_vocabulary(counts, language)
    if engine is not None:
        if language is not None:
            _send([], stale_ids)
        engine.refresh()
    return written


# --------------------------------------------------------------------------- receivers
#
# Connected when this module is imported (by cms.search.backends, and by cms.wagtail_hooks for
# the admin). Wagtail's own index has no notion of view restrictions, so no backend call follows
# them: these do.


@receiver(post_delete, sender=SearchDocument, dispatch_uid="cms_search_entry_deleted")
def entry_deleted(sender, instance, origin=None, **kwargs):
    """An entry deleted through Django (a page deleted, the entry cascading): its words counted down."""
    found = vocabulary(instance.title, instance.summary, instance.body)
    _change_vocabulary(Counter({(instance.language, word): -1 for word in found}))


def _from_a_restriction(origin):
    if isinstance(origin, QuerySet):
        return issubclass(origin.model, PageViewRestriction)
    return isinstance(origin, PageViewRestriction)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="cms_search_restriction_saved")
def restriction_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        update_subtree(instance.page)


@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="cms_search_restriction_deleted")
def restriction_deleted(sender, instance, origin=None, **kwargs):
    # A restriction deleted with its page (a cascade) leaves nothing to index.
    if origin is None or _from_a_restriction(origin):
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            update_subtree(page)


@receiver(page_published, dispatch_uid="cms_search_page_published")
def page_published_again(sender, instance, **kwargs):
    """A page published: written again now that its child rows (a publication's topics) are saved.

    The backend is called on the page's post_save, which modelcluster sends before it writes the
    page's child relations: the entry it writes has the topics the page had before.
    """
    index_page(instance)


@receiver(post_page_move, dispatch_uid="cms_search_page_moved")
def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A section moved into or out of a restricted one: its pages enter or leave the index.

    The moved page itself is saved, and so reindexed by the backend; its descendants are not.
    """
    restricted = restricted_paths()
    if under(parent_page_before.path, restricted) != under(parent_page_after.path, restricted):
        update_subtree(instance)
