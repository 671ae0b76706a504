"""Random sequences of actor × transition on one request and its team, with the invariants that must hold.

Hypothesis drives the engine with every kind of actor, allowed or not, in any order, and checks after
each step: a running engagement has an accepted lead; a terminal state never changes; every state change
has exactly one audit entry (and a refused attempt none); the reference is issued at submission and never
changes; the SLA clock is stopped while waiting for the requester and after the end.
"""

import contextlib

import pytest
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from wagtail.models import ModelLogEntry

from advisory import services
from advisory.models import AdvisoryRequest, Assignment, Deliverable
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    CoordinatorFactory,
    ExpertUserFactory,
    SuperUserFactory,
    editor,
    upload,
)
from workflows.actors import Actor
from workflows.engine import perform
from workflows.exceptions import WorkflowError
from workflows.transitions import all_transitions

S = AdvisoryRequest.State
REQUEST_TRANSITIONS = [meta.name for meta in all_transitions(AdvisoryRequest)]
ASSIGNMENT_TRANSITIONS = [meta.name for meta in all_transitions(Assignment)]
DELIVERABLE_TRANSITIONS = [meta.name for meta in all_transitions(Deliverable)]
ACTORS = [
    "requester",
    "owner",
    "colleague",
    "outsider",
    "lead",
    "expert_a",
    "expert_b",
    "system",
    "editor",
    "superuser",
]
REFUSALS = (WorkflowError, PermissionDenied, ValidationError, ObjectDoesNotExist)
INPUT = {
    "comment": "Because.",
    "data": {"service_type": "training", "scope_summary": "Train the managers.", "no_conflict": True},
}


def transition_entries(obj):
    return ModelLogEntry.objects.for_instance(obj).filter(action="workflows.transition").count()


class AdvisoryMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.request = AdvisoryRequestFactory(state=S.NEW, reference=None, submitted_at=None)
        owner = CoordinatorFactory(countries=["DE"])
        self.actors = {
            "requester": Actor.requester(self.request),
            "owner": owner,
            "colleague": CoordinatorFactory(countries=["DE"]),
            "outsider": CoordinatorFactory(countries=["FR"]),
            "lead": CoordinatorFactory(countries=[], lead=True),
            "expert_a": ExpertUserFactory(),
            "expert_b": ExpertUserFactory(),
            "system": Actor.system(),
            "editor": editor(),
            "superuser": SuperUserFactory(),
        }
        self.changes = {}  # (model label, pk) -> state changes observed
        self.reference = None
        self.terminal_state = None

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def _objects(self):
        """Fresh copies from the database: callers perform on their own copies."""
        return [
            self._fresh_request(),
            *Assignment.objects.filter(request=self.request).order_by("pk"),
            *Deliverable.objects.filter(request=self.request).order_by("pk"),
        ]

    def _try(self, call):
        before = {(type(o).__name__, o.pk): o.state for o in self._objects()}
        with contextlib.suppress(*REFUSALS):
            call()
        for obj in self._objects():
            key = (type(obj).__name__, obj.pk)
            if key in before and before[key] != obj.state:
                self.changes[key] = self.changes.get(key, 0) + 1
            elif key not in before:
                # Created during the step: initial, or moved on once (a deliverable uploaded, then submitted).
                initial = type(obj)._meta.get_field("state").default
                self.changes[key] = int(obj.state != initial)

    def _fresh_request(self):
        return AdvisoryRequest.objects.get(pk=self.request.pk)

    @rule(actor=st.sampled_from(ACTORS), name=st.sampled_from(REQUEST_TRANSITIONS))
    def request_transition(self, actor, name):
        self._try(lambda: perform(self._fresh_request(), name, self.actors[actor], **INPUT))

    @rule(
        actor=st.sampled_from(ACTORS),
        expert=st.sampled_from(["expert_a", "expert_b"]),
        role=st.sampled_from(["lead", "member"]),
    )
    def invite(self, actor, expert, role):
        if actor in ("requester", "system"):
            return
        user = self.actors[expert]
        self._try(
            lambda: services.invite_expert(
                self._fresh_request(), user.expert_profile, role=role, actor=self.actors[actor]
            )
        )

    @rule(
        actor=st.sampled_from(ACTORS), name=st.sampled_from(ASSIGNMENT_TRANSITIONS), index=st.integers(0, 5)
    )
    def assignment_transition(self, actor, name, index):
        assignments = list(self.request.assignments.order_by("pk"))
        if assignments:
            assignment = assignments[index % len(assignments)]
            self._try(lambda: perform(assignment, name, self.actors[actor], **INPUT))

    @rule(expert=st.sampled_from(["expert_a", "expert_b"]))
    def upload_deliverable(self, expert):
        user = self.actors[expert]
        assignment = self.request.assignments.filter(expert=user.expert_profile).order_by("-pk").first()
        if assignment is not None:
            self._try(
                lambda: services.upload_deliverable(
                    assignment, actor=user, title="Report", file=upload("report.pdf")
                )
            )

    @rule(
        actor=st.sampled_from(ACTORS), name=st.sampled_from(DELIVERABLE_TRANSITIONS), index=st.integers(0, 5)
    )
    def deliverable_transition(self, actor, name, index):
        deliverables = list(self.request.deliverables.order_by("pk"))
        if deliverables:
            deliverable = deliverables[index % len(deliverables)]
            self._try(lambda: perform(deliverable, name, self.actors[actor], **INPUT))

    @invariant()
    def running_engagements_have_an_accepted_lead(self):
        request = self._fresh_request()
        if request.state in (S.TEAM_PROPOSED, S.IN_PROGRESS, S.ON_HOLD):
            assert request.has_accepted_lead()

    @invariant()
    def terminal_states_never_change(self):
        state = self._fresh_request().state
        if self.terminal_state is not None:
            assert state == self.terminal_state
        elif state in AdvisoryRequest.TERMINAL_STATES:
            self.terminal_state = state

    @invariant()
    def one_audit_entry_per_state_change(self):
        for obj in self._objects():
            assert transition_entries(obj) == self.changes.get((type(obj).__name__, obj.pk), 0)

    @invariant()
    def the_reference_is_issued_once(self):
        request = self._fresh_request()
        if request.state == S.NEW:
            assert request.reference is None
        else:
            assert request.reference is not None
            if self.reference is None:
                self.reference = request.reference
            assert request.reference == self.reference

    @invariant()
    def the_clock_stops_while_waiting_and_after_the_end(self):
        request = self._fresh_request()
        if request.state in (S.AWAITING_INFO, *AdvisoryRequest.TERMINAL_STATES):
            assert request.sla_due_at is None

    @invariant()
    def delivered_means_an_approved_deliverable(self):
        request = self._fresh_request()
        if request.state in (S.DELIVERED, S.CLOSED):
            assert request.has_approved_deliverable()


@pytest.mark.django_db
def test_random_sequences_keep_the_invariants():
    run_state_machine_as_test(
        AdvisoryMachine,
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


class HappyPathMachine(AdvisoryMachine):
    """Biased towards the actors allowed to act, so runs reach the later states often."""

    @rule(depth=st.integers(min_value=6, max_value=13))
    def walk_the_happy_path(self, depth):
        owner, requester = self.actors["owner"], self.actors["requester"]
        a = self.actors["expert_a"]

        def lead_assignment():
            return self.request.assignments.filter(expert=a.expert_profile).latest("pk")

        def deliverable():
            return self.request.deliverables.latest("pk")

        steps = [
            lambda: perform(self._fresh_request(), "submit", requester),
            lambda: perform(self._fresh_request(), "screen", owner),
            lambda: perform(self._fresh_request(), "accept", owner, **INPUT),
            lambda: services.invite_expert(self._fresh_request(), a.expert_profile, role="lead", actor=owner),
            lambda: perform(lead_assignment(), "accept", a, **INPUT),
            lambda: perform(self._fresh_request(), "propose_team", owner),
            lambda: perform(self._fresh_request(), "approve_team", requester),
            lambda: services.upload_deliverable(
                lead_assignment(), actor=a, title="Report", file=upload("report.pdf")
            ),
            lambda: perform(deliverable(), "approve", owner),
            lambda: perform(self._fresh_request(), "hold", owner, **INPUT),
            lambda: perform(self._fresh_request(), "resume", owner, **INPUT),
            lambda: perform(self._fresh_request(), "deliver", owner),
            lambda: perform(self._fresh_request(), "close", self.actors["system"]),
        ]
        for step in steps[:depth]:
            self._try(step)


@pytest.mark.django_db
def test_random_sequences_from_a_staffed_request_keep_the_invariants():
    run_state_machine_as_test(
        HappyPathMachine,
        settings=settings(
            max_examples=15,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
