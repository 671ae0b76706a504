"""The outbox relay: rows that should have been sent by now are handed to the dispatcher again.

Publishing after commit can be lost (the process dies between commit and publish, the broker
is unreachable, a retry message is dropped), and a worker can die while sending. Beat runs the
relay every minute; it picks
- pending rows whose next attempt is more than WORKFLOWS_OUTBOX_RELAY_AFTER seconds overdue,
- rows in sending whose claim is older than the lease (WORKFLOWS_OUTBOX_LEASE seconds),
marks each picked row due now (so the next run leaves it alone for another RELAY_AFTER) and
dispatches it. Two relays running at once pick disjoint rows; a row dispatched twice is
still sent once, because sending starts with a claim.
"""

import logging

from django.db import models, transaction
from django.utils import timezone

from . import delivery, outbox
from .models import OutboxMessage

logger = logging.getLogger(__name__)

Status = OutboxMessage.Status


def stale_ids(now=None, limit=None):
    """Ids of the rows the relay would pick now, oldest first (at most `limit`)."""
    now = now or timezone.now()
    limit = limit or delivery.setting("WORKFLOWS_OUTBOX_RELAY_BATCH")
    stale = OutboxMessage.objects.stale(
        pending_before=now - delivery.relay_after(), claimed_before=now - delivery.lease()
    )
    return list(stale.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])


def relay(now=None, limit=None):
    """Re-dispatch stale rows; returns the ids this run took (another run at once takes others)."""
    now = now or timezone.now()
    candidates = stale_ids(now, limit)
    if not candidates:
        return []
    pending_before = now - delivery.relay_after()
    claimed_before = now - delivery.lease()
    with transaction.atomic():
        # Each UPDATE re-checks staleness row by row, so of two concurrent runs only the first
        # to write a row takes it; `now` (to the microsecond) then tells this run's rows apart.
        OutboxMessage.objects.filter(
            pk__in=candidates, status=Status.SENDING, claimed_at__lte=claimed_before
        ).update(
            status=Status.PENDING,
            next_attempt_at=now,
            claimed_at=None,
            last_error=models.Value("The sending attempt did not finish within its lease (worker lost?)."),
        )
        OutboxMessage.objects.filter(
            pk__in=candidates, status=Status.PENDING, next_attempt_at__lte=pending_before
        ).update(next_attempt_at=now)
        taken = list(
            OutboxMessage.objects.filter(pk__in=candidates, status=Status.PENDING, next_attempt_at=now)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if taken:
            outbox.dispatch_on_commit(taken)
    if taken:
        logger.warning("outbox relay: re-dispatched %d message(s): %s", len(taken), taken[:20])
    return taken
