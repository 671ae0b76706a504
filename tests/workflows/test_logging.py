"""The log filter masks e-mail addresses and link secrets wherever a log line carries them."""

import io
import logging
import logging.config

import pytest
from django.conf import settings

from cms.celery import redact_worker_logs
from workflows.logging import RedactPersonalData, redact_handlers

ADDRESS = "maria.muster@ministry.example"
TOKEN = "kq3C8v2N0aXb9ZtYw7uE5rLm1sPdQhGfJiKoUyTcVbN"


@pytest.fixture
def capture():
    """A logger whose only handler writes through the filter into a string."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactPersonalData())
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)


@pytest.mark.parametrize(
    ("message", "args", "expected"),
    [
        ("sent to %s", (ADDRESS,), "sent to [e-mail]"),
        (f"sent to {ADDRESS}", (), "sent to [e-mail]"),
        ("search ?q=%s", ("maria.muster%40ministry.example",), "search ?q=[e-mail]"),
        (
            '"GET /en/request-advice/track/%s/ HTTP/1.1" 200',
            (TOKEN,),
            '"GET /en/request-advice/track/[secret]/',
        ),
        ("GET /de/request-advice/track/%s/files/3/", (TOKEN,), "/de/request-advice/track/[secret]/files/3/"),
        ("open https://example.org/en/request-advice/track/#%s", (TOKEN,), "/track/#[secret]"),
        ("GET /en/x/?tracking_token=%s&lang=de", (TOKEN,), "/en/x/?tracking_token=[secret]&lang=de"),
    ],
)
def test_addresses_and_tokens_are_masked_in_message_and_arguments(capture, message, args, expected):
    logger, stream = capture
    logger.info(message, *args)

    output = stream.getvalue()
    assert expected in output
    assert ADDRESS not in output and TOKEN not in output and "%40ministry" not in output


def test_ordinary_lines_are_left_alone(capture):
    logger, stream = capture
    logger.info("outbox %s: sent %s (attempt %d)", 42, "advisory/email/request_received", 1)
    logger.info("GET /en/news/#main and ADV-2026-0042 at 12:00")

    assert stream.getvalue().splitlines() == [
        "outbox 42: sent advisory/email/request_received (attempt 1)",
        "GET /en/news/#main and ADV-2026-0042 at 12:00",
    ]


def test_a_record_keeps_no_unmasked_arguments(capture):
    logger, _ = capture
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    keep = Keep()
    keep.addFilter(RedactPersonalData())
    logger.addHandler(keep)
    try:
        logger.warning("refused %s", ADDRESS)
    finally:
        logger.removeHandler(keep)

    [record] = records
    assert ADDRESS not in repr(record.args) and ADDRESS not in str(record.msg)


def test_tracebacks_are_masked(capture):
    logger, stream = capture
    try:
        raise ValueError(f"no such user {ADDRESS} for /track/{TOKEN}/")
    except ValueError:
        logger.exception("delivery failed")

    output = stream.getvalue()
    assert "ValueError: no such user [e-mail] for /track/[secret]/" in output
    assert ADDRESS not in output and TOKEN not in output


def configured_output(logger_name, message, *args):
    """Log through the project's LOGGING, as a server process is configured, and return what it wrote."""
    stream = io.StringIO()
    root = logging.getLogger()
    saved = {
        name: (logging.getLogger(name).handlers[:], logging.getLogger(name).propagate)
        for name in ("", "django", "django.server", "gunicorn.access")
    }
    saved_levels = {name: logging.getLogger(name).level for name in saved}
    # A server's own access logger, set up before Django's (as gunicorn does): it must not bypass the filter.
    gunicorn_own = logging.StreamHandler(stream)
    logging.getLogger("gunicorn.access").addHandler(gunicorn_own)
    logging.getLogger("gunicorn.access").propagate = False
    try:
        logging.config.dictConfig(settings.LOGGING)
        [console] = root.handlers
        console.setStream(stream)
        logging.getLogger(logger_name).info(message, *args)
    finally:
        for name, (handlers, propagate) in saved.items():
            logger = logging.getLogger(name)
            logger.handlers[:] = handlers
            logger.propagate = propagate
            logger.setLevel(saved_levels[name])
    return stream.getvalue()


def test_the_projects_console_handler_masks_runserver_access_lines():
    output = configured_output(
        "django.server", '"%s" %s %s', f"GET /en/request-advice/track/{TOKEN}/ HTTP/1.1", 200, 5
    )

    assert output == '"GET /en/request-advice/track/[secret]/ HTTP/1.1" 200 5\n'


def test_the_projects_console_handler_masks_gunicorn_access_lines():
    output = configured_output(
        "gunicorn.access",
        '%(h)s "%(r)s" %(s)s',
        {"h": "192.0.2.1", "r": f"GET /fr/x/track/{TOKEN}/", "s": "200"},
    )

    assert output == '192.0.2.1 "GET /fr/x/track/[secret]/" 200\n'


def test_the_projects_console_handler_masks_application_lines():
    assert configured_output("advisory.services", "invited %s", ADDRESS) == "invited [e-mail]\n"


def test_a_celery_workers_own_handlers_get_the_filter():
    """A worker replaces the root handlers with its own (cms/celery.py adds the filter back)."""

    stream = io.StringIO()
    logger = logging.getLogger("tests.worker")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        redact_worker_logs(logger=logger)
        redact_worker_logs(logger=logger)  # a second setup adds nothing
        logger.warning("Retry in 30s: SMTPRecipientsRefused({%r: (550, b'no')})", ADDRESS)
    finally:
        logger.removeHandler(handler)

    assert len(handler.filters) == 1
    assert "SMTPRecipientsRefused({'[e-mail]': (550, b'no')})" in stream.getvalue()


def test_redact_handlers_is_idempotent():
    logger = logging.getLogger("tests.idempotent")
    handler = logging.NullHandler()
    logger.addHandler(handler)
    try:
        redact_handlers(logger)
        redact_handlers(logger)
    finally:
        logger.removeHandler(handler)
    assert len(handler.filters) == 1
