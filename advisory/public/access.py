"""How a browser gets to see a request: a link or code exchanged once for a short session.

The link in e-mails puts the token in the URL fragment (`.../track/#<token>`), which browsers never
send to a server: no access log, no Referer ever sees it. A static script posts it to the exchange
form (people without JavaScript paste the link); the exchange stores in the session only the
request's id, the *hash* of its token and the time, never the raw token. The session for a request
ends after ADVISORY_TRACKING_SESSION_IDLE_MINUTES without activity, when the requester signs out,
and as soon as the token is rotated (the stored hash no longer matches) or expires.
"""

import re
import time

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import conf, spam
from ..forms import PublicForm
from ..models import AdvisoryRequest

SESSION_KEY = "advisory_tracking"

# Only these characters occur in tokens (base64url) and sign-in codes (base64url and ":").
_CODE = re.compile(r"^[A-Za-z0-9_\-:]{16,512}$")
# A link as pasted: the code after "#" (links of today) or after "/track/" (links sent earlier).
_IN_LINK = re.compile(r"(?:#|/track/)([A-Za-z0-9_\-:]+)")


class OpenRateLimit(spam.RateLimit):
    """Attempts to open a request, per client address and hour, counted before the lookup."""

    @property
    def limit(self):
        return int(conf.get(self.setting))


opens = OpenRateLimit("tracking-open", "ADVISORY_TRACKING_OPENS_PER_HOUR")


def parse_code(value):
    """The token or sign-in code in what a person pasted (a whole link or the code), or ""."""
    value = (value or "").strip()
    if "#" in value or "/track/" in value:
        found = _IN_LINK.findall(value)
        value = found[-1] if found else ""
    value = value.strip("/")
    return value if _CODE.match(value) else ""


class OpenForm(PublicForm):
    """The exchange form: filled in by the page's script from the link, or by hand."""

    link = forms.CharField(
        label=_("Your personal link or code"),
        max_length=2048,
        help_text=_("Paste the whole link from our e-mail, or only the code after the “#”."),
        error_messages={"required": _("Paste the link from our e-mail.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off"}),
    )

    def clean_link(self):
        code = parse_code(self.cleaned_data["link"])
        if not code:
            raise forms.ValidationError(_("This does not look like a link from our e-mails."), code="format")
        return code


def find(code):
    """The request a token or a sign-in code opens, or None. A sign-in code is spent by this."""
    if ":" in code:
        return AdvisoryRequest.find_by_sign_in_code(code)
    return AdvisoryRequest.find_by_token(code)


def _idle_seconds():
    return int(conf.get("ADVISORY_TRACKING_SESSION_IDLE_MINUTES")) * 60


def open_session(request, advisory_request):
    """Let this browser see `advisory_request`: a new session key, the request's id and token hash."""
    # A new key, so a session id planted before (session fixation) never gains access.
    request.session.cycle_key()
    request.session[SESSION_KEY] = {
        "request": advisory_request.pk,
        "hash": advisory_request.tracking_token_hash,
        "seen": int(time.time()),
    }


def end_session(request):
    request.session.pop(SESSION_KEY, None)


def session_request(request):
    """The request this browser may see now, or None; refreshes the idle clock, ends a stale session."""
    held = request.session.get(SESSION_KEY)
    if not isinstance(held, dict):
        return None
    now = int(time.time())
    seen = held.get("seen")
    found = None
    if isinstance(seen, int) and 0 <= now - seen <= _idle_seconds() and isinstance(held.get("request"), int):
        found = AdvisoryRequest.objects.filter(pk=held["request"]).first()
    if found is None or not found.tracking_hash_matches(held.get("hash")):
        end_session(request)
        return None
    # Written at most once a minute: every page view need not save the session.
    if now - seen >= 60:
        request.session[SESSION_KEY] = {**held, "seen": now}
    return found


def had_session(request):
    """Whether the browser holds a tracking session, valid or not (to say "it ended" rather than nothing)."""
    return SESSION_KEY in request.session
