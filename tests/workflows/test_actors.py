import pytest
from django.contrib.auth.models import AnonymousUser

from tests.workflows.factories import TicketFactory, UserFactory
from workflows.actors import Actor, as_actor, roles_of

pytestmark = pytest.mark.django_db


def test_a_user_actor_is_labelled_by_full_name_or_username():
    assert Actor.for_user(UserFactory(first_name="Ada", last_name="Lovelace")).label == "Ada Lovelace"
    assert Actor.for_user(UserFactory(username="ada", first_name="", last_name="")).label == "ada"


def test_an_actor_kind_is_also_its_role(clerk):
    user = Actor.for_user(clerk)
    assert (user.role, user.is_user, user.is_requester, user.is_system) == ("user", True, False, False)
    assert Actor.system().role == "system"
    assert Actor.system().user is None


def test_anonymous_users_are_not_actors():
    with pytest.raises(ValueError):
        Actor.for_user(AnonymousUser())
    with pytest.raises(ValueError):
        as_actor(AnonymousUser())


def test_as_actor_accepts_actors_and_users_only(clerk):
    actor = Actor.system()
    assert as_actor(actor) is actor
    assert as_actor(clerk).user == clerk
    with pytest.raises(TypeError):
        as_actor(None)
    with pytest.raises(TypeError):
        as_actor("system")


def test_a_requester_is_bound_to_one_saved_object():
    ticket, other = TicketFactory(), TicketFactory()
    requester = Actor.requester(ticket)

    assert requester.user is None
    assert str(requester) == "requester"
    assert requester.is_bound_to(ticket)
    assert not requester.is_bound_to(other)
    with pytest.raises(ValueError):
        Actor.requester(type(ticket)())


def test_roles_come_from_the_actor_kind_and_the_model(clerk, open_ticket, stranger):
    assert roles_of(open_ticket, Actor.for_user(clerk)) == {"clerk", "owner"}
    assert roles_of(open_ticket, Actor.for_user(stranger)) == set()
    assert roles_of(open_ticket, Actor.system()) == {"system"}
    assert roles_of(open_ticket, Actor.requester(open_ticket)) == {"requester"}
    assert roles_of(open_ticket, Actor.requester(TicketFactory())) == set()
