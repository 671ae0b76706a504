"""Notification delivery, from commit to the SMTP server: latency (p50, p95) and throughput of 1,000.

One Celery worker process on the Redis broker sends outbox rows (PostgreSQL) to an SMTP server in
this process (aiosmtpd), exactly as in production: the dispatcher publishes one task per row after
the commit, the task claims the row, renders it, sends it over SMTP and marks it sent.

Needs DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis); skips otherwise. The latency of a
message is the time from just before its transaction commits to its arrival at the SMTP server
(both read from this process's monotonic clock).
"""

import os
import statistics
import time
import uuid

import pytest
from django.db import connection, transaction

from cms.celery import app
from tests.integration.delivery_support import SmtpSink, WorkerPool, wait_until
from tests.workflows.factories import TicketFactory
from workflows import outbox
from workflows.models import OutboxMessage
from workflows.outbox import Notification

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not os.environ.get("CELERY_BROKER_URL", "").startswith("redis"),
        reason="needs PostgreSQL (DATABASE_URL) and a Redis broker (CELERY_BROKER_URL)",
    ),
]

EVENT = "workflows_testapp.ticket.bench"
TEMPLATE = "testapp/ticket_changed"
LATENCY_ROUNDS = 200
WARMUP_ROUNDS = 10
NOTIFICATIONS = 1000
PER_TRANSACTION = 10
ARRIVAL_TIMEOUT = 300


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(latencies):
    milliseconds = [value * 1000 for value in latencies]
    return {
        "p50_ms": round(percentile(milliseconds, 0.50), 1),
        "p95_ms": round(percentile(milliseconds, 0.95), 1),
        "max_ms": round(max(milliseconds), 1),
        "mean_ms": round(statistics.fmean(milliseconds), 1),
    }


@pytest.fixture
def smtp():
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def workers(smtp, tmp_path):
    pool = WorkerPool(smtp, tmp_path)
    default_queue = app.conf.task_default_queue
    app.conf.task_default_queue = pool.queue
    try:
        yield pool
    finally:
        app.conf.task_default_queue = default_queue
        pool.stop()


def commit_notifications(ticket, count):
    """`count` notifications in one transaction, dispatched on commit; (messages, time just before commit)."""
    notifications = [
        Notification(f"reader{n}@example.org", TEMPLATE, {"title": ticket.title, "state": "open"})
        for n in range(count)
    ]
    with transaction.atomic():
        messages = outbox.enqueue(ticket, EVENT, notifications, occurrence=uuid.uuid4().hex)
        outbox.dispatch_on_commit([message.pk for message in messages])
        committing = time.monotonic()
    return messages, committing


def wait_for_arrivals(smtp, keys, pool):
    deadline = time.monotonic() + ARRIVAL_TIMEOUT
    while not all(key in smtp.arrived_at for key in keys):
        if time.monotonic() > deadline:
            missing = sum(key not in smtp.arrived_at for key in keys)
            pytest.fail(f"{missing} message(s) missing\n{pool.logs()[-4000:]}")
        pool.check_alive("all arrivals")
        smtp.arrived.wait(0.005)
        smtp.arrived.clear()


def all_marked_sent(pool):
    """The worker marks a row sent just after the SMTP server accepted it."""
    unsent = OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT)
    wait_until(lambda: not unsent.exists(), "every row marked sent", pool)


def test_latency_from_commit_to_smtp_one_message_at_a_time(benchmark, smtp, workers):
    worker = workers.start()  # one worker, solo pool
    workers.wait_ready(worker)
    ticket = TicketFactory()
    latencies = []

    def one_notification():
        [message], committing = commit_notifications(ticket, 1)
        wait_for_arrivals(smtp, [message.idempotency_key], workers)
        latencies.append(smtp.arrived_at[message.idempotency_key] - committing)

    benchmark.pedantic(one_notification, rounds=LATENCY_ROUNDS, iterations=1, warmup_rounds=WARMUP_ROUNDS)

    measured = summary(latencies[WARMUP_ROUNDS:])
    benchmark.extra_info.update(messages=LATENCY_ROUNDS, pool="solo", **measured)
    print(f"\nlatency, one at a time, solo worker: {measured}")
    assert len(smtp.received) == LATENCY_ROUNDS + WARMUP_ROUNDS
    all_marked_sent(workers)


@pytest.mark.parametrize("concurrency", [1, 2], ids=["solo", "prefork-2"])
def test_throughput_of_1000_notifications(benchmark, smtp, workers, concurrency):
    worker = workers.start(concurrency=concurrency)
    workers.wait_ready(worker)
    tickets = TicketFactory.create_batch(NOTIFICATIONS // PER_TRANSACTION)
    outcome = {}

    def deliver_all():
        started = time.monotonic()
        committed_at = {}
        for ticket in tickets:
            messages, committing = commit_notifications(ticket, PER_TRANSACTION)
            committed_at.update((message.idempotency_key, committing) for message in messages)
        outcome["committed"] = time.monotonic() - started
        wait_for_arrivals(smtp, list(committed_at), workers)
        last = max(smtp.arrived_at[key] for key in committed_at)
        outcome["seconds"] = last - started
        outcome["latencies"] = [smtp.arrived_at[key] - at for key, at in committed_at.items()]

    benchmark.pedantic(deliver_all, rounds=1, iterations=1)

    per_second = NOTIFICATIONS / outcome["seconds"]
    measured = summary(outcome["latencies"])
    benchmark.extra_info.update(
        messages=NOTIFICATIONS,
        pool="solo" if concurrency == 1 else f"prefork x{concurrency}",
        seconds=round(outcome["seconds"], 2),
        per_second=round(per_second, 1),
        commit_seconds=round(outcome["committed"], 2),
        **{f"loaded_{key}": value for key, value in measured.items()},
    )
    print(
        f"\nthroughput, concurrency {concurrency}: {NOTIFICATIONS} in {outcome['seconds']:.2f}s = "
        f"{per_second:.0f}/s (committing took {outcome['committed']:.2f}s); latency under load {measured}"
    )
    assert len(smtp.received) == NOTIFICATIONS, "each notification arrives exactly once"
    assert len(set(smtp.keys())) == NOTIFICATIONS
    all_marked_sent(workers)
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT).count() == NOTIFICATIONS
