"""Filters of the advisory admin's templates: dates and times in the reader's language, day first,
24-hour clock (the short formats of cms.formats), always in the secretariat's time zone and saying so.

The zone is the project's (settings.TIME_ZONE, Brussels), not the reader's: deadlines are set and
discussed in Brussels time across the network, so everybody reads the same hour.
"""

from datetime import date, datetime

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext

BRUSSELS = "Europe/Brussels"

register = template.Library()


@register.simple_tag(name="time_zone_label")
def zone_label():
    """ "Brussels time" in the active language (the zone's name, should the project move elsewhere)."""
    name = str(settings.TIME_ZONE)
    return gettext("Brussels time") if name == BRUSSELS else name


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value, timezone.get_default_timezone())
    return value


@register.filter("admin_date")
def short_date(value):
    """07.12.2026 (de, pl) or 07/12/2026 (en, fr, es, it); a date-time gives its local date; "" for none."""
    value = _local(value)
    if not isinstance(value, date):
        return ""
    return formats.date_format(value.date() if isinstance(value, datetime) else value, "SHORT_DATE_FORMAT")


@register.filter("admin_time")
def short_time(value):
    """14:30 in Brussels time (24 hours in every language); "" for anything but a date-time."""
    value = _local(value)
    if not isinstance(value, datetime):
        return ""
    return formats.time_format(value, "H:i")


@register.filter("admin_datetime")
def short_datetime(value):
    """07.12.2026 14:30 in Brussels time, without the zone's name (for columns headed with it)."""
    value = _local(value)
    if not isinstance(value, datetime):
        return short_date(value)
    return formats.date_format(value, "SHORT_DATETIME_FORMAT")


@register.filter("admin_datetime_zoned")
def short_datetime_zoned(value):
    """07.12.2026 14:30 (Brussels time)."""
    text = short_datetime(value)
    if not text or not isinstance(value, datetime):
        return text
    return f"{text} ({zone_label()})"
