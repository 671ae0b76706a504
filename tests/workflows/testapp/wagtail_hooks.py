from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Ticket


class TicketViewSet(ModelViewSet):
    """Gives tickets Wagtail's history view; kept out of the menu."""

    model = Ticket
    form_fields = ["title", "requester_email"]
    add_to_admin_menu = False
    url_prefix = "workflows-testapp/tickets"


@hooks.register("register_admin_viewset")
def register_ticket_viewset():
    return TicketViewSet("workflows_testapp_tickets")
