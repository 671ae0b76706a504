"""workflows.staffing on a second process: reviewers invited to a help-desk ticket (the test app).

Advisory's assignments use the same machinery (tests/advisory/test_assignments.py); here it runs
with other roles, labels, guards and reminder rules, through `workflows.engine.perform` only.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import IntegrityError, models, transaction

from tests.workflows.factories import TicketFactory, UserFactory
from tests.workflows.testapp.models import Reviewer, Ticket
from workflows import deadlines, staffing
from workflows.actors import Actor
from workflows.engine import perform
from workflows.exceptions import TransitionForbidden, TransitionInputError, TransitionUnavailable
from workflows.models import Deadline
from workflows.transitions import all_transitions, transition_meta

pytestmark = pytest.mark.django_db

R = Reviewer.State
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def invitee(db):
    return UserFactory()


def new_reviewer(ticket, user=None, *, due=timedelta(days=5), **kwargs):
    """A reviewer saved in "new", answer due `due` from now (None: no answer date)."""
    return Reviewer.objects.create(
        ticket=ticket,
        user=user or UserFactory(),
        response_due_at=None if due is None else NOW + due,
        **kwargs,
    )


@pytest.fixture
def invited(open_ticket, clerk, invitee):
    reviewer = new_reviewer(open_ticket, invitee)
    perform(reviewer, "invite", clerk)
    return reviewer


def test_the_reviewer_has_the_invitation_transitions_then_its_own():
    table = [(meta.name, set(meta.sources), meta.target) for meta in all_transitions(Reviewer)]
    assert table == [
        ("invite", {"new"}, "invited"),
        ("accept", {"invited"}, "accepted"),
        ("decline", {"invited"}, "declined"),
        ("expire", {"invited"}, "expired"),
        ("withdraw", {"invited"}, "withdrawn"),
        ("step_down", {"accepted"}, "stepped_down"),
    ]


def test_each_process_gets_its_own_labels_and_roles():
    assert [str(meta.label) for meta in all_transitions(Reviewer)] == [
        "Invite the reviewer",
        "Accept the invitation",
        "Decline the invitation",
        "Expire the invitation",
        "Withdraw the invitation",
        "Step down",
    ]
    invite = transition_meta(Reviewer, "invite")
    assert (invite.roles, invite.system) == ({"clerk"}, False)
    expire = transition_meta(Reviewer, "expire")
    assert (expire.roles, expire.system) == (frozenset(), True)
    assert transition_meta(Reviewer, "decline").requires_comment


# Invite -------------------------------------------------------------------------------------


def test_a_clerk_invites_and_the_answer_date_and_reminder_run(open_ticket, clerk, invitee):
    reviewer = new_reviewer(open_ticket, invitee, due=timedelta(days=5))

    performed = perform(reviewer, "invite", clerk)

    assert reviewer.state == R.INVITED and reviewer.invited_by == clerk
    assert str(performed.log_entry.message) == "Invite the reviewer: New → Invited"
    assert deadlines.get_deadline(reviewer, staffing.RESPONSE_DEADLINE).due_at == NOW + timedelta(days=5)
    # The test app reminds a day after the invitation.
    assert deadlines.get_deadline(reviewer, staffing.REMINDER_DEADLINE).due_at == NOW + timedelta(days=1)


def test_no_reminder_when_the_answer_is_due_before_it(open_ticket, clerk):
    reviewer = new_reviewer(open_ticket, due=timedelta(hours=12))
    perform(reviewer, "invite", clerk)
    assert deadlines.get_deadline(reviewer, staffing.REMINDER_DEADLINE) is None
    assert deadlines.get_deadline(reviewer, staffing.RESPONSE_DEADLINE).due_at == NOW + timedelta(hours=12)


@pytest.mark.parametrize("who", ["invitee", "stranger", "system"])
def test_only_a_clerk_invites(open_ticket, invitee, who):
    reviewer = new_reviewer(open_ticket, invitee)
    actor = {"invitee": invitee, "stranger": UserFactory(), "system": Actor.system()}[who]
    with pytest.raises(TransitionForbidden, match="not allowed to perform “Invite the reviewer”"):
        perform(reviewer, "invite", actor)
    assert Reviewer.objects.get(pk=reviewer.pk).state == R.NEW


@pytest.mark.parametrize("due", [None, timedelta(0), timedelta(minutes=-1)])
def test_no_invitation_without_an_answer_date_ahead(open_ticket, clerk, due):
    reviewer = new_reviewer(open_ticket, due=due)
    with pytest.raises(TransitionUnavailable) as error:
        perform(reviewer, "invite", clerk)
    # The generic wording: the test app words none of its own.
    assert error.value.reasons == ["An invitation needs a date by which it is answered, in the future."]


def test_the_process_guards_come_before_the_generic_ones(clerk):
    waiting = TicketFactory(state=Ticket.State.WAITING, owner=clerk)
    reviewer = new_reviewer(waiting, due=None)
    with pytest.raises(TransitionUnavailable) as error:
        perform(reviewer, "invite", clerk)
    assert error.value.reasons == [
        "Reviewers are invited to open tickets only.",
        "An invitation needs a date by which it is answered, in the future.",
    ]


@pytest.mark.parametrize("state", [R.INVITED, R.ACCEPTED])
def test_no_second_open_invitation_of_one_person(open_ticket, clerk, invitee, state):
    new_reviewer(open_ticket, invitee, state=state)
    second = new_reviewer(open_ticket, invitee)
    with pytest.raises(TransitionUnavailable) as error:
        perform(second, "invite", clerk)
    assert error.value.reasons == ["This person is already invited."]
    assert Reviewer.invitation_guards.not_already_invited.message == "This person is already invited."


@pytest.mark.parametrize("state", [R.DECLINED, R.EXPIRED, R.WITHDRAWN, R.STEPPED_DOWN])
def test_an_ended_invitation_does_not_stop_a_new_one(open_ticket, clerk, invitee, state):
    new_reviewer(open_ticket, invitee, state=state)
    second = new_reviewer(open_ticket, invitee)
    perform(second, "invite", clerk)
    assert second.state == R.INVITED


def test_the_same_person_may_review_another_ticket(open_ticket, clerk, invitee):
    new_reviewer(TicketFactory(state=Ticket.State.OPEN), invitee, state=R.INVITED)
    reviewer = new_reviewer(open_ticket, invitee)
    perform(reviewer, "invite", clerk)
    assert reviewer.state == R.INVITED


def test_the_database_backs_one_open_invitation(open_ticket, invitee):
    new_reviewer(open_ticket, invitee, state=R.INVITED)
    with pytest.raises(IntegrityError), transaction.atomic():
        new_reviewer(open_ticket, invitee, state=R.ACCEPTED)
    new_reviewer(open_ticket, invitee, state=R.DECLINED)


# Answer -------------------------------------------------------------------------------------


def test_the_invitee_accepts(invited, invitee):
    later = NOW + timedelta(hours=3)
    with time_machine.travel(later, tick=False):
        perform(invited, "accept", invitee)
    assert (invited.state, invited.responded_at) == (R.ACCEPTED, later)
    assert invited.is_open
    assert not Deadline.objects.for_object(invited).open().exists()


def test_nobody_else_answers_for_the_invitee(invited, clerk):
    for actor in (clerk, UserFactory()):
        with pytest.raises(TransitionForbidden):
            perform(invited, "accept", actor)
        with pytest.raises(TransitionForbidden):
            perform(invited, "decline", actor, comment="No")


def test_accepting_after_the_answer_date_is_refused(invited, invitee):
    with (
        time_machine.travel(invited.response_due_at, tick=False),
        pytest.raises(TransitionUnavailable) as error,
    ):
        perform(invited, "accept", invitee)
    assert error.value.reasons == ["The time to answer this invitation has passed."]


def test_the_invitee_declines_with_a_reason(invited, invitee):
    with pytest.raises(TransitionInputError):
        perform(invited, "decline", invitee)
    perform(invited, "decline", invitee, comment="On leave")
    assert (invited.state, invited.decline_reason, invited.responded_at, invited.ended_at) == (
        R.DECLINED,
        "On leave",
        NOW,
        NOW,
    )
    assert not invited.is_open
    assert not Deadline.objects.for_object(invited).open().exists()


def test_a_clerk_withdraws_with_the_reason_kept(invited, clerk, invitee):
    with pytest.raises(TransitionForbidden):
        perform(invited, "withdraw", invitee, comment="Mine")
    perform(invited, "withdraw", clerk, comment="Ticket merged")
    assert (invited.state, invited.end_reason, invited.ended_at) == (R.WITHDRAWN, "Ticket merged", NOW)
    assert not Deadline.objects.for_object(invited).open().exists()


@pytest.mark.parametrize(
    ("state", "name"),
    [
        (R.NEW, "accept"),
        (R.ACCEPTED, "accept"),
        (R.ACCEPTED, "decline"),
        (R.ACCEPTED, "withdraw"),
        (R.DECLINED, "accept"),
        (R.EXPIRED, "accept"),
        (R.WITHDRAWN, "decline"),
        (R.INVITED, "invite"),
        (R.INVITED, "step_down"),
    ],
)
def test_steps_only_from_their_state(open_ticket, clerk, invitee, state, name):
    reviewer = new_reviewer(open_ticket, invitee, state=state)
    actor = clerk if name in {"invite", "withdraw"} else invitee
    with pytest.raises(TransitionUnavailable):
        perform(reviewer, name, actor, comment="x")
    assert Reviewer.objects.get(pk=reviewer.pk).state == state


# Expiry and reminders -----------------------------------------------------------------------


def test_only_the_system_expires_and_only_once_due(invited, clerk, invitee):
    with pytest.raises(TransitionUnavailable) as error:
        perform(invited, "expire", Actor.system())
    assert error.value.reasons == ["The time to answer this invitation has not passed yet."]
    with time_machine.travel(invited.response_due_at, tick=False):
        for actor in (clerk, invitee):
            with pytest.raises(TransitionForbidden):
                perform(invited, "expire", actor)
        perform(invited, "expire", Actor.system())
    assert (invited.state, invited.ended_at) == (R.EXPIRED, invited.response_due_at)
    assert not Deadline.objects.for_object(invited).open().exists()


def fired(reviewer, purpose):
    return deadlines.get_deadline(reviewer, purpose)


def test_a_fired_reminder_reminds_an_invitee_who_owes_an_answer(invited):
    reminded = []
    reminder = fired(invited, staffing.REMINDER_DEADLINE)
    with time_machine.travel(reminder.due_at, tick=False):
        outcome = staffing.handle_deadline(
            invited, reminder, now=reminder.due_at, remind=lambda *args: reminded.append(args)
        )
    assert outcome == staffing.REMINDED
    assert reminded == [(invited, reminder)]
    assert invited.state == R.INVITED


def test_no_reminder_once_answered_or_too_late(invited, invitee):
    reminder = fired(invited, staffing.REMINDER_DEADLINE)
    never = []
    late = invited.response_due_at
    assert (
        staffing.handle_deadline(invited, reminder, now=late, remind=lambda *args: never.append(args)) is None
    )
    perform(invited, "accept", invitee)
    assert (
        staffing.handle_deadline(invited, reminder, now=NOW, remind=lambda *args: never.append(args)) is None
    )
    assert never == []


def test_a_fired_answer_date_expires_the_invitation_as_the_system(invited):
    response = fired(invited, staffing.RESPONSE_DEADLINE)
    with time_machine.travel(response.due_at, tick=False):
        outcome = staffing.handle_deadline(
            invited, response, now=response.due_at, remind=None, expiry=Actor.system("expiry scan")
        )
    assert outcome == staffing.EXPIRED
    assert invited.state == R.EXPIRED


def test_a_fired_answer_date_of_an_answered_invitation_is_refused(invited, invitee):
    response = fired(invited, staffing.RESPONSE_DEADLINE)
    perform(invited, "accept", invitee)
    with time_machine.travel(response.due_at, tick=False), pytest.raises(TransitionUnavailable):
        staffing.handle_deadline(invited, response, now=response.due_at, remind=None)
    assert invited.state == R.ACCEPTED


# The other side: the ticket's agreement on its team -----------------------------------------


def test_a_team_needs_an_accepted_member_of_the_kind_asked_for(open_ticket):
    guard = staffing.requires_accepted(
        "reviewers", message="A chair reviewer must have accepted.", chair=True
    )
    assert guard.message == "A chair reviewer must have accepted."
    assert not guard(open_ticket)
    new_reviewer(open_ticket, state=R.ACCEPTED, chair=False)
    new_reviewer(open_ticket, state=R.INVITED, chair=True)
    new_reviewer(open_ticket, state=R.DECLINED, chair=True)
    new_reviewer(TicketFactory(), state=R.ACCEPTED, chair=True)
    assert not guard(open_ticket)
    assert not staffing.has_accepted(open_ticket.reviewers, chair=True)
    new_reviewer(open_ticket, state=R.ACCEPTED, chair=True)
    assert guard(open_ticket)
    assert staffing.has_accepted(open_ticket.reviewers, chair=True)


def test_the_last_chair_of_an_open_ticket_stays(open_ticket, invitee):
    chair = new_reviewer(open_ticket, invitee, state=R.ACCEPTED, chair=True)
    new_reviewer(open_ticket, state=R.ACCEPTED, chair=False)
    new_reviewer(open_ticket, state=R.INVITED, chair=True)
    with pytest.raises(TransitionUnavailable) as error:
        perform(chair, "step_down", invitee, comment="Busy")
    assert error.value.reasons == ["An open ticket keeps its chair reviewer."]

    new_reviewer(open_ticket, state=R.ACCEPTED, chair=True)
    perform(chair, "step_down", invitee, comment="Busy")
    assert (chair.state, chair.end_reason, chair.ended_at) == (R.STEPPED_DOWN, "Busy", NOW)


def test_a_member_who_is_not_a_chair_may_always_step_down(open_ticket, invitee):
    member = new_reviewer(open_ticket, invitee, state=R.ACCEPTED, chair=False)
    perform(member, "step_down", invitee, comment="Busy")
    assert member.state == R.STEPPED_DOWN


def test_the_last_chair_may_leave_a_ticket_outside_the_team_states(invitee):
    resolved = TicketFactory(state=Ticket.State.RESOLVED)
    chair = new_reviewer(resolved, invitee, state=R.ACCEPTED, chair=True)
    perform(chair, "step_down", invitee, comment="Done")
    assert chair.state == R.STEPPED_DOWN


# Declaring a process ------------------------------------------------------------------------


def test_the_states_must_include_every_invitation_state():
    class Partial(models.TextChoices):
        NEW = "new", "New"
        INVITED = "invited", "Invited"

    with pytest.raises(TypeError, match="lacks the invitation states ACCEPTED, DECLINED, EXPIRED, WITHDRAWN"):
        staffing.invitation_model(
            states=Partial,
            subject="ticket",
            invitee="user",
            invite=staffing.Step(roles={"clerk"}),
            accept=staffing.Step(roles={"invitee"}),
            decline=staffing.Step(roles={"invitee"}),
            withdraw=staffing.Step(roles={"clerk"}),
        )


def test_every_step_says_who_may_take_it():
    with pytest.raises(TypeError, match="Say who may perform the transition"):
        staffing.invitation_model(
            subject="ticket",
            invitee="user",
            invite=staffing.Step(roles={"clerk"}),
            accept=staffing.Step(),
            decline=staffing.Step(roles={"invitee"}),
            withdraw=staffing.Step(roles={"clerk"}),
        )


def test_the_transitions_run_on_the_models_own_state_field():
    # Each call of the factory declares its transitions afresh: nothing is shared with advisory's.
    assert Reviewer.invite._django_fsm.field is Reviewer._meta.get_field("state")
    assert Reviewer.step_down._django_fsm.field is Reviewer._meta.get_field("state")
