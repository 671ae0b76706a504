"""E-mail backend of the embedded defaults: every message to var/mail/, a one-line summary to the console.

The file under var/mail/ is the developer's mailbox (tracking links and all); the console only says
that a message went there. Console output ends up in logs, which carry ids and references only: no
addresses, no bodies, no links.
"""

import sys

from django.core.mail.backends.filebased import EmailBackend as FileBackend

from workflows.logging import RedactPersonalData
from workflows.mail import IDEMPOTENCY_HEADER
from workflows.models import OutboxMessage

_redact = RedactPersonalData().redact


def _outbox_id(idempotency_key):
    if not idempotency_key:
        return None
    try:
        return (
            OutboxMessage.objects.filter(idempotency_key=idempotency_key).values_list("pk", flat=True).first()
        )
    except Exception:  # no database at hand (a bare send_mail in a shell): the summary goes without
        return None


class FileAndConsoleBackend(FileBackend):
    def write_message(self, message):
        super().write_message(message)
        headers = message.extra_headers or {}
        parts = [f"e-mail {headers.get('Message-ID', '(no Message-ID)')}"]
        outbox = _outbox_id(headers.get(IDEMPOTENCY_HEADER))
        if outbox is not None:
            parts.append(f"outbox {outbox}")
        # The subject may quote what a person typed; the Message-ID is ours (outbox.<key>@our domain).
        parts.append(f"subject {_redact(message.subject)!r}")
        sys.stdout.write(f"{', '.join(parts)}; full message in {self._get_filename()}\n")
        sys.stdout.flush()
