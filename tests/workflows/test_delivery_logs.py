"""The sending worker's log lines carry outbox ids and templates, never the recipient's address."""

import logging
import smtplib
from unittest import mock

import pytest
from django.core import mail as django_mail
from django.test import override_settings

from tests.workflows.test_mail import TEMPLATES, locmem_templates
from tests.workflows.test_tasks import RefusingBackend
from workflows import delivery
from workflows.logging import RedactPersonalData
from workflows.models import OutboxMessage
from workflows.outbox import Notification, enqueue

pytestmark = pytest.mark.django_db

ADDRESS = "maria.muster@ministry.example"
THIS = "tests.workflows.test_tasks"


@pytest.fixture(autouse=True)
def email_templates():
    with locmem_templates(TEMPLATES):
        yield


@pytest.fixture
def message(ticket):
    [row] = enqueue(ticket, "workflows_testapp.ticket.greet", [Notification(ADDRESS, "shop/email/greeting")])
    return row


@pytest.fixture(autouse=True)
def unfiltered_logs():
    """Without the masking filter of the project's log handler: these tests check the lines themselves.

    (The filter changes a record in place, so with it caplog would see masked text whatever the code logs.)
    """
    removed = []
    for handler in logging.getLogger().handlers:
        for log_filter in list(handler.filters):
            if isinstance(log_filter, RedactPersonalData):
                handler.removeFilter(log_filter)
                removed.append((handler, log_filter))
    yield
    for handler, log_filter in removed:
        handler.addFilter(log_filter)


def worker_log(caplog):
    return "\n".join(record.getMessage() for record in caplog.records)


def test_the_sent_line_names_the_outbox_row_not_the_recipient(message, caplog):
    caplog.set_level(logging.DEBUG, logger="workflows")

    assert delivery.deliver(message.pk).status == "sent"

    assert [email.to for email in django_mail.outbox] == [[ADDRESS]]
    assert f"outbox {message.pk}: sent shop/email/greeting (attempt 1)" in worker_log(caplog)
    assert ADDRESS not in worker_log(caplog)


@pytest.mark.parametrize(
    ("error", "logged"),
    [
        (smtplib.SMTPRecipientsRefused({ADDRESS: (550, b"5.1.1 <%s> unknown" % ADDRESS.encode())}), "[550]"),
        (smtplib.SMTPDataError(554, f"5.7.1 <{ADDRESS}> rejected".encode()), "SMTPDataError 554"),
    ],
    ids=["550-recipient", "554-data"],
)
def test_a_refusal_quoting_the_recipient_is_logged_by_code(message, caplog, error, logged):
    caplog.set_level(logging.DEBUG, logger="workflows")
    with (
        mock.patch.object(RefusingBackend, "error", error),
        override_settings(EMAIL_BACKEND=f"{THIS}.RefusingBackend"),
    ):
        assert delivery.deliver(message.pk).status == "failed"

    assert logged in worker_log(caplog)
    assert ADDRESS not in worker_log(caplog)
    # Staff still see the server's full answer on the row, in the admin's Outbox.
    assert ADDRESS in OutboxMessage.objects.get(pk=message.pk).last_error


def test_a_temporary_refusal_quoting_the_recipient_is_logged_by_code(message, caplog):
    caplog.set_level(logging.DEBUG, logger="workflows")
    error = smtplib.SMTPRecipientsRefused({ADDRESS: (452, b"4.2.2 mailbox of %s full" % ADDRESS.encode())})
    with (
        mock.patch.object(RefusingBackend, "error", error),
        override_settings(EMAIL_BACKEND=f"{THIS}.RefusingBackend"),
    ):
        assert delivery.deliver(message.pk).status == "retry"

    assert f"outbox {message.pk}: attempt 1 failed (SMTPRecipientsRefused [452])" in worker_log(caplog)
    assert ADDRESS not in worker_log(caplog)
