"""Dashboard panels on the Wagtail home: the new requests of a coordinator's countries that nobody owns
yet, their own open requests and the overdue ones in their scope, an expert's invitations. Each runs a
fixed number of queries."""

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .. import selectors
from ..models import AdvisoryRequest
from .access import is_coordinator, is_expert

PANEL_ROWS = 8
URGENCY = (F("sla_due_at").asc(nulls_last=True), F("submitted_at").desc(nulls_last=True), F("pk").desc())


class UserPanel(Component):
    """A dashboard panel of one user's work, styled by the advisory admin's stylesheet."""

    class Media:
        css = {"all": ["advisory/css/admin.css"]}

    def __init__(self, user):
        self.user = user


class AdvisoryPanel(UserPanel):
    """A list of requests: the first PANEL_ROWS of `rows()`, and a link to the queue for the rest."""

    heading = ""
    panel_id = ""
    template_name = "advisory/admin/panels/requests.html"

    def rows(self):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        queryset = self.rows()
        rows = list(queryset[:PANEL_ROWS])
        total = len(rows) if len(rows) < PANEL_ROWS else queryset.count()
        return {
            "heading": self.heading,
            "panel_id": self.panel_id,
            "rows": rows,
            "total": total,
            "more_url": self.more_url(),
            "empty_message": self.empty_message,
        }


class NewRequestsPanel(AdvisoryPanel):
    """New requests of the coordinator's countries that nobody owns yet: every coordinator covering the
    country (and every lead coordinator) sees them until one of them starts screening."""

    name = "advisory_new_requests"
    order = 35
    heading = _("New requests in your countries")
    panel_id = "advisory-new-requests"
    empty_message = _("No new request is waiting to be screened.")

    def rows(self):
        return selectors.unowned_requests(self.user).select_related("country").order_by(*URGENCY)

    def more_url(self):
        return reverse("advisory_requests:index") + "?state=submitted&owner=none"


class MyRequestsPanel(AdvisoryPanel):
    name = "advisory_my_requests"
    order = 40
    heading = _("My requests")
    panel_id = "advisory-my-requests"
    empty_message = _("You own no open request.")

    def rows(self):
        return (
            selectors.requests_visible_to(self.user)
            .filter(owner_id=self.user.pk, state__in=AdvisoryRequest.OPEN_STATES)
            .select_related("country")
            .order_by(*URGENCY)
        )

    def more_url(self):
        return reverse("advisory_requests:index") + "?owner=me"


class OverduePanel(AdvisoryPanel):
    name = "advisory_overdue"
    order = 45
    heading = _("Overdue requests")
    panel_id = "advisory-overdue"
    empty_message = _("Nothing is overdue.")

    def rows(self):
        return (
            selectors.overdue(selectors.requests_visible_to(self.user))
            .select_related("country")
            .order_by(*URGENCY)
        )

    def more_url(self):
        return reverse("advisory_requests:index") + "?overdue=1"


class MyInvitationsPanel(UserPanel):
    name = "advisory_my_invitations"
    order = 40
    template_name = "advisory/admin/panels/invitations.html"

    def get_context_data(self, parent_context):
        invitations = list(selectors.invitations_for_expert(self.user)[:PANEL_ROWS])
        return {
            "invitations": invitations,
            "more_url": reverse("advisory_expert:invitations"),
        }


def panels_for(user):
    """The advisory panels the user's roles call for."""
    found = []
    if is_coordinator(user):
        found += [NewRequestsPanel(user), MyRequestsPanel(user), OverduePanel(user)]
    if is_expert(user):
        found.append(MyInvitationsPanel(user))
    return found
