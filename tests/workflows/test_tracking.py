"""The private tracking link (workflows.tracking), on the test app's Ticket: default lifetimes, own salt."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import signing

from tests.workflows.factories import TicketFactory
from tests.workflows.testapp.models import Ticket

pytestmark = pytest.mark.django_db

ISSUED = datetime(2026, 3, 2, 10, tzinfo=UTC)


@pytest.fixture
def ticket():
    return TicketFactory(state=Ticket.State.OPEN)


def test_only_the_hash_is_stored_and_the_token_opens_its_ticket(ticket):
    with time_machine.travel(ISSUED, tick=False):
        token = ticket.issue_tracking_token()
    ticket.refresh_from_db()
    assert ticket.tracking_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in ticket.tracking_token_hash
    assert ticket.tracking_token_issued_at == ISSUED
    assert Ticket.find_by_token(token) == ticket


def test_malformed_tampered_and_retired_tokens_open_nothing(ticket):
    old = ticket.issue_tracking_token()
    token = ticket.issue_tracking_token()
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for wrong in (old, tampered, token.upper(), "", None, 42, "x" * 129, token + "x"):
        assert Ticket.find_by_token(wrong) is None
    assert Ticket.find_by_token(token) == ticket


def test_the_link_works_while_the_process_runs_and_ninety_days_after_it_ended(ticket):
    with time_machine.travel(ISSUED, tick=False):
        token = ticket.issue_tracking_token()
    with time_machine.travel(ISSUED + timedelta(days=400), tick=False):
        assert Ticket.find_by_token(token) == ticket  # still open: no end
        assert ticket.tracking_link_expires_at is None
    ended = datetime(2026, 6, 1, 12, tzinfo=UTC)
    Ticket.objects.filter(pk=ticket.pk).update(state=Ticket.State.CLOSED, closed_at=ended)
    ticket.refresh_from_db()
    assert ticket.tracking_link_expires_at == datetime(2026, 8, 30, 12, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 8, 30, 11, 59, tzinfo=UTC), tick=False):
        assert Ticket.find_by_token(token) == ticket
        assert not ticket.tracking_link_expired
    with time_machine.travel(datetime(2026, 8, 30, 12, tzinfo=UTC), tick=False):
        assert Ticket.find_by_token(token) is None
        assert ticket.tracking_link_expired


def test_a_link_issued_after_the_end_counts_from_its_issue(ticket):
    Ticket.objects.filter(pk=ticket.pk).update(
        state=Ticket.State.CLOSED, closed_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    ticket.refresh_from_db()
    with time_machine.travel(ISSUED, tick=False):
        token = ticket.issue_tracking_token()
    assert ticket.tracking_link_expires_at == datetime(2026, 5, 31, 10, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 5, 1, tzinfo=UTC), tick=False):
        assert Ticket.find_by_token(token) == ticket


def test_an_untrackable_object_is_opened_by_nothing(ticket, monkeypatch):
    token = ticket.issue_tracking_token()
    code = ticket.issue_sign_in_code()
    monkeypatch.setattr(Ticket, "is_trackable", lambda self: False)
    assert Ticket.find_by_token(token) is None
    assert Ticket.find_by_sign_in_code(code) is None
    assert not ticket.tracking_hash_matches(ticket.tracking_token_hash)


def test_the_session_hash_matches_only_the_live_token(ticket):
    ticket.issue_tracking_token()
    held = ticket.tracking_token_hash
    assert ticket.tracking_hash_matches(held)
    for wrong in (None, "", 42, held.upper(), held[:-1]):
        assert not ticket.tracking_hash_matches(wrong)
    ticket.issue_tracking_token()
    assert not ticket.tracking_hash_matches(held)


def test_a_sign_in_code_opens_once(ticket):
    ticket.issue_tracking_token()
    code = ticket.issue_sign_in_code()
    assert Ticket.find_by_sign_in_code(code) == ticket
    assert Ticket.find_by_sign_in_code(code) is None
    assert Ticket.find_by_sign_in_code(ticket.issue_sign_in_code()) == ticket  # a new code is new


def test_a_sign_in_code_lasts_a_day(ticket):
    ticket.issue_tracking_token()
    with time_machine.travel(ISSUED, tick=False):
        late, in_time = ticket.issue_sign_in_code(), ticket.issue_sign_in_code()
    with time_machine.travel(ISSUED + timedelta(hours=23, minutes=59), tick=False):
        assert Ticket.find_by_sign_in_code(in_time) == ticket
    with time_machine.travel(ISSUED + timedelta(hours=24, seconds=1), tick=False):
        assert Ticket.find_by_sign_in_code(late) is None


def test_rotating_the_token_voids_its_codes(ticket):
    ticket.issue_tracking_token()
    code = ticket.issue_sign_in_code()
    ticket.issue_tracking_token()
    assert Ticket.find_by_sign_in_code(code) is None


def test_a_code_needs_the_process_salt_and_its_own_object(ticket):
    ticket.issue_tracking_token()
    other = TicketFactory(state=Ticket.State.OPEN)
    other.issue_tracking_token()
    payload = {"r": ticket.pk, "h": ticket.tracking_token_hash[:16], "n": "nonce"}
    assert Ticket.find_by_sign_in_code(signing.dumps(payload, salt="another.process.sign-in")) is None
    assert Ticket.find_by_sign_in_code(signing.dumps(payload, salt="testapp.ticket.sign-in")) == ticket
    forged = {**payload, "r": other.pk}  # the fingerprint of another object's token
    assert Ticket.find_by_sign_in_code(signing.dumps(forged, salt="testapp.ticket.sign-in")) is None
    for junk in ("", None, 7, "x" * 513, "not-signed", signing.dumps([1], salt="testapp.ticket.sign-in")):
        assert Ticket.find_by_sign_in_code(junk) is None


def test_no_code_without_a_token(ticket):
    with pytest.raises(ValueError, match="no tracking token"):
        ticket.issue_sign_in_code()
