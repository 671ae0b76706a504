"""The "Outdated" mark of a translation in the admin: page listing and status side panel."""

from django import template

from .. import progress, selectors

register = template.Library()


@register.inclusion_tag("translations/admin/outdated_tag.html")
def outdated_tag(page):
    """The tag of the explorer's status column, from the listing's annotation (no query of its own)."""
    return {"outdated": getattr(page, "translation_outdated", False)}


@register.inclusion_tag("translations/admin/status_panel_item.html")
def outdated_status(instance):
    """The status side panel's word on an outdated translation, with the passages still to translate."""
    row = selectors.outdating_of(instance)
    if row is None:
        return {"row": None}
    return {
        "row": row,
        "untranslated": progress.untranslated(row.translation.source, row.locale),
        "source_language": row.translation.source.locale,
    }
