"""Talking to the cluster: the index's lifetime, its entries, and the searches.

The Python client is the optional `elasticsearch` extra: imported only here, and only when a
function needs the cluster, so the site runs (and its tests) without it.
"""

import logging
from functools import lru_cache

from django.conf import settings
from django.utils import timezone

from ..engine import Results
from ..languages import analysis_for
from ..query import parse
from . import queries, responses
from .analysis import index_settings

logger = logging.getLogger(__name__)

# Seconds a request to the cluster may take before the site gives up on it.
REQUEST_TIMEOUT = 5
BULK_CHUNK = 500


def index_name():
    """ELASTICSEARCH_INDEX_PREFIX + "site", beside Wagtail's own indexes (same prefix)."""
    prefix = getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", None)
    if prefix is None:
        backend = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get("default", {})
        prefix = backend.get("INDEX_PREFIX", "cms_")
    return f"{prefix}site"


@lru_cache(maxsize=4)
def _client(url):
    from elasticsearch import Elasticsearch  # noqa: PLC0415 - optional package

    return Elasticsearch(url, request_timeout=REQUEST_TIMEOUT, max_retries=1)


def client():
    return _client(settings.ELASTICSEARCH_URL)


def _body(response):
    # The client answers with an ApiResponse; its `body` is the decoded JSON.
    return getattr(response, "body", response)


def document(entry):
    """The Elasticsearch document of a SearchDocument row: its texts under its language's fields."""
    analysis = analysis_for(entry.language)
    code = analysis.code
    found = {
        "language": entry.language,
        "kind": entry.kind,
        "title": {code: entry.title},
        "summary": {code: entry.summary},
        "body": {code: entry.body},
        "date": entry.date.isoformat() if entry.date else None,
        "year": entry.year,
        "open_until": entry.open_until.isoformat() if entry.open_until else None,
        "topics": list(entry.topics or []),
    }
    if analysis.elasticsearch is None:
        # Stems Elasticsearch cannot make: the Python analysis the index table holds.
        found["title_terms"] = entry.title_terms
        found["body_terms"] = entry.body_terms
    return found


def _indices_behind(name):
    """The indices the alias `name` points at; a concrete index of that name, if one was made."""
    if client().indices.exists_alias(name=name):
        return sorted(_body(client().indices.get_alias(name=name)))
    if client().indices.exists(index=name):
        return [name]
    return []


def reset():
    """Make a new, empty index with the current settings and point the alias at it; drop the old.

    The site writes and searches the alias `index_name()`, never an index: a write before any
    reset fails (require_alias) instead of letting Elasticsearch make an index with guessed
    mappings, and settings changes (a language enabled) take effect at the next rebuild.
    """
    name = index_name()
    new = f"{name}-{timezone.now():%Y%m%d%H%M%S%f}"
    client().indices.create(index=new, body=index_settings())
    old = _indices_behind(name)
    if name in old:
        # A concrete index under the alias's name (an old deployment's): an alias cannot share it.
        client().indices.delete(index=name)
        old.remove(name)
    actions = [{"remove": {"index": index, "alias": name}} for index in old]
    client().indices.update_aliases(actions=[*actions, {"add": {"index": new, "alias": name}}])
    for index in old:
        client().indices.delete(index=index)
    return new


def drop():
    """Delete the index (every index behind the alias)."""
    for index in _indices_behind(index_name()):
        client().indices.delete(index=index)


def _made_if_missing(send):
    """Send a write; if the index was never made (no alias yet), make it empty, then send again.

    The first publish on a new deployment then finds an index with the right mappings; the
    other pages come with the first rebuild (`update_index`).
    """
    from elasticsearch import NotFoundError  # noqa: PLC0415 - optional package

    try:
        return send()
    except NotFoundError:
        if client().indices.exists_alias(name=index_name()):
            raise
        reset()
        return send()


def write(entry):
    name, body = index_name(), document(entry)
    _made_if_missing(
        lambda: client().index(index=name, id=str(entry.page_id), document=body, require_alias=True)
    )


def write_many(entries):
    """Bulk indexing for rebuilds: one request per BULK_CHUNK entries; returns how many were written."""
    from elasticsearch.helpers import bulk  # noqa: PLC0415 - optional package

    name = index_name()
    if not client().indices.exists_alias(name=name):
        reset()
    actions = ({"_index": name, "_id": str(row.page_id), "_source": document(row)} for row in entries)
    written, _errors = bulk(client(), actions, chunk_size=BULK_CHUNK, require_alias=True)
    return written


def delete(page_id):
    client().options(ignore_status=404).delete(index=index_name(), id=str(page_id))


def refresh():
    """Make what was written searchable now (tests, the end of a rebuild); otherwise within 1 s."""
    client().indices.refresh(index=index_name())


def _unavailable(error):
    """A search the cluster could not answer: logged, and answered as empty; never an error page."""
    logger.exception("The site search on Elasticsearch failed: %s", error)
    return Results(hits=[], total=0, timed_out=True)


def search(request):
    parsed = parse(request.text)
    if parsed.is_empty:
        return Results(hits=[], total=0)
    from elasticsearch import ApiError, TransportError  # noqa: PLC0415 - optional package

    try:
        return _search(request, parsed)
    except (ApiError, TransportError) as error:
        return _unavailable(error)


def _search(request, parsed):
    response = _body(client().search(index=index_name(), body=queries.search_body(request, parsed)))
    results = responses.results(response, parsed.all_words, request.language)
    # Cut short by the search's timeout: what was found in time, and the view may say so.
    results.timed_out = bool(response.get("timed_out"))
    if results.total == 0 and request.language:
        counted = client().count(index=index_name(), body=queries.other_languages_body(request, parsed))
        results.other_languages = int(_body(counted)["count"])
    return results


def autocomplete(prefix, language, limit=8):
    body = queries.autocomplete_body(prefix, language, limit)
    if body is None:
        return []
    from elasticsearch import ApiError, TransportError  # noqa: PLC0415 - optional package

    try:
        return responses.titles(_body(client().search(index=index_name(), body=body)))
    except (ApiError, TransportError) as error:
        logger.exception("Autocomplete on Elasticsearch failed: %s", error)
        return []
