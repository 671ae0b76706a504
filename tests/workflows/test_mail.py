"""Rendering an outbox row into an e-mail: templates per language, headers, attachments."""

import pytest
from django.test import override_settings

from workflows import mail
from workflows.outbox import Notification, enqueue

pytestmark = pytest.mark.django_db

TEMPLATES = {
    "shop/email/greeting_subject.txt": (
        "{% load i18n %}\n{% translate 'January' %} & {{ title }}\n  for {{ recipient }}\n"
    ),
    "shop/email/greeting.txt": (
        "{% load i18n %}{% get_current_language as lang %}[{{ lang }}] {% translate 'January' %}: "
        "{{ title }} <ok>\n"
    ),
    "shop/email/greeting.html": "{% load i18n %}<p>{% translate 'January' %}: {{ title }}</p>\n",
    "shop/email/plain_subject.txt": "Plain",
    "shop/email/plain.txt": "Only text",
    "shop/email/broken_subject.txt": "Broken",
    "shop/email/broken.txt": "{% if %}",
    "shop/email/blank_subject.txt": "   \n",
    "shop/email/blank.txt": "body",
}


def locmem_templates(templates):
    return override_settings(
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", templates)]},
            }
        ]
    )


@pytest.fixture(autouse=True)
def email_templates():
    with locmem_templates(TEMPLATES):
        yield


@pytest.fixture
def make_message(ticket):
    def make(template="shop/email/greeting", language="", context=None, key="", recipient="ann@example.org"):
        notification = Notification(recipient, template, context or {"title": "Fish & Chips"}, language, key)
        [message] = enqueue(ticket, "workflows_testapp.ticket.greet", [notification])
        return message

    return make


def test_renders_subject_text_and_html_in_the_recipients_language(make_message):
    german = mail.build(make_message(language="de", key="de"))
    french = mail.build(make_message(language="fr", key="fr"))

    assert german.subject == "Januar & Fish & Chips for ann@example.org"
    assert german.body == "[de] Januar: Fish & Chips <ok>\n"
    [(html, mimetype)] = german.alternatives
    assert mimetype == "text/html"
    assert html == "<p>Januar: Fish &amp; Chips</p>\n"
    assert french.subject.startswith("janvier & ")
    assert french.body.startswith("[fr] janvier")


def test_no_language_means_the_sites_default_one(make_message):
    assert mail.build(make_message()).body.startswith("[en] January")


def test_the_html_part_is_optional(make_message):
    email = mail.build(make_message(template="shop/email/plain"))

    assert (email.subject, email.body, email.alternatives) == ("Plain", "Only text", [])


def test_sender_recipient_and_reply_to(make_message, settings):
    settings.DEFAULT_FROM_EMAIL = "office@example.org"
    settings.WORKFLOWS_REPLY_TO = ["desk@example.org"]

    default = mail.build(make_message(key="a"))
    own = mail.build(make_message(key="b", context={"title": "t", "reply_to": "owner@example.org"}))

    assert (default.from_email, default.to, default.reply_to) == (
        "office@example.org",
        ["ann@example.org"],
        ["desk@example.org"],
    )
    assert own.reply_to == ["owner@example.org"]


def test_no_reply_to_unless_configured(make_message, settings):
    settings.WORKFLOWS_REPLY_TO = []

    assert mail.build(make_message()).reply_to == []


def test_message_id_and_idempotency_header_are_stable(make_message, settings):
    settings.DEFAULT_FROM_EMAIL = "Office <office@example.org>"
    message = make_message()

    first, again = mail.build(message), mail.build(message)

    assert first.extra_headers["Message-ID"] == again.extra_headers["Message-ID"]
    assert (
        first.extra_headers["Message-ID"] == f"<outbox.{mail._digest(message.idempotency_key)}@example.org>"
    )
    assert first.extra_headers["X-Idempotency-Key"] == message.idempotency_key
    parsed = first.message()
    assert parsed["Message-ID"] == first.extra_headers["Message-ID"]
    assert parsed["X-Idempotency-Key"] == message.idempotency_key
    other = mail.build(make_message(key="another"))
    assert other.extra_headers["Message-ID"] != first.extra_headers["Message-ID"]


def test_unusual_keys_are_hashed_into_the_message_id(settings):
    settings.WORKFLOWS_MESSAGE_ID_DOMAIN = "mail.example.org"

    assert mail.message_id("abc-1") == "<outbox.abc-1@mail.example.org>"
    assert len(mail.message_id("x" * 64)) == len("<outbox.@mail.example.org>") + 32
    hashed = mail.message_id("a key with spaces <and> brackets")
    assert hashed.startswith("<outbox.") and hashed.endswith("@mail.example.org>")
    assert " " not in hashed and hashed.count("<") == 1
    assert hashed == mail.message_id("a key with spaces <and> brackets")


def test_an_ics_payload_becomes_a_calendar_attachment(make_message):
    ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    message = make_message(
        context={
            "title": "Workshop",
            "ics": ics,
            "ics_filename": "workshop.ics",
            "attachments": [{"filename": "notes.txt", "content": "Bring a laptop", "mimetype": "text/plain"}],
        }
    )

    email = mail.build(message)

    assert [(name, mimetype) for name, _content, mimetype in email.attachments] == [
        ("workshop.ics", "text/calendar"),
        ("notes.txt", "text/plain"),
    ]
    parts = {part.get_filename(): part for part in email.message().walk() if part.get_filename()}
    assert parts["workshop.ics"].get_content_type() == "text/calendar"
    assert "BEGIN:VCALENDAR" in parts["workshop.ics"].get_payload(decode=True).decode()


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ("shop/email/missing", "Template not found: shop/email/missing_subject.txt"),
        ("shop/email/broken", "Template error in shop/email/broken"),
        ("shop/email/blank", "Empty subject"),
    ],
)
def test_unrenderable_messages_raise_a_render_error(make_message, template, error):
    with pytest.raises(mail.RenderError, match=error):
        mail.build(make_message(template=template))


def test_a_malformed_attachment_is_a_render_error(make_message):
    message = make_message(context={"title": "t", "attachments": [{"content": "no name"}]})

    with pytest.raises(mail.RenderError, match="Malformed attachment"):
        mail.build(message)
