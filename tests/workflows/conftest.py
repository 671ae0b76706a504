import pytest

from tests.workflows.factories import ClerkFactory, TicketFactory, UserFactory
from tests.workflows.testapp.models import Ticket
from workflows.actors import Actor


@pytest.fixture
def clerk(db):
    return ClerkFactory()


@pytest.fixture
def stranger(db):
    return UserFactory()


@pytest.fixture
def ticket(db):
    return TicketFactory()


@pytest.fixture
def open_ticket(clerk):
    """An open ticket owned by `clerk`."""
    return TicketFactory(state=Ticket.State.OPEN, owner=clerk)


@pytest.fixture
def system():
    return Actor.system()
