"""State diagrams drawn from the transitions a model declares (workflows.diagrams), on the test app."""

import pytest
from django.core.management import CommandError, call_command

from tests.workflows.testapp.models import Reviewer, Ticket
from workflows.diagrams import document, mermaid, process_models, processes_of, table

TICKET_DIAGRAM = """\
stateDiagram-v2
    state "New" as new
    state "Open" as open
    state "Waiting for the requester" as waiting
    state "Resolved" as resolved
    state "Closed" as closed
    [*] --> new
    new --> open: Take · clerk
    open --> waiting: Ask the requester · owner
    waiting --> open: Reply · requester
    open --> resolved: Resolve · owner
    resolved --> closed: Close · system
    new --> closed: Withdraw · owner_or_requester()
    open --> closed: Withdraw · owner_or_requester()
    waiting --> closed: Withdraw · owner_or_requester()
    closed --> [*]"""

TICKET_TABLE = "\n".join(
    [
        "| from | transition | to | who | asks for |",
        "| --- | --- | --- | --- | --- |",
        "| New | `take` (Take) | Open | clerk | – |",
        "| Open | `ask` (Ask the requester) | Waiting for the requester | owner | a comment |",
        "| Waiting for the requester | `reply` (Reply) | Open | requester | – |",
        "| Open | `resolve` (Resolve) | Resolved | owner "
        "| field `resolution`; guard: “The ticket has no answer yet.” |",
        "| Resolved | `close` (Close) | Closed | system | – |",
        "| New, Open, Waiting for the requester | `withdraw` (Withdraw) | Closed "
        "| owner_or_requester() | a comment |",
    ]
)


@pytest.fixture
def ticket_process():
    [process] = processes_of(Ticket)
    return process


def test_the_diagram_shows_every_state_each_transition_from_each_source_and_who_may(ticket_process):
    assert mermaid(ticket_process) == TICKET_DIAGRAM


def test_the_table_says_what_each_transition_asks_for(ticket_process):
    assert table(ticket_process) == TICKET_TABLE


def test_process_models_are_found_through_the_apps_and_an_app_can_be_left_out():
    found = process_models()
    assert Ticket in found and Reviewer in found
    assert found.index(Reviewer) < found.index(Ticket)  # by app label, then by name
    left = process_models(exclude=["workflows_testapp"])
    assert Ticket not in left and Reviewer not in left


def test_the_document_holds_a_mermaid_block_per_process():
    text = document([Ticket])
    assert text.startswith("# Processes: states and transitions\n")
    assert "## workflows_testapp.Ticket.state\n" in text
    assert f"```mermaid\n{TICKET_DIAGRAM}\n```\n\n{TICKET_TABLE}\n" in text


def test_the_command_writes_the_document_and_checks_it(tmp_path):
    path = tmp_path / "processes.md"
    call_command("process_diagrams", "--write", str(path), "--exclude", "workflows_testapp")
    written = path.read_text(encoding="utf-8")
    assert "## workflows_testapp.Ticket.state" not in written
    call_command("process_diagrams", "--check", str(path), "--exclude", "workflows_testapp")

    path.write_text(written.replace("stateDiagram-v2", "stateDiagram", 1), encoding="utf-8")
    with pytest.raises(CommandError, match="is not current: run manage.py process_diagrams --write"):
        call_command("process_diagrams", "--check", str(path), "--exclude", "workflows_testapp")
