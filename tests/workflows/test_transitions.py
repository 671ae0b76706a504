import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django_fsm import FSMField, can_proceed, has_transition_perm

from tests.workflows.factories import TicketFactory
from tests.workflows.testapp.models import Ticket, has_answer
from workflows.actors import Actor
from workflows.exceptions import DirectTransitionCall, UnknownTransition
from workflows.transitions import all_transitions, transition_meta, workflow_transition


def test_metadata_is_declared_once_next_to_the_method():
    meta = transition_meta(Ticket, "resolve")

    assert meta.name == "resolve"
    assert meta.field_name == "state"
    assert meta.sources == (Ticket.State.OPEN,)
    assert meta.target == Ticket.State.RESOLVED
    assert meta.label == "Resolve"
    assert meta.roles == {"owner"}
    assert meta.fields == ("resolution",)
    assert meta.conditions == (has_answer,)
    assert meta.requires_comment is False
    assert meta.system is False


def test_metadata_is_found_from_an_instance_too():
    assert transition_meta(Ticket(), "withdraw") is transition_meta(Ticket, "withdraw")
    assert transition_meta(Ticket, "withdraw").sources == ("new", "open", "waiting")


def test_all_transitions_keep_declaration_order():
    assert [meta.name for meta in all_transitions(Ticket)] == [
        "take",
        "ask",
        "reply",
        "resolve",
        "close",
        "withdraw",
    ]


def test_unknown_transition_is_an_error():
    with pytest.raises(UnknownTransition):
        transition_meta(Ticket, "save")
    with pytest.raises(UnknownTransition):
        transition_meta(Ticket, "teleport")


def test_django_fsm_sees_the_label_and_the_metadata():
    fsm_transition = next(t for t in Ticket().get_all_state_transitions() if t.name == "take")

    assert fsm_transition.custom["label"] == "Take"
    assert fsm_transition.custom["workflow"] is transition_meta(Ticket, "take")


@pytest.mark.django_db
def test_django_fsm_reports_the_permission(clerk, stranger):
    ticket = TicketFactory()

    assert has_transition_perm(ticket.take, clerk)
    assert has_transition_perm(ticket.take, Actor.for_user(clerk))
    assert not has_transition_perm(ticket.take, stranger)
    assert not has_transition_perm(ticket.take, Actor.system())


def test_django_fsm_refuses_anonymous_users():

    assert not transition_meta(Ticket, "take").is_permitted(Ticket(), AnonymousUser())


@pytest.mark.django_db
def test_django_fsm_runs_the_guards():
    ticket = TicketFactory(state=Ticket.State.OPEN)
    assert not can_proceed(ticket.resolve)
    assert can_proceed(ticket.resolve, check_conditions=False)

    ticket.answer = "Here it is"
    assert can_proceed(ticket.resolve)


@pytest.mark.django_db
def test_a_transition_method_refuses_to_be_called_directly(clerk):
    ticket = TicketFactory()

    with pytest.raises(DirectTransitionCall, match="perform"):
        ticket.take(actor=Actor.for_user(clerk))

    assert ticket.state == Ticket.State.NEW
    ticket.refresh_from_db()
    assert ticket.state == Ticket.State.NEW


def test_who_may_act_must_be_stated():
    with pytest.raises(TypeError, match="who may"):
        workflow_transition(field="state", source="a", target="b", label="Go")


def test_a_system_transition_takes_no_roles():
    with pytest.raises(TypeError, match="system"):
        workflow_transition(field="state", source="a", target="b", label="Go", system=True, roles={"x"})


def test_fields_are_a_list_of_names():
    with pytest.raises(TypeError, match="list"):
        workflow_transition(field="state", source="a", target="b", label="Go", roles={"x"}, fields="reason")


def test_a_method_is_declared_once():
    def go(self):
        pass

    once = workflow_transition(field="state", source="a", target="b", label="Go", roles={"x"})(go)
    with pytest.raises(TypeError, match="once"):
        workflow_transition(field="state", source="b", target="c", label="Go", roles={"x"})(once)


def test_the_method_receives_only_the_arguments_it_names():
    assert transition_meta(Ticket, "take").call_arguments == ("actor",)
    assert transition_meta(Ticket, "close").call_arguments == ()
    assert transition_meta(Ticket, "resolve").call_kwargs(actor=1, comment="c", data={"x": 1}) == {
        "data": {"x": 1}
    }


def test_a_subclass_inherits_and_may_replace_transitions():
    class Base(models.Model):
        state = FSMField(default="a")

        @workflow_transition(field=state, source="a", target="b", label="First", roles={"x"})
        def first(self):
            pass

        @workflow_transition(field=state, source="b", target="c", label="Second", roles={"x"})
        def second(self):
            pass

        class Meta:
            app_label = "workflows_testapp"
            abstract = True

    class Child(Base):
        def second(self):  # no longer a transition
            pass

        class Meta:
            app_label = "workflows_testapp"
            abstract = True

    assert [meta.name for meta in all_transitions(Base)] == ["first", "second"]
    assert [meta.name for meta in all_transitions(Child)] == ["first"]
