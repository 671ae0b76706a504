"""Signal receivers: session bookkeeping at sign-in and sign-out, sessions ended on deactivation."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from . import sessions
from .demo import skips_two_factor

logger = logging.getLogger(__name__)


@receiver(user_logged_in, dispatch_uid="accounts_signed_in")
def signed_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = timezone.now().timestamp()
    request.session[sessions.SIGNED_IN_AT] = now
    request.session[sessions.LAST_SEEN_AT] = now
    sessions.prune(user)
    sessions.record(user, request.session)
    if skips_two_factor(user) and hasattr(request, "_messages"):
        messages.warning(request, _("Demo account: two-factor authentication skipped"))


@receiver(user_logged_out, dispatch_uid="accounts_signed_out")
def signed_out(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        sessions.forget(request.session.session_key)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_deactivated")
def end_sessions_of_deactivated_user(sender, instance, **kwargs):
    """A deactivated user is signed out everywhere at once, not when their session would expire."""
    if instance.is_active:
        return
    ended = sessions.end_all(instance)
    if ended:
        logger.info("Ended %d session(s) of deactivated user %s", ended, instance.pk)
