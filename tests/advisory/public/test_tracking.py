"""The tracking page: opened with the link's token, what the requester sees, and what they can do.

Access itself (the exchange of a link for a session, its end, old links, rotation) is tested in
test_tracking_access.py.
"""

import logging

import pytest
from django.test import Client
from django.utils import translation
from wagtail.models import ModelLogEntry

from advisory import services
from advisory.choices import Visibility
from advisory.models import AdvisoryRequest, Attachment, Message
from tests.advisory.factories import ELF_BYTES, DeliverableFactory, upload
from tests.advisory.public.conftest import open_link, open_tracking, track_url
from workflows.actors import Actor
from workflows.engine import perform

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State


def assert_private(response, referrer_policy="same-origin"):
    """Never cached, never indexed, the token never sent to another site as a referrer.

    Pages with forms say "same-origin": under "no-referrer" browsers post "Origin: null", which
    Django's CSRF check refuses; other responses say "no-referrer".
    """
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == referrer_policy


def opened(client, page, journey):
    """The browser has opened the journey's request with its link."""
    assert open_link(client, page, journey.token).status_code == 303
    return client


def view(client, page, journey):
    """The tracking page, from a browser opened on the journey's request (opened now if need be)."""
    if not client.session.get("advisory_tracking"):
        opened(client, page, journey)
    return client.get(track_url(page))


def act(client, page, journey, action, state=None, **fields):
    """Post one of the requester's actions, from a browser opened on the request."""
    if not client.session.get("advisory_tracking"):
        opened(client, page, journey)
    data = {"action": action, f"{action}-state": state or journey.fresh().state}
    data.update({f"{action}-{name}": value for name, value in fields.items()})
    return client.post(track_url(page), data)


# Access -------------------------------------------------------------------------------------


def test_a_valid_token_opens_the_request_with_private_headers(client, form_page, journey):
    j = journey()
    response = open_tracking(client, form_page, j.token)
    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert j.request.reference in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<meta name="referrer" content="same-origin">' in html
    assert 'rel="canonical" href="http://localhost/en/request-advice/"' in html  # never the token
    assert j.token not in html


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: t[:20], lambda t: "x" * 200]
)
def test_a_wrong_or_tampered_token_is_not_valid_and_logged_without_the_token(
    client, form_page, journey, caplog, mangle
):
    j = journey()
    bad = mangle(j.token)
    with caplog.at_level(logging.WARNING, logger="advisory.security"):
        response = open_link(client, form_page, bad)
    assert response.status_code == 404
    assert_private(response, "no-referrer")
    html = response.content.decode()
    assert "This link is not valid" in html
    assert j.request.reference not in html
    records = [record for record in caplog.records if record.name == "advisory.security"]
    assert len(records) == 1
    assert bad not in records[0].getMessage() and j.token not in records[0].getMessage()
    assert "advisory_tracking" not in client.session


def test_the_invalid_link_page_is_translated(client, german_page):
    with translation.override("de"):
        expected = translation.gettext("This link is not valid")
    response = open_link(client, german_page, "nonsense-token-of-some-length")
    assert response.status_code == 404
    assert expected in response.content.decode()


def test_a_rotated_token_stops_working(client, form_page, journey):
    j = journey()
    services.rotate_tracking_link(j.fresh(), actor=j.requester)
    assert open_link(client, form_page, j.token).status_code == 404


def test_a_posted_action_without_an_opened_request_changes_nothing(client, form_page, journey):
    j = journey("team_proposed")
    assert open_link(client, form_page, j.token + "x").status_code == 404
    response = client.post(
        track_url(form_page), {"action": "approve_team", "approve_team-state": "team_proposed"}
    )
    assert response.status_code == 403
    assert "Open your tracking page" in response.content.decode()
    assert j.fresh().state == S.TEAM_PROPOSED


def test_opening_and_actions_need_the_csrf_token(form_page, journey):
    j = journey("team_proposed")
    client = Client(enforce_csrf_checks=True)
    assert client.post(form_page.url + "track/open/", {"link": j.token}).status_code == 403
    assert 'name="csrfmiddlewaretoken"' in client.get(track_url(form_page)).content.decode()
    csrf = client.cookies["csrftoken"].value
    opening = client.post(form_page.url + "track/open/", {"link": j.token, "csrfmiddlewaretoken": csrf})
    assert opening.status_code == 303
    action = {"action": "approve_team", "approve_team-state": "team_proposed"}
    assert client.post(track_url(form_page), action).status_code == 403
    assert j.fresh().state == S.TEAM_PROPOSED


# What the requester sees --------------------------------------------------------------------


def test_status_and_explanation_are_in_the_language_of_the_page(client, german_page, form_page, journey):
    j = journey("screening")
    with translation.override("de"):
        label = str(S.SCREENING.label)
    html = view(client, german_page, j).content.decode()
    assert '<html lang="de"' in html
    assert label in html
    # The switcher keeps the requester on their tracking page in the other language.
    assert f'href="{track_url(form_page)}"' in html


def test_the_timeline_lists_steps_without_names_or_internal_notes(client, form_page, journey):
    j = journey("team_proposed")
    services.add_message(
        j.fresh(), actor=j.owner, body="Internal: budget looks thin", visibility=Visibility.INTERNAL
    )
    html = view(client, form_page, j).content.decode()
    for label in (
        "Request submitted",
        "The secretariat started reviewing the request",
        "Request accepted",
        "A team of experts was proposed",
    ):
        assert label in html
    assert "Internal: budget looks thin" not in html
    assert j.owner.last_name not in html and j.owner.username not in html
    assert j.expert_user.email not in html


def test_the_team_is_shown_by_name_and_role_once_proposed(client, form_page, journey):
    j = journey("accepted").staff(name="Erika Expertin")
    assert "Erika Expertin" not in view(client, form_page, j).content.decode()
    j.propose_team()
    html = view(client, form_page, j).content.decode()
    assert "Erika Expertin" in html and "Lead expert" in html


def test_shared_messages_are_shown_as_from_the_secretariat(client, form_page, journey):
    j = journey("screening")
    services.add_message(j.fresh(), actor=j.owner, body="Could you send the programme budget?")
    services.add_message(
        j.fresh(), actor=j.owner, body="Note to self: call the ministry", visibility=Visibility.INTERNAL
    )
    html = view(client, form_page, j).content.decode()
    assert "Could you send the programme budget?" in html
    assert "ESCA secretariat" in html
    assert "Note to self" not in html


# Actions ------------------------------------------------------------------------------------


def test_only_the_actions_available_now_are_offered(client, form_page, journey):
    html = view(client, form_page, journey("screening")).content.decode()
    assert 'value="withdraw"' in html
    assert 'value="approve_team"' not in html and 'value="provide_info"' not in html
    assert 'value="feedback"' not in html


def test_answering_an_information_request_with_a_file(client, form_page, journey):
    j = journey("awaiting_info")
    page = view(client, form_page, j).content.decode()
    assert "Which regions does the programme cover?" in page  # the question, next to the answer form
    assert 'value="provide_info"' in page

    response = opened(client, form_page, j).post(
        track_url(form_page),
        {
            "action": "provide_info",
            "provide_info-state": "awaiting_info",
            "provide_info-comment": "Bavaria and Saxony.",
            "provide_info-attachments": [upload("regions.pdf")],
        },
    )
    assert response.status_code == 303
    assert response["Location"] == track_url(form_page)
    assert j.fresh().state == S.SCREENING
    answer = Message.objects.get(body="Bavaria and Saxony.")
    assert answer.visibility == Visibility.SHARED and answer.author_kind == "requester"
    assert [a.original_name for a in answer.attachments.all()] == ["regions.pdf"]
    html = client.get(response["Location"]).content.decode()
    assert "your answer has been sent" in html
    assert "You sent the information asked for" in html


def test_an_answer_needs_text_and_refuses_a_disguised_program(client, form_page, journey):
    j = journey("awaiting_info")
    response = act(client, form_page, j, "provide_info", comment="")
    assert response.status_code == 200
    assert 'id="id_provide_info-comment_error"' in response.content.decode()

    response = opened(client, form_page, j).post(
        track_url(form_page),
        {
            "action": "provide_info",
            "provide_info-state": "awaiting_info",
            "provide_info-comment": "See attached.",
            "provide_info-attachments": [upload("answer.pdf", ELF_BYTES)],
        },
    )
    html = response.content.decode()
    assert "is a program, not a document" in html and "select them again" in html
    assert 'value="See attached."' in html or "See attached.</textarea>" in html
    assert j.fresh().state == S.AWAITING_INFO
    assert not Attachment.objects.exists()


def test_approving_the_team_starts_the_engagement(client, form_page, journey):
    j = journey("team_proposed")
    response = act(client, form_page, j, "approve_team")
    assert response.status_code == 303
    assert j.fresh().state == S.IN_PROGRESS
    entry = ModelLogEntry.objects.for_instance(j.request).order_by("-pk").first()
    assert entry.data["transition"] == "approve_team" and entry.data["actor_kind"] == "requester"


def test_objecting_to_the_team_needs_a_reason(client, form_page, journey):
    j = journey("team_proposed")
    response = act(client, form_page, j, "object_team", comment="")
    assert response.status_code == 200
    assert 'id="id_object_team-comment_error"' in response.content.decode()
    assert j.fresh().state == S.TEAM_PROPOSED

    response = act(client, form_page, j, "object_team", comment="The lead works for our competitor.")
    assert response.status_code == 303
    assert j.fresh().state == S.ACCEPTED
    assert Message.objects.filter(body="The lead works for our competitor.", visibility="shared").exists()


@pytest.mark.parametrize("state", ["submitted", "screening", "awaiting_info", "team_proposed", "in_progress"])
def test_withdrawing_from_any_open_state(client, form_page, journey, state):
    j = journey(state)
    response = act(client, form_page, j, "withdraw", comment="The programme was cancelled.")
    assert response.status_code == 303
    request = j.fresh()
    assert request.state == S.WITHDRAWN and request.withdraw_reason == "The programme was cancelled."
    html = view(client, form_page, j).content.decode()
    assert "This request was withdrawn" in html and 'value="withdraw"' not in html
    assert "Reason given:" in html and "The programme was cancelled." in html


def test_a_declined_request_shows_our_reasons(client, form_page, journey):
    j = journey("screening")
    perform(j.fresh(), "decline", j.owner, comment="Outside the network's remit.")
    html = view(client, form_page, j).content.decode()
    assert "Our reasons:" in html and "Outside the network&#x27;s remit." in html


def test_feedback_once_delivered(client, form_page, journey):
    j = journey("delivered")
    html = view(client, form_page, j).content.decode()
    assert 'value="feedback"' in html
    assert "Final report" in html  # the approved deliverable

    response = act(client, form_page, j, "feedback", score="4", comment="Very useful.")
    assert response.status_code == 303
    request = j.fresh()
    assert (request.feedback_score, request.feedback_comment) == (4, "Very useful.")
    html = view(client, form_page, j).content.decode()
    assert 'value="feedback"' not in html
    assert "you rated the engagement 4 out of 5" in html
    assert "You gave your feedback" in html

    again = act(client, form_page, j, "feedback", score="1")
    assert again.status_code == 409
    assert j.fresh().feedback_score == 4


def test_feedback_needs_a_score_from_1_to_5(client, form_page, journey):
    j = journey("delivered")
    response = act(client, form_page, j, "feedback", score="9")
    assert response.status_code == 200
    assert 'id="id_feedback-score_error"' in response.content.decode()
    assert j.fresh().feedback_score is None


def test_feedback_is_not_possible_before_delivery(client, form_page, journey):
    j = journey("in_progress")
    response = act(client, form_page, j, "feedback", score="5")
    assert response.status_code == 409
    assert j.fresh().feedback_score is None


# Stale pages and refusals --------------------------------------------------------------------


def test_a_stale_page_changes_nothing_and_says_so(client, form_page, journey):
    j = journey("team_proposed")
    entries = ModelLogEntry.objects.for_instance(j.request).count()
    # Another tab objected in the meantime: the page still shows "Team proposed".
    perform(j.fresh(), "object_team", Actor.requester(j.request), comment="Second thoughts.")
    response = act(client, form_page, j, "approve_team", state="team_proposed")
    assert response.status_code == 409
    html = response.content.decode()
    assert "Your request changed while you were looking at it" in html
    assert "Nothing was changed" in html
    assert j.fresh().state == S.ACCEPTED
    assert ModelLogEntry.objects.for_instance(j.request).count() == entries + 1
    assert_private(response)


def test_a_stale_answer_is_not_stored(client, form_page, journey):
    j = journey("awaiting_info")
    perform(j.fresh(), "withdraw", j.owner, comment="Withdrawn on the requester's behalf.")
    response = act(client, form_page, j, "provide_info", state="awaiting_info", comment="Here it is.")
    assert response.status_code == 409
    assert "Your request changed while you were looking at it" in response.content.decode()
    assert not Message.objects.filter(body="Here it is.").exists()


def test_an_action_not_available_now_is_refused_with_a_message(client, form_page, journey):
    j = journey("screening")
    response = act(client, form_page, j, "approve_team", state="screening")
    assert response.status_code == 409
    assert "is not possible" in response.content.decode()
    assert j.fresh().state == S.SCREENING


def test_an_unknown_action_is_refused(client, form_page, journey):
    j = journey("screening")
    response = opened(client, form_page, j).post(
        track_url(form_page), {"action": "accept", "accept-state": "screening"}
    )
    assert response.status_code == 400
    assert "This action is not available." in response.content.decode()
    assert j.fresh().state == S.SCREENING


# Downloads ----------------------------------------------------------------------------------


def download_url(page, kind, pk):
    return f"{track_url(page)}{kind}/{pk}/"


def test_approved_deliverables_download_through_the_opened_request(client, form_page, journey):
    j = journey("delivered")
    opened(client, form_page, j)
    response = client.get(download_url(form_page, "deliverables", j.deliverable.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="final-report.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert_private(response, "no-referrer")
    # The page links to it, never to a public media URL.
    html = view(client, form_page, j).content.decode()
    assert download_url(form_page, "deliverables", j.deliverable.pk) in html
    assert j.deliverable.file.name not in html and "/media/" not in html


def test_a_deliverable_whose_file_is_missing_is_not_found_rather_than_an_error(client, form_page, journey):
    j = journey("delivered")
    j.deliverable.file.storage.delete(j.deliverable.file.name)
    opened(client, form_page, j)
    client.raise_request_exception = False
    assert client.get(download_url(form_page, "deliverables", j.deliverable.pk)).status_code == 404


def test_deliverables_not_approved_or_of_another_request_are_not_found(client, form_page, journey):
    j = journey("in_progress")
    draft = DeliverableFactory(assignment=j.assignment, state="submitted")
    opened(client, form_page, j)
    assert client.get(download_url(form_page, "deliverables", draft.pk)).status_code == 404
    other = journey("delivered")
    assert client.get(download_url(form_page, "deliverables", other.deliverable.pk)).status_code == 404
    # Without an opened request, nothing at all.
    response = Client().get(download_url(form_page, "deliverables", other.deliverable.pk))
    assert response.status_code == 403 and "Open your tracking page" in response.content.decode()


def test_attachments_of_internal_notes_are_not_downloadable(client, form_page, journey):
    j = journey("screening")
    note = services.add_message(
        j.fresh(),
        actor=j.owner,
        body="Internal",
        visibility=Visibility.INTERNAL,
        files=[upload("internal.pdf")],
    )
    shared = services.add_message(j.fresh(), actor=j.owner, body="Shared", files=[upload("questions.pdf")])
    internal_file, shared_file = note.attachments.get(), shared.attachments.get()
    opened(client, form_page, j)
    assert client.get(download_url(form_page, "files", internal_file.pk)).status_code == 404
    response = client.get(download_url(form_page, "files", shared_file.pk))
    assert response.status_code == 200
    assert_private(response, "no-referrer")
    html = view(client, form_page, j).content.decode()
    assert "questions.pdf" in html and "internal.pdf" not in html
