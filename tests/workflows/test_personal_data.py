"""The personal data registry: providers found, exported and erased through one interface."""

import csv
import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from wagtail.log_actions import log as wagtail_log
from wagtail.models import ModelLogEntry

from tests.workflows.factories import TicketFactory, UserFactory
from tests.workflows.testapp.models import Ticket
from workflows import outbox, personal_data
from workflows.models import OutboxMessage
from workflows.personal_data import PLACEHOLDER, Provider, Record

ADDRESS = "ada.lovelace@example.org"


class TicketProvider(Provider):
    """What a later process app would register: its tickets by requester address."""

    name = "tickets"
    label = "Tickets"

    def find(self, address):
        for ticket in Ticket.objects.filter(requester_email__iexact=address):
            yield Record(kind="ticket", id=ticket.pk, summary=ticket.title, data={"title": ticket.title})

    def erase(self, address, erasure):
        tickets = list(Ticket.objects.filter(requester_email__iexact=address))
        for ticket in tickets:
            Ticket.objects.filter(pk=ticket.pk).update(requester_email="", title=PLACEHOLDER)
            erasure.audit(ticket, {"ticket": 1})
        return {"ticket": len(tickets)}


@pytest.fixture
def tickets_registered(monkeypatch):
    monkeypatch.setattr(personal_data, "_providers", dict(personal_data._providers))
    return personal_data.register(TicketProvider())


def _notify(obj, recipient, **context):
    return outbox.enqueue(
        obj,
        "tests.ticket.event",
        [outbox.Notification(recipient, "tests/mail", context)],
        occurrence=json.dumps(context, sort_keys=True),
    )[0]


@pytest.mark.django_db
def test_a_registered_provider_is_found_exported_and_erased(tickets_registered):
    ticket = TicketFactory(requester_email="Ada.Lovelace@example.org", title="Printer on fire")

    found = {group.provider.name: group for group in personal_data.find(ADDRESS)}
    assert [record.summary for record in found["tickets"].records] == ["Printer on fire"]

    data = personal_data.export_data(ADDRESS)
    assert data["providers"]["tickets"] == [
        {
            "kind": "ticket",
            "id": ticket.pk,
            "summary": "Printer on fire",
            "data": {"title": "Printer on fire"},
        }
    ]

    erasure = personal_data.erase(ADDRESS, reason="asked by e-mail", user=None)
    assert erasure.counts["tickets"] == {"ticket": 1}
    ticket.refresh_from_db()
    assert (ticket.requester_email, ticket.title) == ("", PLACEHOLDER)
    entry = ModelLogEntry.objects.get(action="privacy.erase", object_id=str(ticket.pk))
    assert entry.data == {"counts": {"ticket": 1}, "reason": "asked by e-mail"}


@pytest.mark.django_db
def test_the_engine_providers_come_after_the_apps_so_they_sweep_up_last(tickets_registered):
    names = [provider.name for provider in personal_data.providers()]
    assert names[-3:] == ["accounts", "outbox", "audit"]
    assert names.index("tickets") < names.index("accounts")


def test_normalise_refuses_what_is_not_an_address():
    assert personal_data.normalise("  Ada.Lovelace@Example.org ") == ADDRESS
    for bad in ["", "ada", "ada@", "a\x00b@example.org", "<script>@x"]:
        with pytest.raises(ValidationError):
            personal_data.normalise(bad)


def test_address_hash_is_keyed_stable_and_case_blind(settings):
    settings.PRIVACY_HASH_KEY = "k1"
    first = personal_data.address_hash(ADDRESS)
    assert first == personal_data.address_hash("ADA.LOVELACE@example.org ")
    assert ADDRESS not in first and len(first) == 64
    settings.PRIVACY_HASH_KEY = "k2"
    assert personal_data.address_hash(ADDRESS) != first


def test_scrub_replaces_every_needle_in_nested_values_whatever_the_case():
    value = {"a": "Write to ADA.lovelace@example.org", "b": ["Dear Ada Lovelace", 3], "c": None}
    assert personal_data.scrub(value, ADDRESS, "Ada Lovelace") == {
        "a": f"Write to {PLACEHOLDER}",
        "b": [f"Dear {PLACEHOLDER}", 3],
        "c": None,
    }


def test_scrub_ignores_needles_too_short_to_be_a_person():
    # An empty phone number or a two-letter name must not blank every "a" of a text.
    assert personal_data.scrub("a text", "", "a ") == "a text"


def test_the_csv_export_neutralises_formulas():
    data = {"providers": {"x": [{"kind": "k", "id": 1, "summary": '=HYPERLINK("http://evil")', "data": {}}]}}
    rows = list(csv.reader(io.StringIO(personal_data.export_csv(data))))
    assert rows[1][4] == '\'=HYPERLINK("http://evil")'


@pytest.mark.django_db
def test_outbox_rows_to_the_address_are_redacted_and_no_longer_sent():
    ticket = TicketFactory()
    pending = _notify(
        ticket, ADDRESS, requester_name="Ada Lovelace", tracking_token="secret-token", state="open"
    )
    other = _notify(ticket, "clerk@example.org", note=f"call {ADDRESS} back", state="open")
    untouched = _notify(ticket, "clerk@example.org", note="nothing personal")

    found = [record.id for record in personal_data.OutboxProvider().find(ADDRESS)]
    assert found == [pending.pk, other.pk]
    # Tokens never leave the database, not even in an export.
    exported = next(r for r in personal_data.OutboxProvider().find(ADDRESS) if r.id == pending.pk)
    assert "tracking_token" not in exported.data["payload"]

    personal_data.erase(ADDRESS, reason="request", user=None)
    pending.refresh_from_db()
    other.refresh_from_db()
    untouched.refresh_from_db()
    assert pending.recipient == PLACEHOLDER
    assert pending.status == OutboxMessage.Status.FAILED
    assert pending.payload == {"requester_name": PLACEHOLDER, "state": "open"}
    assert other.recipient == "clerk@example.org"
    assert ADDRESS not in json.dumps(other.payload)
    assert untouched.payload == {"note": "nothing personal"}


@pytest.mark.django_db
def test_accounts_are_emptied_and_deactivated_not_deleted():
    user = UserFactory(
        username="ada", email="Ada.Lovelace@example.org", first_name="Ada", last_name="Lovelace"
    )
    personal_data.erase(ADDRESS, reason="left the network", user=None)
    user.refresh_from_db()
    assert (user.username, user.email, user.first_name, user.last_name) == (f"erased-{user.pk}", "", "", "")
    assert not user.is_active and not user.has_usable_password()


@pytest.mark.django_db
def test_an_active_administrator_account_is_refused_by_a_check():
    UserFactory(username="root", email=ADDRESS, is_superuser=True)
    assert personal_data.refusals(ADDRESS)


@pytest.mark.django_db
def test_log_entries_naming_the_address_keep_their_facts_without_it():
    ticket = TicketFactory()
    entry = wagtail_log(ticket, "wagtail.edit", data={"note": f"Mail from {ADDRESS}", "count": 2})
    erase = wagtail_log(ticket, "privacy.erase", data={"counts": {}, "reason": "x"})
    assert [r.id for r in personal_data.AuditLogProvider().find(ADDRESS)] == [f"modellogentry:{entry.pk}"]
    personal_data.erase(ADDRESS, reason="x", user=None)
    entry.refresh_from_db()
    assert entry.data == {"note": f"Mail from {PLACEHOLDER}", "count": 2}
    erase.refresh_from_db()
    assert erase.data == {"counts": {}, "reason": "x"}


@pytest.mark.django_db
def test_the_erasure_reason_in_the_log_never_holds_the_address(tickets_registered):
    ticket = TicketFactory(requester_email=ADDRESS)
    personal_data.erase(ADDRESS, reason=f"Mail of {ADDRESS} on 3 May", user=None)
    entry = ModelLogEntry.objects.get(action="privacy.erase", object_id=str(ticket.pk))
    assert entry.data["reason"] == f"Mail of {PLACEHOLDER} on 3 May"


@pytest.mark.django_db
def test_the_zip_holds_the_json_and_the_csv_of_the_same_data(tickets_registered):
    TicketFactory(requester_email=ADDRESS, title="Printer on fire")
    archive = zipfile.ZipFile(io.BytesIO(personal_data.export_zip(ADDRESS)))
    assert sorted(archive.namelist()) == ["personal-data.csv", "personal-data.json"]
    data = json.loads(archive.read("personal-data.json"))
    assert data["providers"]["tickets"][0]["summary"] == "Printer on fire"
    assert "Printer on fire" in archive.read("personal-data.csv").decode()
