"""The dashboard panel of outdated translations in the user's languages, linking to the queue."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page

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
        # Translators know a page by its title in their language (one query for the rows shown).
        page_rows = [row for row in shown if selectors.is_page(row)]
        page_ids = [row.object_id for row in page_rows]
        titles = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "title"))
        for row in shown:
            title = titles.get(int(row.object_id)) if row in page_rows else None
            row.title = title or row.translation.source.object_repr
            row.untranslated = missing[row.locale_id].get(row.translation.source_id, 0)
            row.edit_url = selectors.edit_url(row)
        return {
            "heading": _("Outdated translations"),
            "rows": shown,
            "total": total,
            "queue_url": reverse("translations:queue"),
            "has_languages": bool(languages),
        }
