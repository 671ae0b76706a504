import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import override_settings
from django_fsm import ConcurrentTransition
from django_fsm.signals import pre_transition
from wagtail.models import ModelLogEntry

from tests.workflows.factories import ClerkFactory, TicketFactory, UserFactory
from tests.workflows.testapp.models import Ticket
from workflows.actors import Actor
from workflows.engine import Performed, perform
from workflows.exceptions import (
    StaleTransition,
    TransitionForbidden,
    TransitionInputError,
    TransitionUnavailable,
    UnknownTransition,
)
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

dispatched = []


def record_dispatch(message_ids):
    dispatched.append(list(message_ids))


@pytest.fixture(autouse=True)
def _no_dispatches_yet():
    dispatched.clear()


def entries(ticket):
    return ModelLogEntry.objects.for_instance(ticket)


def db_state(ticket):
    return Ticket.objects.values_list("state", flat=True).get(pk=ticket.pk)


def assert_nothing_happened(ticket, state):
    assert db_state(ticket) == state
    assert not entries(ticket).exists()
    assert not OutboxMessage.objects.for_object(ticket).exists()


# Success: state, instance, audit


def test_perform_changes_state_saves_and_updates_the_instance(ticket, clerk):
    performed = perform(ticket, "take", clerk)

    assert isinstance(performed, Performed)
    assert performed.obj is ticket
    assert (performed.source, performed.target) == ("new", "open")
    assert ticket.state == Ticket.State.OPEN
    assert ticket.owner == clerk
    assert db_state(ticket) == Ticket.State.OPEN
    assert Ticket.objects.get(pk=ticket.pk).owner == clerk


def test_the_updated_instance_can_go_on(ticket, clerk):
    perform(ticket, "take", clerk)
    perform(ticket, "ask", clerk, comment="Which version?")

    assert db_state(ticket) == Ticket.State.WAITING


def test_one_audit_entry_per_transition_with_its_data(ticket, clerk):
    performed = perform(ticket, "take", Actor.for_user(clerk))

    [entry] = entries(ticket)
    assert entry == performed.log_entry
    assert entry.action == "workflows.transition"
    assert entry.user == clerk
    assert entry.label == ticket.title
    assert entry.data == {
        "transition": "take",
        "label": "Take",
        "field": "state",
        "from_state": "new",
        "to_state": "open",
        "from_label": "New",
        "to_label": "Open",
        "actor": clerk.get_full_name(),
        "actor_kind": "user",
        "comment": "",
        "fields": {},
    }
    assert entry.message == "Take: New → Open"


def test_every_transition_adds_exactly_one_entry(ticket, clerk):
    requester = Actor.requester(ticket)
    perform(ticket, "take", clerk)
    perform(ticket, "ask", clerk, comment="  Which version?  ")
    perform(ticket, "reply", requester, data={"answer": "4.2"})
    perform(ticket, "resolve", clerk, data={"resolution": "Upgrade"})

    log = list(entries(ticket).order_by("timestamp", "pk"))
    assert [entry.data["transition"] for entry in log] == ["take", "ask", "reply", "resolve"]
    assert [(entry.data["from_state"], entry.data["to_state"]) for entry in log] == [
        ("new", "open"),
        ("open", "waiting"),
        ("waiting", "open"),
        ("open", "resolved"),
    ]
    assert log[1].data["comment"] == "Which version?"
    assert log[1].comment == "Which version?"
    assert log[2].user is None
    assert log[2].data["actor"] == "requester"
    assert log[2].message == "Reply by the requester: Waiting for the requester → Open"
    assert log[3].data["fields"] == {"resolution": "Upgrade"}


def test_a_system_transition_is_audited_as_the_system(clerk, system):
    ticket = TicketFactory(state=Ticket.State.RESOLVED, owner=clerk)

    perform(ticket, "close", system)

    [entry] = entries(ticket)
    assert entry.user is None
    assert entry.user_display_name == "system"
    assert (entry.data["actor"], entry.data["actor_kind"]) == ("system", "system")


def test_the_site_history_report_shows_the_transition(client, ticket, clerk):
    perform(ticket, "take", clerk)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get("/admin/reports/site-history/")

    assert response.status_code == 200
    content = response.content.decode()
    assert ticket.title in content
    assert "Take: New → Open" in content


# Refusals: nothing changes, nothing is audited


def test_an_actor_without_the_role_is_refused(ticket, stranger):
    with pytest.raises(TransitionForbidden) as refused:
        perform(ticket, "take", stranger)

    assert isinstance(refused.value, PermissionDenied)
    assert "not allowed" in str(refused.value)
    assert "Take" in str(refused.value)
    assert ticket.state == Ticket.State.NEW
    assert ticket.owner is None
    assert_nothing_happened(ticket, Ticket.State.NEW)


def test_only_the_system_performs_a_system_transition(clerk):
    ticket = TicketFactory(state=Ticket.State.RESOLVED, owner=clerk)

    with pytest.raises(TransitionForbidden):
        perform(ticket, "close", clerk)

    assert_nothing_happened(ticket, Ticket.State.RESOLVED)


def test_a_requester_acts_only_on_the_object_of_their_token(clerk):
    mine = TicketFactory(state=Ticket.State.WAITING, owner=clerk)
    theirs = TicketFactory(state=Ticket.State.WAITING, owner=clerk)

    with pytest.raises(TransitionForbidden):
        perform(theirs, "reply", Actor.requester(mine), data={"answer": "x"})
    assert_nothing_happened(theirs, Ticket.State.WAITING)

    perform(mine, "reply", Actor.requester(mine), data={"answer": "x"})
    assert db_state(mine) == Ticket.State.OPEN


def test_a_permission_callable_receives_the_actor(open_ticket, stranger):
    with pytest.raises(TransitionForbidden):
        perform(open_ticket, "withdraw", stranger, comment="Not mine")

    perform(open_ticket, "withdraw", Actor.requester(open_ticket), comment="Solved it myself")
    assert db_state(open_ticket) == Ticket.State.CLOSED


def test_a_transition_not_possible_from_the_current_state_is_refused(open_ticket):
    with pytest.raises(TransitionUnavailable) as refused:
        perform(open_ticket, "reply", Actor.requester(open_ticket), data={"answer": "x"})

    assert str(refused.value) == "“Reply” is not possible while this ticket is “Open”."
    assert_nothing_happened(open_ticket, Ticket.State.OPEN)


def test_a_guard_refusal_says_why(open_ticket, clerk):
    with pytest.raises(TransitionUnavailable) as refused:
        perform(open_ticket, "resolve", clerk, data={"resolution": "Done"})

    assert refused.value.reasons == ["The ticket has no answer yet."]
    assert "The ticket has no answer yet." in str(refused.value)
    assert_nothing_happened(open_ticket, Ticket.State.OPEN)


def test_a_required_comment_is_enforced(open_ticket, clerk):
    for comment in ("", "   "):
        with pytest.raises(TransitionInputError) as refused:
            perform(open_ticket, "ask", clerk, comment=comment)
        assert list(refused.value.message_dict) == ["comment"]

    assert_nothing_happened(open_ticket, Ticket.State.OPEN)


def test_a_required_field_is_enforced(clerk):
    ticket = TicketFactory(state=Ticket.State.OPEN, owner=clerk, answer="4.2")

    with pytest.raises(TransitionInputError) as refused:
        perform(ticket, "resolve", clerk, data={"resolution": ""})

    assert refused.value.message_dict == {"resolution": ["This field is required."]}
    assert_nothing_happened(ticket, Ticket.State.OPEN)


def test_an_unknown_transition_is_refused(ticket, clerk):
    with pytest.raises(UnknownTransition):
        perform(ticket, "delete", clerk)


def test_an_anonymous_caller_is_refused_by_the_permission_check_not_a_crash(ticket):

    for nobody in (AnonymousUser(), None):
        with pytest.raises(TransitionForbidden, match="not allowed to perform"):
            perform(ticket, "take", nobody)
    assert ModelLogEntry.objects.for_instance(ticket).count() == 0
    with pytest.raises(TypeError):  # anything else is a programming error
        perform(ticket, "take", "clerk")


def test_an_unsaved_object_is_refused(clerk):
    with pytest.raises(ValueError, match="Save"):
        perform(Ticket(title="Draft"), "take", clerk)


# Staleness and concurrency


def test_a_stale_expected_state_is_refused_with_a_clear_message(open_ticket, clerk):
    with pytest.raises(StaleTransition) as refused:
        perform(open_ticket, "withdraw", clerk, comment="Duplicate", expected_state="new")

    assert str(refused.value) == (
        "This ticket has changed since you loaded it: it is now “Open”, not “New”. Reload it and try again."
    )
    assert (refused.value.expected, refused.value.current) == ("new", "open")
    assert isinstance(refused.value, ConcurrentTransition)
    assert_nothing_happened(open_ticket, Ticket.State.OPEN)


def test_of_two_copies_of_the_same_object_only_the_first_wins(ticket, clerk):
    other_clerk = ClerkFactory()
    first, second = Ticket.objects.get(pk=ticket.pk), Ticket.objects.get(pk=ticket.pk)

    perform(first, "take", clerk)
    with pytest.raises(StaleTransition):
        perform(second, "take", other_clerk)

    assert second.state == Ticket.State.NEW  # the loser's copy is left as it was
    assert Ticket.objects.get(pk=ticket.pk).owner == clerk
    assert entries(ticket).count() == 1


def test_a_write_racing_ours_makes_the_save_lose_cleanly(ticket, clerk):
    """ConcurrentTransitionMixin: the row changed between our read and our write."""

    def another_process_closes_it(sender, instance, **kwargs):
        # Stands for a concurrent transaction committing first (where rows cannot be locked).
        Ticket.objects.filter(pk=instance.pk).update(state=Ticket.State.CLOSED)

    pre_transition.connect(another_process_closes_it, sender=Ticket)
    try:
        with pytest.raises(StaleTransition, match="changed by someone else"):
            perform(ticket, "take", clerk)
    finally:
        pre_transition.disconnect(another_process_closes_it, sender=Ticket)

    assert_nothing_happened(ticket, Ticket.State.NEW)


# Notifications: outbox in the same transaction, dispatched on commit


def test_notifications_are_stored_as_pending_outbox_messages(ticket, clerk):
    performed = perform(ticket, "take", clerk)

    messages = list(OutboxMessage.objects.for_object(ticket).order_by("pk"))
    assert messages == performed.messages
    assert [message.recipient for message in messages] == ["requester@example.org", clerk.email]
    assert {message.status for message in messages} == {OutboxMessage.Status.PENDING}
    assert {message.event for message in messages} == {"workflows_testapp.ticket.take"}
    assert messages[0].language == "de"
    assert messages[0].payload == {"title": ticket.title, "state": "open", "comment": ""}
    assert messages[0].target == ticket
    assert len({message.idempotency_key for message in messages}) == 2


def test_outbox_rows_roll_back_with_the_transition(ticket, clerk):
    with pytest.raises(RuntimeError), transaction.atomic():
        perform(ticket, "take", clerk)
        assert OutboxMessage.objects.for_object(ticket).count() == 2
        raise RuntimeError("the view failed after perform")

    assert_nothing_happened(ticket, Ticket.State.NEW)


@override_settings(WORKFLOWS_DISPATCHER="tests.workflows.test_engine.record_dispatch")
def test_the_dispatcher_runs_only_after_commit(ticket, clerk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        performed = perform(ticket, "take", clerk)
        assert dispatched == []

    assert len(callbacks) == 1
    assert dispatched == []
    callbacks[0]()
    assert dispatched == [[message.pk for message in performed.messages]]


@override_settings(WORKFLOWS_DISPATCHER="tests.workflows.test_engine.record_dispatch")
def test_the_dispatcher_never_runs_after_a_rollback(ticket, clerk, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        perform(ticket, "take", clerk)
        raise RuntimeError("rolled back")

    assert callbacks == []
    assert dispatched == []


def test_the_default_dispatcher_leaves_messages_pending(ticket, clerk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        perform(ticket, "take", clerk)

    assert OutboxMessage.objects.pending().count() == 2


def test_a_refused_transition_schedules_nothing(ticket, stranger, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(TransitionForbidden):
        perform(ticket, "take", stranger)

    assert callbacks == []
