"""HTTP hygiene shared by every public process: who the client is, rate limits, and requests refused
before they reach a view (oversized bodies, control characters, gates that run before the body is read).

Nothing here knows a process: the advisory app (and later ones) plug their gates in through the
`EARLY_POST_GATES` setting.
"""

import functools
import hashlib
import ipaddress
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin
from django.utils.module_loading import import_string

# Methods that change nothing: no gate and no form check applies to them.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Clients -------------------------------------------------------------------------------------


def client_ip(request):
    """The client's address: the socket's, or the one our trusted proxies recorded in X-Forwarded-For.

    Each of TRUSTED_PROXY_COUNT proxies appends the address it received the request from, so only the
    last that many entries are ours; anything to their left may be forged by the client.
    """
    trusted = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    address = request.META.get("REMOTE_ADDR", "")
    if trusted > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        # Fewer entries than proxies: a proxy is missing or misconfigured; the socket is all we know.
        if len(forwarded) >= trusted:
            try:
                return str(ipaddress.ip_address(forwarded[-trusted]))
            except ValueError:
                # Not an address (a count set too high reaches the client's own text): never use it.
                pass
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "unknown"


def hashed(value, purpose):
    """A keyed hash of `value`, so caches and logs never hold the address or e-mail itself."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{purpose}:{value}".encode()).hexdigest()[:32]


def client_key(request):
    """A stable, hashed key for the client: IPv6 addresses are grouped by the /64 one subscriber holds."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        parsed = None
    if parsed is not None and parsed.version == 6:
        address = str(ipaddress.ip_network(f"{address}/64", strict=False))
    return hashed(address, "client")


# Rate limits ---------------------------------------------------------------------------------


class RateLimit:
    """At most `limit` actions per key in fixed windows, counted in the shared cache.

    The count is incremented first and compared afterwards: each of many parallel callers gets its
    own number from the cache's atomic increment, so exactly `limit` of them pass (a check before an
    increment lets them all pass). The window starts with the first action.
    """

    def __init__(self, name, setting, default, window):
        self.name = name
        self.setting = setting
        self.default = default
        self.window = window

    @property
    def limit(self):
        return int(getattr(settings, self.setting, self.default))

    def _key(self, key):
        return f"ratelimit:{self.name}:{key}"

    def count(self, key):
        """Count one action for `key`; returns how many the window holds now, this one included."""
        cache_key = self._key(key)
        cache.add(cache_key, 0, self.window)
        try:
            return cache.incr(cache_key)
        except ValueError:  # expired between add and incr: this action opens a new window
            cache.add(cache_key, 0, self.window)
            return cache.incr(cache_key)

    def hit(self, key):
        """Count one action for `key`; True when it is within the limit."""
        return self.count(key) <= self.limit

    def undo(self, key):
        """Give back one action (e.g. a form that turned out invalid and stored nothing)."""
        try:
            if cache.decr(self._key(key)) < 0:
                cache.set(self._key(key), 0, self.window)
        except ValueError:
            pass

    def used(self, key):
        return cache.get(self._key(key)) or 0

    def exhausted(self, key):
        return self.used(key) >= self.limit


# Refusals ------------------------------------------------------------------------------------

# C0 controls and DEL: never part of a URL, a header or a file name. Form values may keep tab and
# line breaks (text areas); everything else there is refused too.
_CONTROL = {chr(code) for code in range(0x20)} | {"\x7f"}
_FORM_CONTROL = _CONTROL - {"\t", "\n", "\r"}
_HEADER_CONTROL = _CONTROL - {"\t"}


def _has(text, forbidden):
    return any(char in forbidden for char in text)


def _language_of(request):
    # Before LocaleMiddleware has run: the language from the URL prefix, the cookie or the browser.
    return translation.get_language_from_request(request, check_path=True)


def refusal(request, status, template):
    """A small standalone page (no database, no session) in the active language."""
    html = render_to_string(template, {"status": status, "max_size": max_body_size()})
    response = HttpResponse(html, status=status)
    response["Cache-Control"] = "no-store"
    # The client may still be sending its body: tell it we will not read it.
    response["Connection"] = "close"
    return response


def max_body_size():
    return int(getattr(settings, "MAX_REQUEST_BODY_SIZE", 0) or 0)


class RequestHygieneMiddleware(MiddlewareMixin):
    """Refuses, before anything reads them, oversized bodies (413) and control characters in the path,
    the query string, header values and cookies (400): no such request can reach a view, a cache
    key or a database query.

    First in MIDDLEWARE after SecurityMiddleware: sessions and CSRF read cookies after it.
    """

    def process_request(self, request):
        with translation.override(_language_of(request)):
            return self.check(request)

    def check(self, request):
        limit = max_body_size()
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return refusal(request, 400, "400.html")
        if limit and length > limit:
            return refusal(request, 413, "413.html")
        if self.malformed(request):
            return refusal(request, 400, "400.html")
        return None

    def malformed(self, request):
        if _has(request.path_info, _CONTROL):
            return True
        # The raw query string: decoded bytes, so %00 counts as well as a literal control character.
        query = request.META.get("QUERY_STRING", "")
        if _has(unquote_to_bytes(query.replace("+", " ")).decode("latin-1"), _CONTROL):
            return True
        headers = (
            value
            for name, value in request.META.items()
            if name.startswith("HTTP_") or name in ("CONTENT_TYPE", "CONTENT_LENGTH")
        )
        return any(isinstance(value, str) and _has(value, _HEADER_CONTROL) for value in headers)


class PostGateMiddleware(MiddlewareMixin):
    """Runs the gates of settings.EARLY_POST_GATES on unsafe requests before the body is read.

    A gate is `gate(request, view_func, view_args, view_kwargs)` returning a response to refuse the
    request or None. Django reads a POST body on first access to `request.POST`, and
    CsrfViewMiddleware does that: this middleware comes before it, so a client over its limit is
    refused without its uploads ever being parsed. It comes after the locale middleware, so refusals
    are in the visitor's language.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        for gate in _gates(tuple(getattr(settings, "EARLY_POST_GATES", ()))):
            response = gate(request, view_func, view_args, view_kwargs)
            if response is not None:
                return response
        return None


@functools.cache
def _gates(paths):
    """The gate callables named by EARLY_POST_GATES, resolved once per setting rather than per post."""
    return tuple(import_string(path) for path in paths)


class FormHygieneMiddleware(MiddlewareMixin):
    """Refuses (400) form submissions with control characters in a field name, a value or a file name.

    Line breaks and tabs stay allowed in values (text areas); file contents are not looked at. After
    CsrfViewMiddleware, which has read the body already (and after PostGateMiddleware, which must
    run before any read).
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        content_type = request.META.get("CONTENT_TYPE", "")
        if not content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            return None
        for name, values in request.POST.lists():
            if _has(name, _CONTROL) or any(_has(value, _FORM_CONTROL) for value in values):
                return refusal(request, 400, "400.html")
        for name, files in request.FILES.lists():
            if _has(name, _CONTROL):
                return refusal(request, 400, "400.html")
            for upload in files:
                # Django already drops unprintable characters from file names; this guards a parser
                # that would not (a right-to-left override shows "x\u202efdp.exe" as "xexe.pdf").
                if not (upload.name or "").isprintable():
                    return refusal(request, 400, "400.html")
        return None
