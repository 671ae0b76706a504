"""Deadlines stored in the database and found by a periodic scan, never by long task countdowns.

One open deadline per object and purpose. Pausing keeps the business time left; resuming
starts it running again from the moment of resumption.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from .business_days import add_business_time, business_time_between
from .models import Deadline


def _open(obj, purpose):
    return Deadline.objects.for_object(obj).open().filter(purpose=purpose)


def get_deadline(obj, purpose):
    """The open deadline of `obj` for `purpose`, or None."""
    return _open(obj, purpose).first()


def set_deadline(obj, purpose, due_at):
    """Start (or move) the deadline of `obj` for `purpose`; it runs from now, unpaused."""
    if timezone.is_naive(due_at):
        raise ValueError("A deadline needs an aware datetime.")
    with transaction.atomic():
        deadline = _open(obj, purpose).select_for_update().first()
        if deadline is None:
            try:
                with transaction.atomic():
                    return Deadline.objects.create(
                        content_type=ContentType.objects.get_for_model(obj),
                        object_id=str(obj.pk),
                        purpose=purpose,
                        due_at=due_at,
                    )
            except IntegrityError:
                # Another writer opened it first: move theirs instead.
                deadline = _open(obj, purpose).select_for_update().get()
        deadline.due_at, deadline.paused_at, deadline.remaining = due_at, None, None
        deadline.save(update_fields=["due_at", "paused_at", "remaining"])
        return deadline


def pause(obj, purpose, now=None):
    """Stop the clock, keeping the business time left (none if already overdue); None if no open deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        deadline = _open(obj, purpose).select_for_update().first()
        if deadline is None or deadline.is_paused:
            return deadline
        deadline.remaining = max(business_time_between(now, deadline.due_at), timedelta(0))
        deadline.paused_at = now
        deadline.save(update_fields=["remaining", "paused_at"])
        return deadline


def resume(obj, purpose, now=None):
    """Restart the clock: due once the business time left at pausing has passed again after `now`."""
    now = now or timezone.now()
    with transaction.atomic():
        deadline = _open(obj, purpose).select_for_update().first()
        if deadline is None or not deadline.is_paused:
            return deadline
        deadline.due_at = add_business_time(now, deadline.remaining or timedelta(0))
        deadline.paused_at, deadline.remaining = None, None
        deadline.save(update_fields=["due_at", "paused_at", "remaining"])
        return deadline


def clear(obj, purpose=None, now=None):
    """Close the open deadlines of `obj` (of one purpose, or all): the obligation is met or moot."""
    deadlines = Deadline.objects.for_object(obj).open()
    if purpose is not None:
        deadlines = deadlines.filter(purpose=purpose)
    return deadlines.update(cleared_at=now or timezone.now())


def due(now=None):
    """Open, running deadlines whose time has come; claim each with `deadline.mark_fired()`."""
    return Deadline.objects.due(now)
