"""Demo logins of the embedded demo: marked by the demo loaders, exempt from 2FA only where allowed."""

from django.conf import settings
from django_otp import user_has_device

from .models import DemoLogin


def mark_demo_login(user):
    """Mark `user` as a demo login (idempotent). Harmless in production, where the exemption is off."""
    DemoLogin.objects.get_or_create(user=user)


def skips_two_factor(user):
    """True when `user` is a demo login without a device and this deployment lets demo logins skip 2FA."""
    if not getattr(settings, "ACCOUNTS_DEMO_LOGINS_SKIP_2FA", False) or not settings.DEBUG:
        return False
    if not getattr(user, "is_authenticated", False):
        return False
    # A demo login that enrolled after all verifies like everybody else.
    return DemoLogin.objects.filter(user=user).exists() and not user_has_device(user, confirmed=True)
