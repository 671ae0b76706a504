"""The request state machine: every legal transition, a sample of illegal ones, guards, SLA clock."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import ModelLogEntry

from advisory.choices import Visibility
from advisory.models import AdvisoryRequest, Message
from advisory.models.requests import AUTO_CLOSE_DEADLINE, DECISION_DEADLINE, SCREENING_DEADLINE
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    DeliverableFactory,
    country,
    requester,
)
from workflows import deadlines
from workflows.actors import Actor
from workflows.engine import perform
from workflows.exceptions import (
    DirectTransitionCall,
    TransitionForbidden,
    TransitionInputError,
    TransitionUnavailable,
)
from workflows.transitions import all_transitions

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State
# A Monday morning in Brussels: business-day arithmetic is easy to read from here.
MONDAY = "2026-11-23 09:00:00+01:00"


def entries(request):
    return ModelLogEntry.objects.for_instance(request).filter(action="workflows.transition")


def owned(state, coordinator, **kwargs):
    return AdvisoryRequestFactory(state=state, owner=coordinator, **kwargs)


def with_accepted_lead(request):
    AssignmentFactory(request=request, state="accepted", role="lead")
    return request


def test_the_declared_transitions_match_the_architecture_table():
    table = {meta.name: (set(meta.sources), meta.target) for meta in all_transitions(AdvisoryRequest)}
    assert table == {
        "submit": ({S.NEW}, S.SUBMITTED),
        "screen": ({S.SUBMITTED}, S.SCREENING),
        "ask_info": ({S.SCREENING}, S.AWAITING_INFO),
        "provide_info": ({S.AWAITING_INFO}, S.SCREENING),
        "accept": ({S.SCREENING}, S.ACCEPTED),
        "decline": ({S.SCREENING}, S.DECLINED),
        "propose_team": ({S.ACCEPTED}, S.TEAM_PROPOSED),
        "approve_team": ({S.TEAM_PROPOSED}, S.IN_PROGRESS),
        "object_team": ({S.TEAM_PROPOSED}, S.ACCEPTED),
        "hold": ({S.IN_PROGRESS}, S.ON_HOLD),
        "resume": ({S.ON_HOLD}, S.IN_PROGRESS),
        "deliver": ({S.IN_PROGRESS}, S.DELIVERED),
        "close": ({S.DELIVERED}, S.CLOSED),
        "withdraw": (set(AdvisoryRequest.OPEN_STATES), S.WITHDRAWN),
    }


# Legal transitions, one by one ------------------------------------------------------------


@time_machine.travel(MONDAY, tick=False)
def test_submit_issues_a_reference_and_starts_both_sla_clocks():
    request = AdvisoryRequestFactory(state=S.NEW)

    perform(request, "submit", requester(request))

    year = timezone.localdate().year
    assert request.state == S.SUBMITTED
    assert request.reference == f"ADV-{year}-0001"
    assert request.submitted_at == timezone.now()
    screening = deadlines.get_deadline(request, SCREENING_DEADLINE)
    decision = deadlines.get_deadline(request, DECISION_DEADLINE)
    assert timezone.localtime(screening.due_at).date().isoformat() == "2026-11-25"  # 2 business days
    assert timezone.localtime(decision.due_at).date().isoformat() == "2026-12-07"  # 10 business days
    assert request.sla_due_at == screening.due_at


def test_references_count_up_within_a_year():
    first, second = AdvisoryRequestFactory(state=S.NEW), AdvisoryRequestFactory(state=S.NEW)
    perform(first, "submit", requester(first))
    perform(second, "submit", requester(second))
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1


def test_the_reference_is_kept_once_issued(coordinator):
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    reference = request.reference
    perform(request, "screen", coordinator)
    perform(request, "withdraw", coordinator, comment="Duplicate")
    assert AdvisoryRequest.objects.get(pk=request.pk).reference == reference


@time_machine.travel(MONDAY, tick=False)
def test_screen_makes_the_coordinator_owner_and_stops_the_screening_clock(coordinator):
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))

    perform(request, "screen", coordinator)

    assert request.state == S.SCREENING
    assert request.owner == coordinator
    assert deadlines.get_deadline(request, SCREENING_DEADLINE) is None
    assert request.sla_due_at == deadlines.get_deadline(request, DECISION_DEADLINE).due_at


def test_ask_info_posts_the_question_and_pauses_the_clock(coordinator):
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    perform(request, "screen", coordinator)

    perform(request, "ask_info", coordinator, comment="Which regions take part?")

    assert request.state == S.AWAITING_INFO
    assert request.sla_due_at is None
    assert deadlines.get_deadline(request, DECISION_DEADLINE).is_paused
    [question] = Message.objects.filter(request=request)
    assert (question.body, question.visibility, question.author) == (
        "Which regions take part?",
        Visibility.SHARED,
        coordinator,
    )


def test_provide_info_posts_the_answer_and_resumes_the_clock(coordinator):
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    perform(request, "screen", coordinator)
    perform(request, "ask_info", coordinator, comment="Which regions?")

    performed = perform(request, "provide_info", requester(request), comment="Bavaria and Saxony.")

    assert request.state == S.SCREENING
    assert performed.result.body == "Bavaria and Saxony."
    assert performed.result.author_kind == "requester"
    decision = deadlines.get_deadline(request, DECISION_DEADLINE)
    assert not decision.is_paused
    assert request.sla_due_at == decision.due_at


def test_accept_sets_service_and_scope_and_stops_the_clock(coordinator):
    request = owned(S.SCREENING, coordinator)
    deadlines.set_deadline(request, DECISION_DEADLINE, timezone.now() + timedelta(days=3))

    perform(
        request,
        "accept",
        coordinator,
        data={"service_type": "programme_evaluation", "scope_summary": "Evaluate."},
    )

    request.refresh_from_db()
    assert (request.state, request.service_type, request.scope_summary) == (
        S.ACCEPTED,
        "programme_evaluation",
        "Evaluate.",
    )
    assert deadlines.get_deadline(request, DECISION_DEADLINE) is None
    assert request.sla_due_at is None


def test_accept_refuses_an_unknown_service(coordinator):
    request = owned(S.SCREENING, coordinator)
    with pytest.raises(TransitionInputError) as error:
        perform(request, "accept", coordinator, data={"service_type": "astrology", "scope_summary": "x"})
    assert "service_type" in error.value.message_dict
    assert AdvisoryRequest.objects.get(pk=request.pk).state == S.SCREENING


def test_decline_keeps_the_reason_and_ends_everything(coordinator):
    request = owned(S.SCREENING, coordinator)
    deadlines.set_deadline(request, DECISION_DEADLINE, timezone.now() + timedelta(days=3))

    perform(request, "decline", coordinator, comment="Outside our remit.")

    assert (request.state, request.decline_reason) == (S.DECLINED, "Outside our remit.")
    assert request.closed_at is not None
    assert not deadlines.Deadline.objects.for_object(request).open().exists()


def test_propose_team_needs_an_accepted_lead(coordinator):
    request = owned(S.ACCEPTED, coordinator)
    AssignmentFactory(request=request, state="invited", role="lead")
    AssignmentFactory(request=request, state="accepted", role="member")

    with pytest.raises(TransitionUnavailable) as error:
        perform(request, "propose_team", coordinator)
    assert error.value.reasons == ["At least one lead expert must have accepted the invitation."]

    with_accepted_lead(request)
    perform(request, "propose_team", coordinator)
    assert request.state == S.TEAM_PROPOSED


def test_the_requester_approves_the_team(coordinator):
    request = with_accepted_lead(owned(S.TEAM_PROPOSED, coordinator))
    perform(request, "approve_team", requester(request))
    assert request.state == S.IN_PROGRESS


def test_the_requester_objects_to_the_team_with_a_reason(coordinator):
    request = with_accepted_lead(owned(S.TEAM_PROPOSED, coordinator))
    with pytest.raises(TransitionInputError):
        perform(request, "object_team", requester(request))
    perform(request, "object_team", requester(request), comment="We need a German speaker.")
    assert request.state == S.ACCEPTED
    assert request.messages.get().body == "We need a German speaker."


def test_hold_and_resume_need_a_reason(coordinator):
    request = with_accepted_lead(owned(S.IN_PROGRESS, coordinator))
    with pytest.raises(TransitionInputError):
        perform(request, "hold", coordinator)
    perform(request, "hold", coordinator, comment="Budget freeze")
    assert (request.state, request.hold_reason) == (S.ON_HOLD, "Budget freeze")
    perform(request, "resume", coordinator, comment="Budget approved")
    assert (request.state, request.hold_reason) == (S.IN_PROGRESS, "")


@time_machine.travel(MONDAY, tick=False)
def test_deliver_needs_an_approved_deliverable_and_starts_the_auto_close_clock(coordinator):
    request = with_accepted_lead(owned(S.IN_PROGRESS, coordinator))
    assignment = request.assignments.get()
    DeliverableFactory(assignment=assignment, state="submitted")
    with pytest.raises(TransitionUnavailable) as error:
        perform(request, "deliver", coordinator)
    assert error.value.reasons == ["At least one deliverable must have been approved."]

    DeliverableFactory(assignment=assignment, state="approved")
    perform(request, "deliver", coordinator)

    assert request.state == S.DELIVERED
    auto_close = deadlines.get_deadline(request, AUTO_CLOSE_DEADLINE)
    assert timezone.localtime(auto_close.due_at).date().isoformat() == "2026-12-23"  # 30 days


def test_close_by_the_owner_or_the_system(coordinator):
    first, second = owned(S.DELIVERED, coordinator), owned(S.DELIVERED, coordinator)
    perform(first, "close", coordinator)
    perform(second, "close", Actor.system())
    assert first.state == second.state == S.CLOSED


@pytest.mark.parametrize("state", AdvisoryRequest.OPEN_STATES)
def test_the_requester_withdraws_from_any_open_state(state, coordinator):
    request = owned(state, coordinator)
    perform(request, "withdraw", requester(request), comment="Project cancelled")
    assert (request.state, request.withdraw_reason) == (S.WITHDRAWN, "Project cancelled")


@pytest.mark.parametrize("state", AdvisoryRequest.OPEN_STATES)
def test_the_owner_withdraws_on_the_requesters_behalf(state, coordinator):
    request = owned(state, coordinator) if state != S.SUBMITTED else AdvisoryRequestFactory(state=state)
    if state == S.SUBMITTED:
        # Nobody owns a submitted request yet: only the requester or a lead coordinator can withdraw it.
        with pytest.raises(TransitionForbidden):
            perform(request, "withdraw", coordinator, comment="Asked by phone")
        return
    perform(request, "withdraw", coordinator, comment="Asked by phone")
    assert request.state == S.WITHDRAWN


def test_a_lead_coordinator_acts_as_owner_anywhere(lead, coordinator):
    request = owned(S.SCREENING, coordinator, country=country("PT"))
    perform(request, "ask_info", lead, comment="Which programme period?")
    assert request.state == S.AWAITING_INFO


# Illegal transitions --------------------------------------------------------------------

ILLEGAL = [
    (S.NEW, "screen"),
    (S.NEW, "withdraw"),
    (S.SUBMITTED, "accept"),
    (S.SUBMITTED, "submit"),
    (S.SCREENING, "screen"),
    (S.SCREENING, "propose_team"),
    (S.AWAITING_INFO, "accept"),
    (S.AWAITING_INFO, "ask_info"),
    (S.ACCEPTED, "approve_team"),
    (S.ACCEPTED, "deliver"),
    (S.TEAM_PROPOSED, "propose_team"),
    (S.TEAM_PROPOSED, "hold"),
    (S.IN_PROGRESS, "close"),
    (S.IN_PROGRESS, "accept"),
    (S.ON_HOLD, "deliver"),
    (S.ON_HOLD, "hold"),
    (S.DELIVERED, "withdraw"),
    (S.DELIVERED, "resume"),
    (S.DECLINED, "screen"),
    (S.DECLINED, "withdraw"),
    (S.CLOSED, "withdraw"),
    (S.CLOSED, "close"),
    (S.WITHDRAWN, "withdraw"),
    (S.WITHDRAWN, "screen"),
]


@pytest.mark.parametrize(("state", "name"), ILLEGAL)
def test_illegal_transitions_change_nothing(state, name, lead):
    """Tried by a lead coordinator and by the requester, so the refusal is the state's, not a permission's."""
    request = with_accepted_lead(owned(state, lead))
    for actor in (lead, requester(request)):
        with pytest.raises((TransitionUnavailable, TransitionForbidden)):
            perform(
                request, name, actor, comment="x", data={"service_type": "training", "scope_summary": "x"}
            )
    assert AdvisoryRequest.objects.get(pk=request.pk).state == state
    assert not entries(request).exists()


def test_a_transition_method_cannot_be_called_directly(coordinator):
    request = AdvisoryRequestFactory(state=S.SUBMITTED)
    with pytest.raises(DirectTransitionCall):
        request.screen(actor=Actor.for_user(coordinator))


def test_each_transition_writes_one_audit_entry(coordinator):
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    perform(request, "screen", coordinator)
    perform(request, "decline", coordinator, comment="No")
    assert [e.data["transition"] for e in entries(request).order_by("pk")] == ["submit", "screen", "decline"]
    assert entries(request).order_by("pk").first().data["actor_kind"] == "requester"


def test_overdue_property():
    request = AdvisoryRequestFactory(sla_due_at=timezone.now() - timedelta(minutes=1))
    assert request.is_overdue
    assert not AdvisoryRequestFactory(sla_due_at=None).is_overdue
