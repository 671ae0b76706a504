"""Invitations under concurrency: coordinators inviting at once on a threaded server (PostgreSQL).

Each invitation is a transition of the engine (new → invited) in its own connection: the same expert
invited twice at once is invited once, the other call refused with a clear message; different experts
invited at once are all invited, each with one audit entry and one e-mail.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from wagtail.models import ModelLogEntry

from advisory import services
from advisory.choices import AssignmentRole
from advisory.models import AdvisoryRequest, Assignment
from tests.advisory.factories import AdvisoryRequestFactory, CoordinatorFactory, ExpertFactory
from tests.integration.test_advisory_concurrency import run_together
from workflows.audit import ACTION as TRANSITION_ACTION
from workflows.models import OutboxMessage

pytestmark = [
    pytest.mark.integration,
    pytest.mark.services("postgresql"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs row locks and two connections (PostgreSQL)"
    ),
]


def _staffing_request():
    owner = CoordinatorFactory(countries=["DE"])
    request = AdvisoryRequestFactory(state=AdvisoryRequest.State.ACCEPTED, owner=owner)
    return request, owner


def _invite(request_pk, expert, coordinator):
    # Each thread loads its own copy, as each HTTP request of a threaded server does.
    def call():
        request = AdvisoryRequest.objects.get(pk=request_pk)
        return services.invite_expert(request, expert, role=AssignmentRole.MEMBER, actor=coordinator).pk

    return call


def _audit_entries(assignment):
    return ModelLogEntry.objects.for_instance(assignment).filter(action=TRANSITION_ACTION)


def _invitation_emails(assignment):
    return OutboxMessage.objects.for_object(assignment).filter(template="advisory/email/invitation")


def test_parallel_invitations_of_one_expert_invite_once_and_refuse_the_rest_cleanly():
    request, owner = _staffing_request()
    colleague = CoordinatorFactory(countries=["DE"])
    expert = ExpertFactory()
    coordinators = [owner, colleague, owner, colleague]

    outcomes = run_together([_invite(request.pk, expert, user) for user in coordinators])

    kinds = sorted(kind for kind, _value in outcomes)
    assert kinds == ["error", "error", "error", "ok"], outcomes
    for _kind, error in (outcome for outcome in outcomes if outcome[0] == "error"):
        assert isinstance(error, ValidationError), repr(error)
        assert error.code == "duplicate"
        assert error.messages == ["This expert is already invited to this request."]
    [assignment] = Assignment.objects.filter(request=request, expert=expert)
    assert assignment.state == Assignment.State.INVITED
    assert _audit_entries(assignment).count() == 1
    assert _invitation_emails(assignment).count() == 1


def test_parallel_invitations_of_different_experts_each_invite_once():
    request, owner = _staffing_request()
    colleague = CoordinatorFactory(countries=["DE"])
    experts = [ExpertFactory() for _ in range(4)]
    coordinators = [owner, colleague, owner, colleague]

    outcomes = run_together(
        [_invite(request.pk, expert, user) for expert, user in zip(experts, coordinators, strict=True)]
    )

    assert [kind for kind, _value in outcomes] == ["ok"] * 4, outcomes
    assignments = Assignment.objects.filter(request=request)
    assert sorted(a.expert_id for a in assignments) == sorted(e.pk for e in experts)
    for assignment in assignments:
        assert assignment.state == Assignment.State.INVITED
        assert _audit_entries(assignment).count() == 1
        [email] = _invitation_emails(assignment)
        assert email.recipient == assignment.expert.email
