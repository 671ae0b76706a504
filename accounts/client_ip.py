"""The client's address as the trusted reverse proxies report it."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The right-most address of X-Forwarded-For that no trusted proxy added, else REMOTE_ADDR.

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it received the request from, so the
    entry that many places from the right is the client as our outermost proxy saw it. Entries further
    left are the client's own claims: anyone can send them, so they are never used.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < trusted:
        # Fewer hops than proxies: the request bypassed a proxy; the peer is all we know.
        return remote
    candidate = forwarded[-trusted]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        # Not an address (a proxy count set too high reaches the client's own text): never store that.
        return remote
