from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflows import personal_data

from . import services, urls


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [path("privacy/", include(urls, namespace="privacy"))]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return services.can_manage(request.user)


@hooks.register("register_settings_menu_item")
def register_privacy_menu_item():
    return PersonalDataMenuItem(_("Personal data"), reverse("privacy:index"), icon_name="lock", order=900)


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    personal_data.register_log_actions(actions)
    actions.register_action(
        "privacy.subject_request",
        _("Data-subject request"),
        _("The person asked for a copy or the erasure of their data"),
    )


@hooks.register("register_permissions")
def privacy_permissions():
    """Let administrators grant the data-subject tools to a group (e.g. data protection officers)."""
    return Permission.objects.filter(content_type__app_label="privacy", codename="manage_personal_data")
