"""Spam defence of the public forms, without third-party services: a honeypot and per-IP rate limits.

The honeypot is a field people never see (off-screen, hidden from assistive technology, out of the
tab order) and naive bots fill in. The rate limits count accepted submissions per client address in
Django's cache, in fixed windows of an hour, so they hold across processes when the cache is shared
(Redis in production).
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache

HONEYPOT_FIELD = "website"

# Setting name: default number of accepted submissions per client address and hour.
DEFAULT_LIMITS = {
    "ADVISORY_SUBMISSIONS_PER_HOUR": 5,
    "ADVISORY_RESENDS_PER_HOUR": 5,
}
# How many proxies in front of the site append to X-Forwarded-For (0: use the socket's address).
TRUSTED_PROXIES_SETTING = "ADVISORY_TRUSTED_PROXY_COUNT"
WINDOW_SECONDS = 60 * 60


def client_ip(request):
    """The client's address: the socket's, or the one the trusted proxies recorded in X-Forwarded-For.

    Only the entries appended by our own proxies can be trusted; anything to their left may be forged.
    """
    trusted = int(getattr(settings, TRUSTED_PROXIES_SETTING, 0) or 0)
    address = request.META.get("REMOTE_ADDR", "")
    if trusted > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= trusted:
            address = forwarded[-trusted]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "unknown"


def _client_key(request):
    """A stable key for the client: IPv6 addresses are grouped by /64, which one subscriber usually holds."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        parsed = None
    if parsed is not None and parsed.version == 6:
        address = str(ipaddress.ip_network(f"{address}/64", strict=False))
    # Hashed so the cache never holds the addresses themselves.
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


class RateLimit:
    """At most `limit` accepted actions of one kind per client address and hour."""

    def __init__(self, kind, setting):
        self.kind = kind
        self.setting = setting

    @property
    def limit(self):
        return int(getattr(settings, self.setting, DEFAULT_LIMITS[self.setting]))

    def _key(self, request):
        return f"advisory:ratelimit:{self.kind}:{_client_key(request)}"

    def exceeded(self, request):
        """Whether this client has used up its allowance for the current window."""
        return (cache.get(self._key(request)) or 0) >= self.limit

    def hit(self, request):
        """Count one accepted action; the window starts with the first one."""
        key = self._key(request)
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)
            return 1


submissions = RateLimit("submission", "ADVISORY_SUBMISSIONS_PER_HOUR")
resends = RateLimit("resend", "ADVISORY_RESENDS_PER_HOUR")


def honeypot_filled(data):
    """Whether the field only bots see was filled in."""
    return bool((data.get(HONEYPOT_FIELD) or "").strip())
