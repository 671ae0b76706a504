"""Spam defence of the advisory public forms, without third-party services: the limits of each form.

The machinery (a honeypot field, limits counted in the shared cache, the gate that refuses before
the body is read) is `workflows.intake`; here are advisory's limits and the settings they read:

- per client address (TRUSTED_PROXY_COUNT tells which X-Forwarded-For entry is the client's):
  every post to a form, valid or not (`ADVISORY_FORM_POSTS_PER_HOUR`, bounds the work a client can
  cause), and accepted submissions or resends (`*_PER_HOUR`). Both are checked by the early gate
  (advisory.public.gate) before the body is read, so a client over its limit never gets its uploads
  parsed; an invalid form gives its reservation back;
- per e-mail address (hashed): submissions and resends per day, so one address cannot be flooded
  with confirmations from many networks;
- attempts to open a request with a link or code, per client address and hour (against guessing);
- the requester's own messages on the tracking page: posts and sent messages per client address and
  hour, sent messages per request's e-mail address and day (a leaked link cannot flood the secretariat).
"""

from workflows.intake import ClientRateLimit, FormLimits

from . import conf


class OpenRateLimit(ClientRateLimit):
    """Attempts to open a request, per client address and hour, counted before the lookup."""

    @property
    def limit(self) -> int:
        return int(conf.get(self.setting))


submissions = FormLimits(
    "advisory:submission",
    posts=("ADVISORY_FORM_POSTS_PER_HOUR", 30),
    per_client=("ADVISORY_SUBMISSIONS_PER_HOUR", 5),
    per_email=("ADVISORY_SUBMISSIONS_PER_EMAIL_PER_DAY", 3),
)
resends = FormLimits(
    "advisory:resend",
    posts=("ADVISORY_FORM_POSTS_PER_HOUR", 30),
    per_client=("ADVISORY_RESENDS_PER_HOUR", 5),
    per_email=("ADVISORY_RESENDS_PER_EMAIL_PER_DAY", 3),
)
opens = OpenRateLimit("advisory:tracking-open", "ADVISORY_TRACKING_OPENS_PER_HOUR")
requester_messages = FormLimits(
    "advisory:requester-message",
    posts=("ADVISORY_FORM_POSTS_PER_HOUR", 30),
    per_client=("ADVISORY_REQUESTER_MESSAGES_PER_HOUR", 10),
    per_email=("ADVISORY_REQUESTER_MESSAGES_PER_DAY", 20),
)
