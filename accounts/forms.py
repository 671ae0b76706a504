from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from wagtail_2fa.forms import TokenForm


class VerifyTokenForm(TokenForm):
    """wagtail-2fa's code form, naming the device as django-otp 1.7 requires.

    django-otp no longer tries every device of the user (a wrong code would throttle them all), and
    wagtail-2fa 1.8's form sends no device: every code was refused. With one device, it is that one;
    with several, the user picks which app the code comes from.
    """

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.devices = list(devices_for_user(user, confirmed=True)) if user.is_authenticated else []
        if len(self.devices) > 1:
            self.fields["otp_device"] = forms.ChoiceField(
                label=_("Authenticator app"),
                choices=[(device.persistent_id, device.name) for device in self.devices],
            )

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None and len(self.devices) == 1:
            device = self.devices[0]
        return device
