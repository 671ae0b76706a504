"""A ticket's requester opens it with their link and sees it through a short session
(workflows.public_access): what the session holds, and every way it ends."""

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from tests.workflows.factories import TicketFactory
from tests.workflows.testapp.models import Ticket
from workflows.public_access import OpenForm, TrackingSessions, parse_code

pytestmark = pytest.mark.django_db

TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012345-_"
sessions = TrackingSessions(Ticket, session_key="ticket_tracking", idle_minutes=30)


@pytest.mark.parametrize(
    ("pasted", "code"),
    [
        (f"https://example.org/en/help/track/#{TOKEN}", TOKEN),
        (f"  {TOKEN}  ", TOKEN),
        (f"https://example.org/en/help/track/{TOKEN}/files/3/", TOKEN),  # a link sent before the fragment
        ("abc:def", ""),  # too short to be a code
        ("https://example.org/en/help/track/#", ""),
        (f"{TOKEN}<script>", ""),
        ("", ""),
    ],
)
def test_the_code_is_found_in_what_a_person_pasted(pasted, code):
    assert parse_code(pasted) == code


def test_another_process_names_its_own_path():
    assert parse_code(f"https://example.org/labels/status/{TOKEN}/", path_marker="/status/") == TOKEN
    assert parse_code(f"https://example.org/labels/track/{TOKEN}/", path_marker="/status/") == ""


def test_the_open_form_says_what_is_wrong():
    form = OpenForm({"link": "https://example.org/somewhere-else/"})
    assert not form.is_valid()
    assert form.errors["link"] == ["This does not look like a link from our e-mails."]
    assert OpenForm({"link": f"…/track/#{TOKEN}"}).is_valid()


def browser():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    return request


def reopen(request):
    """The same browser's next request: a new request object with the saved session."""
    request.session.save()
    again = RequestFactory().get("/")
    again.session = SessionStore(request.session.session_key)
    return again


def test_a_token_opens_its_ticket_and_the_session_keeps_only_its_hash():
    ticket = TicketFactory()
    token = ticket.issue_tracking_token()
    request = browser()
    request.session["before"] = "planted"
    planted_key = request.session.session_key

    found = sessions.find(token)
    assert found == ticket
    sessions.open(request, found)

    assert request.session.session_key != planted_key  # a new key: no session fixation
    held = request.session["ticket_tracking"]
    assert held["request"] == ticket.pk and held["hash"] == Ticket.hash_token(token)
    assert token not in repr(dict(request.session))
    assert sessions.current(reopen(request)) == ticket


def test_a_sign_in_code_opens_once():
    ticket = TicketFactory()
    ticket.issue_tracking_token()
    code = ticket.issue_sign_in_code()
    assert sessions.find(code) == ticket
    assert sessions.find(code) is None


def test_nothing_is_found_for_junk():
    assert sessions.find(TOKEN) is None
    assert sessions.find("not:a:signed:code") is None


def test_the_session_ends_after_the_idle_time():
    ticket = TicketFactory()
    with time_machine.travel("2026-03-02 09:00 +0000", tick=False) as clock:
        request = browser()
        sessions.open(request, Ticket.find_by_token(ticket.issue_tracking_token()))
        clock.shift(29 * 60)
        request = reopen(request)
        assert sessions.current(request) == ticket  # and the idle clock starts again
        clock.shift(29 * 60)
        request = reopen(request)
        assert sessions.current(request) == ticket
        clock.shift(31 * 60)
        request = reopen(request)
        assert sessions.had_session(request)
        assert sessions.current(request) is None
        assert not sessions.had_session(request)  # ended, not only refused


def test_a_rotated_token_ends_every_session_opened_with_the_old_one():
    ticket = TicketFactory()
    request = browser()
    sessions.open(request, Ticket.find_by_token(ticket.issue_tracking_token()))
    ticket.issue_tracking_token()  # "this link leaked"
    request = reopen(request)
    assert sessions.current(request) is None
    assert not sessions.had_session(request)


def test_signing_out_ends_the_session_of_this_browser_only():
    ticket = TicketFactory()
    token = ticket.issue_tracking_token()
    first, second = browser(), browser()
    sessions.open(first, Ticket.find_by_token(token))
    sessions.open(second, Ticket.find_by_token(token))
    sessions.end(first)
    assert sessions.current(reopen(first)) is None
    assert sessions.current(reopen(second)) == ticket


@pytest.mark.parametrize(
    "held",
    [
        "a string",
        {"request": "1", "hash": "x", "seen": 0},
        {"request": 1, "hash": "x"},
        {"request": 1, "hash": None, "seen": "now"},
    ],
)
def test_a_tampered_or_malformed_session_opens_nothing(held):
    TicketFactory().issue_tracking_token()
    request = browser()
    request.session["ticket_tracking"] = held
    assert sessions.current(request) is None


def test_the_idle_time_may_follow_a_setting(settings):
    settings.TEST_TRACKING_IDLE = 1
    short = TrackingSessions(
        Ticket, session_key="ticket_tracking", idle_minutes=lambda: settings.TEST_TRACKING_IDLE
    )
    ticket = TicketFactory()
    with time_machine.travel("2026-03-02 09:00 +0000", tick=False) as clock:
        request = browser()
        short.open(request, Ticket.find_by_token(ticket.issue_tracking_token()))
        clock.shift(90)
        assert short.current(reopen(request)) is None
