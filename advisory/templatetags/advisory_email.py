"""Filters and tags of the advisory e-mails: the payload holds plain JSON, these present it.

The sender renders under `translation.override(<recipient's language>)`, so dates and names come
out in that language; times are shown in the project's time zone (Brussels).
"""

from datetime import date, datetime

from django import template
from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, gettext_noop
from django_countries import countries

from cms.models.site_texts import SiteTexts
from workflows import text

from ..choices import AssignmentRole, ServiceType
from ..models import AdvisoryRequest, ExpertiseArea, RequestFormPage

register = template.Library()


def _parse(value):
    if isinstance(value, datetime | date):
        return value
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _local(moment):
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        return timezone.localtime(moment, timezone.get_default_timezone())
    return moment


def zone_label():
    """ "Brussels time" (translated) for the default zone, else the zone's name."""
    name = str(settings.TIME_ZONE)
    return gettext("Brussels time") if name == "Europe/Brussels" else name


@register.filter
def email_datetime(value):
    """An ISO date-time as the recipient reads it: "30 November 2026, 09:00 (Brussels time)"."""
    moment = _local(_parse(value))
    if moment is None:
        return ""
    if not isinstance(moment, datetime):
        return formats.date_format(moment, "DATE_FORMAT")
    return "{} {} ({})".format(
        formats.date_format(moment, "DATE_FORMAT"), formats.time_format(moment, "TIME_FORMAT"), zone_label()
    )


@register.filter
def email_date(value):
    """An ISO date or date-time as a date in the recipient's language (the local date in Brussels)."""
    moment = _local(_parse(value))
    if moment is None:
        return ""
    return formats.date_format(moment.date() if isinstance(moment, datetime) else moment, "DATE_FORMAT")


@register.filter
def country_name(code):
    """A country code as its name in the active language."""
    if not code:
        return ""
    return str(countries.name(code)) or code


@register.filter
def area_names(codes):
    """Expertise area codes as their names in the recipient's language, in one query: "A, B"."""
    if not codes:
        return ""
    areas = ExpertiseArea.objects.canonical().filter(code__in=list(codes)).localised()
    return ", ".join(sorted((area.localised_name for area in areas), key=text.collation_key))


@register.filter
def service_label(value):
    return _choice_label(ServiceType, value)


@register.filter
def role_label(value):
    return _choice_label(AssignmentRole, value)


def _choice_label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


# Text people typed, shown in e-mails so that it cannot pose as ours (workflows.text): inside our
# sentences only as one short line in quotes; longer text quoted line by line ("> ") in text mails and
# in a marked blockquote in HTML mails, always after a label that says who wrote it.


@register.filter
def one_line(value, max_length=120):
    """A name or title inside a sentence: one line, no invisible controls, at most `max_length` characters."""
    return text.as_line(value, int(max_length))


@register.filter
def quoted(value):
    """Text mails: each line of the value prefixed with "> "."""
    return text.quoted(value)


@register.filter
def user_text(value):
    """HTML mails: the value without controls or direction overrides (escape, then linebreaksbr, after)."""
    return text.as_text(value)


@register.simple_tag(takes_context=True)
def tracking_url(context):
    """The requester's tracking link, built from the raw token of the receipt or resend e-mail.

    Built here, not stored: the token is removed from the payload once the e-mail is sent, and no
    copy of it may stay behind in a URL.
    """
    token = context.get("tracking_token")
    if not token:
        return ""
    request = AdvisoryRequest.objects.filter(pk=context.get("request_id")).first()
    if request is None:
        return ""
    return RequestFormPage.tracking_url_for(request, token)


# The default organisation name, kept in the catalogues so that every language has its own.
DEFAULT_ORGANISATION_NAME = gettext_noop("European Secretariat for Cluster Analysis")


@register.simple_tag
def site_name():
    """The organisation's name in the recipient's language: the header and the signature of every e-mail.

    The default site's texts (cms SiteTexts, translated by the translators) in that language, in one
    query. Where that language has none yet: the default language's name through the catalogues
    (which know the default name in every language), else as it is written; then SITE_NAME.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    found = {
        texts.locale.language_code: texts.organisation_name
        for texts in SiteTexts.objects.filter(
            site__is_default_site=True, locale__language_code__in={language, settings.LANGUAGE_CODE}
        ).select_related("locale")
    }
    if found.get(language):
        return found[language]
    return gettext(found.get(settings.LANGUAGE_CODE) or settings.WAGTAIL_SITE_NAME)
