"""Services: submission, tracking links, invitations, messages, deliverables, feedback, the deadline scan."""

from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Locale, ModelLogEntry

from advisory import services
from advisory.choices import Visibility
from advisory.models import AdvisoryRequest, Assignment, Attachment, ExpertiseArea
from advisory.models.assignments import RESPONSE_DEADLINE
from advisory.models.requests import SCREENING_DEADLINE
from tests.advisory.conftest import valid_submission
from tests.advisory.factories import (
    ELF_BYTES,
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    DeliverableFactory,
    ExpertFactory,
    ExpertUserFactory,
    UserFactory,
    area,
    country,
    docx_bytes,
    requester,
    upload,
)
from workflows import deadlines
from workflows.engine import perform
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State


def outbox_for(obj):
    return OutboxMessage.objects.for_object(obj)


# Submission -------------------------------------------------------------------------------


def test_submit_request_creates_attachments_submits_and_returns_the_token_once(coordinator):
    request, token = services.submit_request(
        valid_submission(), files=[upload("brief.pdf"), upload("terms.docx", docx_bytes())], language="de"
    )

    assert request.state == S.SUBMITTED and request.reference.startswith("ADV-")
    assert request.requester_language == "de"
    assert request.privacy_consent_at is not None
    assert [a.original_name for a in request.attachments.all()] == ["brief.pdf", "terms.docx"]
    assert {a.uploaded_by for a in request.attachments.all()} == {"requester"}
    assert list(request.expertise_areas.values_list("code", flat=True)) == ["programme-design"]
    assert AdvisoryRequest.find_by_token(token) == request
    assert token not in request.tracking_token_hash
    received = outbox_for(request).get(template="advisory/email/request_received")
    assert (received.recipient, received.language, received.payload["tracking_token"]) == (
        "maria@ministry.example",
        "de",
        token,
    )
    notice = outbox_for(request).get(template="advisory/email/new_request")
    assert notice.recipient == coordinator.email and "tracking_token" not in notice.payload


def test_a_refused_file_stores_nothing():
    with pytest.raises(ValidationError) as error:
        services.submit_request(valid_submission(), files=[upload("invoice.pdf", ELF_BYTES)], language="en")
    assert "attachments" in error.value.message_dict
    assert not AdvisoryRequest.objects.exists() and not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"privacy_consent": False}, "privacy_consent"),
        ({"requester_email": "not-an-address"}, "requester_email"),
        ({"service_type": "astrology"}, "service_type"),
        ({"country": None}, "country"),
        ({"description": ""}, "description"),
        ({"desired_start": "2027-05-01", "desired_end": "2027-04-01"}, "desired_end"),
    ],
)
def test_the_service_validates_again_whatever_the_form_did(overrides, field):

    overrides = {
        key: date.fromisoformat(value) if key.startswith("desired_") else value
        for key, value in overrides.items()
    }
    with pytest.raises(ValidationError) as error:
        services.submit_request(valid_submission(**overrides), files=[], language="en")
    assert field in error.value.message_dict
    assert not AdvisoryRequest.objects.exists()


def test_an_inactive_country_is_refused():
    germany = country("DE")
    germany.active = False
    germany.save()
    with pytest.raises(ValidationError):
        services.submit_request(valid_submission(), files=[], language="en")


def test_expertise_areas_chosen_in_another_language_link_the_default_rows():
    german_locale = Locale.objects.get_or_create(language_code="de")[0]
    english = area("programme-design")
    # The German row made by the migrations (advisory 0008).
    german = ExpertiseArea.objects.get(translation_key=english.translation_key, locale=german_locale)
    assert german.pk != english.pk
    request, _token = services.submit_request(
        valid_submission(expertise_areas=[german]), files=[], language="de"
    )
    assert list(request.expertise_areas.all()) == [english]
    assert ExpertiseArea.canonicalise([]).count() == 0


def test_free_text_is_stored_as_written():
    payload = "<script>alert(1)</script> javascript:alert(1)"
    request, _token = services.submit_request(
        valid_submission(description=payload, organisation=payload), files=[], language="en"
    )
    request.refresh_from_db()
    assert request.description == payload


# Tracking token ---------------------------------------------------------------------------


def test_tokens_are_hashed_and_tampered_tokens_find_nothing(submitted):
    token = submitted.issue_tracking_token()
    assert len(submitted.tracking_token_hash) == 64 and token not in submitted.tracking_token_hash
    assert AdvisoryRequest.find_by_token(token) == submitted
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for wrong in (tampered, token.upper(), "", None, token + "x", "x" * 500, 42):
        assert AdvisoryRequest.find_by_token(wrong) is None


def test_a_new_token_retires_the_old_one(submitted):
    old = submitted.issue_tracking_token()
    new = submitted.issue_tracking_token()
    assert AdvisoryRequest.find_by_token(old) is None
    assert AdvisoryRequest.find_by_token(new) == submitted


def test_resend_does_not_revoke_the_working_link_and_reveals_nothing():
    running = AdvisoryRequestFactory(requester_email="Maria@Ministry.example", state=S.SCREENING)
    delivered = AdvisoryRequestFactory(requester_email="maria@ministry.example", state=S.DELIVERED)
    closed = AdvisoryRequestFactory(requester_email="maria@ministry.example", state=S.CLOSED)
    tokens = {request.pk: request.issue_tracking_token() for request in (running, delivered, closed)}

    assert services.resend_tracking_link(" maria@ministry.example ") is None
    assert services.resend_tracking_link("nobody@example.org") is None

    for request in (running, delivered, closed):
        assert AdvisoryRequest.find_by_token(tokens[request.pk]) == request  # every link still works
    assert not outbox_for(closed).exists()
    for request in (running, delivered):
        [message] = outbox_for(request).filter(template="advisory/email/tracking_link")
        code = message.payload["tracking_token"]
        assert code != tokens[request.pk]
        assert AdvisoryRequest.find_by_sign_in_code(code) == request
        assert AdvisoryRequest.find_by_sign_in_code(code) is None  # once
    services.resend_tracking_link("maria@ministry.example")
    assert outbox_for(running).filter(template="advisory/email/tracking_link").count() == 2
    assert AdvisoryRequest.find_by_token(tokens[running.pk]) == running


def test_issuing_a_token_records_when(submitted):
    with time_machine.travel("2026-03-02 10:00:00+00:00", tick=False):
        submitted.issue_tracking_token()
    submitted.refresh_from_db()
    assert submitted.tracking_token_issued_at == datetime(2026, 3, 2, 10, tzinfo=UTC)


def test_rotating_the_link_replaces_it_audits_and_mails_the_new_one(submitted):
    coordinator = CoordinatorFactory(countries=["DE"])
    old = submitted.issue_tracking_token()
    services.rotate_tracking_link(submitted, actor=coordinator)
    assert AdvisoryRequest.find_by_token(old) is None
    [message] = outbox_for(submitted).filter(template="advisory/email/tracking_link_replaced")
    assert message.recipient == submitted.requester_email
    assert message.payload["replaced_by"] == "secretariat"
    assert AdvisoryRequest.find_by_token(message.payload["tracking_token"]) == submitted
    entry = ModelLogEntry.objects.for_instance(submitted).get(action="advisory.tracking_link_rotated")
    assert entry.user == coordinator and entry.data == {"actor_kind": "user"}


def test_only_the_requester_and_coordinators_in_scope_may_rotate_the_link(submitted):
    old = submitted.issue_tracking_token()
    outsiders = [
        CoordinatorFactory(countries=["FR"]),
        ExpertUserFactory(),
        requester(AdvisoryRequestFactory()),
        UserFactory(),
    ]
    for outsider in outsiders:
        with pytest.raises(PermissionDenied, match="not allowed to replace the tracking link"):
            services.rotate_tracking_link(submitted, actor=outsider)
    assert AdvisoryRequest.find_by_token(old) == submitted
    assert not outbox_for(submitted).filter(template="advisory/email/tracking_link_replaced").exists()
    services.rotate_tracking_link(submitted, actor=requester(submitted))
    assert AdvisoryRequest.find_by_token(old) is None


# Information requested --------------------------------------------------------------------


def test_provide_info_attaches_the_files_to_the_answer(coordinator):
    request = AdvisoryRequestFactory(state=S.AWAITING_INFO, owner=coordinator)
    performed = services.provide_info(
        request, actor=requester(request), answer="Here is the budget.", files=[upload("budget.pdf")]
    )
    assert request.state == S.SCREENING
    [attachment] = request.attachments.all()
    assert attachment.message == performed.result


# Invitations ------------------------------------------------------------------------------


@time_machine.travel("2026-11-23 09:00:00+01:00", tick=False)
def test_invite_expert_creates_an_invitation_with_a_response_deadline(coordinator):
    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=coordinator)
    expert = ExpertFactory()

    assignment = services.invite_expert(request, expert, role="lead", actor=coordinator)

    assert (assignment.state, assignment.role, assignment.invited_by) == ("invited", "lead", coordinator)
    assert timezone.localtime(assignment.response_due_at).date().isoformat() == "2026-11-30"
    assert deadlines.get_deadline(assignment, RESPONSE_DEADLINE).due_at == assignment.response_due_at
    [invitation] = outbox_for(assignment)
    assert (invitation.recipient, invitation.template) == (expert.email, "advisory/email/invitation")
    [entry] = ModelLogEntry.objects.for_instance(assignment)
    assert (entry.action, entry.data["transition"]) == ("workflows.transition", "invite")
    assert entry.user == coordinator


def test_invite_expert_is_the_engines_invite_transition(coordinator):
    """Invitations go through the engine like every state change: no hand-written audit entry or e-mail."""

    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=coordinator)
    with mock.patch("advisory.services.perform", wraps=services.perform) as engine:
        assignment = services.invite_expert(request, ExpertFactory(), role="member", actor=coordinator)
    [(args, _kwargs)] = engine.call_args_list
    assert (args[0].pk, args[1], args[2].user) == (assignment.pk, "invite", coordinator)
    assert not ModelLogEntry.objects.filter(action=services.INVITE_ACTION).exists()


def test_invitations_audited_before_the_invite_transition_still_read(coordinator):

    assignment = AssignmentFactory(request__owner=coordinator)
    data = {"request": "ADV-2026-0001", "expert": "Lena Hoffmann", "role": "lead"}
    entry = log(assignment, services.INVITE_ACTION, user=coordinator, data=data)
    assert entry.message == "Lena Hoffmann invited to ADV-2026-0001 as lead"


def test_invite_expert_does_not_refresh_the_request_from_the_database(coordinator):
    """django_fsm's refresh_from_db unprotects the state field class-wide while it runs, which
    crashed parallel invitations ("Direct state modification is not allowed")."""

    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=coordinator)
    with mock.patch.object(AdvisoryRequest, "refresh_from_db", side_effect=AssertionError("refreshed")):
        services.invite_expert(request, ExpertFactory(), role="member", actor=coordinator)


def test_invite_expert_refuses_excluded_experts_with_the_reasons(coordinator):
    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=coordinator, organisation="Acme")
    with pytest.raises(ValidationError) as error:
        services.invite_expert(
            request, ExpertFactory(employer="ACME", active=False), role="member", actor=coordinator
        )
    assert error.value.messages == [
        "Inactive in the network.",
        "Works for the requesting organisation (conflict of interest).",
    ]
    assert {reason.code for reason in error.value.error_list} == {"excluded"}
    expert = ExpertFactory()
    services.invite_expert(request, expert, role="member", actor=coordinator)
    with pytest.raises(ValidationError) as error:
        services.invite_expert(request, expert, role="member", actor=coordinator)
    assert (error.value.code, error.value.messages) == (
        "duplicate",
        ["This expert is already invited to this request."],
    )
    assert Assignment.objects.filter(request=request, expert=expert).count() == 1


def test_invite_expert_refuses_an_anonymous_caller_with_a_permission_error(coordinator):

    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=coordinator)
    for nobody in (None, AnonymousUser()):
        with pytest.raises(PermissionDenied, match="not allowed to invite an expert"):
            services.invite_expert(request, ExpertFactory(), role="member", actor=nobody)
    assert not Assignment.objects.filter(request=request).exists()


def test_invite_expert_checks_scope_state_and_role(coordinator, other_coordinator):
    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=coordinator)
    with pytest.raises(PermissionDenied):
        services.invite_expert(request, ExpertFactory(), role="member", actor=other_coordinator)
    with pytest.raises(ValidationError):
        services.invite_expert(request, ExpertFactory(), role="boss", actor=coordinator)
    screening = AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator)
    with pytest.raises(ValidationError) as error:
        services.invite_expert(screening, ExpertFactory(), role="member", actor=coordinator)
    [reason] = error.value.error_list
    assert (reason.code, reason.message) == (
        "unavailable",
        "Experts can be invited once the request is accepted, until it is delivered.",
    )
    assert not Assignment.objects.exists()


# Messages ---------------------------------------------------------------------------------


def test_messages_and_notes(coordinator, expert_user):
    request = AdvisoryRequestFactory(state=S.IN_PROGRESS, owner=coordinator)
    AssignmentFactory(request=request, expert=expert_user.expert_profile, state="accepted")

    note = services.add_message(
        request, actor=coordinator, body="Check the budget", visibility=Visibility.INTERNAL
    )
    shared = services.add_message(
        request, actor=coordinator, body="Kick-off next week", files=[upload("agenda.pdf")]
    )
    answer = services.add_message(request, actor=requester(request), body="Fine")
    by_expert = services.add_message(request, actor=expert_user, body="Looking forward")

    assert [m.author_kind for m in (note, shared, answer, by_expert)] == [
        "coordinator",
        "coordinator",
        "requester",
        "expert",
    ]
    assert shared.attachments.get().uploaded_by == "coordinator"
    templates = sorted(outbox_for(request).values_list("template", flat=True))
    assert templates == [
        "advisory/email/new_message",
        "advisory/email/new_message",
        "advisory/email/requester_message",
    ]
    with pytest.raises(PermissionDenied):
        services.add_message(request, actor=expert_user, body="psst", visibility=Visibility.INTERNAL)
    with pytest.raises(ValidationError):
        services.add_message(request, actor=coordinator, body="   ")


# Deliverables -----------------------------------------------------------------------------


def test_upload_deliverable_submits_it_for_review(coordinator):
    user = ExpertUserFactory()
    assignment = AssignmentFactory(expert=user.expert_profile, state="accepted", request__owner=coordinator)
    deliverable = services.upload_deliverable(
        assignment, actor=user, title="Final report", file=upload("final.pdf")
    )
    assert (deliverable.state, deliverable.request, deliverable.uploaded_by) == (
        "submitted",
        assignment.request,
        user,
    )
    draft = services.upload_deliverable(
        assignment, actor=user, title="Draft", file=upload("d.docx", docx_bytes()), submit=False
    )
    assert draft.state == "draft"
    with pytest.raises(ValidationError):
        services.upload_deliverable(assignment, actor=user, title="Bad", file=upload("x.pdf", ELF_BYTES))
    with pytest.raises(PermissionDenied):
        services.upload_deliverable(assignment, actor=ExpertUserFactory(), title="Not mine", file=upload())


def test_only_a_running_assignment_takes_deliverables():
    user = ExpertUserFactory()
    assignment = AssignmentFactory(expert=user.expert_profile, state="invited")
    with pytest.raises(ValidationError):
        services.upload_deliverable(assignment, actor=user, title="Early", file=upload())


# Feedback ---------------------------------------------------------------------------------


def test_feedback_once_after_delivery(coordinator):
    request = AdvisoryRequestFactory(state=S.DELIVERED, owner=coordinator)
    with pytest.raises(ValidationError):
        services.record_feedback(request, actor=requester(request), score=6)
    services.record_feedback(request, actor=requester(request), score="4", comment="Very useful")
    request.refresh_from_db()
    assert (request.feedback_score, request.feedback_comment) == (4, "Very useful")
    with pytest.raises(ValidationError, match="already"):
        services.record_feedback(request, actor=requester(request), score=5)
    with pytest.raises(PermissionDenied):
        services.record_feedback(request, actor=coordinator, score=5)
    running = AdvisoryRequestFactory(state=S.IN_PROGRESS)
    with pytest.raises(ValidationError):
        services.record_feedback(running, actor=requester(running), score=5)


# The deadline scan ------------------------------------------------------------------------


def test_the_scan_expires_invitations_closes_delivered_requests_and_escalates(coordinator):
    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=coordinator)
    assignment = services.invite_expert(request, ExpertFactory(), role="lead", actor=coordinator)
    delivered = AdvisoryRequestFactory(state=S.IN_PROGRESS, owner=coordinator)
    deliverable_assignment = AssignmentFactory(request=delivered, state="accepted")
    DeliverableFactory(assignment=deliverable_assignment, state="approved")
    perform(delivered, "deliver", coordinator)
    fresh = AdvisoryRequestFactory(state=S.NEW)
    perform(fresh, "submit", requester(fresh))
    screening_due = fresh.sla_due_at

    assert services.process_due_deadlines() == {"expired": 0, "closed": 0, "escalated": 0, "reminded": 0}
    with time_machine.travel(timezone.now() + timedelta(days=60)):
        handled = services.process_due_deadlines()
        again = services.process_due_deadlines()

    assert handled == {"expired": 1, "closed": 1, "escalated": 2, "reminded": 0}
    assert again == {"expired": 0, "closed": 0, "escalated": 0, "reminded": 0}
    assignment.refresh_from_db()
    delivered.refresh_from_db()
    fresh.refresh_from_db()
    assert (assignment.state, delivered.state) == (Assignment.State.EXPIRED, S.CLOSED)
    templates = set(outbox_for(fresh).values_list("template", flat=True))
    assert {"advisory/email/sla_overdue_screening", "advisory/email/sla_overdue_decision"} <= templates
    # Escalated, and still overdue until a coordinator acts.
    with time_machine.travel(timezone.now() + timedelta(days=60)):
        assert fresh.is_overdue
    assert deadlines.get_deadline(fresh, SCREENING_DEADLINE) is None  # fired, no longer open
    assert fresh.sla_due_at == screening_due
