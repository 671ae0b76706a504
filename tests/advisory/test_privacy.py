"""Erasure, retention and consent of the advisory service (advisory/privacy.py)."""

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import ModelLogEntry

from advisory import privacy, services, tasks
from advisory.choices import AuthorKind, Visibility
from advisory.models import AdvisoryRequest, Attachment, Deliverable, Expert, Message, RequestFormPage
from cms.models import StandardPage
from privacy import services as privacy_services
from privacy.models import DataProtectionRecord, DataSubjectRequest
from tests.advisory.conftest import valid_submission
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    DeliverableFactory,
    ExpertFactory,
    ExpertUserFactory,
    SuperUserFactory,
    UserFactory,
    editor,
    upload,
)
from tests.cms.factories import english_home
from workflows.actors import Actor
from workflows.engine import perform
from workflows.models import OutboxMessage
from workflows.personal_data import PLACEHOLDER

ADDRESS = "maria@ministry.example"
NAME = "Maria Muster"
PHONE = "+49 30 1234"


def rows_mentioning(*needles):
    """Every database row (any table) whose values, as text, contain one of the needles."""
    hits = []
    lowered = [needle.lower() for needle in needles]
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for row in model.objects.all().values():
            text = " ".join(str(value) for value in row.values()).lower()
            if any(needle in text for needle in lowered):
                hits.append((model._meta.label, row.get("id", row.get("pk"))))
    return hits


def content_of(zipped):

    return zipfile.ZipFile(io.BytesIO(zipped)).read("personal-data.json").decode()


def storage_has(stored_file):
    return stored_file.storage.exists(stored_file.name)


@pytest.fixture
def declined(db, django_capture_on_commit_callbacks):
    """A request carried through the engine: files, a question, an answer, a note naming the person."""
    coordinator = CoordinatorFactory(countries=["DE"])
    with django_capture_on_commit_callbacks(execute=True):
        request, _token = services.submit_request(
            valid_submission(), files=[upload("brief.pdf")], language="en"
        )
        perform(request, "screen", Actor.for_user(coordinator))
        perform(request, "ask_info", Actor.for_user(coordinator), comment=f"Dear {NAME}, which regions?")
        services.provide_info(
            request, actor=Actor.requester(request), answer=f"Call me on {PHONE}.", files=[upload("map.pdf")]
        )
        services.add_message(
            request,
            actor=coordinator,
            body=f"Spoke to {NAME} ({ADDRESS}) on the phone.",
            visibility=Visibility.INTERNAL,
        )
        perform(request, "decline", Actor.for_user(coordinator), comment=f"Out of scope, told {NAME}.")
    return AdvisoryRequest.objects.get(pk=request.pk)


@pytest.mark.django_db
def test_the_fixture_really_holds_the_person_everywhere(declined):
    # Without this, the scans below could pass on an empty database.
    hits = {label for label, _pk in rows_mentioning(ADDRESS, NAME, PHONE)}
    assert {"advisory.AdvisoryRequest", "advisory.Message", "workflows.OutboxMessage"} <= hits
    assert "wagtailcore.ModelLogEntry" in hits
    assert declined.attachments.count() == 2


@pytest.mark.django_db
def test_erasure_leaves_the_address_name_and_phone_in_no_row(declined, django_capture_on_commit_callbacks):
    dpo = SuperUserFactory(username="dpo")
    files = [attachment.file for attachment in declined.attachments.all()]
    assert all(storage_has(f) for f in files)

    with django_capture_on_commit_callbacks(execute=True):
        record = privacy_services.erase(ADDRESS, dpo, f"Request by e-mail from {ADDRESS}")

    assert rows_mentioning(ADDRESS, NAME, PHONE) == []
    assert not any(storage_has(f) for f in files)
    assert Attachment.objects.filter(request=declined).count() == 0
    assert record.reason == f"Request by e-mail from {PLACEHOLDER}"


@pytest.mark.django_db
def test_erasure_keeps_the_facts_of_the_request(declined, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        privacy_services.erase(ADDRESS, SuperUserFactory(), "asked")
    request = AdvisoryRequest.objects.get(pk=declined.pk)
    assert (request.reference, request.state, request.country.country.code) == (
        declined.reference,
        "declined",
        "DE",
    )
    assert (request.service_type, request.submitted_at, request.closed_at) == (
        declined.service_type,
        declined.submitted_at,
        declined.closed_at,
    )
    assert request.anonymised_at is not None
    assert request.tracking_token_hash is None
    assert (request.requester_name, request.requester_email, request.organisation) == (
        PLACEHOLDER,
        "",
        PLACEHOLDER,
    )
    assert request.description == request.decline_reason == PLACEHOLDER
    bodies = dict(Message.objects.filter(request=request).values_list("author_kind", "body"))
    assert bodies[AuthorKind.REQUESTER] == PLACEHOLDER
    # The steps stay in the history, without the person.
    steps = ModelLogEntry.objects.filter(object_id=str(request.pk), action="workflows.transition")
    assert [entry.data["transition"] for entry in steps.order_by("pk")] == [
        "submit",
        "screen",
        "ask_info",
        "provide_info",
        "decline",
    ]


@pytest.mark.django_db
def test_the_erasure_is_recorded_with_a_hash_not_the_address(declined, settings):
    dpo = SuperUserFactory(username="dpo", first_name="Dana", last_name="Officer")
    record = privacy_services.erase(ADDRESS, dpo, "asked by letter")
    assert (record.kind, record.performed_by, record.performed_by_label) == ("erasure", dpo, "Dana Officer")
    assert record.address_hash and ADDRESS not in record.address_hash
    assert record.counts["advisory"]["request"] == 1
    assert record.counts["advisory"]["attachment"] == 2
    # A second request for the same address is recognised.
    assert list(privacy_services.previous_erasures("MARIA@ministry.example")) == [record]
    entry = ModelLogEntry.objects.get(object_id=str(declined.pk), action="privacy.erase")
    assert entry.user == dpo
    assert entry.data["reason"] == "asked by letter"
    assert entry.data["counts"]["attachment"] == 2


@pytest.mark.django_db
def test_erasure_of_a_running_request_is_refused_by_a_check(db):
    running = AdvisoryRequestFactory(state=AdvisoryRequest.State.SCREENING)
    with pytest.raises(Exception) as refused:
        privacy_services.erase(ADDRESS, SuperUserFactory(), "asked")
    assert running.reference in " ".join(refused.value.messages)
    running.refresh_from_db()
    assert running.requester_email == ADDRESS and running.anonymised_at is None


@pytest.mark.django_db
def test_erasure_without_a_reason_is_refused(declined):
    with pytest.raises(Exception) as refused:
        privacy_services.erase(ADDRESS, SuperUserFactory(), "  ")
    assert "reason" in refused.value.message_dict
    assert AdvisoryRequest.objects.get(pk=declined.pk).anonymised_at is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "expert", "editor"])
def test_staff_without_the_permission_are_refused_the_service(declined, role):

    user = {
        "coordinator": lambda: CoordinatorFactory(lead=True),
        "expert": ExpertUserFactory,
        "editor": editor,
    }[role]()
    with pytest.raises(PermissionDenied):
        privacy_services.erase(ADDRESS, user, "asked")
    with pytest.raises(PermissionDenied):
        privacy_services.export(ADDRESS, user)
    assert AdvisoryRequest.objects.get(pk=declined.pk).requester_email == ADDRESS


@pytest.mark.django_db
def test_experts_and_accounts_with_the_address_are_erased(django_capture_on_commit_callbacks):
    account = UserFactory(username="mm", email=ADDRESS, first_name="Maria", last_name="Muster")
    expert = ExpertFactory(user=account, name=NAME, email=ADDRESS, employer="Muster Consulting")
    privacy_services.erase(ADDRESS, SuperUserFactory(), "left the network")
    expert = Expert.objects.get(pk=expert.pk)
    assert (expert.name, expert.email, expert.employer, expert.active) == (PLACEHOLDER, "", "", False)
    account.refresh_from_db()
    assert account.email == "" and not account.is_active
    assert rows_mentioning(ADDRESS, NAME) == []


@pytest.mark.django_db
def test_an_expert_on_a_running_engagement_is_refused_by_a_check():

    assignment = AssignmentFactory(expert=ExpertFactory(email="busy@example.org"))
    with pytest.raises(Exception) as refused:
        privacy_services.erase("busy@example.org", SuperUserFactory(), "asked")
    assert assignment.request.reference in " ".join(refused.value.messages)


@pytest.mark.django_db
def test_the_export_holds_request_consent_messages_and_documents_but_no_token(declined):

    dpo = SuperUserFactory()
    content, record = privacy_services.export(ADDRESS, dpo)
    archive = zipfile.ZipFile(io.BytesIO(content))
    data = json.loads(archive.read("personal-data.json"))
    requests = [r for r in data["providers"]["advisory"] if r["kind"] == "advisory request"]
    assert len(requests) == 1
    exported = requests[0]["data"]
    assert exported["requester_name"] == NAME
    assert exported["privacy_consent_at"]
    assert "privacy_notice_version" in exported
    assert [doc["file_name"] for doc in exported["documents"]] == ["brief.pdf", "map.pdf"]
    assert f"Call me on {PHONE}." in [m["body"] for m in exported["messages"]]
    # Internal notes are staff's working notes, not part of the export.
    assert not any("on the phone" in m["body"] for m in exported["messages"])
    assert "tracking_token" not in archive.read("personal-data.json").decode()
    assert (record.kind, record.performed_by) == ("export", dpo)


# Retention -------------------------------------------------------------------------------------


def _ended(state, ended_at, **kwargs):
    return AdvisoryRequestFactory(state=state, closed_at=ended_at, **kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["closed", "declined", "withdrawn"])
def test_retention_keeps_a_request_ended_five_years_minus_a_day_ago(state):
    with time_machine.travel("2031-06-15 12:00Z", tick=False):
        kept = _ended(state, datetime(2026, 6, 16, 12, 0, tzinfo=UTC))
        assert tasks.anonymise_expired_requests() == 0
    kept.refresh_from_db()
    assert kept.anonymised_at is None and kept.requester_email == ADDRESS


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["closed", "declined", "withdrawn"])
def test_retention_anonymises_a_request_ended_five_years_plus_a_day_ago(
    state, django_capture_on_commit_callbacks
):
    ended = datetime(2026, 6, 14, 12, 0, tzinfo=UTC)
    with time_machine.travel(ended, tick=False):
        request = _ended(state, ended)
        attachment = Attachment.objects.create(
            request=request,
            file=upload("brief.pdf"),
            original_name="brief.pdf",
            content_type="application/pdf",
            size=10,
            uploaded_by="requester",
        )
    with (
        time_machine.travel("2031-06-15 12:00Z", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert tasks.anonymise_expired_requests() == 1
    request.refresh_from_db()
    assert request.anonymised_at == datetime(2031, 6, 15, 12, 0, tzinfo=UTC)
    assert request.requester_email == "" and request.requester_name == PLACEHOLDER
    assert not storage_has(attachment.file)
    entry = ModelLogEntry.objects.get(object_id=str(request.pk), action="privacy.erase")
    assert entry.user is None and entry.data["retention"] is True


@pytest.mark.django_db
def test_retention_never_touches_an_open_or_delivered_request():
    with time_machine.travel("2020-01-01 12:00Z", tick=False):
        old = [
            AdvisoryRequestFactory(state=state)
            for state in [*AdvisoryRequest.OPEN_STATES, AdvisoryRequest.State.DELIVERED]
        ]
    with time_machine.travel("2040-01-01 12:00Z", tick=False):
        assert tasks.anonymise_expired_requests() == 0
    assert not AdvisoryRequest.objects.filter(
        pk__in=[r.pk for r in old], anonymised_at__isnull=False
    ).exists()


@pytest.mark.django_db
def test_retention_period_comes_from_the_setting(settings):
    settings.ADVISORY_RETENTION_DAYS = 30
    with time_machine.travel("2031-06-15 12:00Z", tick=False):
        young = _ended("closed", timezone.now() - timedelta(days=29))
        old = _ended("closed", timezone.now() - timedelta(days=31))
        assert tasks.anonymise_expired_requests() == 1
    young.refresh_from_db()
    old.refresh_from_db()
    assert young.anonymised_at is None and old.anonymised_at is not None


@pytest.mark.django_db
def test_retention_deletes_files_and_redacts_log_outbox_and_data_subject_requests(
    declined, django_capture_on_commit_callbacks
):
    deliverable = DeliverableFactory(request=declined, assignment__request=declined)
    privacy.ask(declined, "export")
    stored = deliverable.file
    assert storage_has(stored)
    later = timezone.now() + timedelta(days=6 * 366)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        assert privacy.anonymise_expired() == 1
    assert not storage_has(stored)
    assert not Deliverable.objects.filter(pk=deliverable.pk).exists()
    assert rows_mentioning(ADDRESS, NAME, PHONE) == []
    # The notifications about the request keep what happened, not to whom or about whom.
    for message in OutboxMessage.objects.all():
        assert message.payload.get("organisation") in (None, PLACEHOLDER)


@pytest.mark.django_db
def test_the_retention_job_runs_twice_without_a_second_entry(declined):
    with time_machine.travel(timezone.now() + timedelta(days=6 * 366)):
        assert privacy.anonymise_expired() == 1
        assert privacy.anonymise_expired() == 0
    assert ModelLogEntry.objects.filter(object_id=str(declined.pk), action="privacy.erase").count() == 1


# Requests for one's own data ---------------------------------------------------------------------


@pytest.mark.django_db
def test_asking_twice_records_and_sends_once(declined):
    first, created = privacy.ask(AdvisoryRequest.objects.get(pk=declined.pk), "export")
    again, created_again = privacy.ask(AdvisoryRequest.objects.get(pk=declined.pk), "export")
    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert DataSubjectRequest.objects.count() == 1
    sent = OutboxMessage.objects.filter(event="advisory.advisoryrequest.privacy_request")
    assert sorted(m.template for m in sent) == [
        "advisory/email/privacy_request_confirmed",
        "advisory/email/privacy_request_received",
    ]


@pytest.mark.django_db
def test_handling_the_export_closes_the_data_subject_request(declined):
    subject_request, _created = privacy.ask(AdvisoryRequest.objects.get(pk=declined.pk), "export")
    _content, record = privacy_services.export(ADDRESS, SuperUserFactory())
    subject_request.refresh_from_db()
    assert subject_request.status == "done" and record.subject_request == subject_request


@pytest.mark.django_db
def test_erasure_empties_the_data_subject_request_but_recognises_it(declined):
    subject_request, _created = privacy.ask(AdvisoryRequest.objects.get(pk=declined.pk), "erasure")
    record = privacy_services.erase(ADDRESS, SuperUserFactory(), "asked on the tracking page")
    subject_request.refresh_from_db()
    assert (subject_request.status, subject_request.email) == ("done", "")
    assert subject_request.address_hash == record.address_hash
    assert DataProtectionRecord.objects.get().subject_request == subject_request


# Consent ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_consent_names_the_versions_of_the_form_and_the_privacy_page():

    home = english_home()
    policy = StandardPage(title="Privacy", slug="privacy")
    home.add_child(instance=policy)
    policy_revision = policy.save_revision()
    policy_revision.publish()
    page = RequestFormPage(title="Request advice", slug="request-advice", privacy_page=policy)
    home.add_child(instance=page)
    page_revision = page.save_revision()
    page_revision.publish()

    request, _token = services.submit_request(valid_submission(), files=[], language="en")
    assert (
        request.privacy_notice_version
        == f"en:form-{page.pk}.r{page_revision.pk}:policy-{policy.pk}.r{policy_revision.pk}"
    )

    content, _record = privacy_services.export(ADDRESS, SuperUserFactory())
    assert request.privacy_notice_version in content_of(content)

    # A new wording of the privacy page is a new version.
    newer = policy.save_revision()
    newer.publish()
    later, _token = services.submit_request(valid_submission(), files=[], language="en")
    assert later.privacy_notice_version.endswith(f":policy-{policy.pk}.r{newer.pk}")


@pytest.mark.django_db
def test_the_coordinator_sees_when_consent_was_given_and_to_which_version(client):
    coordinator = CoordinatorFactory(countries=["DE"])
    request = AdvisoryRequestFactory(privacy_notice_version="de:form-3.r41:policy-5.r17")
    client.force_login(coordinator)
    page = client.get(f"/admin/advisory/requests/{request.pk}/").content.decode()
    assert "Privacy notice agreed" in page
    assert "de:form-3.r41:policy-5.r17" in page
