"""Table columns of the coordinator's queue (Wagtail's table component)."""

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn, Table, TitleColumn

from ..templatetags.advisory_admin import zone_label


class _ZoneLabel:
    """The zone's name, translated when the heading is shown (not when the columns are declared)."""

    def __str__(self):
        return zone_label()


def zoned(label):
    """A column heading naming the time zone of its cells: "SLA due (Brussels time)"."""
    return format_lazy("{} ({})", label, _ZoneLabel())


class LocalDateTimeColumn(Column):
    """A date-time the way the advisory admin writes them (day first, 24 hours, Brussels time);
    Wagtail's DateColumn says "3 days ago" instead."""

    cell_template_name = "advisory/admin/tables/date_cell.html"


class DueColumn(Column):
    """The SLA due date, with how long is left or how long it is overdue."""

    cell_template_name = "advisory/admin/tables/due_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = instance.is_overdue
        context["due"] = instance.sla_due_at
        return context


class RequesterColumn(Column):
    """The requesting organisation, with the programme under it."""

    cell_template_name = "advisory/admin/tables/requester_cell.html"


class QueueTable(Table):
    classname = "listing advisory-queue"

    def get_row_classname(self, instance):
        return "advisory-overdue" if instance.is_overdue else ""


def _person(user):
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def queue_columns(url_name):
    return [
        TitleColumn(
            "reference",
            label=_("Reference"),
            sort_key="reference",
            get_url=lambda request: reverse(url_name, args=[request.pk]),
        ),
        RequesterColumn(
            "organisation", label=_("Organisation and programme"), classname="advisory-queue__requester"
        ),
        Column(
            "country",
            label=_("Country"),
            accessor=lambda r: r.country.country.name,
            classname="advisory-queue__small",
        ),
        Column(
            "service_type",
            label=_("Service"),
            accessor="get_service_type_display",
            classname="advisory-queue__small",
        ),
        StatusTagColumn("state", label=_("State"), accessor="get_state_display", primary=lambda r: r.is_open),
        Column("owner", label=_("Owner"), accessor=lambda r: _person(r.owner)),
        LocalDateTimeColumn("submitted_at", label=zoned(_("Submitted")), sort_key="submitted"),
        DueColumn("sla_due_at", label=zoned(_("SLA due")), sort_key="sla"),
    ]
