import pytest

from tests.workflows.factories import TicketFactory
from tests.workflows.testapp.models import Ticket
from workflows.actors import Actor
from workflows.available import all_transitions, available_transitions

pytestmark = pytest.mark.django_db


def names(obj, actor):
    return [meta.name for meta in available_transitions(obj, actor)]


def test_an_clerk_may_take_a_new_ticket(ticket, clerk, stranger, system):
    assert names(ticket, clerk) == ["take"]
    assert names(ticket, stranger) == []
    assert names(ticket, system) == []


def test_the_requester_sees_what_their_token_allows(clerk):
    ticket = TicketFactory(state=Ticket.State.WAITING, owner=clerk)
    other = TicketFactory(state=Ticket.State.WAITING, owner=clerk)

    assert names(ticket, Actor.requester(ticket)) == ["reply", "withdraw"]
    assert names(ticket, Actor.requester(other)) == []


def test_a_failing_guard_hides_the_transition(open_ticket, clerk):
    assert names(open_ticket, clerk) == ["ask", "withdraw"]

    open_ticket.answer = "4.2"
    assert names(open_ticket, clerk) == ["ask", "resolve", "withdraw"]


def test_system_transitions_are_offered_to_the_system_only(clerk, system):
    ticket = TicketFactory(state=Ticket.State.RESOLVED, owner=clerk)

    assert names(ticket, clerk) == []
    assert names(ticket, system) == ["close"]


def test_a_closed_ticket_offers_nothing(clerk, system):
    ticket = TicketFactory(state=Ticket.State.CLOSED, owner=clerk)

    assert names(ticket, clerk) == []
    assert names(ticket, system) == []


def test_available_transitions_accept_a_plain_user(ticket, clerk):
    [meta] = available_transitions(ticket, clerk)
    assert meta.label == "Take"


def test_all_transitions_is_offered_here_too():
    assert len(all_transitions(Ticket)) == 6
