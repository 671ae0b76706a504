"""Texts of wagtail-2fa's forms and menus, listed here so that this project's catalogues translate them.

wagtail-2fa ships no German, Spanish, Italian or Polish; gettext finds these msgids in locales/ first.
"""

from django.utils.translation import gettext_noop

WAGTAIL_2FA_TEXTS = (
    gettext_noop("OTP token"),
    gettext_noop("Enter the numeric code displayed on your device after scanning the QR code"),
    gettext_noop("Name"),
    gettext_noop("The human-readable name of this device."),
    gettext_noop("Current password"),
    gettext_noop("As an extra security measure, we need your current password."),
    gettext_noop("Invalid token. Please make sure you have entered it correctly."),
    gettext_noop("Invalid password"),
    gettext_noop("Device #%s"),
    gettext_noop("Manage your 2FA devices"),
    gettext_noop("Add or remove devices for 2 factor authentication."),
    gettext_noop("Manage 2FA"),
)
