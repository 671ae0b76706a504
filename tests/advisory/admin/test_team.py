"""Staffing on the request view: the expert suggestions with their score parts and exclusions,
invitations from the list, the coordinator's assignment transitions, the owner's review of deliverables."""

import re

import pytest
from django.urls import reverse

from advisory.models import Assignment, Deliverable
from tests.advisory.admin.conftest import (
    S,
    assignment_url,
    deliverable_url,
    detail_url,
    make_request,
    messages_of,
)
from tests.advisory.factories import AssignmentFactory, DeliverableFactory, ExpertFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staffing(coordinator):
    """An accepted request on programme design in English, and experts who fit it more or less."""
    obj = make_request(S.ACCEPTED, owner=coordinator, areas=["programme-design"], working_language="en")
    best = ExpertFactory(
        name="Best Fit", areas=["programme-design"], languages=["en"], countries_known=["DE"]
    )
    fair = ExpertFactory(name="Fair Fit", areas=[], languages=["en"])
    busy = ExpertFactory(name="Busy Bee", areas=["programme-design"], capacity=1)
    AssignmentFactory(expert=busy, state="accepted", request=make_request(S.IN_PROGRESS))
    conflicted = ExpertFactory(name="Same Employer", employer="Ministry of Economic Affairs")
    declined = ExpertFactory(name="Said No")
    AssignmentFactory(expert=declined, request=obj, state="declined", decline_reason="On leave")
    return {
        "request": obj,
        "best": best,
        "fair": fair,
        "busy": busy,
        "conflicted": conflicted,
        "declined": declined,
    }


def test_suggestions_rank_the_eligible_with_their_score_parts(login, coordinator, staffing):
    response = login(coordinator).get(detail_url(staffing["request"]))
    suggestions = response.context["suggestions"]
    names = [row["suggestion"].expert.name for row in suggestions["eligible"]]
    assert names[:2] == ["Best Fit", "Fair Fit"]
    parts = {part["code"]: part for part in suggestions["eligible"][0]["parts"]}
    assert set(parts) == {"expertise", "language", "country", "certification", "capacity"}
    assert parts["expertise"]["points"] == 40 and parts["language"]["points"] == 25
    html = response.content.decode()
    for label in (
        "Expertise overlap",
        "Working language",
        "Knowledge of the country",
        "Certification",
        "Spare capacity",
    ):
        assert label in html
    assert 'data-part="expertise"' in html and "1 of 1 area" in html


def test_the_excluded_are_listed_apart_with_their_reasons(login, coordinator, staffing):
    response = login(coordinator).get(detail_url(staffing["request"]))
    excluded = {
        s.expert.name: [r.code for r in s.reasons] for s in response.context["suggestions"]["excluded"]
    }
    assert excluded["Busy Bee"] == ["at_capacity"]
    assert excluded["Same Employer"] == ["same_employer"]
    assert excluded["Said No"] == ["declined_before"]
    html = response.content.decode()
    assert "At capacity" in html and "conflict of interest" in html and "Already declined" in html
    # Reasons about this very request come first.
    assert set(list(excluded)[:2]) == {"Said No", "Same Employer"}
    assert list(excluded)[2] == "Busy Bee"
    eligible = [row["suggestion"].expert.name for row in response.context["suggestions"]["eligible"]]
    assert not set(eligible) & set(excluded)


def test_invite_as_lead_from_the_suggestions(login, coordinator, staffing):
    obj, best = staffing["request"], staffing["best"]
    client = login(coordinator)
    html = client.get(detail_url(obj)).content.decode()
    assert re.search(rf'<tr data-expert="{best.pk}">.*?Invite</button>', html, re.S)
    assert "has until" in html
    response = client.post(
        reverse("advisory_requests:invite", args=[obj.pk]), {"expert": best.pk, "role": "lead"}, follow=True
    )
    assignment = Assignment.objects.get(request=obj, expert=best)
    assert (assignment.state, assignment.role, assignment.invited_by) == ("invited", "lead", coordinator)
    assert assignment.response_due_at is not None
    assert any("is invited as Lead expert" in message for message in messages_of(response))
    # Now on the team, with the answer's due date; no longer among the eligible.
    html = response.content.decode()
    assert f'data-assignment="{assignment.pk}"' in html and "Answer due" in html
    assert best.pk not in [row["suggestion"].expert_id for row in response.context["suggestions"]["eligible"]]


def test_an_excluded_expert_cannot_be_invited(login, coordinator, staffing):
    obj = staffing["request"]
    response = login(coordinator).post(
        reverse("advisory_requests:invite", args=[obj.pk]),
        {"expert": staffing["busy"].pk, "role": "member"},
        follow=True,
    )
    assert any(
        "could not be invited" in message and "At capacity" in message for message in messages_of(response)
    )
    assert not Assignment.objects.filter(request=obj, expert=staffing["busy"]).exists()


def test_no_invitations_before_acceptance(login, coordinator):
    obj = make_request(S.SCREENING, owner=coordinator)
    expert = ExpertFactory()
    client = login(coordinator)
    response = client.get(detail_url(obj))
    assert response.context["suggestions"]["can_invite"] is False
    assert "Invite</button>" not in response.content.decode()
    response = client.post(
        reverse("advisory_requests:invite", args=[obj.pk]), {"expert": expert.pk, "role": "lead"}, follow=True
    )
    assert any("once the request is accepted" in message for message in messages_of(response))
    assert not obj.assignments.exists()


def test_a_coordinator_out_of_scope_cannot_invite(login, other_coordinator, staffing):
    obj = staffing["request"]
    response = login(other_coordinator).post(
        reverse("advisory_requests:invite", args=[obj.pk]), {"expert": staffing["best"].pk, "role": "lead"}
    )
    assert response.status_code == 403
    assert not Assignment.objects.filter(request=obj, expert=staffing["best"]).exists()


def test_editors_and_experts_see_no_suggestions(login, expert_user, coordinator):
    obj = make_request(S.ACCEPTED, owner=coordinator)
    AssignmentFactory(request=obj, expert=expert_user.expert_profile, state="accepted")
    assert login(expert_user).get(detail_url(obj)).status_code == 403


def _post_assignment(client, assignment, name, **fields):
    prefix = f"assignment-{assignment.pk}-{name}"
    data = {f"{prefix}-expected_state": assignment.state}
    data.update({f"{prefix}-{key}": value for key, value in fields.items()})
    return client.post(assignment_url(assignment, name), data, follow=True)


def test_the_coordinator_withdraws_an_invitation_completes_and_releases(login, coordinator):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    lead_ = AssignmentFactory(request=obj, role="lead", state="accepted")
    invited = AssignmentFactory(request=obj, role="member", state="invited")
    member = AssignmentFactory(request=obj, role="member", state="accepted")
    other = AssignmentFactory(request=obj, role="reviewer", state="accepted")
    client = login(coordinator)
    html = client.get(detail_url(obj)).content.decode()
    assert re.findall(r'data-assignment-transition="(\w+)"', html) == [
        "withdraw",  # the invited member
        "complete",
        "release",  # the member
        "complete",
        "release",  # the reviewer
    ]  # the last accepted lead of a running engagement can be neither completed nor released
    _post_assignment(client, invited, "withdraw", comment="Staffed otherwise")
    response = _post_assignment(client, member, "release")
    assert response.status_code == 400 and "comment" in response.context["form"].errors
    _post_assignment(client, member, "release", comment="Budget cut")
    _post_assignment(client, other, "complete")
    states = dict(Assignment.objects.filter(request=obj).values_list("pk", "state"))
    assert states == {
        lead_.pk: "accepted",
        invited.pk: "withdrawn",
        member.pk: "released",
        other.pk: "completed",
    }
    assert Assignment.objects.get(pk=member.pk).end_reason == "Budget cut"


def test_the_owner_approves_or_returns_deliverables(login, coordinator):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    first = DeliverableFactory(assignment__request=obj, state="submitted", title="Interim report")
    second = DeliverableFactory(assignment__request=obj, state="submitted", title="Annex")
    client = login(coordinator)
    html = client.get(detail_url(obj)).content.decode()
    assert re.findall(r'data-deliverable-transition="(\w+)"', html) == ["approve", "request_changes"] * 2
    assert reverse("advisory_files:deliverable", args=[first.pk]) in html and first.file.name not in html
    prefix = f"deliverable-{first.pk}-approve"
    client.post(
        deliverable_url(first, "approve"), {f"{prefix}-expected_state": "submitted", f"{prefix}-comment": ""}
    )
    prefix = f"deliverable-{second.pk}-request_changes"
    response = client.post(
        deliverable_url(second, "request_changes"), {f"{prefix}-expected_state": "submitted"}
    )
    assert response.status_code == 400
    client.post(
        deliverable_url(second, "request_changes"),
        {f"{prefix}-expected_state": "submitted", f"{prefix}-comment": "Add the sources"},
    )
    assert Deliverable.objects.get(pk=first.pk).state == "approved"
    second = Deliverable.objects.get(pk=second.pk)
    assert (second.state, second.review_comment) == ("returned", "Add the sources")
    # With an approved deliverable the owner may now deliver.
    assert "deliver" in re.findall(
        r'data-advisoryrequest-transition="(\w+)"', client.get(detail_url(obj)).content.decode()
    )


def test_a_coordinator_who_does_not_own_the_request_cannot_review(login, coordinator, lead):
    obj = make_request(S.IN_PROGRESS, owner=lead)
    deliverable = DeliverableFactory(assignment__request=obj, state="submitted")
    client = login(coordinator)
    assert "data-deliverable-transition" not in client.get(detail_url(obj)).content.decode()
    prefix = f"deliverable-{deliverable.pk}-approve"
    response = client.post(deliverable_url(deliverable, "approve"), {f"{prefix}-expected_state": "submitted"})
    assert response.status_code == 403
    assert Deliverable.objects.get(pk=deliverable.pk).state == "submitted"
