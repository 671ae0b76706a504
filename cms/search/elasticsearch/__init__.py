"""The site search on Elasticsearch 9, used when ELASTICSEARCH_URL is set (cms.search.engine).

- analysis: analyzers per enabled language (cms.search.languages) and the mapping;
- queries: search, fallback count and autocomplete bodies, as plain data;
- responses: Elasticsearch's answers read as Results;
- cluster: the client (optional `elasticsearch` extra, imported lazily) and what talks to it.

cms.search.index calls `reset`, `write` (or `write_many`), `delete` and `refresh`; the engine
calls `search` and `autocomplete`. docs/search-elasticsearch.md tells how to deploy it.
"""

from .analysis import index_settings
from .cluster import (
    autocomplete,
    delete,
    document,
    drop,
    index_name,
    refresh,
    reset,
    search,
    write,
    write_many,
)
from .queries import autocomplete_body, other_languages_body, search_body

__all__ = [
    "autocomplete",
    "autocomplete_body",
    "delete",
    "document",
    "drop",
    "index_name",
    "index_settings",
    "other_languages_body",
    "refresh",
    "reset",
    "search",
    "search_body",
    "write",
    "write_many",
]
