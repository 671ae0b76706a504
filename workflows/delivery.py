"""Send outbox rows: claim, send, record; the rules that keep a row from being sent twice.

A row goes pending → sending (a claim: one conditional UPDATE, so of two workers holding the
same id only one wins) → sent (a second conditional UPDATE, fenced by the claim's time). On a
temporary failure it goes back to pending with the time of its next attempt; on a permanent
one, or when its attempts are spent, to failed. A row left in sending (the worker died) is put
back to pending by the relay once its lease has expired. See docs/notifications.md.
"""

import logging
import random
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import models, transaction
from django.utils import timezone

from . import mail
from .models import OutboxMessage

logger = logging.getLogger(__name__)

Status = OutboxMessage.Status

# Defaults of the WORKFLOWS_* settings read below (seconds where a duration).
DEFAULTS = {
    "WORKFLOWS_MAIL_MAX_RETRIES": 10,
    "WORKFLOWS_MAIL_RETRY_BACKOFF": 30,
    "WORKFLOWS_MAIL_RETRY_BACKOFF_MAX": 600,
    "WORKFLOWS_MAIL_RETRY_JITTER": True,
    "WORKFLOWS_OUTBOX_LEASE": 600,
    "WORKFLOWS_OUTBOX_RELAY_AFTER": 120,
    "WORKFLOWS_OUTBOX_RELAY_BATCH": 500,
    "WORKFLOWS_MAIL_SCRUB_KEYS": (),
}
# A retry message may reach a worker whose clock runs slightly ahead of its publisher's.
EARLY_TOLERANCE = timedelta(seconds=5)
ERROR_LIMIT = 2000


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


def max_attempts():
    """The first attempt plus WORKFLOWS_MAIL_MAX_RETRIES retries."""
    return 1 + int(setting("WORKFLOWS_MAIL_MAX_RETRIES"))


def lease():
    return timedelta(seconds=setting("WORKFLOWS_OUTBOX_LEASE"))


def relay_after():
    return timedelta(seconds=setting("WORKFLOWS_OUTBOX_RELAY_AFTER"))


def backoff(attempt):
    """Seconds to wait after failed attempt number `attempt` (1-based): exponential, capped, jittered."""
    factor = setting("WORKFLOWS_MAIL_RETRY_BACKOFF")
    countdown = min(setting("WORKFLOWS_MAIL_RETRY_BACKOFF_MAX"), factor * 2 ** max(0, attempt - 1))
    if setting("WORKFLOWS_MAIL_RETRY_JITTER"):
        # Full jitter, as Celery's retry_jitter: spreads the retries of a burst of failures.
        countdown = random.uniform(0, countdown)
    return max(0.0, float(countdown))


@dataclass
class Outcome:
    """What one delivery attempt did: `status` is sent, retry, failed or skipped."""

    status: str
    message_id: int
    detail: str = ""
    retry_in: float = 0.0
    error: BaseException | None = None


def is_permanent(error):
    """A 5xx answer about the recipient or the content: sending it again cannot succeed."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):
        return 500 <= error.smtp_code < 600
    return False


def is_transient(error):
    """Connection trouble and every other SMTP refusal (4xx, authentication, sender): worth retrying."""
    return isinstance(error, smtplib.SMTPException | OSError) and not is_permanent(error)


def _describe(error):
    return f"{type(error).__name__}: {error}"[:ERROR_LIMIT]


def _describe_for_log(error):
    """The error without what an SMTP answer may quote (the recipient's address): its type and code."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return f"{type(error).__name__} {sorted({code for code, _ in error.recipients.values()})}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{type(error).__name__} {error.smtp_code}"
    if isinstance(error, smtplib.SMTPException):
        return type(error).__name__
    return _describe(error)


def claim(message_id, now=None):
    """Take a pending, due row for sending; the row (now sending) or None when someone else has it."""
    now = now or timezone.now()
    claimed = OutboxMessage.objects.filter(
        pk=message_id, status=Status.PENDING, next_attempt_at__lte=now + EARLY_TOLERANCE
    ).update(status=Status.SENDING, claimed_at=now, attempts=models.F("attempts") + 1)
    if not claimed:
        return None
    return OutboxMessage.objects.get(pk=message_id)


def _finish(message, **values):
    """Record the outcome of this claim; False when the claim was lost (lease expired, row resent)."""
    return bool(
        OutboxMessage.objects.filter(
            pk=message.pk, status=Status.SENDING, claimed_at=message.claimed_at
        ).update(**values)
    )


def _fail(message, error_text, log_text=None):
    # The full text is kept on the row (staff read it in the admin); the log gets `log_text`.
    if not _finish(message, status=Status.FAILED, last_error=error_text[:ERROR_LIMIT]):
        logger.warning("outbox %s: claim lost before recording the failure", message.pk)
    logger.error(
        "outbox %s: %s failed after %d attempt(s): %s",
        message.pk,
        message.template,
        message.attempts,
        error_text if log_text is None else log_text,
    )
    return Outcome("failed", message.pk, error_text)


def _scrubbed(payload):
    """The payload without the keys of WORKFLOWS_MAIL_SCRUB_KEYS, or None when it has none of them."""
    keys = set(setting("WORKFLOWS_MAIL_SCRUB_KEYS"))
    if not isinstance(payload, dict) or not keys & payload.keys():
        return None
    return {key: value for key, value in payload.items() if key not in keys}


def _skip_reason(message_id):
    status = OutboxMessage.objects.filter(pk=message_id).values_list("status", flat=True).first()
    if status is None:
        return "no such message"
    if status == Status.PENDING:
        return "not due yet"
    return f"already {status}"


def deliver(message_id, *, connection=None, now=None):
    """Make one attempt at sending outbox row `message_id`; never sends a row another worker holds.

    Returns an Outcome. On a temporary failure the row is back to pending with its next attempt
    time and the Outcome says `retry` (with `retry_in` seconds): the caller schedules it.
    """
    message = claim(message_id, now=now)
    if message is None:
        reason = _skip_reason(message_id)
        logger.info("outbox %s: nothing to do (%s)", message_id, reason)
        return Outcome("skipped", message_id, reason)

    if message.attempts > max_attempts():
        # Each earlier attempt died with its worker (this row's lease expired every time).
        given_up = f"Gave up after {message.attempts - 1} attempts."
        return _fail(message, f"{given_up} Last error: {message.last_error}", given_up)

    try:
        email = mail.build(message)
    except mail.RenderError as exc:
        return _fail(message, str(exc))

    connection = connection or get_connection(fail_silently=False)
    try:
        # Opened here so that the backend does not close it before the row is marked sent:
        # a failing QUIT after an accepted DATA must not look like a failed delivery.
        connection.open()
        sent = connection.send_messages([email])
        if not sent:
            raise smtplib.SMTPException("the e-mail backend sent nothing")
    except Exception as exc:
        _close(connection)
        return _after_error(message, exc)

    values = {"status": Status.SENT, "sent_at": timezone.now(), "last_error": ""}
    scrubbed = _scrubbed(message.payload)
    if scrubbed is not None:
        values["payload"] = scrubbed
    recorded = _finish(message, **values)
    _close(connection)
    if not recorded:
        logger.warning(
            "outbox %s: sent after its claim was lost (lease expired or resent): a duplicate is possible",
            message.pk,
        )
    # Ids only: the recipient is on the row, and an address in a log is personal data kept for good.
    logger.info("outbox %s: sent %s (attempt %d)", message.pk, message.template, message.attempts)
    return Outcome("sent", message.pk)


def _close(connection):
    try:
        connection.close()
    except Exception:  # the outcome is already decided; a failing QUIT changes nothing
        logger.debug("closing the e-mail connection failed", exc_info=True)


def _after_error(message, error):
    text, log_text = _describe(error), _describe_for_log(error)
    if not is_transient(error):
        if not isinstance(error, smtplib.SMTPException):
            logger.exception("outbox %s: unexpected error while sending", message.pk, exc_info=error)
        return _fail(message, text, log_text)
    if message.attempts >= max_attempts():
        return _fail(message, text, log_text)
    retry_in = backoff(message.attempts)
    next_attempt_at = timezone.now() + timedelta(seconds=retry_in)
    if not _finish(message, status=Status.PENDING, next_attempt_at=next_attempt_at, last_error=text):
        logger.warning("outbox %s: claim lost before recording a retry", message.pk)
        return Outcome("skipped", message.pk, "claim lost", error=error)
    logger.warning(
        "outbox %s: attempt %d failed (%s); next in %.1fs", message.pk, message.attempts, log_text, retry_in
    )
    return Outcome("retry", message.pk, text, retry_in=retry_in, error=error)


def is_stuck(message, now=None):
    """Sending for longer than the lease: its worker is presumed dead."""
    now = now or timezone.now()
    return (
        message.status == Status.SENDING
        and message.claimed_at is not None
        and message.claimed_at <= now - lease()
    )


def can_resend(message, now=None):
    return message.status == Status.FAILED or is_stuck(message, now)


def requeue(message_ids, *, now=None, reason=""):
    """Put failed or stuck rows back to pending, due now, with a fresh attempt budget.

    Returns the ids actually requeued (others were sent, pending or busy meanwhile). Call inside
    the transaction that decides it and dispatch the ids on commit.
    """
    now = now or timezone.now()
    ids = list(message_ids)
    candidates = OutboxMessage.objects.filter(pk__in=ids).filter(
        models.Q(status=Status.FAILED) | models.Q(status=Status.SENDING, claimed_at__lte=now - lease())
    )
    values = {"status": Status.PENDING, "next_attempt_at": now, "claimed_at": None, "attempts": 0}
    if reason:
        values["last_error"] = reason
    with transaction.atomic():
        candidates.update(**values)
        return list(
            OutboxMessage.objects.filter(pk__in=ids, status=Status.PENDING, next_attempt_at=now).values_list(
                "pk", flat=True
            )
        )
