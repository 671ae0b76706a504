"""Writes the site search's index (cms.models.SearchDocument) and its vocabulary.

`index_page` and `remove_page` are what Wagtail's search backend calls on publish, unpublish,
delete and translation (cms.search.backends); `rebuild` redoes everything (`update_index`, and
`manage.py rebuild_site_search` with a progress bar).
"""

from django.db import connection, transaction

from cms.models import SearchDocument, SearchTerm

from .analysis import MAX_WORD, fold, terms, words
from .documents import build, is_searchable, searchable_pages
from .languages import SIMPLE_CONFIG, analysis_for

# Vocabulary words: long enough to be worth proposing, not numbers.
MIN_VOCABULARY_WORD = 3


def vocabulary(*texts):
    """The distinct folded words of texts, as "did you mean" proposes them."""
    found = set()
    for text in texts:
        for word in words(text):
            if len(word) >= MIN_VOCABULARY_WORD and not word.isdigit():
                found.add(fold(word)[:MAX_WORD])
    return found


def _change_vocabulary(language, added, removed):
    with connection.cursor() as cursor:
        if added:
            cursor.executemany(
                "INSERT INTO cms_searchterm (language, word, documents) VALUES (%s, %s, 1) "
                "ON CONFLICT (language, word) DO UPDATE SET documents = cms_searchterm.documents + 1",
                [(language, word) for word in sorted(added)],
            )
        if removed:
            cursor.executemany(
                "UPDATE cms_searchterm SET documents = documents - 1 WHERE language = %s AND word = %s",
                [(language, word) for word in sorted(removed)],
            )
            SearchTerm.objects.filter(language=language, documents__lte=0).delete()


def _write_vectors(document, title_terms, summary_terms, body_terms):
    """PostgreSQL: the weighted vector in the language's configuration, and the title's for autocomplete.

    Languages PostgreSQL does not stem are indexed from their Python analysis through `cms_simple`.
    """
    analysis = analysis_for(document.language)
    if analysis.analysed_in_python:
        texts = (title_terms, summary_terms, body_terms)
    else:
        texts = (document.title, document.summary, document.body)
    config = analysis.postgres_config
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cms_searchdocument SET "
            "vector = setweight(to_tsvector(%s::regconfig, %s), 'A') "
            "|| setweight(to_tsvector(%s::regconfig, %s), 'B') "
            "|| setweight(to_tsvector(%s::regconfig, %s), 'C'), "
            "title_vector = to_tsvector(%s::regconfig, %s) "
            "WHERE page_id = %s",
            [config, texts[0], config, texts[1], config, texts[2]]
            + [SIMPLE_CONFIG, document.title, document.page_id],
        )


@transaction.atomic
def index_page(page):
    """Bring one page's entry up to date: written if the page is searchable, removed otherwise."""
    page = page.specific
    if not is_searchable(page):
        remove_page(page.pk)
        return None
    document = build(page)
    previous = SearchDocument.objects.filter(pk=page.pk).first()
    title_terms = " ".join(terms(document.title, document.language))
    summary_terms = " ".join(terms(document.summary, document.language))
    body_terms = " ".join(terms(document.body, document.language))
    entry, _created = SearchDocument.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "language": document.language,
            "kind": document.kind,
            "title": document.title,
            "summary": document.summary,
            "body": document.body,
            "title_terms": title_terms,
            "body_terms": f"{summary_terms} {body_terms}".strip(),
            "date": document.date,
            "year": document.date.year if document.date else None,
            "open_until": document.open_until,
            "topics": document.topics,
        },
    )
    if connection.vendor == "postgresql":
        _write_vectors(document, title_terms, summary_terms, body_terms)
    new_words = vocabulary(document.title, document.summary, document.body)
    if previous is not None and previous.language == document.language:
        old_words = vocabulary(previous.title, previous.summary, previous.body)
        _change_vocabulary(document.language, new_words - old_words, old_words - new_words)
    else:
        if previous is not None:
            old_words = vocabulary(previous.title, previous.summary, previous.body)
            _change_vocabulary(previous.language, set(), old_words)
        _change_vocabulary(document.language, new_words, set())
    return entry


@transaction.atomic
def remove_page(page_id):
    previous = SearchDocument.objects.filter(pk=page_id).first()
    if previous is None:
        return
    previous.delete()
    _change_vocabulary(previous.language, set(), vocabulary(previous.title, previous.summary, previous.body))


def rebuild(progress=None):
    """Empty and refill the index from every live page; `progress(done, total)` after each page."""
    pages = searchable_pages()
    total = pages.count()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
    done = 0
    for page in pages.iterator(chunk_size=500):
        index_page(page)
        done += 1
        if progress:
            progress(done, total)
    return done
