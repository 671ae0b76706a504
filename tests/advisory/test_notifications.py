"""Who hears of what, in which language: the outbox messages transitions leave behind."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from advisory import notifications
from advisory.models import AdvisoryRequest, Assignment, Deliverable
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    DeliverableFactory,
    ExpertFactory,
    country,
    requester,
)
from workflows.engine import perform
from workflows.models import OutboxMessage
from workflows.transitions import all_transitions

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State


def sent(performed):
    return sorted((m.recipient, m.template.rsplit("/", 1)[1], m.language) for m in performed.messages)


def test_a_new_request_goes_to_the_countrys_coordinators_in_their_language():
    german = CoordinatorFactory(countries=["DE"], email="de@example.org")
    german.coordinator_profile.preferred_language = "de"
    german.coordinator_profile.save()
    CoordinatorFactory(countries=["FR"], email="fr@example.org")
    request = AdvisoryRequestFactory(state=S.NEW, requester_language="pl")

    performed = perform(request, "submit", requester(request))

    assert sent(performed) == [
        ("de@example.org", "new_request", "de"),
        ("maria@ministry.example", "request_received", "pl"),
    ]


def test_without_a_coordinator_for_the_country_the_leads_hear_of_it():
    lead = CoordinatorFactory(countries=[], lead=True, email="lead@example.org")
    lead.coordinator_profile.is_lead = True
    lead.coordinator_profile.save()
    request = AdvisoryRequestFactory(state=S.NEW, country=country("MT"))
    performed = perform(request, "submit", requester(request))
    assert ("lead@example.org", "new_request", "en") in sent(performed)


def test_the_requester_hears_of_the_decline_with_the_reason(coordinator):
    request = AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator)
    performed = perform(request, "decline", coordinator, comment="Outside our remit")
    [message] = performed.messages
    assert (message.template, message.payload["comment"], message.language) == (
        "advisory/email/request_declined",
        "Outside our remit",
        "de",
    )


def test_the_team_hears_of_a_hold(coordinator):
    request = AdvisoryRequestFactory(state=S.IN_PROGRESS, owner=coordinator)
    expert = ExpertFactory(email="ex@example.org", preferred_language="fr")
    AssignmentFactory(request=request, expert=expert, state="accepted")
    AssignmentFactory(request=request, state="declined")
    performed = perform(request, "hold", coordinator, comment="Budget")
    assert sent(performed) == [
        ("ex@example.org", "engagement_on_hold", "fr"),
        ("maria@ministry.example", "engagement_on_hold", "de"),
    ]


def test_the_owner_hears_of_an_expert_answer(coordinator, expert_user):
    assignment = AssignmentFactory(expert=expert_user.expert_profile, request__owner=coordinator)
    performed = perform(assignment, "decline", expert_user, comment="Busy")
    assert sent(performed) == [(coordinator.email, "invitation_declined", "en")]


def test_an_approved_deliverable_reaches_expert_and_requester(coordinator):
    deliverable = DeliverableFactory(assignment__request__owner=coordinator, state="submitted")
    performed = perform(deliverable, "approve", coordinator)
    assert {template for _r, template, _l in sent(performed)} == {
        "deliverable_approved",
        "deliverable_available",
    }


def test_every_transition_has_a_notification_plan():

    assert {m.name for m in all_transitions(AdvisoryRequest)} == set(notifications.REQUEST_EVENTS)
    assert {m.name for m in all_transitions(Assignment)} == set(notifications.ASSIGNMENT_EVENTS)
    assert {m.name for m in all_transitions(Deliverable)} == set(notifications.DELIVERABLE_EVENTS)


def test_nothing_is_sent_by_a_transition_itself(coordinator):
    request = AdvisoryRequestFactory(state=S.SUBMITTED)
    perform(request, "screen", coordinator)
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"pending"}


def test_an_invitation_carries_its_response_deadline_as_a_calendar_entry():

    assignment = AssignmentFactory(response_due_at=timezone.now() + timedelta(days=5))
    (notification,) = notifications.invitation(assignment)
    calendar = Calendar.from_ical(notification.context["ics"])
    (event,) = calendar.walk("VEVENT")
    # iCalendar keeps whole seconds.
    assert event.decoded("dtend") == assignment.response_due_at.replace(microsecond=0)
    assert event.decoded("dtstart") == event.decoded("dtend") - timedelta(minutes=30)
    assert str(event["summary"]) == f"{assignment.request.reference}: {assignment.request.programme_name}"
    assert str(event["uid"]) == f"invitation-{assignment.pk}@testserver"
    assert str(event["url"]) == "http://testserver/admin/advisory/my/invitations/"
    assert notification.context["ics_filename"] == f"{assignment.request.reference}.ics"
