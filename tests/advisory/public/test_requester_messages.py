"""The requester writes first: a message to the secretariat from the tracking page, in any running state.

Stored in the thread as the requester's, shared; audited without its text; told to the owner (or the
country's coordinators while nobody owns the request) by e-mail; bounded by its own limits.
"""

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import ModelLogEntry

from advisory.choices import AuthorKind, UploaderKind, Visibility
from advisory.models import AdvisoryRequest, Attachment, Message
from tests.advisory.factories import upload
from tests.advisory.public.test_tracking import act, view
from workflows.engine import perform
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State
FORM_TITLE = "Write to the secretariat"
ACTION = "advisory.requester_message"


def write(client, page, journey, body="Could the team also look at our regional strand?", **fields):
    return act(client, page, journey, "message", body=body, **fields)


def outbox_for(template):
    return OutboxMessage.objects.filter(template=f"advisory/email/{template}")


@pytest.mark.parametrize("state", ["submitted", "screening", "accepted", "team_proposed", "in_progress"])
def test_the_requester_can_write_first_in_every_running_state(client, form_page, journey, state):
    j = journey(state)
    assert FORM_TITLE in view(client, form_page, j).content.decode()

    response = write(client, form_page, j, body="Could the team also look at our regional strand?")

    assert response.status_code == 303
    message = Message.objects.get(request=j.request, author_kind=AuthorKind.REQUESTER)
    assert message.body == "Could the team also look at our regional strand?"
    assert message.visibility == Visibility.SHARED and message.author is None
    page = client.get(response["Location"]).content.decode()
    assert "Your message has been sent to the secretariat." in page
    assert "Could the team also look at our regional strand?" in page


def test_the_message_is_audited_without_its_text_and_told_to_the_coordinators(client, form_page, journey):
    j = journey("submitted")  # nobody owns it yet: the coordinators of its country hear of it

    write(client, form_page, j, body="Our minister asks for a first call next week.")

    entry = ModelLogEntry.objects.get(action=ACTION, object_id=str(j.request.pk))
    assert entry.user is None
    assert entry.data["actor_kind"] == "requester"
    assert "minister" not in str(entry.data)
    mails = outbox_for("requester_message")
    assert [mail.recipient for mail in mails] == [j.owner.email]
    assert mails.get().payload["audience"] == "staff"


def test_once_owned_only_the_owner_hears_of_it(client, form_page, journey):
    j = journey("screening")

    write(client, form_page, j)

    assert [mail.recipient for mail in outbox_for("requester_message")] == [j.fresh().owner.email]


def test_documents_come_with_the_message(client, form_page, journey):
    j = journey("in_progress")

    write(client, form_page, j, attachments=upload("regional-annex.pdf"))

    message = Message.objects.get(request=j.request, author_kind=AuthorKind.REQUESTER)
    attachment = Attachment.objects.get(message=message)
    assert attachment.original_name == "regional-annex.pdf"
    assert attachment.uploaded_by == UploaderKind.REQUESTER


def test_an_empty_message_is_refused_next_to_its_field(client, form_page, journey):
    j = journey("accepted")

    response = write(client, form_page, j, body="   ")

    assert response.status_code == 200
    assert 'id="id_message-body_error"' in response.content.decode()
    assert not Message.objects.filter(author_kind=AuthorKind.REQUESTER).exists()
    assert not outbox_for("requester_message").exists()


def test_while_a_question_waits_the_answer_form_is_offered_instead(client, form_page, journey):
    j = journey("awaiting_info")
    html = view(client, form_page, j).content.decode()
    assert FORM_TITLE not in html
    assert "Answer our question" in html


@pytest.mark.parametrize("end", ["withdraw", "close"])
def test_an_ended_request_takes_no_message(client, form_page, journey, end):
    j = journey("delivered" if end == "close" else "screening")
    if end == "withdraw":
        act(client, form_page, j, "withdraw", comment="We found funding elsewhere.")
    else:
        perform(j.fresh(), "close", j.owner)
    assert j.fresh().state in (S.WITHDRAWN, S.CLOSED)
    assert FORM_TITLE not in view(client, form_page, j).content.decode()

    # A page drawn before the end still posts: refused, nothing stored, nobody told.
    response = write(client, form_page, j)

    assert response.status_code == 409
    assert "Your request has ended" in response.content.decode()
    assert not Message.objects.filter(author_kind=AuthorKind.REQUESTER).exists()
    assert not outbox_for("requester_message").exists()


def test_a_delivered_request_still_takes_questions_about_the_results(client, form_page, journey):
    j = journey("delivered")
    assert FORM_TITLE in view(client, form_page, j).content.decode()
    assert write(client, form_page, j).status_code == 303
    assert outbox_for("requester_message").count() == 1


@override_settings(ADVISORY_REQUESTER_MESSAGES_PER_HOUR=2)
def test_messages_are_limited_per_client_and_hour(client, form_page, journey):
    j = journey("in_progress")
    assert write(client, form_page, j, body="First").status_code == 303
    assert write(client, form_page, j, body="Second").status_code == 303

    response = write(client, form_page, j, body="Third")

    assert response.status_code == 429
    assert "You have sent several messages within a short time." in response.content.decode()
    assert list(Message.objects.filter(author_kind=AuthorKind.REQUESTER).values_list("body", flat=True)) == [
        "First",
        "Second",
    ]
    assert outbox_for("requester_message").count() == 2


@override_settings(ADVISORY_REQUESTER_MESSAGES_PER_HOUR=1)
def test_a_refused_message_gives_its_allowance_back(client, form_page, journey):
    j = journey("in_progress")
    assert write(client, form_page, j, body="   ").status_code == 200  # invalid: not counted
    assert write(client, form_page, j, body="Now with text").status_code == 303


def test_the_form_speaks_the_language_of_the_page(client, german_page, journey):
    j = journey("in_progress")
    with translation.override("de"):
        title = str(translation.gettext(FORM_TITLE))
        button = str(translation.gettext("Send the message"))
    html = view(client, german_page, j).content.decode()
    assert title != FORM_TITLE and title in html
    assert button in html
