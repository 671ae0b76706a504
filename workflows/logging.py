"""A logging filter that keeps personal data and link secrets out of log output.

Log lines are meant to carry ids and references only; this is the second line of defence for the
lines that do not (a library's message, an SMTP error quoting its recipient, an access log line
with a tracking link). Install it on every handler that writes somewhere (settings.LOGGING, and
the Celery worker's own handlers).
"""

import logging
import re

EMAIL_MASK = "[e-mail]"
SECRET_MASK = "[secret]"  # noqa: S105 - the text that replaces a secret

# An address, also URL-encoded (%40); no "/" in the local part, so a path before it stays readable.
EMAIL = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A secret carried in a URL fragment ("...#<token>"); short fragments ("#top", "#main") are anchors.
FRAGMENT = re.compile(r"#[\w-]{16,}")
# A secret in a query string: ?token=..., &tracking_token=...
QUERY = re.compile(r"([?&][\w-]*token=)[^&#\s\"']+", re.IGNORECASE)


def _segment_pattern(segments):
    names = "|".join(re.escape(name.strip("/")) for name in segments)
    # The path segment after /track/ (whatever it is), up to the next "/", "?", "#", quote or blank.
    return re.compile(rf"(/(?:{names})/)[^/?#\s\"']+") if names else None


class RedactPersonalData(logging.Filter):
    """Masks e-mail addresses and link secrets in a record's message, arguments and traceback.

    `secret_path_segments`: the URL path segments whose next segment is a secret
    (default "track": /track/<token>/ becomes /track/[secret]/). Never drops a record.
    """

    def __init__(self, name="", secret_path_segments=("track",)):
        super().__init__(name)
        self.segments = _segment_pattern(secret_path_segments)

    def redact(self, text):
        text = EMAIL.sub(EMAIL_MASK, text)
        if self.segments is not None:
            text = self.segments.sub(rf"\1{SECRET_MASK}", text)
        text = QUERY.sub(rf"\1{SECRET_MASK}", text)
        return FRAGMENT.sub(f"#{SECRET_MASK}", text)

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: let the handler report it as it always does
            return True
        redacted = self.redact(message)
        if redacted != message:
            # The arguments are merged into the message: a handler or formatter that reads
            # record.args (or formats again) sees only the masked text.
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text when it is set: format the traceback once, masked.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def redact_handlers(logger, **options):
    """Add the filter to every handler of `logger` that lacks one (e.g. Celery's, set up after Django's)."""
    for handler in logger.handlers:
        if not any(isinstance(existing, RedactPersonalData) for existing in handler.filters):
            handler.addFilter(RedactPersonalData(**options))
