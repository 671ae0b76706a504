import pytest
from django.urls import reverse
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from tests.workflows.factories import UserFactory
from workflows.audit import ACTION
from workflows.engine import perform

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_the_action_is_registered_with_a_readable_label():
    assert registry.action_exists(ACTION)
    assert registry.get_action_label(ACTION) == "Process step"


def test_the_object_history_view_shows_transition_and_comment(superuser_client, open_ticket, clerk):
    perform(open_ticket, "ask", clerk, comment="Which version do you run?")

    response = superuser_client.get(reverse("workflows_testapp_tickets:history", args=[open_ticket.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Ask the requester: Open → Waiting for the requester: “Which version do you run?”" in content
    assert "Which version do you run?" in content


def test_the_site_history_report_can_filter_on_the_action(superuser_client, ticket, clerk):
    perform(ticket, "take", clerk)

    response = superuser_client.get("/admin/reports/site-history/", {"action": ACTION})

    assert response.status_code == 200
    assert "Take: New → Open" in response.content.decode()


def test_a_long_comment_is_shortened_in_the_message(open_ticket, clerk):
    performed = perform(open_ticket, "ask", clerk, comment="Which version?\n\n" + "details " * 50)

    assert performed.log_entry.message.startswith(
        "Ask the requester: Open → Waiting for the requester: “Which version? details"
    )
    assert len(performed.log_entry.message) < 200
    assert performed.log_entry.comment.startswith("Which version?\n\ndetails")


def test_an_entry_of_a_transition_since_removed_keeps_its_stored_words(ticket):
    entry = ModelLogEntry.objects.log_action(
        ticket,
        ACTION,
        data={
            "transition": "escalate",
            "label": "Escalate",
            "field": "state",
            "from_state": "open",
            "to_state": "urgent",
            "actor": "system",
            "actor_kind": "system",
            "comment": "",
        },
    )

    assert entry.message == "Escalate: Open → urgent"
