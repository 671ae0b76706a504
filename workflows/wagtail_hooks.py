from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import audit
from .views import RESEND_ACTION, ProcessesViewSetGroup


@hooks.register("register_log_actions")
def register_workflow_log_actions(actions):
    audit.register_log_actions(actions)
    actions.register_action(
        RESEND_ACTION, _("Notification resent"), _("Notification queued again for sending")
    )


@hooks.register("register_admin_viewset")
def register_processes_menu():
    return ProcessesViewSetGroup()


@hooks.register("register_permissions")
def outbox_permissions():
    """Let administrators grant "view" (the Outbox listing) and "change" (Resend) in group settings."""
    return Permission.objects.filter(
        content_type__app_label="workflows", codename__in=["view_outboxmessage", "change_outboxmessage"]
    )
