"""The request view: details, contact, files, timeline, messages, and one button per transition the
user may perform now."""

import re

import pytest
from django.urls import reverse

from advisory import services
from advisory.models import Attachment
from tests.advisory.admin.conftest import S, detail_url, invitation_for, make_request, prefer_language
from tests.advisory.factories import (
    ELF_BYTES,
    PDF_BYTES,
    AssignmentFactory,
    DeliverableFactory,
    ExpertFactory,
    upload,
)
from workflows.actors import Actor
from workflows.available import available_transitions
from workflows.engine import perform

pytestmark = pytest.mark.django_db


def buttons(response, kind="advisoryrequest"):
    return re.findall(rf'data-{kind}-transition="(\w+)"', response.content.decode())


def test_the_view_shows_the_details_contact_and_files(login, coordinator):
    obj = make_request(
        S.SCREENING,
        owner=coordinator,
        requester_phone="+49 30 1234",
        programme_name="Cluster Excellence Programme",
        areas=["programme-design"],
    )
    Attachment.objects.create(
        request=obj,
        file=upload("brief.pdf"),
        original_name="brief.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by="requester",
    )
    response = login(coordinator).get(detail_url(obj))
    html = response.content.decode()
    for text in (
        obj.reference,
        "Maria Muster",
        "maria@ministry.example",
        "+49 30 1234",
        "Ministry of Economic Affairs",
        "Germany",
        "Cluster Excellence Programme",
        "National",
        "Programme development advice",
        "We would like advice on the next funding period.",
        "Programme design",
        "English",
        "brief.pdf",
    ):
        assert text in html, text
    attachment = obj.attachments.get()
    assert reverse("advisory_files:attachment", args=[attachment.pk]) in html
    assert attachment.file.name not in html


def test_attachments_download_through_the_permission_check(login, coordinator, other_coordinator):
    obj = make_request(S.SCREENING, owner=coordinator)
    attachment = Attachment.objects.create(
        request=obj,
        file=upload("brief.pdf"),
        original_name="brief.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by="requester",
    )
    url = reverse("advisory_files:attachment", args=[attachment.pk])
    response = login(coordinator).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert 'attachment; filename="brief.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert login(other_coordinator).get(url).status_code == 403


def test_the_attachments_of_internal_notes_stay_with_the_coordinators(login, coordinator, expert_user):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    invitation_for(expert_user, state="accepted", request=obj)
    note = services.add_message(
        obj, actor=coordinator, body="Budget memo", visibility="internal", files=[upload("memo.pdf")]
    )
    attachment = note.attachments.get()
    url = reverse("advisory_files:attachment", args=[attachment.pk])
    assert login(coordinator).get(url).status_code == 200
    assert login(expert_user).get(url).status_code == 403


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (S.SUBMITTED, ["screen", "withdraw"]),
        (S.SCREENING, ["accept", "ask_info", "decline", "withdraw"]),
        (S.AWAITING_INFO, ["withdraw"]),
        (S.ACCEPTED, ["withdraw"]),
        (S.TEAM_PROPOSED, ["withdraw"]),
        (S.IN_PROGRESS, ["hold", "withdraw"]),
        (S.ON_HOLD, ["resume", "withdraw"]),
        (S.DELIVERED, ["close"]),
        (S.CLOSED, []),
        (S.DECLINED, []),
        (S.WITHDRAWN, []),
    ],
)
def test_the_owner_gets_one_button_per_transition_available_now(login, coordinator, state, expected):
    """The next step's first, then the others in the order the model declares them."""
    obj = make_request(state, owner=coordinator)
    response = login(coordinator).get(detail_url(obj))
    assert response.status_code == 200
    available = [meta.name for meta in available_transitions(obj, Actor.for_user(coordinator))]
    assert sorted(buttons(response)) == sorted(available)
    assert buttons(response) == expected


def test_guards_add_their_buttons_when_they_pass(login, coordinator):
    accepted = make_request(S.ACCEPTED, owner=coordinator)
    AssignmentFactory(request=accepted, role="lead", state="accepted")
    running = make_request(S.IN_PROGRESS, owner=coordinator)
    DeliverableFactory(assignment__request=running, state="approved")
    client = login(coordinator)
    assert buttons(client.get(detail_url(accepted))) == ["propose_team", "withdraw"]
    assert buttons(client.get(detail_url(running))) == ["deliver", "hold", "withdraw"]


def test_a_coordinator_in_scope_who_does_not_own_it_gets_only_what_the_matrix_gives(login, coordinator, lead):
    obj = make_request(S.SCREENING, owner=lead)
    response = login(coordinator).get(detail_url(obj))
    assert response.status_code == 200
    assert buttons(response) == []
    submitted = make_request(S.SUBMITTED)
    assert buttons(login(coordinator).get(detail_url(submitted))) == ["screen"]


def test_a_lead_acts_as_owner_everywhere(login, coordinator, lead):
    obj = make_request(S.SCREENING, owner=coordinator)
    assert buttons(login(lead).get(detail_url(obj))) == ["accept", "ask_info", "decline", "withdraw"]


def test_transitions_asking_for_input_open_a_dialog_with_their_form(login, coordinator):
    obj = make_request(S.SCREENING, owner=coordinator)
    html = login(coordinator).get(detail_url(obj)).content.decode()
    accept = f"dialog-advisoryrequest-{obj.pk}-accept"
    assert f'data-a11y-dialog-show="{accept}"' in html and f'id="{accept}"' in html
    prefix = f"advisoryrequest-{obj.pk}-accept"
    assert f'name="{prefix}-service_type"' in html and f'name="{prefix}-scope_summary"' in html
    assert f'name="{prefix}-expected_state" value="screening"' in html
    assert f'name="advisoryrequest-{obj.pk}-decline-comment"' in html


def test_the_timeline_tells_the_request_its_invitations_and_deliverables_as_sentences(
    login, coordinator, lead, expert_user
):
    obj = make_request(S.SUBMITTED)
    perform(obj, "screen", coordinator)
    perform(obj, "accept", coordinator, data={"service_type": "training", "scope_summary": "Two workshops"})
    assignment = services.invite_expert(obj, expert_user.expert_profile, role="lead", actor=coordinator)
    perform(assignment, "decline", expert_user, comment="On leave in spring")
    other = services.invite_expert(obj, ExpertFactory(name="Dr. Jan Nowak"), role="lead", actor=lead)
    perform(other, "withdraw", lead)
    response = login(coordinator).get(detail_url(obj))
    entries = response.context["timeline"]
    expert_name = expert_user.expert_profile.name
    assert [entry.text for entry in entries] == [
        "Cora Ordinator (coordinator) started screening",
        "Cora Ordinator (coordinator) accepted the request",
        f"Cora Ordinator (coordinator) invited {expert_name} as lead expert",
        "Erika Expertin (expert) declined the invitation",
        "Lea Lead (lead coordinator) invited Dr. Jan Nowak as lead expert",
        "Lea Lead (lead coordinator) withdrew the invitation of Dr. Jan Nowak",
    ]
    assert entries[3].comment == "On leave in spring"
    html = response.content.decode()
    assert "Erika Expertin (expert) declined the invitation" in html and "On leave in spring" in html


def test_the_timeline_names_the_requester_and_the_system(login, coordinator):
    obj = make_request(S.SUBMITTED, requester_name="Maria Muster")
    perform(obj, "screen", coordinator)
    perform(obj, "ask_info", coordinator, comment="Which regions take part?")
    perform(obj, "provide_info", Actor.requester(obj), comment="Bavaria and Saxony.")
    entries = login(coordinator).get(detail_url(obj)).context["timeline"]
    assert [entry.text for entry in entries] == [
        "Cora Ordinator (coordinator) started screening",
        "Cora Ordinator (coordinator) asked the requester for information",
        "Maria Muster (requester) provided the information asked for",
    ]
    assert [entry.comment for entry in entries[1:]] == ["Which regions take part?", "Bavaria and Saxony."]


def test_the_timeline_reads_in_the_users_language(login, coordinator):
    obj = make_request(S.SUBMITTED)
    perform(obj, "screen", coordinator)
    prefer_language(coordinator, "de")
    html = login(coordinator).get(detail_url(obj)).content.decode()
    assert "Cora Ordinator (Koordinator/in) hat mit der Prüfung begonnen" in html


def test_notes_and_shared_messages_are_added_through_the_service(login, coordinator):
    obj = make_request(S.SCREENING, owner=coordinator)
    client = login(coordinator)
    url = reverse("advisory_requests:message", args=[obj.pk])
    response = client.post(url, {"body": "Check the budget", "visibility": "internal"})
    assert response.status_code == 302 and response["Location"].endswith("#messages")
    response = client.post(
        url,
        {
            "body": "Could you send the programme draft?",
            "visibility": "shared",
            "attachments": [upload("a.pdf")],
        },
    )
    assert response.status_code == 302
    note, shared = obj.messages.order_by("pk")
    assert (note.visibility, note.body, note.author) == ("internal", "Check the budget", coordinator)
    assert shared.visibility == "shared" and shared.attachments.get().original_name == "a.pdf"
    html = client.get(detail_url(obj)).content.decode()
    assert "Check the budget" in html and "Could you send the programme draft?" in html
    assert "advisory-thread__internal" in html and "advisory-thread__shared" in html


def test_a_refused_file_or_an_empty_message_is_shown_on_the_form(login, coordinator):
    obj = make_request(S.SCREENING, owner=coordinator)
    client = login(coordinator)
    url = reverse("advisory_requests:message", args=[obj.pk])
    response = client.post(url, {"body": "", "visibility": "internal"})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    response = client.post(
        url, {"body": "See file", "visibility": "shared", "attachments": [upload("x.pdf", ELF_BYTES)]}
    )
    assert response.status_code == 400
    assert response.context["message_form"].errors["attachments"]
    assert not obj.messages.exists()


def test_suggestions_and_internal_notes_are_not_shown_to_a_coordinator_out_of_the_matrix(login, superuser):
    obj = make_request(S.ACCEPTED, owner=superuser)
    ExpertFactory()
    response = login(superuser).get(detail_url(obj))
    assert response.context["suggestions"] is not None
    assert response.context["message_form"].fields["visibility"].choices == [
        ("internal", "Internal note"),
        ("shared", "Shared with the requester"),
    ]
