"""The sending task and the dispatcher: each outbox row is sent once, retried on SMTP trouble, then failed."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail as django_mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from tests.workflows.test_mail import TEMPLATES, locmem_templates
from workflows import delivery, tasks
from workflows.engine import perform
from workflows.models import OutboxMessage
from workflows.outbox import Notification, enqueue

pytestmark = pytest.mark.django_db

THIS = "tests.workflows.test_tasks"


class RefusingBackend(LocmemBackend):
    """Answers every message with the error in `RefusingBackend.error`."""

    error = smtplib.SMTPDataError(451, b"4.3.0 Try again later")

    def send_messages(self, messages):
        raise self.error


class QuitFailsBackend(LocmemBackend):
    def close(self):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def email_templates():
    with locmem_templates(TEMPLATES):
        yield


@pytest.fixture
def message(ticket):
    notification = Notification(
        "ann@example.org", "shop/email/greeting", {"title": "Hello", "tracking_token": "t0k"}
    )
    [row] = enqueue(ticket, "workflows_testapp.ticket.greet", [notification])
    return row


@pytest.fixture
def retries():
    """Calls of the task's `retry`, which raises Retry as in a worker without publishing anything."""
    calls = []

    def fake_retry(*args, **kwargs):
        calls.append(kwargs)
        return Retry("retry", kwargs.get("exc"), when=kwargs.get("countdown"))

    with mock.patch.object(tasks.send_outbox_message, "retry", side_effect=fake_retry):
        yield calls


def refresh(row):
    row.refresh_from_db()
    return row


def make_due(row):
    """Skip the backoff wait (the worker would have slept through it)."""
    OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


# Sending once


def test_the_task_sends_a_pending_message_once(message):
    assert tasks.send_outbox_message(message.pk) == "sent"
    assert tasks.send_outbox_message(message.pk) == "skipped"

    assert len(django_mail.outbox) == 1
    assert django_mail.outbox[0].to == ["ann@example.org"]
    refresh(message)
    assert message.status == OutboxMessage.Status.SENT
    assert message.sent_at is not None
    assert (message.attempts, message.last_error) == (1, "")


def test_two_claims_of_one_row_succeed_once(message):
    first = delivery.claim(message.pk)
    second = delivery.claim(message.pk)

    assert first is not None and first.status == OutboxMessage.Status.SENDING
    assert second is None
    assert first.attempts == 1
    assert first.claimed_at is not None


def test_a_row_another_worker_is_sending_is_left_alone(message):
    delivery.claim(message.pk)

    outcome = delivery.deliver(message.pk)

    assert (outcome.status, outcome.detail) == ("skipped", "already sending")
    assert django_mail.outbox == []


def test_an_unknown_id_is_skipped():
    assert delivery.deliver(999_999).detail == "no such message"


def test_secrets_named_in_the_settings_leave_the_payload_once_sent(message, settings):
    settings.WORKFLOWS_MAIL_SCRUB_KEYS = ["tracking_token"]

    tasks.send_outbox_message(message.pk)

    assert refresh(message).payload == {"title": "Hello"}


def test_a_failing_quit_after_the_message_was_accepted_is_not_a_failure(message):
    with override_settings(EMAIL_BACKEND=f"{THIS}.QuitFailsBackend"):
        assert tasks.send_outbox_message(message.pk) == "sent"

    assert refresh(message).status == OutboxMessage.Status.SENT


def test_a_send_that_outlived_its_claim_is_recorded_by_nobody(message, caplog):
    """The lease expired mid-send and the row was handed out again: the late sender must not mark it."""

    class SlowBackend(LocmemBackend):
        def send_messages(self, messages):
            OutboxMessage.objects.filter(pk=message.pk).update(claimed_at=timezone.now() - timedelta(hours=1))
            delivery.requeue([message.pk])
            return super().send_messages(messages)

    outcome = delivery.deliver(message.pk, connection=SlowBackend())

    assert outcome.status == "sent"
    assert refresh(message).status == OutboxMessage.Status.PENDING
    assert "a duplicate is possible" in caplog.text


# Retries


def test_an_smtp_refusal_schedules_a_retry_with_backoff(message, retries, settings):
    settings.WORKFLOWS_MAIL_RETRY_BACKOFF = 30
    settings.WORKFLOWS_MAIL_RETRY_BACKOFF_MAX = 600
    settings.WORKFLOWS_MAIL_RETRY_JITTER = False
    before = timezone.now()

    with override_settings(EMAIL_BACKEND=f"{THIS}.RefusingBackend"), pytest.raises(Retry):
        tasks.send_outbox_message(message.pk)

    [call] = retries
    assert call["countdown"] == 30
    assert isinstance(call["exc"], smtplib.SMTPDataError)
    refresh(message)
    assert message.status == OutboxMessage.Status.PENDING
    assert message.attempts == 1
    assert message.last_error.startswith("SMTPDataError: (451")
    assert before + timedelta(seconds=29) < message.next_attempt_at < timezone.now() + timedelta(seconds=31)
    assert django_mail.outbox == []


def test_a_retry_arriving_before_its_time_is_skipped(message, retries):
    with override_settings(EMAIL_BACKEND=f"{THIS}.RefusingBackend"), pytest.raises(Retry):
        tasks.send_outbox_message(message.pk)
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() + timedelta(minutes=5))

    assert tasks.send_outbox_message(message.pk) == "skipped"
    assert refresh(message).attempts == 1


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
        ConnectionRefusedError(111, "Connection refused"),
        TimeoutError("timed out"),
        smtplib.SMTPRecipientsRefused({"ann@example.org": (450, b"Mailbox busy")}),
        smtplib.SMTPAuthenticationError(535, b"Authentication failed"),
    ],
    ids=["disconnected", "refused-connection", "timeout", "450-recipient", "auth"],
)
def test_connection_errors_and_temporary_refusals_are_retried(message, retries, error):
    with (
        mock.patch.object(RefusingBackend, "error", error),
        override_settings(EMAIL_BACKEND=f"{THIS}.RefusingBackend"),
        pytest.raises(Retry),
    ):
        tasks.send_outbox_message(message.pk)

    assert len(retries) == 1
    assert refresh(message).status == OutboxMessage.Status.PENDING


def test_backoff_grows_exponentially_up_to_its_cap(settings):
    settings.WORKFLOWS_MAIL_RETRY_BACKOFF = 30
    settings.WORKFLOWS_MAIL_RETRY_BACKOFF_MAX = 600
    settings.WORKFLOWS_MAIL_RETRY_JITTER = False

    assert [delivery.backoff(attempt) for attempt in range(1, 8)] == [30, 60, 120, 240, 480, 600, 600]
    settings.WORKFLOWS_MAIL_RETRY_JITTER = True
    assert all(0 <= delivery.backoff(3) <= 120 for _ in range(50))


def test_after_the_last_retry_the_message_is_failed(message, retries, settings):
    settings.WORKFLOWS_MAIL_MAX_RETRIES = 2

    with override_settings(EMAIL_BACKEND=f"{THIS}.RefusingBackend"):
        for _ in range(2):
            with pytest.raises(Retry):
                tasks.send_outbox_message(message.pk)
            make_due(message)
        assert tasks.send_outbox_message(message.pk) == "failed"

    assert len(retries) == 2
    refresh(message)
    assert message.status == OutboxMessage.Status.FAILED
    assert message.attempts == 3
    assert message.last_error.startswith("SMTPDataError: (451")
    assert tasks.send_outbox_message(message.pk) == "skipped"
    assert django_mail.outbox == []


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPRecipientsRefused({"ann@example.org": (550, b"5.1.1 No such user")}),
        smtplib.SMTPDataError(554, b"5.6.0 Message rejected"),
        ValueError("header contains a newline"),
    ],
    ids=["550-recipient", "554-data", "unexpected"],
)
def test_permanent_errors_fail_at_once(message, retries, error):
    with (
        mock.patch.object(RefusingBackend, "error", error),
        override_settings(EMAIL_BACKEND=f"{THIS}.RefusingBackend"),
    ):
        assert tasks.send_outbox_message(message.pk) == "failed"

    assert retries == []
    refresh(message)
    assert (message.status, message.attempts) == (OutboxMessage.Status.FAILED, 1)
    assert type(error).__name__ in message.last_error


def test_a_missing_template_fails_the_message_with_a_clear_error(ticket, retries):
    [message] = enqueue(ticket, "e", [Notification("ann@example.org", "shop/email/nowhere")])

    assert tasks.send_outbox_message(message.pk) == "failed"

    assert retries == []
    refresh(message)
    assert message.status == OutboxMessage.Status.FAILED
    assert message.last_error == "Template not found: shop/email/nowhere_subject.txt"
    assert django_mail.outbox == []


def test_a_row_whose_workers_keep_dying_is_failed_once_its_attempts_are_spent(message, settings):
    settings.WORKFLOWS_MAIL_MAX_RETRIES = 1
    OutboxMessage.objects.filter(pk=message.pk).update(attempts=2, last_error="worker lost")

    assert tasks.send_outbox_message(message.pk) == "failed"

    refresh(message)
    assert message.status == OutboxMessage.Status.FAILED
    assert message.last_error == "Gave up after 2 attempts. Last error: worker lost"
    assert django_mail.outbox == []


# The dispatcher


def test_the_dispatcher_publishes_one_task_per_message():
    with mock.patch.object(tasks.send_outbox_message, "delay") as delay:
        tasks.enqueue_on_commit([3, 4])

    assert delay.call_args_list == [mock.call(3), mock.call(4)]


def test_a_failed_publish_is_logged_and_the_rest_left_to_the_relay(caplog):
    with mock.patch.object(
        tasks.send_outbox_message, "delay", side_effect=[None, OSError("broker down")]
    ) as delay:
        tasks.enqueue_on_commit([3, 4, 5])

    assert delay.call_args_list == [mock.call(3), mock.call(4)]
    assert "outbox [4, 5]: could not publish" in caplog.text


def test_the_project_dispatches_through_celery(settings):
    assert settings.WORKFLOWS_DISPATCHER == "workflows.tasks.enqueue_on_commit"


def test_a_transition_publishes_its_messages_after_commit(ticket, clerk, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(tasks.send_outbox_message, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        performed = perform(ticket, "take", clerk)
        assert delay.call_count == 0

    assert sorted(call.args[0] for call in delay.call_args_list) == sorted(m.pk for m in performed.messages)


def test_nothing_is_published_for_a_transition_that_rolls_back(
    ticket, clerk, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(tasks.send_outbox_message, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        perform(ticket, "take", clerk)
        raise RuntimeError("the view failed after perform")

    assert callbacks == []
    delay.assert_not_called()
    assert not OutboxMessage.objects.exists()


def test_the_task_is_acknowledged_late_and_given_back_when_its_worker_dies(settings):
    task = tasks.send_outbox_message
    assert (task.acks_late, task.reject_on_worker_lost) == (True, True)
    assert task.time_limit < delivery.DEFAULTS["WORKFLOWS_OUTBOX_LEASE"]
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
