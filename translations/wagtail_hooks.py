"""Where translations show in the admin and on the site: listing, dashboard, menu, history, page notice."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import access, public, selectors, services
from .panels import OutdatedTranslationsPanel
from .views import QueueView


@hooks.register("register_admin_urls")
def register_translation_urls():
    urls = [path("", QueueView.as_view(), name="queue")]
    return [path("translations/", include((urls, "translations"), namespace="translations"))]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_use(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(_("Translations"), reverse("translations:queue"), icon_name="globe", order=250)


@hooks.register("insert_global_admin_css")
def outdated_tag_css():
    # The explorer and the editors show the "Outdated" tag; one small stylesheet for the whole admin.
    return format_html('<link rel="stylesheet" href="{}">', static("translations/css/admin.css"))


@hooks.register("construct_explorer_page_queryset")
def mark_outdated_translations(parent_page, pages, request):
    """The explorer's status column reads this annotation: one subquery, not one query per row."""
    return pages.annotate(translation_outdated=selectors.outdated_exists())


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    if access.may_use(request.user):
        panels.append(OutdatedTranslationsPanel(request.user))


class OutdatedUnpublishFormatter(LogFormatter):
    label = _("Unpublished: source changed")

    def format_message(self, log_entry):
        return _(
            "Unpublished because “%(source)s” changed; it goes live again when its translator publishes it"
        ) % {"source": (log_entry.data or {}).get("source", "")}


@hooks.register("register_log_actions")
def register_translation_log_actions(actions):
    actions.register_action(services.UNPUBLISH_ACTION)(OutdatedUnpublishFormatter)


@hooks.register("cms_page_notices")
def outdated_translation_notice(request, page):
    return public.outdated_notice(request, page)
