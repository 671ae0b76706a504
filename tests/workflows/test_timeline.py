"""The history of a ticket as its requester reads it (workflows.timeline): labelled steps only; and as
staff read it: every step as a sentence naming who did it."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.workflows.factories import TicketFactory
from tests.workflows.testapp.models import Reviewer, Ticket
from workflows.actors import Actor
from workflows.audit import ACTION as TRANSITION_ACTION
from workflows.engine import perform
from workflows.timeline import NarratedEntry, Narration, Timeline, TimelineEntry

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


# Staff read the whole history as sentences (Narration): the process registers one per step and model.

TICKET_STORY = Narration()
TICKET_STORY.register(
    Ticket,
    transitions={
        "take": "%(actor)s took the ticket",
        "ask": "%(actor)s asked the requester a question",
        "reply": "%(actor)s answered",
    },
    actions={"testapp.rating": "%(actor)s rated the answer %(score)s out of 5"},
)
TICKET_STORY.register(Reviewer, transitions={"accept": "%(actor)s agreed to review %(ticket)s"})


def _who(entry):
    data = entry.data or {}
    if data.get("actor_kind") == "requester":
        return {"actor": "The requester"}
    return {"actor": f"{entry.user.first_name} (clerk)", "ticket": "the ticket", "score": data.get("score")}


def test_every_step_reads_as_a_sentence_with_its_actor_and_comment(ticket, clerk):
    clerk.first_name = "Anna"
    clerk.save()
    perform(ticket, "take", clerk)
    perform(ticket, "ask", clerk, comment="Which version?")
    perform(ticket, "reply", Actor.requester(ticket), data={"answer": "3"})

    lines = TICKET_STORY.narrate(ModelLogEntry.objects.for_instance(ticket).order_by("timestamp", "pk"), _who)

    assert [line.text for line in lines] == [
        "Anna (clerk) took the ticket",
        "Anna (clerk) asked the requester a question",
        "The requester answered",
    ]
    assert [line.comment for line in lines] == ["", "Which version?", ""]
    assert all(isinstance(line, NarratedEntry) for line in lines)


def test_the_same_transition_name_on_another_model_has_its_own_sentence(ticket, clerk):
    perform(ticket, "take", clerk)
    reviewer = Reviewer.objects.create(
        ticket=ticket, user=clerk, response_due_at=timezone.now() + timedelta(days=5)
    )
    perform(reviewer, "invite", clerk)
    perform(reviewer, "accept", clerk)
    entries = list(ModelLogEntry.objects.for_instance(reviewer).order_by("timestamp", "pk"))

    texts = [line.text for line in TICKET_STORY.narrate(entries, _who)]

    # "invite" has no sentence: it reads as the actor and the step's label, so nothing is left out.
    assert texts == [
        f"{clerk.first_name} (clerk): Invite the reviewer",
        f"{clerk.first_name} (clerk) agreed to review the ticket",
    ]


def test_other_log_actions_have_sentences_and_a_missing_value_reads_as_nothing():
    ticket_type = SimpleNamespace(app_label=Ticket._meta.app_label, model="ticket")
    rating = SimpleNamespace(action="testapp.rating", data={"score": 4}, content_type=ticket_type)
    assert TICKET_STORY.text_of(rating, {"actor": "Anna", "score": 4}) == "Anna rated the answer 4 out of 5"
    assert TICKET_STORY.text_of(rating, {"actor": "Anna"}) == "Anna rated the answer  out of 5"
