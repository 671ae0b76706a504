"""Spam defence of the public forms, without third-party services: a honeypot and rate limits.

The honeypot is a field people never see (off-screen, hidden from assistive technology, out of the
tab order) and naive bots fill in.

Rate limits count in Django's cache (Redis in production, shared by every process), incrementing
first and comparing afterwards, so parallel posts cannot slip through together:

- per client address (TRUSTED_PROXY_COUNT tells which X-Forwarded-For entry is the client's):
  every post to a form, valid or not (`*_POSTS_PER_HOUR`, bounds the work a client can cause), and
  accepted submissions or resends (`*_PER_HOUR`). Both are checked by `early_gate` before the body
  is read, so a client over its limit never gets its uploads parsed; an invalid form gives its
  reservation back;
- per e-mail address (hashed): submissions and resends per day, so one address cannot be flooded
  with confirmations from many networks.
"""

from workflows import http
from workflows.http import client_ip, client_key, hashed  # noqa: F401 - the views use them

HONEYPOT_FIELD = "website"
HOUR = 60 * 60
DAY = 24 * HOUR


class RateLimit:
    """At most `limit` actions of one kind per client address and hour, for views that count attempts.

    `hit` increments first and returns the count, so the caller compares afterwards (`> limit`).
    """

    def __init__(self, kind, setting, default=5):
        self.kind = kind
        self.setting = setting
        self._counter = http.RateLimit(f"advisory:{kind}", setting, default, HOUR)

    @property
    def limit(self):
        return self._counter.limit

    def hit(self, request):
        return self._counter.count(client_key(request))

    def exceeded(self, request):
        return self._counter.used(client_key(request)) >= self.limit


class FormLimits:
    """The limits of one public form: posts and accepted actions per client, accepted actions per e-mail."""

    def __init__(self, name, posts, per_client, per_email):
        self.name = name
        self.posts = http.RateLimit(f"{name}:posts", *posts, HOUR)
        self.per_client = http.RateLimit(f"{name}:client", *per_client, HOUR)
        self.per_email = http.RateLimit(f"{name}:email", *per_email, DAY)

    def _state(self, request):
        states = request.__dict__.setdefault("_advisory_rate_limits", {})
        return states.setdefault(self.name, {})

    def admit(self, request):
        """Count this post against the client's limits; True when it may go on.

        Runs once per request (the early gate, else the view): reads no body. A post that is admitted
        holds one of the client's accepted actions until `release` gives it back.
        """
        state = self._state(request)
        if "admitted" not in state:
            key = client_key(request)
            admitted = self.posts.hit(key)
            if admitted:
                admitted = self.per_client.hit(key)
                state["reserved"] = True
                if not admitted:
                    self.per_client.undo(key)
                    state["reserved"] = False
            state["admitted"] = admitted
        return state["admitted"]

    def release(self, request):
        """The post stored nothing (invalid form): give the client's accepted action back."""
        state = self._state(request)
        if state.pop("reserved", False):
            self.per_client.undo(client_key(request))

    def admit_email(self, email):
        """Count one accepted action for `email`; True when it is within the address's daily limit."""
        key = email_key(email)
        if self.per_email.hit(key):
            return True
        self.per_email.undo(key)
        return False

    def release_email(self, email):
        self.per_email.undo(email_key(email))


def email_key(email):
    return hashed((email or "").strip().casefold(), "email")


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
# Route names of RequestFormPage: the limits that guard them.
GATED_ROUTES = {"form": submissions, "resend": resends}


def early_gate(request, view_func, view_args, view_kwargs):
    """`workflows.http.PostGateMiddleware` gate: refuse a post to a limited form before its body is read."""
    from wagtail.models import Page
    from wagtail.views import serve

    from .models import RequestFormPage

    if view_func is not serve:
        return None
    path = view_kwargs.get("path", view_args[0] if view_args else "")
    # Wagtail caches the route on the request: serve() does not look it up again.
    route = Page.route_for_request(request, path)
    if route is None or not isinstance(route[0], RequestFormPage):
        return None
    match = getattr(request, "routable_resolver_match", None)
    limits = GATED_ROUTES.get(getattr(match, "url_name", None))
    if limits is None or limits.admit(request):
        return None
    from .public import views

    return views.refuse_limited(route[0], request, match.url_name)


def honeypot_filled(data):
    """Whether the field only bots see was filled in."""
    return bool((data.get(HONEYPOT_FIELD) or "").strip())
