import pytest
from django.utils import timezone

from workflows.models import OutboxMessage
from workflows.outbox import Notification, enqueue, event_name, idempotency_key

pytestmark = pytest.mark.django_db


def test_the_same_key_is_stored_once(ticket):
    reminder = Notification("owner@example.org", "reminder", {"n": 1}, key="reminder-1")

    first = enqueue(ticket, "workflows_testapp.ticket.reminder", [reminder])
    again = enqueue(ticket, "workflows_testapp.ticket.reminder", [reminder, reminder])

    assert first == again
    assert OutboxMessage.objects.count() == 1


def test_occurrences_tell_repeated_events_apart(ticket):
    notification = Notification("owner@example.org", "changed")

    enqueue(ticket, "e", [notification], occurrence="log:1")
    enqueue(ticket, "e", [notification], occurrence="log:2")

    assert OutboxMessage.objects.count() == 2


def test_descriptors_may_be_mappings(ticket):
    [message] = enqueue(ticket, "e", [{"recipient": "a@example.org", "template": "t", "language": "fr"}])

    assert (message.recipient, message.template, message.language) == ("a@example.org", "t", "fr")
    with pytest.raises(TypeError):
        enqueue(ticket, "e", ["a@example.org"])


def test_keys_are_stable_and_short(ticket):
    notification = Notification("a@example.org", "t")
    key = idempotency_key("e", ticket, notification, "log:1")

    assert key == idempotency_key("e", ticket, notification, "log:1")
    assert key != idempotency_key("e", ticket, notification, "log:2")
    assert len(key) == 64


def test_event_names_say_model_and_transition(ticket):
    assert event_name(ticket, "take") == "workflows_testapp.ticket.take"


def test_a_message_is_marked_sent_once(ticket):
    [message] = enqueue(ticket, "e", [Notification("a@example.org", "t")])
    now = timezone.now()

    assert message.mark_sent(now)
    assert not OutboxMessage.objects.get(pk=message.pk).mark_sent(now)
    message.refresh_from_db()
    assert (message.status, message.sent_at, message.attempts) == ("sent", now, 1)
    assert not OutboxMessage.objects.pending().exists()
