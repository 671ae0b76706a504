from django import forms
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_scope import OTHER_LANGUAGE, has_page_permission, refused
from .language_scope import (
    holds_in,
    locale_of_new_object,
    may_on_object,
    model_permission,
    permission_locales,
)
from .localize_editor import editor_assets
from .missing import NoticePageLinkHandler
from .models import LanguageScope, Programme, SiteTexts, Topic
from .permissions import LocaleAwarePagePermissionTester


@hooks.register("before_serve_page")
def refuse_page_of_another_language(page, request, serve_args, serve_kwargs):
    """Wagtail falls back to the source tree when a locale lacks a page; we never do.

    Without this, /fr/news/ would serve the English news page whenever its French
    translation is missing or not yet published.
    """
    if page.locale.language_code != translation.get_language():
        raise Http404


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "tasks"
    list_display = ["name", "url"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name"]
    search_fields = ["name"]


class SiteTextsViewSet(SnippetViewSet):
    """The organisation's name, tagline, footer and address per language, translated like any snippet."""

    model = SiteTexts
    icon = "site"
    menu_label = _("Site texts")
    list_display = ["organisation_name", "site"]


register_snippet(ProgrammeViewSet)
register_snippet(TopicViewSet)
register_snippet(SiteTextsViewSet)


# Translators change their own languages only (cms.language_scope); the page permission tester covers
# the page views, these hooks the snippet views and the paths the tester cannot see (creating at the
# root, bulk actions as a second check). They run before wagtail-localize's own hooks (order=-10), so a
# snippet's translation editor of another language is refused before it opens.


@hooks.register("before_create_page", order=-10)
def refuse_new_page_outside_own_languages(request, parent_page, page_class):
    # The root's plain tester would let a translator's grants add a new home page at the root.
    if not LocaleAwarePagePermissionTester(request.user, parent_page).can_add_subpage():
        return refused(request, OTHER_LANGUAGE, "new page")
    return None


@hooks.register("before_bulk_action", order=-10)
def refuse_bulk_delete_outside_own_languages(request, action_type, objects, action_class_instance):
    # Page bulk actions already skip the pages the tester refuses; snippet ones check the model only.
    if action_type == "delete" and not all(may_on_object(request.user, "delete", obj) for obj in objects):
        return refused(request, OTHER_LANGUAGE, "bulk delete")
    return None


@hooks.register("before_create_snippet", order=-10)
def refuse_new_snippet_outside_own_languages(request, model):
    if issubclass(model, TranslatableMixin):
        locales = permission_locales(request.user, model_permission(model, "add"))
        new_locale_ids = {locale_of_new_object(request).pk}
        # The copy view (the only create view with a pk) keeps the original's locale, whatever ?locale= says.
        copied = request.resolver_match.kwargs.get("pk") if request.resolver_match else None
        if copied is not None:
            original = model._default_manager.filter(pk=unquote(str(copied))).first()
            if original is not None:
                new_locale_ids.add(original.locale_id)
        if not all(holds_in(locales, locale_id) for locale_id in new_locale_ids):
            return refused(request, OTHER_LANGUAGE, "new snippet")
    return None


@hooks.register("before_edit_snippet", order=-10)
def refuse_snippet_edit_outside_own_languages(request, instance):
    if not may_on_object(request.user, "change", instance):
        return refused(request, OTHER_LANGUAGE, "snippet edit")
    return None


@hooks.register("before_delete_snippet", order=-10)
def refuse_snippet_delete_outside_own_languages(request, instances):
    if not all(may_on_object(request.user, "delete", instance) for instance in instances):
        return refused(request, OTHER_LANGUAGE, "snippet delete")
    return None


class LanguageScopeViewSet(ModelViewSet):
    """Administrators say which languages each translation team works in (Settings > Language scopes)."""

    model = LanguageScope
    icon = "site"
    add_to_settings_menu = True
    menu_label = _("Language scopes")
    list_display = ["group", "languages"]
    panels = [FieldPanel("group"), FieldPanel("locales", widget=forms.CheckboxSelectMultiple)]


@hooks.register("register_admin_viewset")
def register_language_scopes():
    return LanguageScopeViewSet("language_scopes")


# Experts and coordinators are not editors: the middleware refuses them the editorial screens
# (cms.admin_scope); here the reports menu stops pointing at them. (Wagtail already hides the
# dashboard's page summary and page panels from users without page permissions.)


@hooks.register("construct_reports_menu")
def no_editorial_reports_for_outsiders(request, menu_items):
    if not has_page_permission(request.user):
        menu_items[:] = []


# After Wagtail's own registration of the "page" link type (hooks run in order), which it replaces.
@hooks.register("register_rich_text_features", order=10)
def link_pages_missing_in_a_language_to_the_notice(features):
    features.register_link_type(NoticePageLinkHandler)


@hooks.register("insert_editor_js")
def translation_editor_formatting():
    """Rich-text segments shown with their formatting in wagtail-localize's editor (cms.localize_editor)."""
    return editor_assets()
