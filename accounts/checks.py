"""System checks: the demo's two-factor exemption never runs outside a DEBUG development server."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=False)
def demo_exemption_needs_debug(app_configs, **kwargs):
    if getattr(settings, "ACCOUNTS_DEMO_LOGINS_SKIP_2FA", False) and not settings.DEBUG:
        return [
            Error(
                "ACCOUNTS_DEMO_LOGINS_SKIP_2FA is on while DEBUG is off.",
                hint="Demo logins may skip two-factor authentication on a development server only; "
                "unset DEMO_LOGINS_SKIP_2FA or use the production settings.",
                id="accounts.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def two_factor_required(app_configs, **kwargs):
    if not getattr(settings, "WAGTAIL_2FA_REQUIRED", False):
        return [
            Warning(
                "WAGTAIL_2FA_REQUIRED is off: coordinators and administrators sign in with a password only.",
                id="accounts.W001",
            )
        ]
    return []
