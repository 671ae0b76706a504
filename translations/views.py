"""The translator's work queue: one language's pages and snippets to translate, to review, outdated."""

from django.contrib import messages
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.admin_pages import refusal_page

from . import access
from .queue import queue_for

NOT_EDITORIAL = gettext_lazy("The translation queue is for the editorial team.")


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/admin/queue.html"
    page_title = gettext_lazy("Translations")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not access.may_use(request.user):
            return refusal_page(request, NOT_EDITORIAL)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @cached_property
    def languages(self):
        return access.languages_for(self.request.user)

    @cached_property
    def locale(self):
        wanted = self.request.GET.get("language", "")
        chosen = next((locale for locale in self.languages if locale.language_code == wanted), None)
        if wanted and chosen is None and self.languages:
            messages.warning(
                self.request,
                _("You cannot open the queue of that language; here is the queue of %(language)s.")
                % {"language": self.languages[0].get_display_name()},
            )
        return chosen or (self.languages[0] if self.languages else None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"] = self.languages
        context["locale"] = self.locale
        context["queue"] = queue_for(self.locale) if self.locale is not None else None
        return context
