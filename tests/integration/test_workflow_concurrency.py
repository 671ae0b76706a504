"""Two transactions racing for the same object, on a database that locks rows (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection, connections
from django_fsm.signals import pre_transition
from wagtail.models import ModelLogEntry

from tests.workflows.factories import ClerkFactory, TicketFactory
from tests.workflows.testapp.models import Ticket
from workflows.engine import perform
from workflows.exceptions import StaleTransition
from workflows.models import OutboxMessage

pytestmark = [
    pytest.mark.integration,
    # serialized_rollback: the flush after this test must not re-create content types under
    # new ids, which would clash with the next serialized test restoring the originals.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks (PostgreSQL)"),
]


def test_of_two_simultaneous_transitions_exactly_one_wins():
    ticket = TicketFactory()
    clerks = ClerkFactory.create_batch(2)
    copies = [Ticket.objects.get(pk=ticket.pk) for _ in clerks]
    started = threading.Barrier(len(clerks))
    outcomes = []

    def hold_the_lock_a_while(sender, instance, **kwargs):
        time.sleep(0.3)

    def act(copy, clerk):
        try:
            started.wait()
            perform(copy, "take", clerk)
            outcomes.append("performed")
        except StaleTransition:
            outcomes.append("stale")
        finally:
            connections.close_all()

    pre_transition.connect(hold_the_lock_a_while, sender=Ticket)
    try:
        threads = [threading.Thread(target=act, args=pair) for pair in zip(copies, clerks, strict=True)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        pre_transition.disconnect(hold_the_lock_a_while, sender=Ticket)

    assert sorted(outcomes) == ["performed", "stale"]
    ticket.refresh_from_db()
    assert ticket.state == Ticket.State.OPEN
    assert ticket.owner in clerks
    assert ModelLogEntry.objects.for_instance(ticket).count() == 1
    assert OutboxMessage.objects.for_object(ticket).count() == 2
