"""Turn an outbox row into an e-mail: templates rendered in the recipient's language, stable headers.

A row names a template base, e.g. "shop/email/order_shipped"; the e-mail is made of
`<base>_subject.txt`, `<base>.txt` and, when it exists, `<base>.html`, rendered with the row's
payload (plus `recipient` and `language`) under `translation.override(row.language)`.
Text templates are rendered without HTML autoescaping; the HTML one with it.

Payload keys the sender reads (all optional):

- `reply_to`: an address or a list of addresses (else the setting `WORKFLOWS_REPLY_TO`);
- `ics` (+ `ics_filename`, default "invitation.ics"): an iCalendar text attached as text/calendar;
- `attachments`: a list of `{"filename", "content", "mimetype"}` with text content.
"""

import hashlib
import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.utils import translation

SUBJECT_SUFFIX = "_subject.txt"
TEXT_SUFFIX = ".txt"
HTML_SUFFIX = ".html"
IDEMPOTENCY_HEADER = "X-Idempotency-Key"
# Short enough that the Message-ID header stays on one line.
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,32}")


class RenderError(Exception):
    """The message cannot be built (missing or broken template, bad payload); retrying will not help."""


def message_id(idempotency_key):
    """The Message-ID of every e-mail sent for this key: a resend after a crash carries the same one."""
    local = idempotency_key if _SAFE_ID.fullmatch(idempotency_key) else _digest(idempotency_key)
    return f"<outbox.{local}@{message_id_domain()}>"


def message_id_domain():
    configured = getattr(settings, "WORKFLOWS_MESSAGE_ID_DOMAIN", "")
    if configured:
        return configured
    _, _, domain = str(settings.DEFAULT_FROM_EMAIL).rstrip(">").rpartition("@")
    return domain or "localhost"


def _digest(value):
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def _as_list(value):
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]


def reply_to(payload):
    return _as_list(payload.get("reply_to")) or _as_list(getattr(settings, "WORKFLOWS_REPLY_TO", ()))


def _render(name, context, *, autoescape):
    template = get_template(name)
    backend_template = getattr(template, "template", None)
    if backend_template is not None and not autoescape:
        # Django's engine escapes HTML by default; a text e-mail would show "&amp;" for "&".
        return backend_template.render(Context(context, autoescape=False))
    return template.render(context)


def _optional(name, context):
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return None
    return _render(name, context, autoescape=True)


def render(message):
    """(subject, text, html or None) of an outbox row, in its language; RenderError if impossible."""
    context = {**(message.payload or {}), "recipient": message.recipient, "language": message.language}
    base = message.template
    try:
        with translation.override(message.language or settings.LANGUAGE_CODE):
            subject = _render(base + SUBJECT_SUFFIX, context, autoescape=False)
            text = _render(base + TEXT_SUFFIX, context, autoescape=False)
            html = _optional(base + HTML_SUFFIX, context)
    except TemplateDoesNotExist as exc:
        raise RenderError(f"Template not found: {exc}") from exc
    except TemplateSyntaxError as exc:
        raise RenderError(f"Template error in {base}: {exc}") from exc
    # A header is one line; templates often end with a newline.
    subject = " ".join(subject.split())
    if not subject:
        raise RenderError(f"Empty subject: {base}{SUBJECT_SUFFIX}")
    return subject, text, html


def attachments(payload):
    """(filename, content, mimetype) triples named by the payload."""
    found = []
    if payload.get("ics"):
        found.append((payload.get("ics_filename") or "invitation.ics", payload["ics"], "text/calendar"))
    for item in payload.get("attachments") or ():
        try:
            found.append(
                (item["filename"], item["content"], item.get("mimetype") or "application/octet-stream")
            )
        except (KeyError, TypeError) as exc:
            raise RenderError(f"Malformed attachment in the payload: {item!r}") from exc
    return found


def build(message):
    """The EmailMultiAlternatives for an outbox row: From, To, Reply-To, stable Message-ID, attachments."""
    subject, text, html = render(message)
    payload = message.payload or {}
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        reply_to=reply_to(payload),
        headers={
            "Message-ID": message_id(message.idempotency_key),
            IDEMPOTENCY_HEADER: message.idempotency_key,
        },
    )
    if html is not None:
        email.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments(payload):
        email.attach(filename, content, mimetype)
    return email
