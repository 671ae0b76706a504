"""Translating with wagtail-localize as a translator does; publishing the English source as an editor does."""

from django.urls import reverse
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.cms.factories import locale, translate

GERMAN_TEAM = "Translators (de)"
POLISH_TEAM = "Translators (pl)"


def localized_parent(page, language):
    """Make sure the parent of `page` exists in `language` (wagtail-localize needs it)."""
    parent = page.get_parent().specific
    if not parent.is_root() and parent.get_translation_or_none(locale(language)) is None:
        translate(parent, language)


def fill_in(translation, text=lambda language, english: f"[{language}] {english}"):
    """Translate every passage of the translation's snapshot that has no translation yet."""
    language = translation.target_locale.language_code
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    for segment in segments:
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text(language, segment.string.data)},
        )


def submit(instance, language):
    """Submit `instance` for translation into `language`, as "Translate this page" does."""
    if isinstance(instance, Page):
        localized_parent(instance, language)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale(language))
    return translation


def localize(instance, language, user=None):
    """A published wagtail-localize translation of `instance` into `language`, every passage translated."""
    translation = submit(instance, language)
    fill_in(translation)
    if isinstance(instance, Page | DraftStateMixin):
        # Saved as a draft and published here: save_target(publish=True) publishes after the commit,
        # which never comes inside a test's transaction.
        translation.save_target(user=user, publish=False)
        target_of(translation).get_latest_revision().publish(user=user)
    else:
        translation.save_target(user=user, publish=True)
    return translation


def target_of(translation):
    target = translation.get_target_instance()
    return target.specific if isinstance(target, Page) else target


def publish_source(page, user=None, **changes):
    """Publish a new revision of the English page with `changes`, as an editor's "Publish" does."""
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def translator_publishes(client, translation, django_capture_on_commit_callbacks):
    """The translator's "Publish" in wagtail-localize's translation editor (publishes after commit)."""
    target = target_of(translation)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
