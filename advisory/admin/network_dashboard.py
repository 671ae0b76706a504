"""The network dashboard: the figures of `advisory.statistics` as charts (workflows.charts: SVG drawn
here on the server, no script), each with its table and a CSV download of it, for the reader's scope.

Coordinators, lead coordinators and superusers only (`statistics.may_view`); anyone else gets the
advisory refusal page. `?period=<months>&country=<pk>` filter; `&export=<chart key>` downloads one
chart's table as CSV, built from the same figures as the page.
"""

import csv

from django import forms
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format, localize
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.charts import Bar, Series, Table, Tile, bar_chart, by_name, stacked_bar_chart, tile_grid_map

from .. import statistics
from ..models import AdvisoryRequest
from .access import AdvisoryAccessMixin
from .export import neutralise_formula

S = AdvisoryRequest.State
# The busiest experts drawn; the table lists them all.
EXPERTS_DRAWN = 15


class DashboardFilterForm(forms.Form):
    period = forms.TypedChoiceField(label=_("Period"), coerce=int, required=False)
    country = forms.TypedChoiceField(label=_("Country"), coerce=int, required=False, empty_value=None)

    def __init__(self, data, *, countries):
        super().__init__(data)
        # Built here, not at import: the labels are in the reader's language.
        self.fields["period"].choices = [
            (months, ngettext("Last %(count)d month", "Last %(count)d months", months) % {"count": months})
            for months in statistics.PERIOD_CHOICES
        ]
        self.fields["period"].initial = statistics.DEFAULT_MONTHS
        self.countries = {country.pk: country for country in countries}
        named = sorted(self.countries.values(), key=lambda country: by_name(str(country.country.name)))
        self.fields["country"].choices = [("", _("All countries")), *((c.pk, c.country.name) for c in named)]

    def value(self, name, default):
        if self.is_valid():
            return self.cleaned_data.get(name) or default
        return default

    @property
    def months(self):
        return self.value("period", statistics.DEFAULT_MONTHS)

    @property
    def selected_country(self):
        return self.countries.get(self.value("country", None))


def month_label(day, short=False):
    """A month in the reader's language: "Mar 2026" on a chart, "March 2026" in a table."""
    return format_date(day, "M Y" if short else get_format("YEAR_MONTH_FORMAT"))


def _days(value):
    return "–" if value is None else str(localize(value))


def country_map(figures, countries, selected):
    """The tile grid of the active countries in scope (the chosen one alone), shaded by requests."""
    shown = [c for c in countries if c.active and (selected is None or c == selected)]
    tiles = [Tile(c.code, str(c.country.name), figures.by_country.get(c.pk, 0)) for c in shown]
    on_map = sum(tile.value for tile in tiles)
    busiest = [tile for tile in sorted(tiles, key=lambda tile: (-tile.value, tile.name)) if tile.value][:3]
    summary = ngettext(
        "%(count)d request in the period from the countries on the map.",
        "%(count)d requests in the period from the countries on the map.",
        on_map,
    ) % {"count": on_map}
    if busiest:
        summary += " " + _("Most came from %(countries)s.") % {
            "countries": ", ".join(f"{tile.name} ({localize(tile.value)})" for tile in busiest)
        }
    elsewhere = figures.total - on_map
    if elsewhere > 0:
        summary += " " + ngettext(
            "%(count)d request came from a country no longer active, not on the map.",
            "%(count)d requests came from countries no longer active, not on the map.",
            elsewhere,
        ) % {"count": elsewhere}
    return tile_grid_map(
        "countries",
        str(_("Requests per country")),
        summary,
        tiles,
        code_heading=str(_("Code")),
        name_heading=str(_("Country")),
        value_heading=str(pgettext_lazy("number of", "Requests")),
    )


def state_chart(figures):
    states = [(value, label) for value, label in S.choices if value != S.NEW]
    open_count = sum(figures.by_state.get(value, 0) for value in AdvisoryRequest.OPEN_STATES)
    summary = ngettext(
        "%(count)d request submitted in the period;",
        "%(count)d requests submitted in the period;",
        figures.total,
    ) % {"count": figures.total}
    summary += " " + ngettext("%(count)d is still open.", "%(count)d are still open.", open_count) % {
        "count": open_count
    }
    bars = [Bar(str(label), figures.by_state.get(value, 0)) for value, label in states]
    return bar_chart(
        "states",
        str(_("Requests per state")),
        summary,
        bars,
        label_heading=str(_("State")),
        value_heading=str(pgettext_lazy("number of", "Requests")),
    )


def month_chart(figures):
    months = sorted(figures.by_month)
    phases = [Series(key, str(statistics.Phase.LABELS[key])) for key in statistics.Phase.ORDER]
    values = {
        (index, phase): number
        for index, month in enumerate(months)
        for phase, number in figures.by_month[month].items()
    }
    totals = {month: sum(figures.by_month[month].values()) for month in months}
    summary = _("Requests by the month they were submitted in, by where they stand now.")
    if figures.total:
        busiest = max(months, key=lambda month: (totals[month], month))
        summary += " " + _("The most arrived in %(month)s (%(count)s).") % {
            "month": month_label(busiest),
            "count": localize(totals[busiest]),
        }
    chart = stacked_bar_chart(
        "months",
        str(_("Requests per month")),
        summary,
        [month_label(month, short=True) for month in months],
        phases,
        values,
        category_heading=str(_("Month")),
        total_heading=str(_("Total")),
    )
    # The table names the months in full.
    rows = tuple((month_label(month), *row[1:]) for month, row in zip(months, chart.table.rows, strict=True))
    return _with_table(chart, Table(chart.table.columns, rows))


def _with_table(chart, table):
    return type(chart)(chart.key, chart.title, chart.summary, chart.svg, table)


def service_level_chart(figures):
    steps = [step for step in figures.milestones if step.has_sla]
    series = [
        Series("met", str(_("In time"))),
        Series("missed", str(_("Late"))),
        Series("waiting", str(_("Still waiting, past the deadline"))),
    ]
    values = {}
    parts = []
    for index, step in enumerate(steps):
        values[(index, "met")] = step.met
        values[(index, "missed")] = step.missed
        values[(index, "waiting")] = step.waiting_overdue
        judged = step.met + step.missed
        parts.append(
            ngettext(
                "%(step)s within %(days)d business day: %(met)d of %(judged)d in time; "
                "still waiting past the deadline: %(waiting)d.",
                "%(step)s within %(days)d business days: %(met)d of %(judged)d in time; "
                "still waiting past the deadline: %(waiting)d.",
                step.sla_business_days,
            )
            % {
                "step": step.label,
                "days": step.sla_business_days,
                "met": step.met,
                "judged": judged,
                "waiting": step.waiting_overdue,
            }
        )
    return stacked_bar_chart(
        "service-levels",
        str(_("Service levels")),
        " ".join(parts),
        [str(step.label) for step in steps],
        series,
        values,
        category_heading=str(_("Step")),
        total_heading=str(_("Total")),
    )


def time_chart(figures):
    steps = figures.milestones
    bars = [
        Bar(
            str(step.label),
            step.average_days or 0,
            text=_days(step.average_days) if step.reached else str(_("none yet")),
        )
        for step in steps
    ]
    table = Table(
        (
            str(_("Step")),
            str(_("Requests that reached it")),
            str(_("Average days from submission")),
            str(_("Service level (business days)")),
            str(_("In time")),
            str(_("Late")),
            str(_("Still waiting, past the deadline")),
        ),
        tuple(
            (
                str(step.label),
                step.reached,
                step.average_days,
                step.sla_business_days,
                step.met if step.has_sla else None,
                step.missed if step.has_sla else None,
                step.waiting_overdue if step.has_sla else None,
            )
            for step in steps
        ),
    )
    summary = _(
        "Average calendar days from submission to each step, for the requests of the period that reached it."
    )
    return bar_chart(
        "times",
        str(_("Time from submission")),
        str(summary),
        bars,
        label_heading=str(_("Step")),
        value_heading=str(_("Average days from submission")),
        table=table,
    )


def expert_chart(figures):
    load = figures.expert_load
    drawn = load[:EXPERTS_DRAWN]
    series = [Series("accepted", str(_("Accepted"))), Series("invited", str(_("Invited")))]
    values = {}
    for index, expert in enumerate(drawn):
        values[(index, "accepted")] = expert.accepted
        values[(index, "invited")] = expert.invited
    summary = ngettext(
        "%(count)d expert has open assignments on open requests in your scope.",
        "%(count)d experts have open assignments on open requests in your scope.",
        len(load),
    ) % {"count": len(load)}
    if len(load) > len(drawn):
        summary += " " + _("The chart shows the %(count)d busiest; the table lists them all.") % {
            "count": len(drawn)
        }
    table = Table(
        (
            str(_("Expert")),
            str(_("Accepted")),
            str(_("Invited")),
            str(_("Open in total")),
            str(_("Capacity")),
        ),
        tuple((e.name, e.accepted, e.invited, e.open, e.capacity) for e in load),
    )
    return stacked_bar_chart(
        "experts",
        str(_("Experts' load")),
        summary,
        [expert.name for expert in drawn],
        series,
        values,
        category_heading=str(_("Expert")),
        total_heading=str(_("Open in total")),
        table=table,
    )


def dashboard_charts(figures, countries, selected):
    """The dashboard's charts, in the order of the page."""
    return [
        country_map(figures, countries, selected),
        month_chart(figures),
        state_chart(figures),
        service_level_chart(figures),
        time_chart(figures),
        expert_chart(figures),
    ]


def csv_response(chart, filename):
    """One chart's table as a CSV file; no cell starts a formula in a spreadsheet program."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([neutralise_formula(heading) for heading in chart.table.columns])
    for row in chart.table.rows:
        writer.writerow(["" if cell is None else neutralise_formula(cell) for cell in row])
    return response


class NetworkDashboardView(AdvisoryAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "advisory/admin/network_dashboard/index.html"
    page_title = _("Network dashboard")
    header_icon = "table"
    index_url_name = "advisory_dashboard:index"

    def get(self, request, *args, **kwargs):
        statistics.require_view(request.user)
        self.countries = list(statistics.countries_in_scope(request.user))
        self.filter_form = DashboardFilterForm(request.GET or None, countries=self.countries)
        self.selected = self.filter_form.selected_country
        period = statistics.Period.last(self.filter_form.months)
        self.figures = statistics.network_statistics(request.user, period, self.selected)
        self.charts = dashboard_charts(self.figures, self.countries, self.selected)
        key = request.GET.get("export")
        if key:
            chart = next((chart for chart in self.charts if chart.key == key), None)
            if chart is not None:
                return csv_response(chart, f"network-{chart.key}-{timezone.localdate():%Y-%m-%d}.csv")
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @cached_property
    def query_without_export(self):
        params = self.request.GET.copy()
        params.pop("export", None)
        return params

    def export_url(self, key):
        params = self.query_without_export.copy()
        params["export"] = key
        return f"{reverse(self.index_url_name)}?{params.urlencode()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.figures.period
        context.update(
            {
                "filter_form": self.filter_form,
                "figures": self.figures,
                "charts": [(chart, self.export_url(chart.key)) for chart in self.charts],
                "first_month": month_label(period.first_month),
                "last_month": month_label(period.month_starts()[-1]),
                "selected_country": self.selected,
                "reset_url": reverse(self.index_url_name),
            }
        )
        return context


class NetworkDashboardPanel(Component):
    """A small panel on the Wagtail home leading to the network dashboard."""

    name = "advisory_network_dashboard"
    order = 55
    template_name = "advisory/admin/network_dashboard/panel.html"

    class Media:
        css = {"all": ["advisory/css/admin.css"]}

    def get_context_data(self, parent_context):
        return {"url": reverse("advisory_dashboard:index")}


def dashboard_panels_for(user):
    return [NetworkDashboardPanel()] if statistics.may_view(user) else []
