"""The history of a ticket as its requester reads it (workflows.timeline): labelled steps only."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from wagtail.models import ModelLogEntry

from tests.workflows.factories import TicketFactory
from workflows.actors import Actor
from workflows.audit import ACTION as TRANSITION_ACTION
from workflows.engine import perform
from workflows.timeline import Timeline, TimelineEntry

pytestmark = pytest.mark.django_db

REQUESTER_TIMELINE = Timeline(
    transitions={"take": "We are looking at your ticket", "reply": "You answered our question"},
    actions={"testapp.rating": "You rated our answer"},
)


def test_only_labelled_steps_are_shown_in_the_requesters_words(ticket, clerk):
    perform(ticket, "take", clerk)
    perform(ticket, "ask", clerk, comment="Internal: check the licence first.")  # no label: not shown
    perform(ticket, "reply", Actor.requester(ticket), data={"answer": "Version 3."})

    entries = REQUESTER_TIMELINE.for_object(ticket)

    assert [entry.label for entry in entries] == [
        "We are looking at your ticket",
        "You answered our question",
    ]
    assert all(isinstance(entry, TimelineEntry) for entry in entries)
    assert entries == sorted(entries, key=lambda entry: entry.timestamp)
    shown = " ".join(str(vars(entry)) for entry in entries)
    assert "licence" not in shown and clerk.username not in shown


def test_entries_a_caller_selected_are_labelled_in_the_order_given(ticket, clerk):
    perform(ticket, "take", clerk)
    perform(ticket, "ask", clerk, comment="Which version?")
    perform(ticket, "reply", Actor.requester(ticket), data={"answer": "3"})
    newest_first = ModelLogEntry.objects.for_instance(ticket).order_by("-timestamp", "-pk")

    assert [entry.label for entry in REQUESTER_TIMELINE.entries(newest_first)] == [
        "You answered our question",
        "We are looking at your ticket",
    ]


def test_other_log_actions_are_shown_by_their_name_when_labelled():
    moment = datetime(2026, 3, 2, 9, tzinfo=UTC)
    logged = [
        SimpleNamespace(action="testapp.rating", data={"score": 5}, timestamp=moment),
        SimpleNamespace(action="testapp.internal-note", data={"note": "Call them"}, timestamp=moment),
        SimpleNamespace(action=TRANSITION_ACTION, data=None, timestamp=moment),  # a damaged entry
    ]
    assert REQUESTER_TIMELINE.entries(logged) == [TimelineEntry("You rated our answer", moment)]


def test_another_objects_entries_are_not_in_the_timeline(ticket, clerk):
    other = TicketFactory()
    perform(other, "take", clerk)
    assert REQUESTER_TIMELINE.for_object(ticket) == []
