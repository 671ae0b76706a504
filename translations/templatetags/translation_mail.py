"""What the translators' e-mails need: the organisation's name in the recipient's language."""

from django import template
from django.conf import settings
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def site_name():
    # A name a deployment sets (SITE_NAME) that the catalogues do not know is shown as it is.
    return gettext(settings.WAGTAIL_SITE_NAME)
