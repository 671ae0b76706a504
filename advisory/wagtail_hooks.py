from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin.access import is_expert_only
from .admin.network_dashboard import dashboard_panels_for
from .admin.panels import panels_for
from .admin.viewsets import EXPERT_MENU_NAMES, CoordinatorViewSetGroup, ExpertViewSet, FilesViewSet
from .models import ExpertiseArea
from .services import FEEDBACK_ACTION, INVITE_ACTION, REQUESTER_MESSAGE_ACTION, TRACKING_LINK_ROTATED_ACTION


class ExpertiseAreaViewSet(SnippetViewSet):
    model = ExpertiseArea
    icon = "tag"
    list_display = ["name", "code"]
    search_fields = ["name"]


register_snippet(ExpertiseAreaViewSet)


class InvitationLogFormatter(LogFormatter):
    label = _("Expert invited")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("%(expert)s invited to %(request)s as %(role)s") % {
            "expert": data.get("expert", ""),
            "request": data.get("request", ""),
            "role": data.get("role", ""),
        }


class FeedbackLogFormatter(LogFormatter):
    label = _("Feedback received")

    def format_message(self, log_entry):
        return _("The requester rated the engagement %(score)s out of 5") % {
            "score": (log_entry.data or {}).get("score", "?")
        }


class RequesterMessageLogFormatter(LogFormatter):
    label = _("Message from the requester")

    def format_message(self, log_entry):
        return _("The requester wrote to the secretariat on the tracking page")


class TrackingLinkRotatedLogFormatter(LogFormatter):
    label = _("Tracking link replaced")

    def format_message(self, log_entry):
        if (log_entry.data or {}).get("actor_kind") == "requester":
            return _("The requester replaced their tracking link; the new one was e-mailed to them")
        return _("The tracking link was replaced; the new one was e-mailed to the requester")


@hooks.register("register_log_actions")
def register_advisory_log_actions(actions):
    actions.register_action(INVITE_ACTION)(InvitationLogFormatter)
    actions.register_action(FEEDBACK_ACTION)(FeedbackLogFormatter)
    actions.register_action(TRACKING_LINK_ROTATED_ACTION)(TrackingLinkRotatedLogFormatter)
    actions.register_action(REQUESTER_MESSAGE_ACTION)(RequesterMessageLogFormatter)


# The advisory admin: coordinators' queue and request view, the experts' narrow menu, dashboard panels.


@hooks.register("register_admin_viewset")
def register_advisory_admin():
    return [CoordinatorViewSetGroup(), ExpertViewSet(), FilesViewSet()]


@hooks.register("construct_main_menu")
def narrow_the_menu_of_experts(request, menu_items):
    """An expert with no other role sees their own items only (the views check permissions too).

    A page permission makes someone editorial staff whatever their group is called ("Translators (de)").
    """
    editorial = page_permission_policy.user_has_any_permission(request.user, {"add", "change", "publish"})
    if is_expert_only(request.user) and not editorial:
        menu_items[:] = [item for item in menu_items if item.name in EXPERT_MENU_NAMES]


@hooks.register("construct_homepage_panels")
def add_advisory_panels(request, panels):
    panels.extend(panels_for(request.user))
    panels.extend(dashboard_panels_for(request.user))
