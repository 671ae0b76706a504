"""Every deadline rule, with the clock moved across a weekend and a public holiday: SLA reminders
and escalations, invitation reminders and expiry, requester reminders, automatic closing. Each is
sent once however often (or however concurrently) the scan runs."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import override_settings
from time_machine import travel

from advisory import services, tasks
from advisory.choices import AssignmentRole
from advisory.models import AdvisoryRequest, Assignment
from advisory.models.assignments import REMINDER_DEADLINE, RESPONSE_DEADLINE
from advisory.models.requests import (
    AUTO_CLOSE_DEADLINE,
    DECISION_DEADLINE,
    INFO_REMINDER_DEADLINE,
    SCREENING_DEADLINE,
    TEAM_REMINDER_DEADLINE,
)
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    DeliverableFactory,
    ExpertFactory,
    ExpertUserFactory,
    requester,
)
from workflows import deadlines
from workflows.engine import perform
from workflows.models import OutboxMessage

BRUSSELS = ZoneInfo("Europe/Brussels")
S = AdvisoryRequest.State
# Monday 30 November 2026 is a public holiday here; 28-29 November and 5-6 December are weekends.
HOLIDAY = "2026-11-30"
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("holiday")]


def at(day, hour=9, minute=0, month=None):
    month = month or (11 if day >= 20 else 12)
    return datetime(2026, month, day, hour, minute, tzinfo=BRUSSELS)


THURSDAY = at(26)


@pytest.fixture
def holiday():
    with override_settings(WORKFLOWS_EXTRA_CLOSING_DAYS=[HOLIDAY]):
        yield


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(THURSDAY, tick=False)

    def move(moment):
        time_machine.move_to(moment, tick=False)
        return services.process_due_deadlines()

    return move


@pytest.fixture
def staff(db):
    coordinator = CoordinatorFactory(countries=["DE"], email="coordinator@network.example")
    lead = CoordinatorFactory(countries=[], lead=True, email="lead@network.example")
    return coordinator, lead


def sent(template, **filters):
    return list(
        OutboxMessage.objects.filter(template=f"advisory/email/{template}", **filters).values_list(
            "recipient", flat=True
        )
    )


NOTHING = {"expired": 0, "closed": 0, "escalated": 0, "reminded": 0}


def handled(**counts):
    return {**NOTHING, **counts}


# SLA: screening and decision ----------------------------------------------------------------


def test_screening_is_due_two_business_days_after_submission_skipping_the_holiday(clock, staff):
    coordinator, lead = staff
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    # Thursday + 2 business days: Friday, (weekend, holiday Monday), Tuesday.
    assert deadlines.get_deadline(request, SCREENING_DEADLINE).due_at == at(1)

    assert clock(at(1, 8, 59)) == NOTHING
    assert sent("sla_overdue_screening") == []
    assert clock(at(1, 9)) == handled(escalated=1)
    assert clock(at(1, 9, 5)) == NOTHING  # the next scan, and another one
    assert clock(at(1, 9, 10)) == NOTHING
    assert sent("sla_overdue_screening") == [coordinator.email]
    assert sent("sla_escalation") == [lead.email]
    request.refresh_from_db()
    assert request.is_overdue  # and stays so until a coordinator acts


def test_the_decision_is_due_ten_business_days_after_submission(clock, staff):
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    # Fri 27, (holiday 30), 1-4, 7-11 December: the tenth business day is Friday 11 December.
    assert deadlines.get_deadline(request, DECISION_DEADLINE).due_at == at(11)
    clock(at(11, 8, 59))
    assert sent("sla_overdue_decision") == []
    assert clock(at(11, 9)) == handled(escalated=1)
    clock(at(11, 9, 5))
    assert len(sent("sla_overdue_decision")) == 1
    assert sent("sla_escalation") == [staff[1].email] * 2  # screening, then decision


def test_starting_screening_in_time_means_no_screening_escalation(clock, staff):
    coordinator, _lead = staff
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    clock(at(30, 12))
    perform(request, "screen", coordinator)
    clock(at(2))
    assert sent("sla_overdue_screening") == [] and sent("sla_escalation") == []


def test_the_decision_clock_waits_while_the_requester_is_asked(clock, staff):
    coordinator, _lead = staff
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    perform(request, "screen", coordinator)
    perform(request, "ask_info", coordinator, comment="Budget?")  # 0 business days used
    assert clock(at(14)) == handled(reminded=1)  # the requester's reminder, no decision escalation
    perform(request, "provide_info", requester(request), comment="50k")  # Monday 14 December
    # Ten business days from the answer: 15-18, 21-24, 28, 29 December (the 25th is Christmas Day).
    assert deadlines.get_deadline(request, DECISION_DEADLINE).due_at == at(29, month=12)


# Invitations --------------------------------------------------------------------------------


@pytest.fixture
def invitation(clock, staff):
    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=staff[0])
    expert_user = ExpertUserFactory(email="expert@consult.example")
    assignment = services.invite_expert(
        request, expert_user.expert_profile, role=AssignmentRole.LEAD, actor=staff[0]
    )
    return assignment, expert_user


def test_an_invited_expert_is_reminded_after_three_business_days_once(clock, invitation):
    assignment, expert_user = invitation
    # Friday, (weekend, holiday), Tuesday, Wednesday.
    assert deadlines.get_deadline(assignment, REMINDER_DEADLINE).due_at == at(2)
    assert clock(at(2, 8, 59)) == NOTHING
    assert clock(at(2, 9)) == handled(reminded=1)
    assert clock(at(2, 9, 5)) == NOTHING
    assert sent("invitation_reminder") == [expert_user.email]
    [reminder] = OutboxMessage.objects.filter(template="advisory/email/invitation_reminder")
    assert datetime.fromisoformat(reminder.payload["response_due_at"]) == assignment.response_due_at
    assert reminder.payload["accept_url"].endswith(f"/assignments/{assignment.pk}/transitions/accept/")


def test_the_invitation_expires_after_five_business_days(clock, invitation, staff):
    assignment, expert_user = invitation
    # Fri 27, Tue 1, Wed 2, Thu 3, Fri 4 December.
    assert assignment.response_due_at == at(4)
    assert deadlines.get_deadline(assignment, RESPONSE_DEADLINE).due_at == at(4)
    clock(at(4, 8, 59))
    assignment.refresh_from_db()
    assert assignment.state == Assignment.State.INVITED
    assert clock(at(4, 9)) == handled(expired=1)
    assert clock(at(4, 9, 5)) == NOTHING
    assignment.refresh_from_db()
    assert assignment.state == Assignment.State.EXPIRED
    assert sent("invitation_expired") == [expert_user.email]
    assert sent("invitation_expired_coordinator") == [staff[0].email]
    assert sent("invitation_reminder") == [expert_user.email]  # sent on Wednesday, once


def test_no_reminder_once_the_expert_answered(clock, invitation):
    assignment, expert_user = invitation
    clock(at(1, 10))
    perform(assignment, "accept", expert_user, data={"no_conflict": True})
    assert clock(at(10)) == NOTHING
    assert sent("invitation_reminder") == [] and sent("invitation_expired") == []
    assert deadlines.get_deadline(assignment, REMINDER_DEADLINE) is None


def test_a_scan_that_comes_late_expires_without_reminding(clock, invitation):
    # The scan did not run for a week: a reminder about a time already over would only confuse.
    assert clock(at(7)) == handled(expired=1)
    assert sent("invitation_reminder") == []


def test_no_reminder_when_it_would_not_come_before_the_expiry(clock, staff):
    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=staff[0])
    with override_settings(
        ADVISORY_INVITATION_RESPONSE_BUSINESS_DAYS=2, ADVISORY_INVITATION_REMINDER_BUSINESS_DAYS=2
    ):
        assignment = services.invite_expert(
            request, ExpertFactory(), role=AssignmentRole.LEAD, actor=staff[0]
        )
    assert deadlines.get_deadline(assignment, REMINDER_DEADLINE) is None
    assert assignment.response_due_at == at(1)
    assert clock(at(1)) == handled(expired=1)


# The requester owes an answer ---------------------------------------------------------------


def test_the_requester_is_reminded_ten_days_after_a_question_once(clock, staff):
    coordinator, _lead = staff
    request = AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator)
    clock(at(27))  # Friday
    perform(request, "ask_info", coordinator, comment="Which regions?")
    # Calendar days: weekends and the holiday count.
    assert deadlines.get_deadline(request, INFO_REMINDER_DEADLINE).due_at == at(7)
    assert clock(at(7, 8, 59)) == NOTHING
    assert clock(at(7, 9)) == handled(reminded=1)
    assert clock(at(7, 9, 5)) == NOTHING
    assert sent("information_reminder", language="de") == [request.requester_email]


def test_an_answer_clears_the_requesters_reminder(clock, staff):
    coordinator, _lead = staff
    request = AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator)
    perform(request, "ask_info", coordinator, comment="Which regions?")
    clock(at(30))
    perform(request, "provide_info", requester(request), comment="Bavaria")
    clock(at(20, month=12))
    assert sent("information_reminder") == []


def test_the_requester_is_reminded_to_agree_to_the_team(clock, staff):
    coordinator, _lead = staff
    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=coordinator)
    AssignmentFactory(request=request, state="accepted", role=AssignmentRole.LEAD)
    perform(request, "propose_team", coordinator)
    assert deadlines.get_deadline(request, TEAM_REMINDER_DEADLINE).due_at == at(6)
    assert clock(at(6)) == handled(reminded=1)
    assert clock(at(6, 9, 5)) == NOTHING
    assert sent("team_reminder") == [request.requester_email]
    perform(request, "approve_team", requester(request))
    assert deadlines.get_deadline(request, TEAM_REMINDER_DEADLINE) is None


def test_a_withdrawn_request_reminds_no_one(clock, staff):
    coordinator, _lead = staff
    request = AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator)
    perform(request, "ask_info", coordinator, comment="Which regions?")
    perform(request, "withdraw", requester(request), comment="No longer needed")
    assert clock(at(20, month=12)) == NOTHING
    assert sent("information_reminder") == []


# Automatic closing --------------------------------------------------------------------------


def test_a_delivered_request_is_closed_thirty_days_after_delivery(clock, staff):
    coordinator, _lead = staff
    request = AdvisoryRequestFactory(state=S.IN_PROGRESS, owner=coordinator)
    assignment = AssignmentFactory(request=request, state="accepted", expert=ExpertFactory())
    DeliverableFactory(assignment=assignment, state="approved")
    perform(request, "deliver", coordinator)
    # Thirty calendar days: Saturday 26 December, weekends and holidays included.
    assert deadlines.get_deadline(request, AUTO_CLOSE_DEADLINE).due_at == at(26, month=12)
    assert clock(at(26, 8, 59, month=12)) == NOTHING
    assert clock(at(26, 9, month=12)) == handled(closed=1)
    assert clock(at(26, 9, 5, month=12)) == NOTHING
    request.refresh_from_db()
    assert request.state == S.CLOSED
    assert sent("request_closed") == [request.requester_email]
    assert sent("engagement_closed") == [assignment.expert.email]


def test_closing_by_hand_clears_the_automatic_closing(clock, staff):
    coordinator, _lead = staff
    request = AdvisoryRequestFactory(state=S.DELIVERED, owner=coordinator)
    perform(request, "close", coordinator)
    assert clock(at(31, month=12)) == NOTHING
    assert len(sent("request_closed")) == 1


# Once, however the scan runs ---------------------------------------------------------------


def test_two_scans_that_read_the_same_deadlines_send_once(clock, staff, time_machine, monkeypatch):
    """Two beats by mistake: both read the due deadlines before either claimed one."""
    coordinator, lead = staff
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    time_machine.move_to(at(14, 10), tick=False)
    read_by_the_second = list(deadlines.due())
    assert {deadline.purpose for deadline in read_by_the_second} == {SCREENING_DEADLINE, DECISION_DEADLINE}

    assert services.process_due_deadlines() == handled(escalated=2)
    monkeypatch.setattr(services.deadlines, "due", lambda now=None: _Stale(read_by_the_second))
    assert services.process_due_deadlines() == NOTHING
    assert sent("sla_overdue_screening") == sent("sla_overdue_decision") == [coordinator.email]
    assert sent("sla_escalation") == [lead.email, lead.email]


class _Stale(list):
    """The rows a second scan read before the first one claimed them."""

    def filter(self, **kwargs):
        return self


def test_the_celery_task_runs_the_scan(clock, staff):
    request = AdvisoryRequestFactory(state=S.NEW)
    perform(request, "submit", requester(request))
    clock(at(26))

    with travel(at(1, 10), tick=False):
        result = tasks.scan_deadlines.apply().get()
    assert result == handled(escalated=1)
    assert tasks.scan_deadlines.name == "advisory.tasks.scan_deadlines"


def test_beat_scans_every_five_minutes():
    [entry] = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "advisory.tasks.scan_deadlines"
    ]
    assert entry["schedule"] == 5 * 60
