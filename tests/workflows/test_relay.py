"""The relay: rows whose publish was lost or whose worker died are dispatched again, each once per run."""

from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.test import override_settings
from django.utils import timezone

from tests.workflows.test_mail import TEMPLATES, locmem_templates
from workflows import delivery, relay, tasks
from workflows.models import OutboxMessage
from workflows.outbox import Notification, enqueue

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status
dispatched = []


def record_dispatch(message_ids):
    dispatched.append(list(message_ids))


@pytest.fixture(autouse=True)
def recorded_dispatches(settings):
    settings.WORKFLOWS_DISPATCHER = "tests.workflows.test_relay.record_dispatch"
    settings.WORKFLOWS_OUTBOX_RELAY_AFTER = 120
    settings.WORKFLOWS_OUTBOX_LEASE = 600
    dispatched.clear()
    yield dispatched
    dispatched.clear()


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def rows(ticket, now):
    """One row in every situation the relay must tell apart."""

    def row(name, **values):
        [message] = enqueue(
            ticket, "e", [Notification(f"{name}@example.org", "shop/email/greeting", {"title": name})]
        )
        OutboxMessage.objects.filter(pk=message.pk).update(**values)
        return message.pk

    ago = lambda **kw: now - timedelta(**kw)  # noqa: E731
    return {
        "fresh": row("fresh", next_attempt_at=ago(seconds=30)),
        "lost_publish": row("lost_publish", next_attempt_at=ago(minutes=3)),
        "retry_later": row("retry_later", next_attempt_at=now + timedelta(minutes=8), attempts=2),
        "sending": row("sending", status=Status.SENDING, claimed_at=ago(minutes=2), attempts=1),
        "dead_worker": row("dead_worker", status=Status.SENDING, claimed_at=ago(minutes=11), attempts=1),
        "sent": row("sent", status=Status.SENT, sent_at=ago(hours=1), next_attempt_at=ago(hours=2)),
        "failed": row("failed", status=Status.FAILED, next_attempt_at=ago(hours=2)),
    }


def test_only_overdue_pending_rows_and_expired_claims_are_picked(
    rows, now, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        taken = relay.relay(now)

    assert sorted(taken) == sorted([rows["lost_publish"], rows["dead_worker"]])
    assert dispatched == [sorted(taken)]


def test_picked_rows_are_due_now_and_an_expired_claim_is_released(
    rows, now, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        relay.relay(now)

    lost = OutboxMessage.objects.get(pk=rows["lost_publish"])
    dead = OutboxMessage.objects.get(pk=rows["dead_worker"])
    assert (lost.status, lost.next_attempt_at) == (Status.PENDING, now)
    assert (dead.status, dead.next_attempt_at, dead.claimed_at) == (Status.PENDING, now, None)
    assert dead.attempts == 1, "the attempt that died still counts"
    assert "lease" in dead.last_error
    untouched = OutboxMessage.objects.get(pk=rows["sending"])
    assert untouched.status == Status.SENDING


def test_a_second_run_soon_after_takes_nothing_again(rows, now, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = relay.relay(now)
        second = relay.relay(now + timedelta(seconds=60))
        third = relay.relay(now + timedelta(minutes=2, seconds=1))

    assert len(first) == 2
    assert second == []
    # Still unsent two minutes later: dispatched again (and the row that was fresh is overdue now).
    assert sorted(third) == sorted([*first, rows["fresh"]])


def test_nothing_is_dispatched_when_the_run_rolls_back(rows, now, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        relay.relay(now)

    assert len(callbacks) == 1
    assert dispatched == []


def test_runs_are_bounded(rows, now, settings, django_capture_on_commit_callbacks):
    settings.WORKFLOWS_OUTBOX_RELAY_BATCH = 1

    with django_capture_on_commit_callbacks(execute=True):
        taken = relay.relay(now)

    assert len(taken) == 1


def test_a_relayed_row_of_a_dead_worker_is_then_sent_once(rows, now, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        relay.relay(now)

    with locmem_templates(TEMPLATES), override_settings(WORKFLOWS_MAIL_SCRUB_KEYS=[]):
        outcomes = [delivery.deliver(rows["dead_worker"]).status for _ in range(2)]

    assert outcomes == ["sent", "skipped"]
    assert [email.to for email in django_mail.outbox] == [["dead_worker@example.org"]]
    assert OutboxMessage.objects.get(pk=rows["dead_worker"]).attempts == 2


def test_the_beat_task_runs_the_relay(rows, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.relay_outbox() == 2


def test_beat_runs_the_relay_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["relay-outbox"]
    assert (entry["task"], entry["schedule"]) == ("workflows.tasks.relay_outbox", 60)
    assert tasks.relay_outbox.name == entry["task"]


def test_the_broker_keeps_a_waiting_retry_longer_than_the_longest_backoff(settings):
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    if "visibility_timeout" in options:
        assert options["visibility_timeout"] > settings.WORKFLOWS_MAIL_RETRY_BACKOFF_MAX
    assert tasks.send_outbox_message.time_limit < settings.WORKFLOWS_OUTBOX_LEASE
