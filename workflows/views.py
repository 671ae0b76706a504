"""The admin's Outbox: outgoing notifications by status, and "Resend" for failed or stuck ones.

Listed to superusers and holders of `workflows.view_outboxmessage`; resending needs
`workflows.change_outboxmessage`.
"""

import django_filters
from django.contrib import messages
from django.db import transaction
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from . import delivery, outbox
from .menu import menu_item_shown_to
from .models import OutboxMessage

RESEND_ACTION = "workflows.outbox_resend"
PAGE_SIZE = 50

permission_policy = ModelPermissionPolicy(OutboxMessage)


class OutboxFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=OutboxMessage.Status.choices)
    recipient = django_filters.CharFilter(label=_("Recipient"), lookup_expr="icontains")

    class Meta:
        model = OutboxMessage
        fields = ["status", "recipient"]


class LastErrorColumn(Column):
    def get_value(self, instance):
        return Truncator(instance.last_error).chars(160)


class ResendColumn(Column):
    """A "Resend" button (a POST form) on rows that may be resent, for users who may resend."""

    cell_template_name = "workflows/outbox/resend_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if request is not None and delivery.can_resend(instance) and may_resend(request.user):
            context["resend_url"] = reverse("workflows_outbox:resend", args=[instance.pk])
            context["csrf_token"] = get_token(request)
            context["next_url"] = request.get_full_path()
        return context


def may_view(user):
    return permission_policy.user_has_any_permission(user, ["view", "change"])


def may_resend(user):
    return permission_policy.user_has_permission(user, "change")


def status_label(message):
    if delivery.is_stuck(message):
        return _("Stuck in sending")
    return message.get_status_display()


class OutboxIndexView(IndexView):
    model = OutboxMessage
    permission_policy = permission_policy
    any_permission_required = ["view", "change"]
    index_url_name = "workflows_outbox:index"
    index_results_url_name = "workflows_outbox:index_results"
    filterset_class = OutboxFilterSet
    page_title = _("Outbox")
    header_icon = "mail"
    paginate_by = PAGE_SIZE
    default_ordering = "-created_at"
    columns = [
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=status_label,
            primary=lambda m: m.status == OutboxMessage.Status.SENT,
        ),
        Column("recipient", label=_("Recipient")),
        Column("template", label=_("Template")),
        Column("attempts", label=_("Attempts")),
        LastErrorColumn("last_error", label=_("Last error")),
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
        DateColumn("sent_at", label=_("Sent"), sort_key="sent_at"),
        ResendColumn("resend", label=""),
    ]

    def get_base_queryset(self):
        # The payload may be large and may hold one-time secrets: the listing never loads it.
        return OutboxMessage.objects.defer("payload")

    def get_valid_orderings(self):
        return ["created_at", "-created_at", "sent_at", "-sent_at"]


class ResendView(PermissionCheckedMixin, View):
    """POST: put a failed or stuck message back in the queue, with a fresh attempt budget."""

    permission_policy = permission_policy
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request, pk):
        message = get_object_or_404(OutboxMessage, pk=pk)
        with transaction.atomic():
            requeued = delivery.requeue([message.pk])
            if requeued:
                log(instance=message, action=RESEND_ACTION, user=request.user)
                outbox.dispatch_on_commit(requeued)
        if requeued:
            messages.success(
                request,
                _("The notification to %(recipient)s is queued again.") % {"recipient": message.recipient},
            )
        else:
            messages.error(
                request, _("This notification can no longer be resent: it is being sent or was sent.")
            )
        return redirect(self.next_url(request))

    def next_url(self, request):
        target = request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            return target
        return reverse("workflows_outbox:index")


class OutboxViewSet(ViewSet):
    name = "workflows_outbox"
    url_prefix = "processes/outbox"
    icon = "mail"
    menu_label = _("Outbox")
    menu_name = "outbox"
    menu_item_class = menu_item_shown_to(may_view)

    def get_urlpatterns(self):
        return [
            path("", OutboxIndexView.as_view(), name="index"),
            path("results/", OutboxIndexView.as_view(results_only=True), name="index_results"),
            path("<int:pk>/resend/", ResendView.as_view(), name="resend"),
        ]


class ProcessesViewSetGroup(ViewSetGroup):
    """The admin's "Processes" menu (the business processes, not Wagtail's page moderation)."""

    menu_label = _("Processes")
    menu_name = "processes"
    menu_icon = "cogs"
    menu_order = 8500
    items = (OutboxViewSet,)
