"""The dashboard panel of outdated translations in the user's languages, linking to the queue."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from . import access, progress, selectors
from .models import OutdatedTranslation

PANEL_ROWS = 8


class OutdatedTranslationsPanel(Component):
    name = "translations_outdated"
    order = 45
    template_name = "translations/admin/panel.html"

    class Media:
        css = {"all": ["translations/css/admin.css"]}

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        languages = access.languages_for(self.user)
        rows = (
            OutdatedTranslation.objects.open()
            .filter(locale__in=languages)
            .select_related("locale", "translation__source")
            .order_by("-outdated_at", "-pk")
        )
        shown = list(rows[:PANEL_ROWS])
        total = len(shown) if len(shown) < PANEL_ROWS else rows.count()
        missing = {}
        for locale in {row.locale for row in shown}:
            sources = [row.translation.source_id for row in shown if row.locale == locale]
            missing[locale.pk] = progress.untranslated_by_source(sources, locale)
        for row in shown:
            row.untranslated = missing[row.locale_id].get(row.translation.source_id, 0)
            row.edit_url = selectors.edit_url(row)
        return {
            "heading": _("Outdated translations"),
            "rows": shown,
            "total": total,
            "queue_url": reverse("translations:queue"),
            "has_languages": bool(languages),
        }
