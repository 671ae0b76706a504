"""Wagtail's search backends, extended to keep the site search's own index (cms.search.index) in step.

Wagtail (modelsearch) calls its backend on every save and delete of an indexed model: a page's
post_save runs `backend.add(page)` (publish, unpublish, a draft saved, a move, a translation
created and published), its post_delete `backend.delete(page)`; `manage.py update_index` runs
the backend's rebuilder. The backends here do all that for Wagtail's index (the admin's search,
unchanged) and pass pages on to ours, which decides what it holds (live, public pages).

WAGTAILSEARCH_BACKENDS names them by their dotted path, "cms.search.backends.database" or
"cms.search.backends.elasticsearch9": callables taking the backend's parameters, as Wagtail's
own `database` backend is (it picks a class per database vendor).
"""

import logging
from functools import cache, partial

from wagtail.models import Page
from wagtail.search.backends import database as wagtail_database

from . import index

logger = logging.getLogger(__name__)


class SiteSearchRebuilder:
    """Wagtail's rebuild of one of its indexes; then, if that index holds the pages, ours."""

    def __init__(self, wagtail_rebuilder_class, wagtail_index):
        self.wagtail = wagtail_rebuilder_class(wagtail_index) if wagtail_rebuilder_class else None
        self.index = wagtail_index
        pages_index = wagtail_index.backend.get_index_for_model(Page)
        self.holds_pages = wagtail_index.get_key() == pages_index.get_key()

    def start(self):
        return self.wagtail.start() if self.wagtail else self.index

    def finish(self):
        if self.wagtail:
            self.wagtail.finish()
        if self.holds_pages:
            entries = index.rebuild()
            logger.info("Site search: %d entries rebuilt", entries)


class SiteSearchMixin:
    def __init__(self, params):
        super().__init__(params)
        # Set per instance by Wagtail's backends (atomic or not): wrapped once they have chosen.
        self.rebuilder_class = partial(SiteSearchRebuilder, self.rebuilder_class)

    def add(self, obj):
        # Ours first: an unreachable Elasticsearch, whose errors Wagtail logs and swallows, must
        # not keep a publication out of the site search.
        if isinstance(obj, Page):
            index.index_page(obj)
        super().add(obj)

    def add_bulk(self, model, obj_list):
        pages = [obj for obj in obj_list if isinstance(obj, Page)]
        if pages:
            index.index_pages(pages)
        super().add_bulk(model, obj_list)

    def delete(self, obj):
        if isinstance(obj, Page):
            index.remove_page(obj.pk)
        super().delete(obj)

    def reset_indexes(self):
        super().reset_indexes()
        index.clear()


@cache
def with_site_search(backend_class):
    """A subclass of one of Wagtail's backend classes that keeps the site search in step too."""
    return type(f"SiteSearch{backend_class.__name__}", (SiteSearchMixin, backend_class), {})


def database(params):
    """Wagtail's database backend of the default database's vendor (PostgreSQL, SQLite FTS, ...)."""
    vendor_class = type(wagtail_database.SearchBackend(params))
    return with_site_search(vendor_class)(params)


def elasticsearch9(params):
    """Wagtail's Elasticsearch 9 backend."""
    from wagtail.search.backends import elasticsearch9 as wagtail_elasticsearch9  # noqa: PLC0415 - optional package

    return with_site_search(wagtail_elasticsearch9.SearchBackend)(params)
