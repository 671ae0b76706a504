"""How a browser gets to see a case without an account: a link or code exchanged once for a short session.

A process model with `workflows.tracking.TrackingLinkMixin` has a private link whose token sits in
the URL fragment (`.../track/#<token>`), which browsers never send to a server: no access log, no
Referer ever sees it. A static script posts it to the exchange form (`OpenForm`; people without
JavaScript paste the link). The exchange (`TrackingSessions.open`) stores in the session only the
object's id, the *hash* of its token and the time, never the raw token. The session for an object
ends after `idle_minutes` without activity, when the person signs out (`end`), and as soon as the
token is rotated (the stored hash no longer matches) or expires.

How a second process uses it:

    applications = TrackingSessions(
        LabelApplication, session_key="labels_tracking", idle_minutes=lambda: settings.LABELS_IDLE_MINUTES
    )

    # the exchange view (POST), after counting the attempt against a ClientRateLimit
    form = OpenForm(request.POST)
    if form.is_valid() and (application := applications.find(form.cleaned_data["link"])):
        applications.open(request, application)
    # every tracking view
    application = applications.current(request)  # None: show the open page (say "ended" if had_session)
    # sign-out
    applications.end(request)

The model supplies `find_by_token(raw)`, `find_by_sign_in_code(code)` (classmethods),
`tracking_hash_matches(digest)` and `tracking_token_hash`: all of TrackingLinkMixin.
"""

import re
import time
from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .intake import IntakeForm

# Only these characters occur in tokens (base64url) and sign-in codes (base64url and ":").
_CODE = re.compile(r"^[A-Za-z0-9_\-:]{16,512}$")
# Sign-in codes are signed values: they carry ":" between their parts, tokens never do.
SIGN_IN_SEPARATOR = ":"
# The session is written at most once a minute: every page view need not save it.
_REFRESH_SECONDS = 60
# The session's key for the object's id: "request" since advisory requests were the first process
# (kept, so sessions open at an upgrade stay open).
_ID = "request"


def parse_code(value: str | None, *, path_marker: str = "/track/") -> str:
    """The token or sign-in code in what a person pasted (a whole link or the code), or "".

    The code follows "#" in links of today, or `path_marker` in links that carried it in the path.
    """
    value = (value or "").strip()
    if "#" in value or path_marker in value:
        in_link = re.compile(rf"(?:#|{re.escape(path_marker)})([A-Za-z0-9_\-:]+)")
        found = in_link.findall(value)
        value = found[-1] if found else ""
    value = value.strip("/")
    return value if _CODE.match(value) else ""


class OpenForm(IntakeForm):
    """The exchange form: filled in by the page's script from the link, or by hand."""

    link = forms.CharField(
        label=_("Your personal link or code"),
        max_length=2048,
        help_text=_("Paste the whole link from our e-mail, or only the code after the “#”."),
        error_messages={"required": _("Paste the link from our e-mail.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off"}),
    )

    def clean_link(self) -> str:
        code = parse_code(self.cleaned_data["link"])
        if not code:
            raise forms.ValidationError(_("This does not look like a link from our e-mails."), code="format")
        return code


class TrackingSessions:
    """The browser sessions through which people see objects of one model (see the module's docstring)."""

    def __init__(
        self, model: type[Model], *, session_key: str, idle_minutes: int | Callable[[], int]
    ) -> None:
        self.model = model
        self.session_key = session_key
        self.idle_minutes = idle_minutes

    def idle_seconds(self) -> int:
        minutes = self.idle_minutes() if callable(self.idle_minutes) else self.idle_minutes
        return int(minutes) * 60

    def find(self, code: str) -> Any | None:
        """The object a token or a sign-in code opens, or None. A sign-in code is spent by this."""
        if SIGN_IN_SEPARATOR in code:
            return self.model.find_by_sign_in_code(code)
        return self.model.find_by_token(code)

    def open(self, request: HttpRequest, obj: Any) -> None:
        """Let this browser see `obj`: a new session key, the object's id and token hash."""
        # A new key, so a session id planted before (session fixation) never gains access.
        request.session.cycle_key()
        request.session[self.session_key] = {
            _ID: obj.pk,
            "hash": obj.tracking_token_hash,
            "seen": int(time.time()),
        }

    def end(self, request: HttpRequest) -> None:
        request.session.pop(self.session_key, None)

    def current(self, request: HttpRequest) -> Any | None:
        """The object this browser may see now, or None; refreshes the idle clock, ends a stale session."""
        held = request.session.get(self.session_key)
        if not isinstance(held, dict):
            return None
        now = int(time.time())
        seen = held.get("seen")
        found = None
        fresh = isinstance(seen, int) and 0 <= now - seen <= self.idle_seconds()
        if fresh and isinstance(held.get(_ID), int):
            found = self.model._default_manager.filter(pk=held[_ID]).first()
        if found is None or not found.tracking_hash_matches(held.get("hash")):
            self.end(request)
            return None
        if now - seen >= _REFRESH_SECONDS:
            request.session[self.session_key] = {**held, "seen": now}
        return found

    def had_session(self, request: HttpRequest) -> bool:
        """Whether the browser holds a session, valid or not (to say "it ended" rather than nothing)."""
        return self.session_key in request.session
