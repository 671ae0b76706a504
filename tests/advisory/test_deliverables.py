"""The deliverable state machine: the expert submits, the owner approves or returns it."""

import pytest

from advisory.models import AdvisoryRequest, Assignment, Deliverable
from tests.advisory.factories import AssignmentFactory, DeliverableFactory, ExpertUserFactory
from workflows.engine import perform
from workflows.exceptions import TransitionForbidden, TransitionInputError, TransitionUnavailable
from workflows.transitions import all_transitions

pytestmark = pytest.mark.django_db

D = Deliverable.State


@pytest.fixture
def team(coordinator):
    user = ExpertUserFactory()
    assignment = AssignmentFactory(
        state=Assignment.State.ACCEPTED,
        role="member",
        expert=user.expert_profile,
        request__owner=coordinator,
        request__state=AdvisoryRequest.State.IN_PROGRESS,
    )
    return user, assignment


def test_declared_transitions():
    table = {meta.name: (set(meta.sources), meta.target) for meta in all_transitions(Deliverable)}
    assert table == {
        "submit": ({D.DRAFT, D.RETURNED}, D.SUBMITTED),
        "approve": ({D.SUBMITTED}, D.APPROVED),
        "request_changes": ({D.SUBMITTED}, D.RETURNED),
    }


def test_submit_return_resubmit_approve(team, coordinator):
    user, assignment = team
    deliverable = DeliverableFactory(assignment=assignment, state=D.DRAFT)
    perform(deliverable, "submit", user)
    assert deliverable.state == D.SUBMITTED and deliverable.submitted_at
    with pytest.raises(TransitionInputError):
        perform(deliverable, "request_changes", coordinator)
    perform(deliverable, "request_changes", coordinator, comment="Add the annex.")
    assert (deliverable.state, deliverable.review_comment) == (D.RETURNED, "Add the annex.")
    perform(deliverable, "submit", user)
    perform(deliverable, "approve", coordinator)
    assert deliverable.state == D.APPROVED and deliverable.approved_at


def test_only_the_author_submits_and_only_the_owner_reviews(team, other_coordinator):
    user, assignment = team
    deliverable = DeliverableFactory(assignment=assignment, state=D.DRAFT)
    with pytest.raises(TransitionForbidden):
        perform(deliverable, "submit", ExpertUserFactory())
    perform(deliverable, "submit", user)
    for actor in (user, other_coordinator):
        with pytest.raises(TransitionForbidden):
            perform(deliverable, "approve", actor)


def test_a_released_expert_cannot_submit(team, coordinator):
    user, assignment = team
    deliverable = DeliverableFactory(assignment=assignment, state=D.DRAFT)
    perform(assignment, "release", coordinator, comment="Illness")
    deliverable.refresh_from_db()
    with pytest.raises(TransitionUnavailable):
        perform(deliverable, "submit", user)


@pytest.mark.parametrize(
    ("state", "name"), [(D.DRAFT, "approve"), (D.APPROVED, "submit"), (D.APPROVED, "request_changes")]
)
def test_illegal_deliverable_transitions(team, coordinator, state, name):
    user, assignment = team
    deliverable = DeliverableFactory(assignment=assignment, state=state)
    with pytest.raises(TransitionUnavailable):
        perform(deliverable, name, user if name == "submit" else coordinator, comment="x")


def test_the_request_is_filled_in_from_the_assignment(team):
    _user, assignment = team
    deliverable = Deliverable(
        assignment=assignment, title="x", original_name="x.pdf", content_type="application/pdf", size=1
    )
    deliverable.save()
    assert deliverable.request_id == assignment.request_id
