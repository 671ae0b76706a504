"""The advisory settings with their defaults; read through django.conf.settings at call time."""

from django.conf import settings

DEFAULTS = {
    # Business days from submission until a coordinator must have started screening.
    "ADVISORY_SCREENING_BUSINESS_DAYS": 2,
    # Business days from submission until the request must be accepted or declined.
    "ADVISORY_DECISION_BUSINESS_DAYS": 10,
    # Business days an invited expert has to answer before the invitation expires.
    "ADVISORY_INVITATION_RESPONSE_BUSINESS_DAYS": 5,
    # Business days after the invitation when an expert who has not answered yet is reminded
    # (no reminder when it is not before the expiry).
    "ADVISORY_INVITATION_REMINDER_BUSINESS_DAYS": 3,
    # Calendar days a requester may owe an answer (to a question, or on the proposed team)
    # before they are reminded, once.
    "ADVISORY_REQUESTER_REMINDER_DAYS": 10,
    # Calendar days after delivery before the system closes a request that got no feedback.
    "ADVISORY_AUTO_CLOSE_DAYS": 30,
    # Reply-To of the e-mails to requesters (a shared mailbox); empty: WORKFLOWS_REPLY_TO.
    "ADVISORY_REPLY_TO": "",
    # Uploads: size of one file in bytes, files per submission or answer.
    "ADVISORY_MAX_UPLOAD_SIZE": 10 * 1024 * 1024,
    "ADVISORY_MAX_FILES": 5,
    # Days a tracking link keeps working once its request is closed, declined or withdrawn, counted
    # from the later of the end and the link's issue; a rotated link starts a new period.
    "ADVISORY_TRACKING_LINK_TTL_DAYS": 90,
    # Minutes without activity after which a browser opened on a request must open the link again.
    "ADVISORY_TRACKING_SESSION_IDLE_MINUTES": 120,
    # Hours the one-time sign-in link of a resend e-mail stays usable.
    "ADVISORY_SIGN_IN_LINK_HOURS": 24,
    # Attempts per client address and hour to open a request with a link or code (against guessing).
    "ADVISORY_TRACKING_OPENS_PER_HOUR": 30,
    # Retention of ended requests before they are anonymised: years, or days when set above 0.
    "ADVISORY_RETENTION_YEARS": 5,
    "ADVISORY_RETENTION_DAYS": 0,
}


def get(name):
    """The value of setting `name` (one of DEFAULTS), or its default."""
    return getattr(settings, name, DEFAULTS[name])
