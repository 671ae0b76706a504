"""Personal data held about one e-mail address, across apps: find it, export it, erase it.

Each app that keeps personal data registers a provider (`register`, from its AppConfig.ready())
that knows what the app holds about an address. This module provides the providers of what the
engine itself keeps (outbox rows, audit log entries) and of user accounts; process apps add theirs.
The staff tools and the erasure record live in the `privacy` app, which only talks to this registry.
"""

import csv
import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log
from wagtail.models import ModelLogEntry, PageLogEntry

from .models import OutboxMessage

# What replaces erased text. Stored, so never translated; templates show it as it is.
PLACEHOLDER = "[erased]"
ERASE_ACTION = "privacy.erase"
# Formula prefixes spreadsheet programs execute when a CSV cell starts with them.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Payload keys whose values are secrets and never leave the database, not even in an export.
SECRET_KEY_PATTERN = re.compile(r"token", re.IGNORECASE)


@dataclass
class Record:
    """One thing an app holds about the address: shown to staff, exported as it is."""

    kind: str
    id: Any
    summary: str
    data: dict = field(default_factory=dict)


@dataclass
class Erasure:
    """What a provider needs to erase: the address, the reason, who asked, and shared helpers."""

    address: str
    reason: str = ""
    user: Any = None
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    needles: tuple = ()
    counts: dict = field(default_factory=dict)

    def __post_init__(self):
        self.needles = tuple(n for n in (self.address, *self.needles) if n)

    def scrub(self, value, *extra):
        return scrub(value, *self.needles, *extra)

    def audit(self, obj, counts):
        """One "privacy.erase" log entry on `obj`: counts and the (scrubbed) reason, never the person."""
        return wagtail_log(
            obj,
            ERASE_ACTION,
            user=self.user,
            uuid=self.uuid,
            # The title is the object's name as it is now; scrubbed in case it still names the person.
            title=self.scrub(str(obj) or f"{type(obj).__name__} {obj.pk}"),
            data={"counts": counts, "reason": self.scrub(self.reason)},
        )


class Provider:
    """What one app holds about an address. Subclasses set `name` and `label` and implement the methods."""

    name = ""
    label = ""
    # Keys of outbox payloads (string values) that carry no personal data and survive redaction.
    payload_keys_kept = frozenset()

    def find(self, address):
        """The Records about `address` (a normalised address)."""
        raise NotImplementedError

    def refusals(self, address):
        """Why the data of `address` cannot be erased now (texts for staff); empty when it can."""
        return []

    def erase(self, address, erasure):
        """Erase or anonymise what this app holds about `address`; returns {kind: count}."""
        raise NotImplementedError


_providers = {}


def register(provider):
    """Add a provider (an instance); a second one of the same name replaces the first."""
    if not provider.name:
        raise ValueError("A personal data provider needs a name.")
    _providers[provider.name] = provider
    return provider


def providers():
    """The apps' providers in registration order, then the engine's own.

    Erasure runs in this order too: the apps anonymise their records (and name the person's other
    identifiers, e.g. a name), then accounts, outbox and log entries sweep up what is left.
    """
    builtin = [AccountProvider(), OutboxProvider(), AuditLogProvider()]
    names = {provider.name for provider in builtin}
    return [p for name, p in _providers.items() if name not in names] + [
        _providers.get(provider.name, provider) for provider in builtin
    ]


def kept_payload_keys():
    kept = set(OutboxProvider.payload_keys_kept)
    for provider in providers():
        kept.update(provider.payload_keys_kept)
    return frozenset(kept)


# Helpers -------------------------------------------------------------------------------------


def normalise(address):
    """The address trimmed and lower-cased; ValidationError when it is not an e-mail address."""
    address = (address or "").strip().lower()
    validate_email(address)
    return address


def address_hash(address):
    """A keyed hash of the address: recognises a repeated request without storing the address.

    Keyed with PRIVACY_HASH_KEY (else SECRET_KEY): without the key nobody can test guesses against it.
    """
    key = getattr(settings, "PRIVACY_HASH_KEY", "") or settings.SECRET_KEY
    return salted_hmac(
        "workflows.personal_data.address", address.strip().lower(), secret=key, algorithm="sha256"
    ).hexdigest()


def scrub(value, *needles):
    """`value` with every occurrence of each needle (case-insensitive) replaced; dicts and lists deeply."""
    needles = [n for n in needles if n and len(n.strip()) >= 3]
    if not needles:
        return value
    if isinstance(value, str):
        for needle in sorted(needles, key=len, reverse=True):
            value = re.sub(re.escape(needle), PLACEHOLDER, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, dict):
        return {key: scrub(item, *needles) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(item, *needles) for item in value]
    return value


def redact_payload(payload, kept=None, needles=()):
    """A payload with its secrets dropped and every other string replaced, but the kept keys' values."""
    kept = kept_payload_keys() if kept is None else kept
    redacted = {}
    for key, value in (payload or {}).items():
        if SECRET_KEY_PATTERN.search(key):
            continue
        if isinstance(value, str) and value and key not in kept:
            redacted[key] = PLACEHOLDER
        else:
            redacted[key] = scrub(value, *needles)
    return redacted


def public_payload(payload):
    """A payload as it may be exported: without secrets (tracking tokens)."""
    return {key: value for key, value in (payload or {}).items() if not SECRET_KEY_PATTERN.search(key)}


def as_text(value):
    return (
        json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False) if not isinstance(value, str) else value
    )


# Find, export --------------------------------------------------------------------------------


@dataclass
class Found:
    provider: Provider
    records: list

    @property
    def count(self):
        return len(self.records)


def find(address):
    """[Found] per provider, in the providers' order (those with nothing too)."""
    return [Found(provider, list(provider.find(address))) for provider in providers()]


def export_data(address):
    """Everything found about `address` as one JSON-able dict."""
    return {
        "address": address,
        "providers": {
            found.provider.name: [
                {"kind": record.kind, "id": record.id, "summary": record.summary, "data": record.data}
                for record in found.records
            ]
            for found in find(address)
        },
    }


def _safe_cell(value):
    text = as_text(value) if value is not None else ""
    # A cell starting with a formula character would run in a spreadsheet: make it text.
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def export_csv(data):
    """The export as CSV, one row per field of each record (records have different fields)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["source", "kind", "id", "field", "value"])
    for name, records in data["providers"].items():
        for record in records:
            writer.writerow(
                map(_safe_cell, [name, record["kind"], record["id"], "summary", record["summary"]])
            )
            for key, value in record["data"].items():
                writer.writerow(map(_safe_cell, [name, record["kind"], record["id"], key, value]))
    return out.getvalue()


def export_zip(address):
    """A zip with `personal-data.json` and `personal-data.csv`; returns its bytes."""
    data = export_data(address)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "personal-data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        archive.writestr("personal-data.csv", export_csv(data))
    return buffer.getvalue()


# Erase ---------------------------------------------------------------------------------------


def refusals(address):
    return [reason for provider in providers() for reason in provider.refusals(address)]


def erase(address, *, reason="", user=None):
    """Erase what every provider holds about `address`, in one transaction.

    Returns the Erasure, its `counts` ({provider: {kind: count}}) filled and its `needles` (every
    identifier of the person the providers named) ready to scrub anything else written about it.
    Files are removed from storage after commit.
    """
    erasure = Erasure(address=address, reason=reason, user=user)
    counts = {}
    with transaction.atomic():
        for provider in providers():
            counts[provider.name] = provider.erase(address, erasure)
    erasure.counts = counts
    return erasure


def delete_file_on_commit(fieldfile):
    """Remove a stored file once the transaction commits (a rollback keeps it)."""
    if not fieldfile or not fieldfile.name:
        return
    storage, name = fieldfile.storage, fieldfile.name
    transaction.on_commit(lambda: storage.delete(name))


# The engine's own providers ------------------------------------------------------------------


class AccountProvider(Provider):
    """User accounts with the address: anonymised and deactivated, never deleted (history points to them)."""

    name = "accounts"
    label = _("User accounts")

    def _users(self, address):
        return get_user_model().objects.filter(email__iexact=address).order_by("pk")

    def find(self, address):
        for user in self._users(address):
            yield Record(
                kind="user",
                id=user.pk,
                summary=user.get_username(),
                data={
                    "username": user.get_username(),
                    "first_name": getattr(user, "first_name", ""),
                    "last_name": getattr(user, "last_name", ""),
                    "email": user.email,
                    "is_active": user.is_active,
                    "date_joined": getattr(user, "date_joined", None),
                    "last_login": user.last_login,
                    "groups": sorted(user.groups.values_list("name", flat=True)),
                },
            )

    def refusals(self, address):
        if self._users(address).filter(is_superuser=True, is_active=True).exists():
            return [
                _("An active administrator account has this address: change its address or remove it first.")
            ]
        return []

    def erase(self, address, erasure):
        count = 0
        for user in self._users(address):
            needles = [n for n in (user.get_username(), user.get_full_name()) if n]
            user.email = ""
            if hasattr(user, "first_name"):
                user.first_name = ""
                user.last_name = ""
            setattr(user, user.USERNAME_FIELD, f"erased-{user.pk}")
            user.is_active = False
            user.set_unusable_password()
            user.save()
            erasure.needles = (*erasure.needles, *needles)
            erasure.audit(user, {"user": 1})
            count += 1
        return {"user": count}


class OutboxProvider(Provider):
    """Notifications to the address, or whose payload names it: recipient and payload redacted."""

    name = "outbox"
    label = _("Outgoing notifications")
    payload_keys_kept = frozenset({"audience", "state", "transition", "actor_kind", "language", "template"})

    def _rows(self, address):
        return (
            OutboxMessage.objects.annotate(_payload_text=Cast("payload", TextField()))
            .filter(Q(recipient__iexact=address) | Q(_payload_text__icontains=address))
            .order_by("pk")
        )

    def find(self, address):
        for message in self._rows(address):
            yield Record(
                kind="notification",
                id=message.pk,
                summary=f"{message.event} ({message.get_status_display()})",
                data={
                    "event": message.event,
                    "recipient": message.recipient,
                    "template": message.template,
                    "language": message.language,
                    "status": message.status,
                    "created_at": message.created_at,
                    "sent_at": message.sent_at,
                    "payload": public_payload(message.payload),
                },
            )

    def erase(self, address, erasure):
        count = 0
        for message in self._rows(address):
            redact_outbox_message(message, erasure.needles, recipient=address)
            count += 1
        return {"notification": count}


def redact_outbox_message(message, needles=(), recipient=None):
    """Redact one outbox row: its payload always; its recipient when it is `recipient`.

    A row still waiting to be sent to an erased recipient is failed, so it never goes out.
    """
    message.payload = redact_payload(message.payload, needles=needles)
    fields = ["payload"]
    if recipient and message.recipient.lower() == recipient.lower():
        message.recipient = PLACEHOLDER
        fields.append("recipient")
        if message.status in (OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING):
            message.status = OutboxMessage.Status.FAILED
            message.last_error = "Recipient erased."
            fields += ["status", "last_error"]
    message.last_error = scrub(message.last_error, *needles)
    OutboxMessage.objects.filter(pk=message.pk).update(
        **{name: getattr(message, name) for name in {*fields, "last_error"}}
    )


def log_entry_models():
    """Wagtail's log entry models (pages and every other model)."""
    return [ModelLogEntry, PageLogEntry]


def scrub_log_entry(entry, needles):
    """Replace the needles in a log entry's title and data, in place and in the database."""
    label, data = scrub(entry.label, *needles), scrub(entry.data, *needles)
    if label != entry.label or data != entry.data:
        type(entry).objects.filter(pk=entry.pk).update(label=label, data=data)
        entry.label, entry.data = label, data


class AuditLogProvider(Provider):
    """Audit log entries whose title or data contain the address: the address is replaced there."""

    name = "audit"
    label = _("Audit log entries")

    def _entries(self, address):
        for model in log_entry_models():
            yield from (
                model.objects.annotate(_data_text=Cast("data", TextField()))
                .filter(Q(label__icontains=address) | Q(_data_text__icontains=address))
                .exclude(action=ERASE_ACTION)
                .order_by("pk")
            )

    def find(self, address):
        for entry in self._entries(address):
            yield Record(
                kind="log entry",
                id=f"{entry._meta.model_name}:{entry.pk}",
                summary=f"{entry.action} · {entry.timestamp:%Y-%m-%d}",
                data={
                    "action": entry.action,
                    "timestamp": entry.timestamp,
                    "label": entry.label,
                    "data": entry.data,
                },
            )

    def erase(self, address, erasure):
        count = 0
        for entry in self._entries(address):
            scrub_log_entry(entry, erasure.needles)
            count += 1
        return {"log entry": count}


class ErasureLogFormatter(LogFormatter):
    label = _("Personal data erased")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        counts = data.get("counts") or {}
        parts = ", ".join(f"{kind}: {count}" for kind, count in counts.items())
        if data.get("retention"):
            return _("Personal data anonymised at the end of the retention period (%(counts)s)") % {
                "counts": parts
            }
        return _("Personal data erased (%(counts)s)") % {"counts": parts}

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


def register_log_actions(actions):
    actions.register_action(ERASE_ACTION)(ErasureLogFormatter)
