"""The development mail backend: the whole e-mail in var/mail/, only a one-line summary on the console."""

import logging
import re
from email import message_from_bytes

import pytest
from django.core.mail import EmailMessage

from advisory import services
from tests.advisory.conftest import valid_submission
from tests.advisory.public.conftest import form_page  # noqa: F401 - the page the links point to
from workflows import delivery
from workflows.logging import RedactPersonalData
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

ADDRESS = "maria.muster@ministry.example"
LINK = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def dev_backend(settings, tmp_path):
    settings.EMAIL_BACKEND = "cms.mail.FileAndConsoleBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    return tmp_path


@pytest.fixture
def unfiltered_logs():
    """Without the masking filter of the project's log handler: the lines themselves are checked."""
    removed = []
    for handler in logging.getLogger().handlers:
        for log_filter in list(handler.filters):
            if isinstance(log_filter, RedactPersonalData):
                handler.removeFilter(log_filter)
                removed.append((handler, log_filter))
    yield
    for handler, log_filter in removed:
        handler.addFilter(log_filter)


def mailbox(directory):
    """The decoded headers and text parts of every message written to `directory`."""
    texts = []
    for path in directory.iterdir():
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not raw.strip():
                continue
            parsed = message_from_bytes(raw)
            texts.append(str(parsed["To"]))
            texts.extend(
                part.get_payload(decode=True).decode()
                for part in parsed.walk()
                if part.get_content_maintype() == "text"
            )
    return "\n".join(texts)


@pytest.mark.usefixtures("form_page")
def test_sending_the_tracking_link_prints_no_address_and_no_link(
    dev_backend, capsys, caplog, unfiltered_logs
):
    caplog.set_level(logging.DEBUG)
    request, token = services.submit_request(
        valid_submission(requester_email=ADDRESS), files=[], language="en"
    )
    to_requester = OutboxMessage.objects.filter(recipient=ADDRESS)
    assert to_requester.exists()

    for message in OutboxMessage.objects.order_by("pk"):
        assert delivery.deliver(message.pk).status == "sent"

    # The developer's mailbox keeps the whole message, address and tracking link included.
    received = mailbox(dev_backend)
    links = [link for link in LINK.findall(received) if "/request-advice/" in link]
    assert ADDRESS in received and links
    console = capsys.readouterr()
    logs = "\n".join(record.getMessage() for record in caplog.records)
    for output in (console.out, console.err, logs):
        assert ADDRESS not in output
        assert token not in output
        for link in links:
            assert link not in output
    # One line per e-mail, naming its outbox row and where the full message is.
    lines = console.out.splitlines()
    assert len(lines) == OutboxMessage.objects.count()
    for message in to_requester:
        [line] = [line for line in lines if f"outbox {message.pk}," in line]
        assert line.startswith("e-mail <outbox.")
        assert f"full message in {dev_backend}" in line


def test_a_message_outside_the_outbox_is_summarised_too(dev_backend, capsys):
    EmailMessage(
        "Your link", f"Open https://example.org/en/request-advice/track/{'x' * 43}/", to=[ADDRESS]
    ).send()

    out = capsys.readouterr().out
    assert out.startswith("e-mail (no Message-ID), subject 'Your link'; full message in ")
    assert ADDRESS not in out and "track/" not in out
    assert ADDRESS in mailbox(dev_backend)


def test_an_address_in_the_subject_is_masked(dev_backend, capsys):
    EmailMessage(f"Request from {ADDRESS}", "body", to=["someone@example.org"]).send()

    out = capsys.readouterr().out
    assert "subject 'Request from [e-mail]'" in out
    assert ADDRESS not in out
