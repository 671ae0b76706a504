"""Reads of the translation state: one object's outdating, the explorer's annotation."""

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, TranslatableMixin

from .models import OutdatedTranslation


def outdated_exists():
    """An Exists() telling, per page or snippet row of a queryset, whether it is an outdated translation."""
    return Exists(
        OutdatedTranslation.objects.open().filter(
            translation_key=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
    )


def outdating_of(instance):
    """The open outdating of a translated page or snippet, or None."""
    if not isinstance(instance, TranslatableMixin) or instance.pk is None:
        return None
    if isinstance(instance, Page):
        instance = instance.specific_deferred
    return (
        OutdatedTranslation.objects.open()
        .filter(translation_key=instance.translation_key, locale_id=instance.locale_id)
        .select_related("translation__source__locale", "locale")
        .first()
    )


def source_model(row):
    return ContentType.objects.get_for_id(row.translation.source.specific_content_type_id).model_class()


def is_page(row):
    model = source_model(row)
    return model is not None and issubclass(model, Page)


def edit_url(row):
    """The admin URL where the outdated translation of `row` is edited: wagtail-localize's translation
    editor, which replaces Wagtail's edit view for pages and snippets it translates."""
    model = source_model(row)
    if model is None:
        return ""
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[row.object_id])
    try:
        return reverse(
            f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit",
            args=[quote(row.object_id)],
        )
    except NoReverseMatch:
        return ""
