"""The privacy page every public form of the advisory service links to."""

from django import template

register = template.Library()


@register.simple_tag
def privacy_page_of(page):
    """The live privacy page of a request form page, in the active language when translated; else None."""
    target = getattr(page, "privacy_page", None)
    if target is None:
        return None
    localized = target.localized
    return localized if localized.live else (target if target.live else None)
