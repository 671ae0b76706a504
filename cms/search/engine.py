"""The site search's one entry point: `search(SearchRequest) -> Results`, `autocomplete(...)`.

The view knows nothing of backends. Which engine answers follows the deployment: Elasticsearch
when ELASTICSEARCH_URL is set (cms.search.elasticsearch), PostgreSQL full-text search on
PostgreSQL (cms.search.postgres_engine), and on SQLite, the embedded default, a Python engine over
the same index table (cms.search.python_engine), which is exact but reads every entry of the
language: fine for a demo or a small site, not for 100,000 pages (README, "Search").
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection

PAGE_SIZE = 10


@dataclass(frozen=True)
class SearchRequest:
    text: str
    # The visitor's language; None searches every language.
    language: str | None
    kind: str = ""
    year: int | None = None
    topic: int | None = None
    # Calls and events: only those still open (deadline, end in the future).
    open_only: bool = False
    offset: int = 0
    limit: int = PAGE_SIZE


@dataclass
class Hit:
    page_id: int
    language: str
    kind: str
    title: str
    date: datetime.date | None
    open_until: datetime.datetime | None
    # Safe HTML: the text escaped, the matched words in <mark>.
    title_html: str
    excerpt_html: str
    score: float = 0.0


@dataclass
class Results:
    hits: list
    total: int
    # {"kind": [("news", 4), ...], "year": [(2024, 3), ...], "topic": [(12, 2), ...]}: counts
    # of the matches before the facet's own filter is applied.
    facets: dict = field(default_factory=dict)
    # "Did you mean": the query with misspelled words replaced by words of the site, or None.
    suggestion: str | None = None
    # Matches in the other languages when this one has none (the fallback offer), else None.
    other_languages: int | None = None
    # The search took longer than the engine allows and was stopped: no hits, say so politely.
    timed_out: bool = False


def _engine():
    # Chosen per call, not at import: tests switch databases and settings.
    if getattr(settings, "ELASTICSEARCH_URL", None):
        from . import elasticsearch as engine  # noqa: PLC0415 - optional package
    elif connection.vendor == "postgresql":
        from . import postgres_engine as engine  # noqa: PLC0415 - vendor-specific
    else:
        from . import python_engine as engine  # noqa: PLC0415 - vendor-specific
    return engine


def search(request: SearchRequest) -> Results:
    return _engine().search(request)


def autocomplete(prefix: str, language: str | None, limit: int = 8) -> list:
    """Titles starting with (or containing words starting with) what was typed: [(page_id, title)]."""
    return _engine().autocomplete(prefix, language, limit)
