"""What an invited expert sees before answering: enough to decide (scope, dates, effort, role, answer
date), and never the requester's contact details."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tests.advisory.admin.conftest import S, make_request, prefer_language
from tests.advisory.factories import AssignmentFactory

pytestmark = pytest.mark.django_db

DUE = datetime(2030, 3, 14, 9, 0, tzinfo=UTC)  # 10:00 in Brussels


@pytest.fixture
def invitation(expert_user, coordinator):
    request = make_request(
        S.ACCEPTED,
        owner=coordinator,
        requester_name="Maria Muster",
        requester_email="maria@ministry.example",
        requester_phone="+49 30 1234567",
        service_type="programme_evaluation",
        scope_summary="Evaluate the 2021-2027 cluster programme of Saxony.",
        desired_start=date(2030, 4, 1),
        desired_end=date(2030, 6, 30),
    )
    return AssignmentFactory(
        request=request, expert=expert_user.expert_profile, role="lead", response_due_at=DUE
    )


def pages(login, expert_user, invitation):
    client = login(expert_user)
    return [
        client.get(reverse("advisory_expert:assignment", args=[invitation.pk])).content.decode(),
        client.get(reverse("advisory_expert:invitations")).content.decode(),
    ]


def test_the_invitation_shows_scope_dates_effort_and_the_answer_date(login, expert_user, invitation):
    for html in pages(login, expert_user, invitation):
        for text in (
            "Evaluate the 2021-2027 cluster programme of Saxony.",
            "01/04/2030",  # expected start
            "30/06/2030",  # expected delivery
            "about 15 to 20 expert days over about three months",
            "14/03/2030 10:00 (Brussels time)",
            "Lead expert",
        ):
            assert text in html, text
    detail = pages(login, expert_user, invitation)[0]
    assert "Cora Ordinator" in detail  # the coordinator to ask


def test_the_invited_expert_never_sees_the_requesters_contact_details(login, expert_user, invitation):
    for html in pages(login, expert_user, invitation):
        assert "Maria Muster" not in html
        assert "maria@ministry.example" not in html
        assert "+49 30 1234567" not in html


def test_the_coordinator_does_see_them(login, coordinator, invitation):
    html = login(coordinator).get(reverse("advisory_requests:detail", args=[invitation.request_id])).content
    assert b"maria@ministry.example" in html and b"+49 30 1234567" in html


def test_dates_follow_the_experts_admin_language(login, expert_user, invitation):
    prefer_language(expert_user, "pl")
    html = pages(login, expert_user, invitation)[0]
    assert "14.03.2030 10:00 (czas brukselski)" in html and "30.06.2030" in html
    prefer_language(expert_user, "de")
    html = pages(login, expert_user, invitation)[0]
    assert "14.03.2030 10:00 (Brüsseler Zeit)" in html and "etwa 15 bis 20 Expertentage" in html
