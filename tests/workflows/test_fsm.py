"""ProcessModelMixin: reloading a process object never lifts the state field's protection."""

import threading

import pytest
from django.db import models

from tests.workflows.factories import TicketFactory
from tests.workflows.testapp.models import Ticket

pytestmark = pytest.mark.django_db


def test_refresh_keeps_the_state_field_protected_while_it_runs(monkeypatch):
    """django-fsm-2 switches the protection off for the whole process during a refresh: another
    thread's transition then failed with "Direct state modification is not allowed"."""
    ticket = TicketFactory(state=Ticket.State.OPEN)
    Ticket.objects.filter(pk=ticket.pk).update(answer="changed elsewhere")
    field = Ticket._meta.get_field("state")
    seen = []
    original = models.Model.refresh_from_db

    def watch(instance, *args, **kwargs):
        seen.append(field.protected)
        return original(instance, *args, **kwargs)

    monkeypatch.setattr(models.Model, "refresh_from_db", watch)
    ticket.refresh_from_db()
    ticket.refresh_from_db(fields=["state", "answer"])
    assert seen == [True, True]
    assert ticket.answer == "changed elsewhere"
    with pytest.raises(AttributeError, match="Direct state modification is not allowed"):
        ticket.state = Ticket.State.CLOSED


def test_refresh_loads_a_state_changed_elsewhere():
    ticket = TicketFactory(state=Ticket.State.OPEN)
    Ticket.objects.filter(pk=ticket.pk).update(state=Ticket.State.WAITING)
    ticket.refresh_from_db()
    assert ticket.state == Ticket.State.WAITING
    # The optimistic lock now expects the state just loaded, not the one the instance had.
    assert ticket._ConcurrentTransitionMixin__initial_states["state"] == Ticket.State.WAITING


def test_a_deferred_state_loads_on_access():
    ticket = TicketFactory(state=Ticket.State.OPEN)
    assert Ticket.objects.only("pk").get(pk=ticket.pk).state == Ticket.State.OPEN


def test_refreshes_in_parallel_threads_never_see_the_protection_lifted():
    ticket = TicketFactory(state=Ticket.State.OPEN)
    field = Ticket._meta.get_field("state")
    lifted = []
    stop = threading.Event()

    def observe():
        while not stop.is_set():
            if not field.protected:
                lifted.append(True)

    watcher = threading.Thread(target=observe)
    watcher.start()
    try:
        for _ in range(200):
            ticket.refresh_from_db(fields=["state"])
    finally:
        stop.set()
        watcher.join()
    assert not lifted
