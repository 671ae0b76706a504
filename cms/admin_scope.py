"""Who may open which editorial screen of the admin, and in which language.

Two rules, enforced before any admin view runs (`AdminScopeMiddleware`) and in Wagtail's hooks
(cms/wagtail_hooks.py):

- The editorial screens (page explorer, page chooser, page search, page history, bulk actions on pages,
  the admin API, reports, wagtail-localize, form submissions) are for users with a page permission.
  Wagtail opens its choosers, bulk-action screens and some reports to every user who may enter the
  admin, so experts and coordinators would read the titles of unpublished pages there. Image and
  document choosers are for users with a page or collection permission.
- wagtail-localize's own screens (submit a translation, sync translations, the translation editor's
  API) check only "submit translation" or the model-wide change permission: a translator may use them
  for their own languages only (cms.language_scope).
"""

import logging

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail_localize.models import Translation, TranslationSource

from workflows.admin_pages import refusal_page

from .language_scope import holds_in, may_on_object, permission_locales

security_log = logging.getLogger("cms.security")

# View names (or their prefixes) of the screens that show pages, drafts or the editorial media.
PAGE_VIEWS = (
    "wagtailadmin_explore",
    "wagtailadmin_pages:",
    "wagtailadmin_choose_page",
    "wagtailadmin_api:pages:",
    "wagtailadmin_reports:",
    "wagtail_localize:",
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_tag_model_autocomplete",
)
MEDIA_VIEWS = (
    "wagtailimages_chooser:",
    "wagtaildocs_chooser:",
    "wagtailadmin_api:images:",
    "wagtailadmin_api:documents:",
)
PAGE_BULK_MODELS = {("wagtailcore", "page")}
MEDIA_BULK_MODELS = {("wagtailimages", "image"), ("wagtaildocs", "document")}
# Harmless to anyone in the admin: the translation editor's JavaScript strings.
OPEN_VIEWS = {"wagtail_localize:javascript_catalog"}

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
# wagtail-localize views that change one translation, by its id.
TRANSLATION_EDIT_VIEWS = {
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:edit_override",
    "wagtail_localize:upload_pofile",
    "wagtail_localize:machine_translate",
    "wagtail_localize:stop_translation",
}

NOT_EDITORIAL = _("This part of the admin is for the editorial team.")
OTHER_LANGUAGE = _("You may change content in your own languages only.")


def has_page_permission(user):
    """Editors, moderators, translators and superusers: users with any page permission."""
    if user.is_superuser:
        return True
    return GroupPagePermission.objects.filter(group__user=user).exists()


def has_media_permission(user):
    """Users who write pages or manage images and documents.

    "Choose" alone does not count: Wagtail's own migrations give it to every group with admin access
    (Experts included), and it only serves the choosers of editing forms such users never open.
    """
    if has_page_permission(user):
        return True
    grants = GroupCollectionPermission.objects.filter(group__user=user)
    return grants.exclude(permission__codename__startswith="choose_").exists()


def refused(request, message, what=""):
    """An admin-styled 403 page; the refusal is logged with the user's id, never their name."""
    security_log.warning(
        "admin access refused: user=%s %s %s%s",
        getattr(request.user, "pk", None),
        request.method,
        request.path,
        f" ({what})" if what else "",
    )
    return refusal_page(request, message)


def _starts_with_any(view_name, prefixes):
    return any(view_name == prefix or view_name.startswith(prefix) for prefix in prefixes)


def editorial_refusal(request, match):
    """The refusal of an editorial screen the user has no business on, or None."""
    view_name = match.view_name or ""
    if view_name in OPEN_VIEWS:
        return None
    user = request.user
    if view_name == "wagtail_bulk_action":
        model = (match.kwargs.get("app_label"), match.kwargs.get("model_name"))
        if model in PAGE_BULK_MODELS and not has_page_permission(user):
            return refused(request, NOT_EDITORIAL, "page bulk action")
        if model in MEDIA_BULK_MODELS and not has_media_permission(user):
            return refused(request, NOT_EDITORIAL, "media bulk action")
        return None
    if _starts_with_any(view_name, PAGE_VIEWS) and not has_page_permission(user):
        return refused(request, NOT_EDITORIAL, view_name)
    if _starts_with_any(view_name, MEDIA_VIEWS) and not has_media_permission(user):
        return refused(request, NOT_EDITORIAL, view_name)
    return None


def _posted_locale_ids(request):
    ids = set()
    for value in request.POST.getlist("locales"):
        try:
            ids.add(int(value))
        except ValueError:
            continue  # the form itself refuses junk
    return ids


def translation_refusal(request, match):
    """The refusal of a wagtail-localize action on a language the user does not hold, or None."""
    view_name = match.view_name or ""
    user = request.user
    if view_name in (
        "wagtail_localize:submit_page_translation",
        "wagtail_localize:submit_snippet_translation",
    ):
        if request.method != "POST":
            return None
        locales = permission_locales(user, SUBMIT_TRANSLATION)
        if not all(holds_in(locales, locale_id) for locale_id in _posted_locale_ids(request)):
            return refused(request, OTHER_LANGUAGE, "translation into another language")
        return None
    if view_name == "wagtail_localize:update_translations":
        if request.method != "POST":
            return None
        source = TranslationSource.objects.filter(pk=match.kwargs.get("translation_source_id")).first()
        if source is None:
            return None
        locales = permission_locales(user, SUBMIT_TRANSLATION)
        targets = source.translations.filter(enabled=True).values_list("target_locale_id", flat=True)
        if not all(holds_in(locales, locale_id) for locale_id in targets):
            return refused(request, OTHER_LANGUAGE, "sync into another language")
        return None
    if view_name in TRANSLATION_EDIT_VIEWS:
        translation = Translation.objects.filter(pk=match.kwargs.get("translation_id")).first()
        if translation is None:
            return None
        try:
            target = translation.get_target_instance()
        except translation.source.specific_content_type.model_class().DoesNotExist:
            return None
        if not may_on_object(user, "change", target):
            return refused(request, OTHER_LANGUAGE, "translation editor of another language")
    return None


class AdminScopeMiddleware:
    """Refuses editorial screens to non-editorial staff, and other languages' translations to translators."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Every screen guarded here is in the admin: public pages never load the session for it (its
        # "Vary: Cookie" would make them uncacheable for anonymous visitors).
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        return editorial_refusal(request, match) or translation_refusal(request, match)
