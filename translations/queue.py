"""A translator's work queue in one language: what waits for translation, for review, and what is outdated.

- Waiting for translation: a live page or a translatable snippet of the source language that has no
  translation in the language (or only an alias of the source), or whose translation was taken out of
  the translation editor ("translation disabled" in wagtail-localize).
- Waiting for review: a translation with a draft not yet published (a first draft, or changes sent
  to moderation), unless it is outdated.
- Outdated: see translations.services.

Each item counts its passages not yet translated (translations.progress). The whole queue takes a
fixed number of queries, whatever the number of pages and snippets: one read per table and per
translatable snippet model, never one per item.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from . import progress
from .models import OutdatedTranslation

IN_MODERATION = _("In moderation")
DRAFT = _("Draft")
NEVER_TRANSLATED = _("Not translated")
ALIAS = _("Copy of the source")
DISABLED = _("Translated outside the translation editor")
OFFLINE = _("Taken offline")
LIVE = _("Live")


@dataclass
class Item:
    title: str
    type_name: str
    url: str
    action: str
    state: str = ""
    untranslated: int | None = None
    since: datetime | None = None
    path: str = ""


@dataclass
class Queue:
    locale: Locale
    to_translate: list[Item] = field(default_factory=list)
    to_review: list[Item] = field(default_factory=list)
    outdated: list[Item] = field(default_factory=list)

    @property
    def total(self):
        return len(self.to_translate) + len(self.to_review) + len(self.outdated)


def translatable_snippet_models():
    """Registered snippet models that are translatable, in a stable order."""
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return sorted(models, key=lambda model: model._meta.label)


def _snippet_url(model, action, pk):
    try:
        return reverse(
            f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}", args=[quote(pk)]
        )
    except NoReverseMatch:
        return ""


def _submit_snippet_url(model, pk):
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[model._meta.app_label, model._meta.model_name, quote(pk)],
    )


class _Records:
    """The wagtail-localize records of one language, read once: snapshots, translations, outdatings."""

    def __init__(self, source_locale, locale):
        self.sources = dict(
            TranslationSource.objects.filter(locale=source_locale).values_list("object_id", "pk")
        )
        self.translations = dict(
            Translation.objects.filter(target_locale=locale, source__locale=source_locale).values_list(
                "source__object_id", "enabled"
            )
        )
        self.untranslated = progress.untranslated_by_source(
            TranslationSource.objects.filter(locale=source_locale).values("pk"), locale
        )
        self.outdated = {
            row["translation_key"]: row
            for row in OutdatedTranslation.objects.open()
            .filter(locale=locale)
            .values("translation_key", "outdated_at", "unpublished")
        }

    def missing(self, translation_key):
        """Passages not translated, or None when the object was never submitted for translation."""
        source_id = self.sources.get(translation_key)
        if source_id is None:
            return None
        return self.untranslated.get(source_id, 0)

    def enabled(self, translation_key):
        return self.translations.get(translation_key)


def _page_type_names(content_type_ids):
    names = {}
    for content_type_id in content_type_ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        names[content_type_id] = capfirst(model._meta.verbose_name) if model else ""
    return names


def _pages(queue, records, source_locale):
    locale = queue.locale
    sources = list(
        Page.objects.filter(locale=source_locale, depth__gt=1, live=True, alias_of__isnull=True)
        .order_by("path")
        .values("pk", "title", "translation_key", "content_type_id", "path")
    )
    targets = {
        row["translation_key"]: row
        for row in Page.objects.filter(locale=locale).values(
            "pk", "title", "translation_key", "live", "has_unpublished_changes", "alias_of_id"
        )
    }
    page_type = ContentType.objects.get_for_model(Page)
    in_moderation = set(
        WorkflowState.objects.filter(
            base_content_type=page_type, status=WorkflowState.STATUS_IN_PROGRESS
        ).values_list("object_id", flat=True)
    )
    type_names = _page_type_names({source["content_type_id"] for source in sources})
    for source in sources:
        key = source["translation_key"]
        target = targets.get(key)
        item = Item(
            title=target["title"] if target and not target["alias_of_id"] else source["title"],
            type_name=type_names.get(source["content_type_id"], ""),
            url="",
            action="",
            untranslated=records.missing(key),
            path=source["path"],
        )
        enabled = records.enabled(key)
        if target is None or target["alias_of_id"]:
            item.state = ALIAS if target else NEVER_TRANSLATED
            item.url = reverse("wagtail_localize:submit_page_translation", args=[source["pk"]])
            item.action = _("Translate")
            queue.to_translate.append(item)
            continue
        item.url = reverse("wagtailadmin_pages:edit", args=[target["pk"]])
        if enabled is False:
            item.state = DISABLED
            item.action = _("Edit")
            queue.to_translate.append(item)
            continue
        outdating = records.outdated.get(key) if enabled else None
        if outdating is not None:
            item.state = OFFLINE if outdating["unpublished"] else (LIVE if target["live"] else DRAFT)
            item.since = outdating["outdated_at"]
            item.action = _("Update the translation")
            queue.outdated.append(item)
        elif target["has_unpublished_changes"] or not target["live"]:
            item.state = IN_MODERATION if str(target["pk"]) in in_moderation else DRAFT
            item.action = _("Review")
            queue.to_review.append(item)


def _snippets(queue, records, source_locale, model):
    locale = queue.locale
    type_name = capfirst(model._meta.verbose_name)
    sources = list(model.objects.filter(locale=source_locale).order_by("pk"))
    targets = {target.translation_key: target for target in model.objects.filter(locale=locale)}
    drafts = issubclass(model, DraftStateMixin)
    for source in sources:
        if drafts and not source.live:
            continue
        key = source.translation_key
        target = targets.get(key)
        item = Item(
            title=str(target or source),
            type_name=type_name,
            url="",
            action="",
            untranslated=records.missing(key),
        )
        enabled = records.enabled(key)
        if target is None:
            item.state = NEVER_TRANSLATED
            item.url = _submit_snippet_url(model, source.pk)
            item.action = _("Translate")
            queue.to_translate.append(item)
            continue
        item.url = _snippet_url(model, "edit", target.pk)
        if enabled is False:
            item.state = DISABLED
            item.action = _("Edit")
            queue.to_translate.append(item)
            continue
        outdating = records.outdated.get(key) if enabled else None
        if outdating is not None:
            item.state = OFFLINE if outdating["unpublished"] else LIVE
            item.since = outdating["outdated_at"]
            item.action = _("Update the translation")
            queue.outdated.append(item)
        elif drafts and (target.has_unpublished_changes or not target.live):
            item.state = DRAFT
            item.action = _("Review")
            queue.to_review.append(item)


def queue_for(locale):
    """The work queue of `locale` (a target language)."""
    source_locale = Locale.get_default()
    queue = Queue(locale)
    records = _Records(source_locale, locale)
    _pages(queue, records, source_locale)
    for model in translatable_snippet_models():
        _snippets(queue, records, source_locale, model)
    queue.outdated.sort(key=lambda item: item.since, reverse=True)
    return queue
