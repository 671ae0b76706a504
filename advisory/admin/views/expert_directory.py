"""The coordinators' list of the network's experts, searchable by name, country, language and expertise."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ... import selectors
from ..access import AdvisoryAccessMixin
from ..forms import ExpertSearchForm


class ExpertDirectoryView(AdvisoryAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "advisory/admin/experts.html"
    page_title = _("Experts")
    header_icon = "group"
    index_url_name = "advisory_experts:index"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def _url(self, page):
        params = self.request.GET.copy()
        params["p"] = page
        return f"{reverse(self.index_url_name)}?{params.urlencode()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ExpertSearchForm(self.request.GET or None)
        search = form.search_text()
        page = selectors.expert_directory(self.request.user, search, page=self.request.GET.get("p") or 1)
        context.update(
            {
                "form": form,
                "search": search,
                "page": page,
                "experts": [
                    {
                        "expert": expert,
                        "languages": [str(language) for language in expert.languages.all()],
                        "areas": sorted(str(area.localised_name) for area in expert.expertise_areas.all()),
                    }
                    for expert in page.object_list
                ],
                "reset_url": reverse(self.index_url_name),
                "previous_url": self._url(page.previous_page_number()) if page.has_previous() else "",
                "next_url": self._url(page.next_page_number()) if page.has_next() else "",
            }
        )
        return context
