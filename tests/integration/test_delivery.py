"""Notifications delivered by real parts: Celery worker processes, the Redis broker, an SMTP server.

The SMTP server (aiosmtpd) runs in this process on a free port and records what it accepts; each
worker is a `celery -A cms worker` subprocess on the test database (PostgreSQL, committed data:
transaction=True) that sends over SMTP to it (see delivery_support.py). Each test has a queue of its
own on the broker and deletes it afterwards.
"""

import threading
import time
import uuid
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from cms.celery import app
from tests.integration.delivery_support import QUIET_SECONDS, WAIT_SECONDS, SmtpSink, WorkerPool, wait_until
from tests.workflows.factories import ClerkFactory, TicketFactory
from tests.workflows.testapp.models import Ticket
from workflows import mail, outbox, relay, tasks
from workflows.engine import perform
from workflows.models import OutboxMessage
from workflows.outbox import Notification

pytestmark = [
    pytest.mark.integration,
    pytest.mark.services("postgresql", "redis_broker"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEMPLATE = "testapp/ticket_changed"
Status = OutboxMessage.Status


@pytest.fixture
def smtp():
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def workers(smtp, tmp_path):
    pool = WorkerPool(smtp, tmp_path)
    # This process publishes to the pool's queue too (the dispatcher after commit, the relay).
    default_queue = app.conf.task_default_queue
    app.conf.task_default_queue = pool.queue
    try:
        yield pool
    finally:
        app.conf.task_default_queue = default_queue
        pool.stop()


def notify(count, ticket=None):
    """`count` messages about one ticket, stored in one committed transaction and dispatched on commit."""
    ticket = ticket or TicketFactory()
    notifications = [
        Notification(f"reader{n}@example.org", TEMPLATE, {"title": ticket.title}) for n in range(count)
    ]
    with transaction.atomic():
        messages = outbox.enqueue(
            ticket, "workflows_testapp.ticket.notice", notifications, occurrence=uuid.uuid4().hex
        )
        outbox.dispatch_on_commit([message.pk for message in messages])
    return messages


def statuses(messages):
    return sorted(
        OutboxMessage.objects.filter(pk__in=[m.pk for m in messages]).values_list("status", flat=True)
    )


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


# (a) a transition's messages arrive, once each, in each recipient's language


def test_a_committed_transition_delivers_each_message_once(smtp, workers):
    workers.start()
    ticket = TicketFactory(title="Printer on fire")
    clerk = ClerkFactory()

    performed = perform(ticket, "take", clerk)

    smtp.wait_for(2, workers)
    assert sorted(smtp.keys()) == sorted(message.idempotency_key for message in performed.messages)
    by_recipient = {str(message["To"]): message for message in smtp.received}
    requester, owner = by_recipient["requester@example.org"], by_recipient[clerk.email]
    assert requester["Subject"] == "Printer on fire: open (Januar)"
    assert text_of(requester).startswith('[de] The ticket "Printer on fire" is now open.')
    assert text_of(owner).startswith("[en] ")
    assert requester.get_body(preferencelist=("html",)).get_content().startswith('<p lang="de">')
    assert requester["Message-ID"] == mail.message_id(performed.messages[0].idempotency_key)
    assert statuses(performed.messages) == [Status.SENT, Status.SENT]
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}


# (b) the worker dies mid-send


@pytest.mark.parametrize("phase", ["rcpt", "data"])
def test_a_worker_killed_while_sending_does_not_lose_the_message(smtp, workers, phase):
    """Killed before the server had the message: it arrives once. Killed after the server had it but
    before the row was marked sent (the one window SMTP leaves open): it arrives twice, with the same
    Message-ID and idempotency key, so receivers can drop the copy; the outbox shows one message."""
    smtp.hold = phase
    first = workers.start()
    [message] = notify(1)

    wait_until(smtp.held.is_set, f"the worker to reach {phase.upper()}", workers)
    workers.kill(first)
    smtp.release.set()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.SENDING, 1)

    workers.start()
    with override_settings(WORKFLOWS_OUTBOX_LEASE=1):
        time.sleep(1.1)  # the lease of the dead worker's claim runs out
        assert relay.relay() == [message.pk]  # what beat's next relay run does

    wait_until(lambda: statuses([message]) == [Status.SENT], "row marked sent", workers)
    copies = 1 if phase == "rcpt" else 2
    smtp.wait_for(copies, workers)
    assert smtp.keys() == [message.idempotency_key] * copies
    assert len({copy["Message-ID"] for copy in smtp.received}) == 1
    message.refresh_from_db()
    assert message.attempts == 2
    assert OutboxMessage.objects.count() == 1


# (c) the SMTP server refuses or is down for a while


@pytest.mark.parametrize("trouble", ["refusing", "down"])
def test_the_message_arrives_once_the_smtp_server_is_back(smtp, workers, trouble):
    if trouble == "refusing":
        smtp.refusing = True
    else:
        smtp.stop()
    workers.start()
    [message] = notify(1)

    def failed_twice():
        message.refresh_from_db()
        return message.attempts >= 2 and message.status == Status.PENDING

    wait_until(failed_twice, "two failed attempts", workers)
    assert message.last_error.startswith(
        "SMTPDataError: (451" if trouble == "refusing" else "ConnectionRefusedError"
    )
    if trouble == "refusing":
        smtp.refusing = False
    else:
        smtp.start()

    smtp.wait_for(1, workers)
    assert smtp.keys() == [message.idempotency_key]
    message.refresh_from_db()
    assert (message.status, message.last_error) == (Status.SENT, "")
    assert message.attempts >= 3
    if trouble == "refusing":
        assert smtp.refused == message.attempts - 1


# (d) a transition that rolls back sends nothing


def test_a_transition_that_rolls_back_sends_nothing(smtp, workers):
    workers.start()
    clerk = ClerkFactory()
    ticket = TicketFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        perform(ticket, "take", clerk)
        raise RuntimeError("the view failed after the transition")

    ticket.refresh_from_db()
    assert ticket.state == Ticket.State.NEW
    assert not OutboxMessage.objects.exists()
    # The worker is alive and busy: the next committed transition's messages arrive, and only they.
    performed = perform(TicketFactory(), "take", clerk)
    smtp.wait_for(2, workers)
    assert sorted(smtp.keys()) == sorted(message.idempotency_key for message in performed.messages)


# (e) nothing queued is lost: the worker starts late, or the broker loses the message


def test_messages_wait_in_the_broker_for_a_worker_started_late(smtp, workers):
    messages = notify(3)
    time.sleep(QUIET_SECONDS)
    assert smtp.count() == 0
    assert statuses(messages) == [Status.PENDING] * 3

    workers.start()

    smtp.wait_for(3, workers)
    assert sorted(smtp.keys()) == sorted(message.idempotency_key for message in messages)


@pytest.mark.parametrize("loss", ["never_published", "dropped_by_the_broker"])
def test_the_relay_recovers_a_message_whose_publish_was_lost(smtp, workers, loss):
    if loss == "never_published":
        # The process died between commit and publish.
        with override_settings(WORKFLOWS_DISPATCHER="workflows.outbox.leave_pending"):
            messages = notify(2)
    else:
        messages = notify(2)
        assert workers.purge() == 2
    worker = workers.start()
    workers.wait_ready(worker)
    time.sleep(1.1)  # the rows are now overdue by WORKFLOWS_OUTBOX_RELAY_AFTER (1s for these workers)
    assert smtp.count() == 0

    app.send_task("workflows.tasks.relay_outbox")  # as beat does every minute

    smtp.wait_for(2, workers)
    assert sorted(smtp.keys()) == sorted(message.idempotency_key for message in messages)
    assert statuses(messages) == [Status.SENT, Status.SENT]


# (f) the periodic job run twice at once, and every message published twice


def test_two_relays_at_once_and_duplicate_tasks_still_deliver_each_message_once(smtp, workers):
    with override_settings(WORKFLOWS_DISPATCHER="workflows.outbox.leave_pending"):
        messages = notify(6)
    ids = sorted(message.pk for message in messages)
    # Publishes lost a minute ago: overdue for a relay that waits 30 seconds.
    OutboxMessage.objects.filter(pk__in=ids).update(next_attempt_at=timezone.now() - timedelta(minutes=1))
    start = threading.Barrier(2)
    taken = []

    def run_relay():
        try:
            start.wait()
            taken.append(relay.relay())
        finally:
            connection.close()

    with override_settings(WORKFLOWS_OUTBOX_RELAY_AFTER=30):
        threads = [threading.Thread(target=run_relay) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=WAIT_SECONDS)
    assert sorted(taken[0] + taken[1]) == ids, "each row taken by exactly one of the two runs"

    # Every row published twice more: two workers racing for the same rows.
    for message_id in ids:
        tasks.send_outbox_message.delay(message_id)
        tasks.send_outbox_message.delay(message_id)
    workers.start()
    workers.start()

    wait_until(lambda: statuses(messages) == [Status.SENT] * 6, "all rows sent", workers)
    smtp.wait_for(6, workers)
    assert sorted(smtp.keys()) == sorted(message.idempotency_key for message in messages)
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}
