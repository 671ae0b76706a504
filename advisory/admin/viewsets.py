"""The advisory admin's URL groups and menu items, registered through `register_admin_viewset`."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from workflows.menu import menu_item_shown_to

from .access import is_coordinator, is_expert
from .network_dashboard import NetworkDashboardView
from .views import expert_directory, experts, files, queue, requests, transitions

CoordinatorMenuItem = menu_item_shown_to(is_coordinator)
ExpertMenuItem = menu_item_shown_to(is_expert)


class CoordinatorViewSet(ViewSet):
    """The queue and the request view, for coordinators, lead coordinators and superusers."""

    name = "advisory_requests"
    url_prefix = "advisory/requests"
    icon = "clipboard-list"
    menu_label = _("Advisory requests")
    menu_name = "advisory-requests"
    menu_order = 150
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        return [
            path("", queue.QueueView.as_view(), name="index"),
            path("<int:pk>/", requests.RequestDetailView.as_view(), name="detail"),
            path("<int:pk>/messages/", requests.MessageCreateView.as_view(), name="message"),
            path("<int:pk>/invite/", requests.InviteView.as_view(), name="invite"),
            path(
                "<int:pk>/tracking-link/",
                requests.RotateTrackingLinkView.as_view(),
                name="rotate_tracking_link",
            ),
            path(
                "<int:pk>/transitions/<slug:transition>/",
                transitions.RequestTransitionView.as_view(),
                name="transition",
            ),
            path(
                "<int:pk>/assignments/<int:assignment>/<slug:transition>/",
                transitions.AssignmentTransitionView.as_view(),
                name="assignment_transition",
            ),
            path(
                "<int:pk>/deliverables/<int:deliverable>/<slug:transition>/",
                transitions.DeliverableTransitionView.as_view(),
                name="deliverable_transition",
            ),
        ]


class NetworkDashboardViewSet(ViewSet):
    """The network's figures as charts, for coordinators (their countries), leads and superusers."""

    name = "advisory_dashboard"
    url_prefix = "advisory/dashboard"
    icon = "table"
    menu_label = _("Network dashboard")
    menu_name = "advisory-network-dashboard"
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        return [path("", NetworkDashboardView.as_view(), name="index")]


class ExpertDirectoryViewSet(ViewSet):
    """The network's experts, searchable, for coordinators (staffing draws on every country's experts)."""

    name = "advisory_experts"
    url_prefix = "advisory/experts"
    icon = "group"
    menu_label = _("Experts")
    menu_name = "advisory-experts"
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        return [path("", expert_directory.ExpertDirectoryView.as_view(), name="index")]


class CoordinatorViewSetGroup(ViewSetGroup):
    """The coordinators' "Advisory" menu: the request queue, the experts and the network dashboard."""

    menu_label = _("Advisory")
    menu_name = "advisory"
    menu_icon = "clipboard-list"
    menu_order = 150
    items = (CoordinatorViewSet, ExpertDirectoryViewSet, NetworkDashboardViewSet)


class ExpertViewSet(ViewSet):
    """The expert's narrow admin: invitations, engagements, deliverables."""

    name = "advisory_expert"
    url_prefix = "advisory/my"
    icon = "mail"

    def get_urlpatterns(self):
        return [
            path("invitations/", experts.InvitationsView.as_view(), name="invitations"),
            path("engagements/", experts.EngagementsView.as_view(), name="engagements"),
            path("assignments/<int:assignment>/", experts.AssignmentView.as_view(), name="assignment"),
            path(
                "assignments/<int:assignment>/messages/", experts.ExpertMessageView.as_view(), name="message"
            ),
            path(
                "assignments/<int:assignment>/upload/", experts.DeliverableUploadView.as_view(), name="upload"
            ),
            path(
                "assignments/<int:assignment>/transitions/<slug:transition>/",
                transitions.ExpertAssignmentTransitionView.as_view(),
                name="transition",
            ),
            path(
                "assignments/<int:assignment>/deliverables/<int:deliverable>/<slug:transition>/",
                transitions.ExpertDeliverableTransitionView.as_view(),
                name="deliverable_transition",
            ),
        ]

    @cached_property
    def menu_items(self):
        return [
            ExpertMenuItem(
                _("My invitations"),
                reverse("advisory_expert:invitations"),
                name="advisory-my-invitations",
                icon_name="mail",
                order=160,
            ),
            ExpertMenuItem(
                _("My engagements"),
                reverse("advisory_expert:engagements"),
                name="advisory-my-engagements",
                icon_name="tasks",
                order=170,
            ),
        ]

    def register_menu_item(self):
        for index in range(2):
            hooks.register("register_admin_menu_item", lambda index=index: self.menu_items[index])


class FilesViewSet(ViewSet):
    """Permission-checked downloads, for coordinators and experts alike; no menu item."""

    name = "advisory_files"
    url_prefix = "advisory/files"

    def get_urlpatterns(self):
        return [
            path("attachments/<int:pk>/", files.AttachmentDownloadView.as_view(), name="attachment"),
            path("deliverables/<int:pk>/", files.DeliverableDownloadView.as_view(), name="deliverable"),
        ]


EXPERT_MENU_NAMES = frozenset({"advisory-my-invitations", "advisory-my-engagements"})
