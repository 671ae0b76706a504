"""Which pages are outdated translations, read from the cache on public pages.

The set of page ids is small and changes only when an outdating opens or closes; keeping it in the
cache spares every public page a query. It is dropped whenever a row changes, and again after the
transaction commits, so a reader between the change and the commit cannot keep a stale copy.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page

from .models import OutdatedTranslation

CACHE_KEY = "translations:outdated-page-ids"
CACHE_SECONDS = 60 * 60


def outdated_page_ids():
    """Ids of the pages whose translation is currently outdated."""
    ids = cache.get(CACHE_KEY)
    if ids is None:
        page_type = ContentType.objects.get_for_model(Page)
        ids = {
            int(object_id)
            for object_id in OutdatedTranslation.objects.open()
            .filter(translation__source__object__content_type=page_type)
            .values_list("object_id", flat=True)
        }
        cache.set(CACHE_KEY, ids, CACHE_SECONDS)
    return ids


def forget():
    """Drop the cached set now and once the current transaction has committed."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY), robust=True)
