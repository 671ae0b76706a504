"""Translating demo pages and snippets with wagtail-localize, the way a translator would.

For each object: a TranslationSource (refreshed when the English changed), a Translation
per target locale, a StringTranslation for every string segment (looked up in the demo
catalogue by the exact English segment), then `Translation.save_target`. Pages are saved
as a draft revision by wagtail-localize and that revision is published right away; we do
not rely on `save_target(publish=True)`, which publishes in a `transaction.on_commit`
callback and so would never run inside a test transaction.

Nothing is written for an object whose source, strings and target are already up to date,
so a second run adds no revisions. A segment the catalogue lacks raises
MissingDemoTranslation: wagtail-localize itself would silently fall back to English.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingDemoTranslation(Exception):
    """The demo content lacks (or has a broken) translation of some segments."""

    def __init__(self, instance, problems):
        self.instance = instance
        self.problems = problems
        lines = "\n".join(f"  [{language}] {text[:160]!r}" for language, text in problems)
        super().__init__(f"Demo translations missing or invalid for {instance!r}:\n{lines}")


@dataclass
class TranslationResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


class DemoTranslator:
    def __init__(self, catalogue, user=None):
        self.catalogue = catalogue
        self.user = user

    def translate(self, instance, language_codes):
        """Translate `instance` into the given languages; returns a TranslationResult by language."""
        if isinstance(instance, Page):
            instance = instance.specific_class.objects.get(pk=instance.pk)
        result = TranslationResult()
        enabled = {code for code, _name in settings.LANGUAGES}
        wanted = [code for code in language_codes if code in enabled]
        locales = list(Locale.objects.filter(language_code__in=wanted).exclude(pk=instance.locale_id))
        if not locales:
            return result

        previous = TranslationSource.objects.get_for_instance_or_none(instance)
        stamp = previous.last_updated_at if previous else None
        source, created = TranslationSource.update_or_create_from_instance(instance)
        source_changed = created or source.last_updated_at != stamp

        segments = list(
            StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
        )
        related = list(RelatedObjectSegment.objects.filter(source=source).select_related("object"))

        problems = []
        plans = []
        for locale in locales:
            language = locale.language_code
            translation, translation_created = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            changed = translation_created or source_changed
            if not translation.enabled:
                translation.enabled = True
                translation.save(update_fields=["enabled"])
                changed = True
            for segment in segments:
                text = self.catalogue.translate(language, segment.string.data)
                if text is None:
                    problems.append((language, segment.string.data))
                    continue
                changed |= self._store(segment, locale, text, problems)
            for segment in related:
                if not segment.object.has_translation(locale):
                    problems.append((language, f"related object not translated: {segment.object!r}"))
            plans.append((translation, locale, changed))
        if problems:
            raise MissingDemoTranslation(instance, problems)

        for translation, locale, changed in plans:
            target = self._target(source, locale)
            is_new = target is None
            stale = is_new or changed
            if isinstance(target, DraftStateMixin | Page):
                stale = stale or not target.live or target.has_unpublished_changes
                # The source may have been brought up to date when the English was published (the
                # outdated-translations signal), before this run compared it: a target older than
                # its source is stale all the same.
                revision = target.latest_revision
                stale = stale or (revision is not None and revision.created_at < source.last_updated_at)
            if not stale:
                result.unchanged.append(locale.language_code)
                continue
            self._save(translation, source, locale, instance)
            (result.created if is_new else result.updated).append(locale.language_code)
        return result

    @staticmethod
    def _store(segment, locale, text, problems):
        """Create or correct one string translation; True when something was written."""
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is not None and existing.data == text and not existing.has_error:
            return False
        if existing is None:
            existing = StringTranslation(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name="load_demo",
            )
        existing.data = text
        existing.has_error = False
        existing.field_error = ""
        existing.save()
        if existing.has_error:
            problems.append(
                (locale.language_code, f"invalid translation {text!r} of {segment.string.data!r}")
            )
        return True

    @staticmethod
    def _target(source, locale):
        try:
            return source.get_translated_instance(locale)
        except models.ObjectDoesNotExist:
            return None

    def _save(self, translation, source, locale, instance):
        if isinstance(instance, Page | DraftStateMixin):
            # Draft revision by wagtail-localize, published here and now.
            translation.save_target(user=self.user, publish=False)
            target = self._target(source, locale)
            target.get_latest_revision().publish(user=self.user)
        else:
            # Snippets without drafts are saved directly.
            translation.save_target(user=self.user, publish=True)
