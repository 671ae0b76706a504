"""Celery tasks of the outbox: thin wrappers around `workflows.delivery` and `workflows.relay`.

`enqueue_on_commit` is the dispatcher to name in WORKFLOWS_DISPATCHER: the engine calls it once
the transaction that wrote the outbox rows has committed (never after a rollback).
"""

import logging

from celery import shared_task

from . import delivery, relay

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    name="workflows.tasks.send_outbox_message",
    # Acknowledged after it ran, and given back to the broker if its worker process dies: a
    # message is never lost with a worker. Running it twice is harmless (the row is claimed).
    acks_late=True,
    reject_on_worker_lost=True,
    # The retry budget lives on the row (`attempts`), shared by retries, relay and resend;
    # see `delivery.deliver`. Celery's own counter would restart with every new chain.
    max_retries=None,
    ignore_result=True,
    # Below the lease, so that a hung send is stopped before the relay hands the row to another
    # worker (prefork pool; other pools cannot enforce time limits).
    soft_time_limit=240,
    time_limit=300,
)
def send_outbox_message(self, message_id):
    """Send outbox row `message_id` once; on an SMTP or connection error retry with exponential backoff.

    Retries follow WORKFLOWS_MAIL_RETRY_BACKOFF (factor, seconds), WORKFLOWS_MAIL_RETRY_BACKOFF_MAX,
    WORKFLOWS_MAIL_RETRY_JITTER and WORKFLOWS_MAIL_MAX_RETRIES; after the last the row is failed.
    """
    outcome = delivery.deliver(message_id)
    if outcome.status == "retry":
        # If this publish fails, the row is pending with its next attempt time: the relay resends it.
        raise self.retry(exc=outcome.error, countdown=outcome.retry_in)
    return outcome.status


@shared_task(name="workflows.tasks.relay_outbox", ignore_result=True)
def relay_outbox():
    """Re-dispatch outbox rows left unsent (lost publish, dead worker); beat runs it every minute."""
    return len(relay.relay())


def enqueue_on_commit(message_ids):
    """The dispatcher: one `send_outbox_message` task per id, published after the commit.

    A failed publish is logged and the remaining ids are left too (an unreachable broker would
    only make the request wait once per id): the relay publishes them a few minutes later.
    """
    ids = list(message_ids)
    for position, message_id in enumerate(ids):
        try:
            send_outbox_message.delay(message_id)
        except Exception:
            left = ids[position:]
            logger.exception("outbox %s: could not publish the sending task; the relay will retry", left)
            return
