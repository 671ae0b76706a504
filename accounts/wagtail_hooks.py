from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("accounts/lockouts/", views.LockoutListView.as_view(), name="accounts_lockouts"),
        path("accounts/lockouts/<int:pk>/unlock/", views.unlock, name="accounts_unlock"),
        # Ahead of wagtail-2fa's own patterns for the same paths and names (this app's hooks are
        # registered first); its middleware lets unverified users reach "wagtail_2fa_auth" by name.
        path("2fa/auth", views.VerifyView.as_view(), name="wagtail_2fa_auth"),
        path("2fa/devices/qr-code", views.DeviceQRCodeView.as_view(), name="wagtail_2fa_device_qrcode"),
        path(
            "2fa/devices/<int:pk>/remove",
            views.DeviceDeleteView.as_view(),
            name="wagtail_2fa_device_remove",
        ),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Sign-in lockouts"), reverse("accounts_lockouts"), icon_name="lock", order=650)


@hooks.register("construct_main_menu")
def show_demo_exemption(request, menu_items):
    """A demo login that skipped enrolment sees so in the menu on every page (and can enrol from there)."""
    if getattr(request.user, "skips_2fa_as_demo", False):
        menu_items.append(
            MenuItem(
                _("Demo account: two-factor authentication skipped"),
                reverse("wagtail_2fa_device_list", kwargs={"user_id": request.user.pk}),
                icon_name="warning",
                order=10000,
            )
        )


@hooks.register("construct_main_menu", order=100)
def translate_two_factor_setup_item(request, menu_items):
    """wagtail-2fa leaves a user who must enrol one menu item, in English only: ours is translated."""
    for item in menu_items:
        if item.label == "2FA Setup":
            item.label = _("Two-factor authentication")
