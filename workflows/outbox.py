"""Notifications are written to the outbox inside the transaction and handed to a dispatcher on commit."""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from .models import OutboxMessage

DEFAULT_DISPATCHER = "workflows.outbox.leave_pending"


@dataclass(frozen=True)
class Notification:
    """One message to one recipient, as a domain describes it; the engine only stores it.

    `key` makes the message idempotent across repeats (e.g. "reminder-1"); without it the
    occurrence that produced it (one performed transition) does.
    """

    recipient: str
    template: str
    context: Mapping = field(default_factory=dict)
    language: str = ""
    key: str = ""


def _as_notification(value):
    if isinstance(value, Notification):
        return value
    if isinstance(value, Mapping):
        return Notification(**value)
    raise TypeError(f"Expected a Notification, got {value!r}")


def event_name(obj, name):
    """`app_label.model_name.name`, the event a message belongs to."""
    return f"{obj._meta.concrete_model._meta.label_lower}.{name}"


def idempotency_key(event, obj, notification, occurrence=""):
    """A stable key: the same event, object, recipient, template and occurrence (or key) give the same one."""
    parts = [event, str(obj.pk), notification.recipient, notification.template]
    parts.append(f"key:{notification.key}" if notification.key else f"occurrence:{occurrence}")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def enqueue(obj, event, notifications, *, occurrence=""):
    """Store notifications about `obj` as pending messages; repeats of a key are skipped, not sent twice.

    Call inside the transaction that causes them. Returns the messages of these keys.
    """
    content_type = ContentType.objects.get_for_model(obj)
    keys = []
    for notification in map(_as_notification, notifications):
        key = idempotency_key(event, obj, notification, occurrence)
        if key in keys:
            continue
        keys.append(key)
        if OutboxMessage.objects.filter(idempotency_key=key).exists():
            continue
        try:
            with transaction.atomic():
                OutboxMessage.objects.create(
                    idempotency_key=key,
                    event=event,
                    content_type=content_type,
                    object_id=str(obj.pk),
                    recipient=notification.recipient,
                    template=notification.template,
                    language=notification.language,
                    payload=dict(notification.context),
                )
        except IntegrityError:
            # A concurrent writer stored the same key first; theirs stands.
            if not OutboxMessage.objects.filter(idempotency_key=key).exists():
                raise
    by_key = OutboxMessage.objects.in_bulk(keys, field_name="idempotency_key")
    return [by_key[key] for key in keys if key in by_key]


def get_dispatcher():
    """The callable named by `WORKFLOWS_DISPATCHER`; it receives a list of OutboxMessage ids."""
    return import_string(getattr(settings, "WORKFLOWS_DISPATCHER", DEFAULT_DISPATCHER))


def dispatch_on_commit(message_ids, using=None):
    """Hand the messages to the dispatcher once the transaction commits (never if it rolls back)."""
    ids = list(message_ids)
    if ids:
        transaction.on_commit(lambda: get_dispatcher()(ids), using=using, robust=True)


def leave_pending(message_ids):
    """The default dispatcher: do nothing, the messages stay pending for a sender to pick up."""


def enqueue_and_dispatch(obj, event, notifications, *, occurrence, using=None):
    """Store `notifications` (see `enqueue`) and hand them to the dispatcher after commit: the one
    way outside the relay that mail leaves, for transitions and for the services' own events alike.
    """
    messages = enqueue(obj, event, notifications, occurrence=occurrence)
    dispatch_on_commit([message.pk for message in messages], using=using)
    return messages
