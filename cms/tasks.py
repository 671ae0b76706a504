"""Periodic jobs of the public site, run by Celery; each is a thin wrapper around Wagtail's own code."""

import logging

from celery import shared_task
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

logger = logging.getLogger(__name__)

PUBLISH_LOCK_KEY = "cms:publish-scheduled-pages:lock"
PUBLISH_LOCK_SECONDS = 4 * 60


@shared_task(name="cms.tasks.publish_scheduled_pages", ignore_result=True)
def publish_scheduled_pages():
    """Publish pages and snippets whose go-live time has passed, unpublish expired ones.

    Beat runs this every few minutes; the lock keeps a slow run and the next one from
    publishing the same revision twice. Returns how many revisions were due.
    """
    if not cache.add(PUBLISH_LOCK_KEY, "1", PUBLISH_LOCK_SECONDS):
        logger.info("publish_scheduled_pages: another run holds the lock, skipping")
        return 0
    try:
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).count()
        call_command("publish_scheduled", verbosity=0)
        logger.info("publish_scheduled_pages: %d scheduled revision(s) were due", due)
        return due
    finally:
        cache.delete(PUBLISH_LOCK_KEY)
