"""Staff session lifetime and two-factor authentication, applied to signed-in users only."""

from django.conf import settings
from django.contrib.auth import logout
from django.urls import Resolver404
from django.utils import timezone
from wagtail_2fa.middleware import VerifyUserPermissionsMiddleware

from . import sessions
from .demo import skips_two_factor

# Last-seen is written at most this often: not a session write on every request.
SEEN_RESOLUTION = 60


def _has_session_cookie(request):
    # Without a cookie nobody is signed in; looking at request.user would load the session and make
    # every public response vary on Cookie (uncacheable), and an anonymous tracking session is not ours.
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class StaffSessionMiddleware:
    """Sign out a user idle longer than ACCOUNTS_SESSION_IDLE_TIMEOUT or signed in longer than
    ACCOUNTS_SESSION_ABSOLUTE_TIMEOUT; keep the record of the user's session keys current."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = _has_session_cookie(request) and request.user.is_authenticated
        if signed_in:
            signed_in = self._still_valid(request)
        response = self.get_response(request)
        if signed_in and request.user.is_authenticated:
            # After the view: a sign-in or a password change may have given the session a new key.
            sessions.record(request.user, request.session)
        return response

    def _still_valid(self, request):
        session = request.session
        now = timezone.now().timestamp()
        started = session.get(sessions.SIGNED_IN_AT)
        seen = session.get(sessions.LAST_SEEN_AT)
        if started is None:
            # A session from before this middleware: its clock starts now.
            session[sessions.SIGNED_IN_AT] = started = now
        idle = now - (seen if seen is not None else started)
        if (
            now - started > settings.ACCOUNTS_SESSION_ABSOLUTE_TIMEOUT
            or idle > settings.ACCOUNTS_SESSION_IDLE_TIMEOUT
        ):
            logout(request)
            return False
        if seen is None or now - seen >= SEEN_RESOLUTION:
            session[sessions.LAST_SEEN_AT] = now
        return True


class TwoFactorMiddleware(VerifyUserPermissionsMiddleware):
    """wagtail-2fa's middleware, for requests with a session only, with the embedded demo's exemption.

    Verification is required of users holding "wagtailadmin.enable_2fa" (superusers; the coordinator
    groups through the accounts migration) and of everybody who enrolled a device.
    """

    def process_request(self, request):
        if not _has_session_cookie(request):
            # Still give request.user its otp_device and is_verified() (lazily: nothing is loaded).
            self._install_lazy_accessors(request)
            return None
        response = super().process_request(request)
        if request.user.is_authenticated and skips_two_factor(request.user):
            # wagtail-2fa empties the admin menu of users who must enrol: a demo login keeps it.
            request.user.enable_2fa = False
            request.user.skips_2fa_as_demo = True
        return response

    def _require_verified_user(self, request):
        try:
            required = super()._require_verified_user(request)
        except Resolver404:
            # No view answers this path (the 404 or the language redirect follows): nothing to protect.
            return False
        return required and not skips_two_factor(request.user)
