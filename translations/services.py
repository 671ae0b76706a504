"""When a translation falls behind its source and when it is current again.

Outdated: the source object (English) is published with a change in what its translations carry
(translations.content) while a translation is done with wagtail-localize's editor (an enabled
Translation) and has been published before. At that moment the source's snapshot is synced, so the
translation editor shows the changed passages at once; translators of the language are told once
(translations.notifications); the site's policy may take the translation offline.

Current again: the translation is published while the snapshot matches the published source (nothing
changed since the sync) and every passage of it is translated. Publishing an incomplete translation
(wagtail-localize allows it, falling back to English) leaves it outdated.
"""

from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Page, Site
from wagtail_localize.models import TranslationSource

from workflows import outbox

from . import content, notices, notifications, progress
from .models import OutdatedPolicy, OutdatedTranslation, TranslationSettings

UNPUBLISH_ACTION = "translations.unpublish_outdated"
OUTDATED_EVENT = "outdated"


def _specific(instance):
    return instance.specific if isinstance(instance, Page) else instance


def _target(source, locale):
    try:
        return _specific(source.get_translated_instance(locale))
    except models.ObjectDoesNotExist:
        return None


def was_published(instance):
    """Whether the translation ever reached visitors (a snippet without drafts always has)."""
    if isinstance(instance, DraftStateMixin):
        return instance.first_published_at is not None or instance.live_revision_id is not None
    return True


def is_live(instance):
    return isinstance(instance, DraftStateMixin) and instance.live


def site_of(instance):
    """The site a translation appears on; snippets belong to the default site."""
    site = instance.get_site() if isinstance(instance, Page) else None
    return site or Site.objects.filter(is_default_site=True).first()


def settings_for(instance):
    site = site_of(instance)
    return TranslationSettings.for_site(site) if site is not None else TranslationSettings()


@transaction.atomic
def source_published(instance, revision=None, user=None):
    """Outdate the translations of `instance` if its publication changed what they carry.

    Returns the outdatings opened now (a translation already outdated only records the new change).
    """
    instance = _specific(instance)
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return []
    translations = list(source.translations.filter(enabled=True).select_related("target_locale"))
    if not translations or not content.differs_from_snapshot(instance, source):
        return []
    # Sync now, so that the translation editor (where the e-mail leads) shows the changed passages.
    source.update_from_db()
    now = timezone.now()
    open_rows = {
        row.translation_id: row
        for row in OutdatedTranslation.objects.open().filter(translation__in=translations)
    }
    opened = []
    for translation in translations:
        row = open_rows.get(translation.pk)
        if row is not None:
            row.source_changed_at = now
            row.source_revision = revision
            row.changed_by = user
            row.save(update_fields=["source_changed_at", "source_revision", "changed_by"])
            continue
        target = _target(source, translation.target_locale)
        if target is None or not was_published(target):
            continue
        row = OutdatedTranslation.objects.create(
            translation=translation,
            translation_key=instance.translation_key,
            locale=translation.target_locale,
            object_id=str(target.pk),
            outdated_at=now,
            source_changed_at=now,
            source_revision=revision,
            changed_by=user,
        )
        _apply_policy(row, target, source)
        _notify(row, target, source, translation)
        opened.append(row)
    notices.forget()
    return opened


def _apply_policy(row, target, source):
    if settings_for(target).outdated_policy != OutdatedPolicy.UNPUBLISH or not is_live(target):
        return
    # Wagtail's own "unpublished" entry would not say why: ours carries the reason.
    target.unpublish(log_action=False)
    log(
        instance=target,
        action=UNPUBLISH_ACTION,
        data={"source": source.object_repr, "language": row.locale.language_code},
    )
    row.unpublished = True
    row.save(update_fields=["unpublished"])


def _notify(row, target, source, translation):
    found = notifications.outdated(row, target, source, translation)
    if found:
        outbox.enqueue_and_dispatch(
            row, outbox.event_name(row, OUTDATED_EVENT), found, occurrence=str(row.pk)
        )


@transaction.atomic
def translation_published(instance, user=None):
    """Resolve the outdating of the translation `instance` if it is current again; the rows resolved."""
    instance = _specific(instance)
    rows = OutdatedTranslation.objects.open().filter(
        translation_key=instance.translation_key, locale_id=instance.locale_id
    )
    resolved = []
    for row in rows.select_related("translation__source", "locale"):
        source = row.translation.source
        try:
            published_source = _specific(source.get_source_instance())
        except models.ObjectDoesNotExist:
            continue
        if content.differs_from_snapshot(published_source, source):
            continue
        if progress.untranslated(source, row.locale):
            continue
        row.resolved_at = timezone.now()
        row.resolved_by = user
        row.save(update_fields=["resolved_at", "resolved_by"])
        resolved.append(row)
    if resolved:
        notices.forget()
    return resolved
