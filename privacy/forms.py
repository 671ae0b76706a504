from django import forms
from django.utils.translation import gettext_lazy as _


class AddressForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)


class EraseForm(AddressForm):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Kept in the record of the erasure. Do not repeat the person's name or address here."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        error_messages={"required": _("Confirm that the erasure cannot be undone.")},
    )
