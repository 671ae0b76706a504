"""The expert's admin: invitations (accept with a declaration, decline with a reason), engagements,
an engagement as the expert sees it, uploading deliverables."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from advisory import services
from advisory.models import Assignment, Deliverable
from tests.advisory.admin.conftest import S, expert_transition_url, invitation_for, make_request, messages_of
from tests.advisory.factories import ELF_BYTES, AssignmentFactory, docx_bytes, upload

pytestmark = pytest.mark.django_db

INVITATIONS = reverse("advisory_expert:invitations")
ENGAGEMENTS = reverse("advisory_expert:engagements")


def assignment_page(assignment):
    return reverse("advisory_expert:assignment", args=[assignment.pk])


def answer(client, assignment, name, **fields):
    prefix = f"assignment-{assignment.pk}-{name}"
    data = {f"{prefix}-expected_state": "invited"}
    data.update({f"{prefix}-{key}": value for key, value in fields.items()})
    return client.post(expert_transition_url(assignment, name), data, follow=True)


def test_the_invitations_list_shows_what_an_expert_needs_to_decide(login, expert_user):
    invitation = invitation_for(expert_user, role="lead")
    obj = invitation.request
    invitation_for(expert_user, state="accepted")  # an engagement, not an invitation
    AssignmentFactory(state="invited")  # another expert's
    response = login(expert_user).get(INVITATIONS)
    assert [row["assignment"] for row in response.context["invitations"]] == [invitation]
    html = response.content.decode()
    for text in (obj.reference, obj.programme_name, obj.organisation, "Lead expert", "Please answer by"):
        assert text in html
    assert obj.requester_email not in html and obj.requester_name not in html
    assert re.findall(r'data-assignment-transition="(\w+)"', html) == ["accept", "decline"]


def test_accept_needs_the_no_conflict_declaration(login, expert_user):
    invitation = invitation_for(expert_user)
    client = login(expert_user)
    response = answer(client, invitation, "accept")
    assert response.status_code == 400
    assert "no_conflict" in response.context["form"].errors
    assert Assignment.objects.get(pk=invitation.pk).state == "invited"
    response = answer(
        client, invitation, "accept", no_conflict="on", conflict_statement="I advised them in 2019."
    )
    invitation = Assignment.objects.get(pk=invitation.pk)
    assert invitation.state == "accepted" and invitation.no_conflict_declared
    assert invitation.conflict_statement == "I advised them in 2019."
    assert response.redirect_chain[-1][0] == assignment_page(invitation)
    assert any("Accept the invitation: done" in message for message in messages_of(response))


def test_decline_needs_a_reason(login, expert_user):
    invitation = invitation_for(expert_user)
    client = login(expert_user)
    assert answer(client, invitation, "decline").status_code == 400
    response = answer(client, invitation, "decline", comment="Fully booked until autumn")
    invitation = Assignment.objects.get(pk=invitation.pk)
    assert (invitation.state, invitation.decline_reason) == ("declined", "Fully booked until autumn")
    assert response.redirect_chain[-1][0] == INVITATIONS


def test_once_the_answer_time_passed_only_decline_is_offered_and_accept_is_refused(login, expert_user):
    invitation = invitation_for(expert_user, response_due_at=timezone.now() - timedelta(hours=1))
    client = login(expert_user)
    html = client.get(INVITATIONS).content.decode()
    assert re.findall(r'data-assignment-transition="(\w+)"', html) == ["decline"]
    response = answer(client, invitation, "accept", no_conflict="on")
    assert any("has passed" in message for message in messages_of(response))
    assert Assignment.objects.get(pk=invitation.pk).state == "invited"


def test_an_expert_cannot_answer_someone_elses_invitation(login, expert_user, other_expert_user):
    invitation = invitation_for(other_expert_user)
    response = answer(login(expert_user), invitation, "accept", no_conflict="on")
    assert response.status_code == 403
    assert Assignment.objects.get(pk=invitation.pk).state == "invited"


def test_a_coordinator_cannot_answer_for_the_expert(login, coordinator, expert_user):
    invitation = invitation_for(expert_user, request=make_request(S.ACCEPTED, owner=coordinator))
    prefix = f"assignment-{invitation.pk}-accept"
    response = login(coordinator).post(
        reverse(
            "advisory_requests:assignment_transition", args=[invitation.request_id, invitation.pk, "accept"]
        ),
        {f"{prefix}-expected_state": "invited", f"{prefix}-no_conflict": "on"},
    )
    assert response.status_code == 403
    assert Assignment.objects.get(pk=invitation.pk).state == "invited"


def test_engagements_list_the_accepted_and_completed(login, expert_user):
    running = invitation_for(expert_user, state="accepted")
    done = invitation_for(expert_user, state="completed")
    invitation_for(expert_user, state="invited")
    invitation_for(expert_user, state="declined")
    response = login(expert_user).get(ENGAGEMENTS)
    assert set(response.context["engagements"]) == {running, done}


def test_the_engagement_shows_only_what_an_expert_needs(login, coordinator, expert_user, other_expert_user):
    obj = make_request(S.IN_PROGRESS, owner=coordinator, requester_phone="+49 30 999")
    mine = invitation_for(expert_user, state="accepted", request=obj, role="lead")
    AssignmentFactory(
        request=obj,
        expert=other_expert_user.expert_profile,
        state="declined",
        decline_reason="Conflict with my employer",
    )
    services.add_message(obj, actor=coordinator, body="Internal: the budget is tight", visibility="internal")
    services.add_message(obj, actor=coordinator, body="Welcome to the engagement", visibility="shared")
    response = login(expert_user).get(assignment_page(mine))
    assert response.status_code == 200
    html = response.content.decode()
    assert obj.description in html and obj.organisation in html and obj.reference in html
    assert "Welcome to the engagement" in html
    for hidden in (
        obj.requester_email,
        obj.requester_name,
        "+49 30 999",
        "Internal: the budget is tight",
        "Conflict with my employer",
        other_expert_user.expert_profile.name,
        "Expert suggestions",
        "Timeline",
    ):
        assert hidden not in html, hidden
    assert response.context["message_form"].fields["visibility"].choices == [
        ("shared", "Shared with the requester")
    ]


def test_the_expert_writes_to_the_requester(login, expert_user):
    mine = invitation_for(expert_user, state="accepted", request=make_request(S.IN_PROGRESS))
    client = login(expert_user)
    url = reverse("advisory_expert:message", args=[mine.pk])
    # An expert has no internal notes: a tampered form is refused.
    assert client.post(url, {"body": "Psst", "visibility": "internal"}).status_code == 400
    response = client.post(url, {"body": "Could we meet on Tuesday?", "visibility": "shared"})
    assert response.status_code == 302
    message = mine.request.messages.get()
    assert (message.visibility, message.author_kind, message.author) == ("shared", "expert", expert_user)


def test_upload_a_deliverable(login, expert_user):
    mine = invitation_for(expert_user, state="accepted", request=make_request(S.IN_PROGRESS))
    client = login(expert_user)
    url = reverse("advisory_expert:upload", args=[mine.pk])
    html = client.get(assignment_page(mine)).content.decode()
    assert url in html
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Interim report",
            "description": "First findings",
            "file": upload("report.docx", docx_bytes()),
        },
    )
    assert response.status_code == 302
    deliverable = Deliverable.objects.get(assignment=mine)
    assert (deliverable.title, deliverable.state, deliverable.original_name) == (
        "Interim report",
        "submitted",
        "report.docx",
    )
    assert deliverable.content_type.endswith("wordprocessingml.document")
    download = client.get(reverse("advisory_files:deliverable", args=[deliverable.pk]))
    assert download.status_code == 200


def test_a_program_under_a_documents_name_is_refused(login, expert_user):
    mine = invitation_for(expert_user, state="accepted", request=make_request(S.IN_PROGRESS))
    response = login(expert_user).post(
        reverse("advisory_expert:upload", args=[mine.pk]),
        {"title": "Report", "file": upload("report.pdf", ELF_BYTES)},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert not Deliverable.objects.exists()


def test_no_upload_before_accepting(login, expert_user):
    invitation = invitation_for(expert_user)
    client = login(expert_user)
    assert (
        reverse("advisory_expert:upload", args=[invitation.pk])
        not in client.get(assignment_page(invitation)).content.decode()
    )
    response = client.post(
        reverse("advisory_expert:upload", args=[invitation.pk]), {"title": "R", "file": upload("r.pdf")}
    )
    assert response.status_code == 400
    assert not Deliverable.objects.exists()


def test_a_returned_deliverable_is_submitted_again(login, expert_user):
    mine = invitation_for(expert_user, state="accepted", request=make_request(S.IN_PROGRESS))
    deliverable = Deliverable.objects.create(
        request=mine.request,
        assignment=mine,
        title="Report",
        file=upload("r.pdf"),
        original_name="r.pdf",
        content_type="application/pdf",
        size=10,
        state="returned",
        review_comment="Add the sources",
    )
    client = login(expert_user)
    html = client.get(assignment_page(mine)).content.decode()
    assert "Add the sources" in html
    assert re.findall(r'data-deliverable-transition="(\w+)"', html) == ["submit"]
    prefix = f"deliverable-{deliverable.pk}-submit"
    client.post(
        reverse("advisory_expert:deliverable_transition", args=[mine.pk, deliverable.pk, "submit"]),
        {f"{prefix}-expected_state": "returned"},
    )
    assert Deliverable.objects.get(pk=deliverable.pk).state == "submitted"
