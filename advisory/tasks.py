"""Celery tasks of the advisory domain: thin wrappers around `advisory.services`."""

from celery import shared_task

from . import privacy, services


@shared_task(name="advisory.tasks.scan_deadlines", ignore_result=True)
def scan_deadlines():
    """Handle the advisory deadlines that have come (beat runs it every five minutes).

    Safe to run twice, or in two processes at once: each deadline is claimed by one run only.
    """
    return services.process_due_deadlines()


@shared_task(name="advisory.tasks.anonymise_expired_requests", ignore_result=True)
def anonymise_expired_requests():
    """Anonymise requests past their retention period (beat runs it daily); safe to run twice."""
    return privacy.anonymise_expired()
