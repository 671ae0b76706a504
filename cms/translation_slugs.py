"""A page's slug is translated with its title, not left in English on the Promote tab.

wagtail-localize extracts the slug as a segment of its own, shown on the Promote tab of the
translation editor. Translators work through the Content tab and publish; an untranslated
segment then falls back to the source (`save_target` uses fallback), so the German page of
/en/about-us/ would be served at /de/about-us/.

Chosen here: the slug segment follows the title segment. Whenever the title's translation is
saved (in the editor, by machine translation, by an import), the slug's translation of the same
page and language is set to the slug of the translated title, unless the translator has given
the slug a translation of their own: a slug translation that is the source slug, or the one
derived from the title's previous translation, still follows; anything else is the translator's
and is kept. The Promote tab therefore shows the slug translated, editable like any segment.

The slug is derived as Wagtail derives one from a title: Django's slugify, ASCII when that
leaves something ("Über uns" -> "uber-uns", which is also what wagtail-localize stores: it
re-slugifies a translated slug as ASCII). A title in a script with no ASCII letters (Greek,
Bulgarian) gives a Unicode slug when WAGTAIL_ALLOW_UNICODE_SLUGS allows it (Wagtail's default);
wagtail-localize's ASCII re-slugify empties it and Wagtail then fills the empty slug from the
translated title itself, Unicode allowed. Unique among siblings: wagtail-localize suffixes a slug
already taken under the parent when it saves the page (find_available_slug).
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.utils.text import slugify
from wagtail_localize.models import StringSegment, StringTranslation, TranslationContext

TITLE_PATH = "title"
SLUG_PATH = "slug"


def slug_for_title(title):
    """The slug Wagtail would give a page with this title ("" when none can be made)."""
    ascii_slug = slugify(title)
    if ascii_slug:
        return ascii_slug
    if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
        return slugify(title, allow_unicode=True)
    return ""


def _remember_previous_title(sender, instance, **kwargs):
    """pre_save: the title translation being replaced, to recognise the slug derived from it."""
    instance._previous_title = None
    if instance.pk and instance.context_id and instance.context.path == TITLE_PATH:
        instance._previous_title = (
            StringTranslation.objects.filter(pk=instance.pk).values_list("data", flat=True).first()
        )


def _slug_follows_title(sender, instance, raw=False, **kwargs):
    """post_save: set the slug translation of the same page and language from the translated title."""
    if raw or instance.context_id is None or instance.has_error:
        return
    if instance.context.path != TITLE_PATH:
        return
    slug_context = TranslationContext.objects.filter(
        object_id=instance.context.object_id, path=SLUG_PATH
    ).first()
    if slug_context is None:  # not a page (a snippet with a title field)
        return
    segment = (
        StringSegment.objects.filter(context=slug_context).select_related("string").order_by("-pk").first()
    )
    new_slug = slug_for_title(instance.data)
    if segment is None or not new_slug:
        return
    existing = StringTranslation.objects.filter(
        translation_of=segment.string, locale_id=instance.locale_id, context=slug_context
    ).first()
    if existing is None:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale_id=instance.locale_id,
            context=slug_context,
            data=new_slug,
            translation_type=instance.translation_type,
            tool_name=instance.tool_name,
            last_translated_by=instance.last_translated_by,
        )
        return
    previous_title = getattr(instance, "_previous_title", None)
    still_following = {segment.string.data} | ({slug_for_title(previous_title)} if previous_title else set())
    if existing.data in still_following and existing.data != new_slug:
        existing.data = new_slug
        existing.last_translated_by = instance.last_translated_by
        existing.save(update_fields=["data", "last_translated_by", "updated_at"])


def connect():
    pre_save.connect(
        _remember_previous_title, sender=StringTranslation, dispatch_uid="cms_slug_previous_title"
    )
    post_save.connect(_slug_follows_title, sender=StringTranslation, dispatch_uid="cms_slug_follows_title")
