"""The assignment state machine: the invitation, its answers, expiry, and the end of an expert's part."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from advisory.admin.history import request_history as staff_timeline
from advisory.choices import AssignmentRole
from advisory.models import AdvisoryRequest, Assignment
from advisory.models.assignments import RESPONSE_DEADLINE
from advisory.public import tracking
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    ExpertUserFactory,
    editor,
    requester,
)
from workflows import deadlines
from workflows.actors import Actor
from workflows.audit import ACTION
from workflows.engine import perform
from workflows.exceptions import TransitionForbidden, TransitionInputError, TransitionUnavailable
from workflows.models import OutboxMessage
from workflows.transitions import all_transitions

pytestmark = pytest.mark.django_db

A = Assignment.State
RS = AdvisoryRequest.State


@pytest.fixture
def invited(coordinator):
    user = ExpertUserFactory()
    request = AdvisoryRequestFactory(state=AdvisoryRequest.State.ACCEPTED, owner=coordinator)
    assignment = AssignmentFactory(request=request, expert=user.expert_profile)
    deadlines.set_deadline(assignment, RESPONSE_DEADLINE, assignment.response_due_at)
    return assignment


def expert_of(assignment):
    return assignment.expert.user


def test_the_declared_transitions_match_the_architecture():
    table = {meta.name: (set(meta.sources), meta.target) for meta in all_transitions(Assignment)}
    assert table == {
        "invite": ({A.NEW}, A.INVITED),
        "accept": ({A.INVITED}, A.ACCEPTED),
        "decline": ({A.INVITED}, A.DECLINED),
        "expire": ({A.INVITED}, A.EXPIRED),
        "withdraw": ({A.INVITED}, A.WITHDRAWN),
        "complete": ({A.ACCEPTED}, A.COMPLETED),
        "release": ({A.ACCEPTED}, A.RELEASED),
    }


# The invitation ----------------------------------------------------------------------------


def new_assignment(request, expert=None, **kwargs):
    """An assignment saved in "new", as the invitation service makes one before inviting."""
    kwargs.setdefault("response_due_at", timezone.now() + timedelta(days=5))
    return Assignment.objects.create(
        request=request,
        expert=expert or ExpertUserFactory().expert_profile,
        role=AssignmentRole.MEMBER,
        **kwargs,
    )


@pytest.fixture
def staffing(coordinator):
    return AdvisoryRequestFactory(state=AdvisoryRequest.State.ACCEPTED, owner=coordinator)


def test_an_assignment_starts_new_and_the_engine_invites(staffing, coordinator):
    assignment = new_assignment(staffing)
    assert assignment.state == A.NEW

    performed = perform(assignment, "invite", coordinator)

    assert assignment.state == A.INVITED and assignment.invited_by == coordinator
    assert deadlines.get_deadline(assignment, RESPONSE_DEADLINE).due_at == assignment.response_due_at
    [entry] = ModelLogEntry.objects.for_instance(assignment)
    assert (entry.action, entry.data["transition"], entry.data["from_state"], entry.data["to_state"]) == (
        ACTION,
        "invite",
        "new",
        "invited",
    )
    assert entry.message == "Invite the expert: New → Invited"
    [email] = OutboxMessage.objects.for_object(assignment)
    assert (email.recipient, email.template) == (assignment.expert.email, "advisory/email/invitation")
    assert "BEGIN:VCALENDAR" in email.payload["ics"]
    assert performed.messages == [email]


def test_an_invitation_cannot_be_made_by_writing_the_state(staffing):
    assignment = new_assignment(staffing)
    with pytest.raises(AttributeError, match="Direct state modification is not allowed"):
        assignment.state = A.INVITED


@pytest.mark.parametrize(
    "who", ["expert of the assignment", "other coordinator", "requester", "system", "editor"]
)
def test_only_a_coordinator_of_the_request_invites(staffing, other_coordinator, who):
    assignment = new_assignment(staffing)
    actor = {
        "expert of the assignment": lambda: expert_of(assignment),
        "other coordinator": lambda: other_coordinator,
        "requester": lambda: requester(staffing),
        "system": Actor.system,
        "editor": editor,
    }[who]()
    with pytest.raises(TransitionForbidden, match="not allowed to perform “Invite the expert”"):
        perform(assignment, "invite", actor)
    assert Assignment.objects.get(pk=assignment.pk).state == A.NEW


@pytest.mark.parametrize("state", [RS.SUBMITTED, RS.SCREENING, RS.TEAM_PROPOSED, RS.DELIVERED, RS.WITHDRAWN])
def test_no_invitation_outside_staffing(state, coordinator):
    request = AdvisoryRequestFactory(state=state, owner=coordinator)
    assignment = new_assignment(request)
    with pytest.raises(TransitionUnavailable) as error:
        perform(assignment, "invite", coordinator)
    assert error.value.reasons == [
        "Experts can be invited once the request is accepted, until it is delivered."
    ]


@pytest.mark.parametrize("due", [None, timedelta(minutes=-1)])
def test_no_invitation_without_an_answer_date_ahead(staffing, coordinator, due):
    assignment = new_assignment(staffing, response_due_at=due and timezone.now() + due)
    with pytest.raises(TransitionUnavailable) as error:
        perform(assignment, "invite", coordinator)
    assert error.value.reasons == ["An invitation needs a date by which the expert answers, in the future."]


def test_no_second_open_invitation_of_one_expert(staffing, coordinator):
    first = AssignmentFactory(request=staffing, state=A.ACCEPTED)
    assignment = new_assignment(staffing, expert=first.expert)
    with pytest.raises(TransitionUnavailable) as error:
        perform(assignment, "invite", coordinator)
    assert "This expert is already invited to this request." in error.value.reasons


def test_no_invitation_of_an_expert_matching_excludes(staffing, coordinator):
    assignment = new_assignment(staffing, expert=ExpertUserFactory(expert__active=False).expert_profile)
    with pytest.raises(TransitionUnavailable) as error:
        perform(assignment, "invite", coordinator)
    assert error.value.reasons == ["The expert suggestions exclude this expert from this request."]


def test_an_invitation_is_on_the_coordinators_timeline_and_not_the_requesters(coordinator):
    request = AdvisoryRequestFactory(state=AdvisoryRequest.State.SCREENING, owner=coordinator)
    perform(request, "accept", coordinator, data={"service_type": "training", "scope_summary": "Train."})
    assignment = new_assignment(request)
    perform(assignment, "invite", coordinator)

    assert [str(entry.label) for entry in tracking.timeline(requester(request), request)] == [
        "Request accepted"
    ]
    staff = staff_timeline(coordinator, request, [assignment], [])
    name = coordinator.get_full_name()
    assert staff[-1].text == f"{name} (coordinator) invited {assignment.expert.name} as team member"


def test_the_expert_accepts_with_a_no_conflict_declaration(invited):
    perform(
        invited,
        "accept",
        expert_of(invited),
        data={"no_conflict": True, "conflict_statement": "I advised their region in 2019."},
    )
    assert invited.state == A.ACCEPTED
    assert invited.no_conflict_declared
    assert invited.conflict_statement == "I advised their region in 2019."
    assert invited.responded_at is not None
    assert deadlines.get_deadline(invited, RESPONSE_DEADLINE) is None


@pytest.mark.parametrize("declaration", [None, False, "", "yes", 1])
def test_accepting_without_declaring_no_conflict_is_refused(invited, declaration):
    with pytest.raises(TransitionInputError) as error:
        perform(invited, "accept", expert_of(invited), data={"no_conflict": declaration})
    assert "no_conflict" in error.value.message_dict
    assert Assignment.objects.get(pk=invited.pk).state == A.INVITED


def test_accepting_after_the_request_ended_is_refused(invited, coordinator):
    perform(invited.request, "withdraw", coordinator, comment="Cancelled")
    invited.refresh_from_db()
    with pytest.raises(TransitionUnavailable) as error:
        perform(invited, "accept", expert_of(invited), data={"no_conflict": True})
    assert error.value.reasons == ["The request is no longer open."]


def test_accepting_after_the_response_time_is_refused(invited):
    late = invited.response_due_at + timedelta(minutes=1)
    with time_machine.travel(late), pytest.raises(TransitionUnavailable):
        perform(invited, "accept", expert_of(invited), data={"no_conflict": True})


def test_the_expert_declines_with_a_reason(invited):
    with pytest.raises(TransitionInputError):
        perform(invited, "decline", expert_of(invited))
    perform(invited, "decline", expert_of(invited), comment="Fully booked until June.")
    assert (invited.state, invited.decline_reason) == (A.DECLINED, "Fully booked until June.")
    assert deadlines.get_deadline(invited, RESPONSE_DEADLINE) is None


def test_another_expert_cannot_answer_for_them(invited):
    other = ExpertUserFactory()
    for name, kwargs in (("accept", {"data": {"no_conflict": True}}), ("decline", {"comment": "no"})):
        with pytest.raises(TransitionForbidden):
            perform(invited, name, other, **kwargs)


def test_the_requester_cannot_answer_an_invitation(invited):
    with pytest.raises(TransitionForbidden):
        perform(invited, "decline", requester(invited.request), comment="no")


def test_the_system_expires_an_unanswered_invitation_only_once_due(invited):
    with pytest.raises(TransitionUnavailable):
        perform(invited, "expire", Actor.system())
    with time_machine.travel(invited.response_due_at + timedelta(seconds=1)):
        perform(invited, "expire", Actor.system())
    assert invited.state == A.EXPIRED


def test_nobody_but_the_system_expires(invited, coordinator):
    with time_machine.travel(invited.response_due_at + timedelta(seconds=1)):
        for actor in (coordinator, expert_of(invited)):
            with pytest.raises(TransitionForbidden):
                perform(invited, "expire", actor)


def test_the_coordinator_withdraws_an_invitation(invited, coordinator):
    perform(invited, "withdraw", coordinator, comment="Found someone closer")
    assert (invited.state, invited.end_reason) == (A.WITHDRAWN, "Found someone closer")


def test_a_coordinator_out_of_scope_cannot(invited, other_coordinator):
    with pytest.raises(TransitionForbidden):
        perform(invited, "withdraw", other_coordinator)


def test_complete_and_release(coordinator):
    done = AssignmentFactory(state=A.ACCEPTED, request__owner=coordinator)
    released = AssignmentFactory(state=A.ACCEPTED, request__owner=coordinator)
    perform(done, "complete", coordinator)
    with pytest.raises(TransitionInputError):
        perform(released, "release", coordinator)
    perform(released, "release", coordinator, comment="Illness")
    assert (done.state, released.state, released.end_reason) == (A.COMPLETED, A.RELEASED, "Illness")
    assert done.ended_at and released.ended_at


@pytest.mark.parametrize(
    ("state", "name"),
    [
        (A.ACCEPTED, "accept"),
        (A.ACCEPTED, "decline"),
        (A.ACCEPTED, "withdraw"),
        (A.INVITED, "complete"),
        (A.INVITED, "release"),
        (A.DECLINED, "accept"),
        (A.EXPIRED, "accept"),
        (A.WITHDRAWN, "accept"),
        (A.COMPLETED, "release"),
        (A.RELEASED, "complete"),
    ],
)
def test_illegal_assignment_transitions(state, name, lead):
    user = ExpertUserFactory()
    assignment = AssignmentFactory(state=state, expert=user.expert_profile)
    actor = user if name in {"accept", "decline"} else lead
    with pytest.raises(TransitionUnavailable):
        perform(assignment, name, actor, comment="x", data={"no_conflict": True})
    assert Assignment.objects.get(pk=assignment.pk).state == state


def test_only_one_open_assignment_per_expert_and_request():
    first = AssignmentFactory(state=A.INVITED)
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(request=first.request, expert=first.expert, state=A.ACCEPTED)
    # An ended assignment does not count.
    AssignmentFactory(request=first.request, expert=first.expert, state=A.DECLINED)


def test_response_deadline_default_is_in_the_future():
    assert AssignmentFactory().response_due_at > timezone.now()


@pytest.mark.parametrize("state", [RS.TEAM_PROPOSED, RS.IN_PROGRESS, RS.ON_HOLD])
def test_the_last_lead_of_a_proposed_or_running_team_stays(state, coordinator):
    lead = AssignmentFactory(
        state=A.ACCEPTED, role=AssignmentRole.LEAD, request__state=state, request__owner=coordinator
    )
    with pytest.raises(TransitionUnavailable) as error:
        perform(lead, "release", coordinator, comment="Ill")
    assert "needs its lead expert" in str(error.value)
    AssignmentFactory(request=lead.request, state=A.ACCEPTED, role=AssignmentRole.LEAD)
    perform(lead, "release", coordinator, comment="Ill")
    assert lead.state == A.RELEASED


def test_refreshing_an_assignment_never_unprotects_the_state_field_for_other_threads(coordinator):
    """django_fsm's refresh_from_db lifts the field's protection process-wide while it runs: a
    refresh in a parallel thread then crashed ("Direct state modification is not allowed")."""
    assignment = AssignmentFactory(request__owner=coordinator)
    stale = Assignment.objects.get(pk=assignment.pk)
    perform(assignment, "withdraw", coordinator)
    field = Assignment._meta.get_field("state")
    seen = []
    original = models.Model.refresh_from_db

    def watch(instance, *args, **kwargs):
        seen.append(field.protected)
        return original(instance, *args, **kwargs)

    with mock.patch.object(models.Model, "refresh_from_db", watch):
        stale.refresh_from_db()
        assert stale.state == A.WITHDRAWN
        stale.refresh_from_db(fields=["state", "end_reason"])
    assert seen == [True, True]
    assert field.protected
    with pytest.raises(AttributeError, match="Direct state modification is not allowed"):
        stale.state = A.INVITED


def test_a_deferred_state_loads_on_access():
    assignment = AssignmentFactory()
    assert Assignment.objects.only("pk").get(pk=assignment.pk).state == A.INVITED
