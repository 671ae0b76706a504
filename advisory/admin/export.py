"""Spreadsheet export of the coordinator's queue, on Wagtail's own export machinery (XLSX and CSV)."""

import datetime
from collections import OrderedDict

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .tables import zoned


def _person(user):
    return (user.get_full_name() or user.get_username()) if user is not None else ""


# (key, heading, value of one request). Times are Brussels time, in ISO order (2026-12-07 14:30) so a
# spreadsheet sorts them; their headings say the zone. Contact details stay out: the spreadsheet is for
# steering the queue, and files travel further than the admin does.
EXPORT_COLUMNS = (
    ("reference", _("Reference"), lambda r: r.reference),
    ("state", _("State"), lambda r: r.get_state_display()),
    ("country", _("Country"), lambda r: r.country.country.name),
    ("organisation", _("Organisation"), lambda r: r.organisation),
    ("programme_name", _("Programme"), lambda r: r.programme_name),
    ("programme_level", _("Programme level"), lambda r: r.get_programme_level_display()),
    ("service_type", _("Service"), lambda r: r.get_service_type_display()),
    ("expertise_areas", _("Expertise areas"), lambda r: ", ".join(a.name for a in r.expertise_areas.all())),
    ("working_language", _("Working language"), lambda r: r.get_working_language_display()),
    ("budget_band", _("Budget"), lambda r: r.get_budget_band_display()),
    ("desired_start", _("Desired start"), lambda r: r.desired_start),
    ("desired_end", _("Desired end"), lambda r: r.desired_end),
    ("owner", _("Owner"), lambda r: _person(r.owner)),
    ("submitted_at", zoned(_("Submitted")), lambda r: r.submitted_at),
    ("sla_due_at", zoned(_("SLA due")), lambda r: r.sla_due_at),
    ("overdue", _("Overdue"), lambda r: _("yes") if r.is_overdue else ""),
)

# A cell starting with one of these is a formula to a spreadsheet program reading a CSV file.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Requesters write free text: make sure no cell of the CSV runs as a formula when opened."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _local_naive(value):
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


def _local_text(value):
    return _local_naive(value).strftime("%Y-%m-%d %H:%M")


class QueueExportMixin(SpreadsheetExportMixin):
    list_export = [key for key, _heading, _value in EXPORT_COLUMNS]
    export_headings = {key: heading for key, heading, _value in EXPORT_COLUMNS}
    custom_value_preprocess = {
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: _local_naive,
            SpreadsheetExportMixin.FORMAT_CSV: _local_text,
        },
        datetime.date: {SpreadsheetExportMixin.FORMAT_XLSX: None, SpreadsheetExportMixin.FORMAT_CSV: str},
    }

    def get_filename(self):
        return f"advisory-requests-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        return OrderedDict((key, value(item)) for key, _heading, value in EXPORT_COLUMNS)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            value = neutralise_formula(value)
        return value
