from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, transaction

from tests.workflows.factories import TicketFactory
from tests.workflows.testapp.models import Ticket
from workflows import deadlines
from workflows.actors import Actor
from workflows.engine import perform
from workflows.exceptions import TransitionInputError
from workflows.models import Deadline

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
UTC = ZoneInfo("UTC")


def local(*args):
    return datetime(*args, tzinfo=BRUSSELS)


def test_a_deadline_is_set_and_found(ticket):
    deadline = deadlines.set_deadline(ticket, "response", local(2026, 6, 5, 17, 0))

    assert deadlines.get_deadline(ticket, "response") == deadline
    assert deadline.target == ticket
    assert deadline.is_open and not deadline.is_paused
    assert deadlines.get_deadline(ticket, "escalation") is None
    assert deadlines.get_deadline(TicketFactory(), "response") is None


def test_setting_again_moves_the_open_deadline(ticket):
    first = deadlines.set_deadline(ticket, "response", local(2026, 6, 5, 17, 0))
    deadlines.pause(ticket, "response", now=local(2026, 6, 3, 10, 0))

    moved = deadlines.set_deadline(ticket, "response", local(2026, 6, 12, 17, 0))

    assert moved.pk == first.pk
    assert (moved.due_at, moved.paused_at, moved.remaining) == (local(2026, 6, 12, 17, 0), None, None)
    assert Deadline.objects.count() == 1


def test_a_deadline_needs_an_aware_datetime(ticket):
    with pytest.raises(ValueError):
        deadlines.set_deadline(ticket, "response", datetime(2026, 6, 5, 17, 0))


def test_one_open_deadline_per_object_and_purpose(ticket):
    deadlines.set_deadline(ticket, "response", local(2026, 6, 5, 17, 0))
    with pytest.raises(IntegrityError), transaction.atomic():
        Deadline.objects.create(
            target=ticket, object_id=str(ticket.pk), purpose="response", due_at=local(2026, 6, 6, 17, 0)
        )

    deadlines.clear(ticket, "response")
    deadlines.set_deadline(ticket, "response", local(2026, 6, 8, 17, 0))
    assert Deadline.objects.for_object(ticket).count() == 2
    assert Deadline.objects.for_object(ticket).open().count() == 1


def test_pausing_keeps_the_business_time_left_and_resuming_spends_it(ticket):
    deadlines.set_deadline(ticket, "response", local(2026, 6, 5, 17, 0))  # Friday

    paused = deadlines.pause(ticket, "response", now=local(2026, 6, 3, 10, 0))  # Wednesday
    assert paused.paused_at == local(2026, 6, 3, 10, 0)
    assert paused.remaining == timedelta(hours=14 + 24 + 17)

    resumed = deadlines.resume(ticket, "response", now=local(2026, 6, 8, 9, 0))  # next Monday
    assert resumed.due_at == local(2026, 6, 10, 16, 0)  # Mon 15 h + Tue 24 h + Wed 16 h
    assert (resumed.paused_at, resumed.remaining) == (None, None)
    resumed.refresh_from_db()
    assert resumed.due_at == local(2026, 6, 10, 16, 0)


def test_a_weekend_pause_costs_no_business_time(ticket):
    deadlines.set_deadline(ticket, "response", local(2026, 6, 8, 17, 0))  # Monday

    deadlines.pause(ticket, "response", now=local(2026, 6, 6, 10, 0))  # Saturday
    resumed = deadlines.resume(ticket, "response", now=local(2026, 6, 7, 18, 0))  # Sunday

    assert resumed.due_at == local(2026, 6, 8, 17, 0)


def test_pause_and_resume_across_the_dst_change(ticket):
    deadlines.set_deadline(ticket, "response", local(2026, 3, 30, 10, 0))  # Monday, summer time

    paused = deadlines.pause(ticket, "response", now=local(2026, 3, 27, 10, 0))  # Friday, winter time
    assert paused.remaining == timedelta(hours=24)

    resumed = deadlines.resume(ticket, "response", now=local(2026, 3, 31, 10, 0))
    assert resumed.due_at == local(2026, 4, 1, 10, 0)
    assert resumed.due_at.astimezone(UTC) == datetime(2026, 4, 1, 8, 0, tzinfo=UTC)


def test_pause_and_resume_are_idempotent(ticket):
    deadlines.set_deadline(ticket, "response", local(2026, 6, 5, 17, 0))
    deadlines.pause(ticket, "response", now=local(2026, 6, 3, 10, 0))

    again = deadlines.pause(ticket, "response", now=local(2026, 6, 4, 10, 0))
    assert again.paused_at == local(2026, 6, 3, 10, 0)

    deadlines.resume(ticket, "response", now=local(2026, 6, 3, 10, 0))
    still = deadlines.resume(ticket, "response", now=local(2026, 6, 8, 10, 0))
    assert still.due_at == local(2026, 6, 5, 17, 0)


def test_pausing_or_resuming_nothing_returns_none(ticket):
    assert deadlines.pause(ticket, "response") is None
    assert deadlines.resume(ticket, "response") is None


def test_an_overdue_deadline_stays_due_on_resumption(ticket):
    deadlines.set_deadline(ticket, "response", local(2026, 6, 1, 17, 0))

    assert deadlines.pause(ticket, "response", now=local(2026, 6, 3, 10, 0)).remaining == timedelta(0)
    resumed = deadlines.resume(ticket, "response", now=local(2026, 6, 8, 9, 0))

    assert resumed.due_at == local(2026, 6, 8, 9, 0)
    assert list(deadlines.due(local(2026, 6, 8, 9, 0))) == [resumed]


def test_due_lists_open_running_deadlines_whose_time_has_come():
    now = local(2026, 6, 5, 12, 0)
    late, later, future, paused, fired, cleared = TicketFactory.create_batch(6)
    deadlines.set_deadline(later, "response", now - timedelta(hours=1))
    deadlines.set_deadline(late, "response", now - timedelta(days=1))
    deadlines.set_deadline(future, "response", now + timedelta(minutes=1))
    deadlines.set_deadline(paused, "response", now - timedelta(days=1))
    deadlines.pause(paused, "response", now=now - timedelta(days=2))
    deadlines.set_deadline(fired, "response", now - timedelta(days=1)).mark_fired(now)
    deadlines.set_deadline(cleared, "response", now - timedelta(days=1))
    deadlines.clear(cleared)

    assert [deadline.target for deadline in deadlines.due(now)] == [late, later]


def test_a_due_deadline_is_claimed_once(ticket):
    deadline = deadlines.set_deadline(ticket, "response", local(2026, 6, 1, 17, 0))
    now = local(2026, 6, 2, 9, 0)

    assert deadline.mark_fired(now)
    assert not Deadline.objects.get(pk=deadline.pk).mark_fired(now)
    assert deadline.fired_at == now
    assert not deadlines.due(now).exists()


def test_clear_closes_one_purpose_or_all(ticket):
    deadlines.set_deadline(ticket, "response", local(2026, 6, 5, 17, 0))
    deadlines.set_deadline(ticket, "escalation", local(2026, 6, 9, 17, 0))

    assert deadlines.clear(ticket, "response") == 1
    assert [d.purpose for d in Deadline.objects.for_object(ticket).open()] == ["escalation"]
    assert deadlines.clear(ticket) == 1
    assert not Deadline.objects.open().exists()


def test_transitions_pause_resume_and_clear_the_clock(clerk, time_machine):
    ticket = TicketFactory(state=Ticket.State.OPEN, owner=clerk)
    deadlines.set_deadline(ticket, "response", local(2026, 6, 5, 17, 0))

    time_machine.move_to(local(2026, 6, 5, 16, 0), tick=False)
    with pytest.raises(TransitionInputError):
        perform(ticket, "ask", clerk)  # refused: the clock keeps running
    assert not deadlines.get_deadline(ticket, "response").is_paused
    perform(ticket, "ask", clerk, comment="Which version?")
    assert deadlines.get_deadline(ticket, "response").remaining == timedelta(hours=1)

    time_machine.move_to(local(2026, 6, 8, 9, 0), tick=False)
    perform(ticket, "reply", Actor.requester(ticket), data={"answer": "4.2"})
    assert deadlines.get_deadline(ticket, "response").due_at == local(2026, 6, 8, 10, 0)

    perform(ticket, "resolve", clerk, data={"resolution": "Upgrade"})
    assert deadlines.get_deadline(ticket, "response") is None
