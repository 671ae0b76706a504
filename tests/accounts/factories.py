"""Helpers for signed-in test clients: TOTP devices and codes, sign-in through the real forms."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "Staff-Passw0rd!"  # noqa: S105 - test users only


def totp_device(user, name="Phone"):
    """A confirmed TOTP device of `user` (created once)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=name, confirmed=True)


def current_code(device):
    """The code an authenticator app shows now for `device` (time-machine moves it too)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def mark_verified(client, user):
    """Make `client`'s session one that passed two-factor authentication with `user`'s device."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session.save()


# The unpatched Django method (tests/conftest.py patches Client.force_login to pass 2FA as well): a
# session signed in with a password only.
password_only_login = Client.force_login
