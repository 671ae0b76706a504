"""The coordinator's queue: the requests of their scope, filtered, counted per state, paged, exportable."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ... import permissions, selectors
from ...models import AdvisoryRequest
from ..access import AdvisoryAccessMixin
from ..export import QueueExportMixin
from ..forms import QueueFilterForm
from ..tables import QueueTable, queue_columns

# The queue's orderings as the table's column headers name them (see QueueFilterForm.ORDERING_ALIASES).
TABLE_ORDERING = {"sla": "sla", "newest": "-submitted", "oldest": "submitted", "reference": "reference"}


class QueueView(AdvisoryAccessMixin, QueueExportMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "advisory/admin/queue.html"
    page_title = _("Advisory requests")
    header_icon = "clipboard-list"
    per_page = selectors.QUEUE_PAGE_SIZE
    index_url_name = "advisory_requests:index"
    detail_url_name = "advisory_requests:detail"

    def get(self, request, *args, **kwargs):
        self.filter_form = QueueFilterForm(request.GET or None, user=request.user)
        self.filters = self.filter_form.queue_filters()
        if self.is_export:
            permissions.require(request.user, "queue.export")
            rows = selectors.export_rows(request.user, self.filters).prefetch_related("expertise_areas")
            return self.as_spreadsheet(rows, request.GET["export"])
        self.queue = selectors.queue(
            request.user, self.filters, page=request.GET.get("p") or 1, per_page=self.per_page
        )
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @cached_property
    def show_export_buttons(self):
        return permissions.can(self.request.user, "queue.export")

    def _url(self, **changes):
        params = self.request.GET.copy()
        params.pop("p", None)
        params.pop("export", None)
        for key, value in changes.items():
            if value in (None, ""):
                params.pop(key, None)
            else:
                params[key] = value
        query = params.urlencode()
        return reverse(self.index_url_name) + (f"?{query}" if query else "")

    def state_chips(self):
        """One chip per state with its count under the other filters, and "All" first."""
        counts = self.queue.counts
        current = self.filters.state
        chips = [
            {
                "label": _("All"),
                "count": sum(counts.values()),
                "url": self._url(state=None),
                "active": not current,
            }
        ]
        for value, label in AdvisoryRequest.State.choices:
            if value == AdvisoryRequest.State.NEW:
                continue
            count = counts.get(value, 0)
            if count or value == current:
                chips.append(
                    {
                        "label": label,
                        "count": count,
                        "url": self._url(state=value),
                        "active": value == current,
                    }
                )
        return chips

    def pagination(self):
        queue = self.queue
        return {
            "page": queue.page,
            "num_pages": queue.num_pages,
            "previous_url": self._url(p=queue.page - 1) if queue.page > 1 else "",
            "next_url": self._url(p=queue.page + 1) if queue.page < queue.num_pages else "",
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        index_url = reverse(self.index_url_name)
        table = QueueTable(
            queue_columns(self.detail_url_name),
            self.queue.items,
            base_url=index_url,
            ordering=TABLE_ORDERING.get(self.filters.ordering, "sla"),
        )
        context.update(
            {
                "queue": self.queue,
                "filters": self.filters,
                "filter_form": self.filter_form,
                "table": table,
                "media": table.media,
                "chips": self.state_chips(),
                "pagination": self.pagination(),
                "overdue_url": self._url(overdue="1" if not self.filters.overdue else None),
                "mine_url": self._url(owner="me" if self.filters.owner != "me" else None),
                "reset_url": index_url,
                "can_export": self.show_export_buttons,
                "xlsx_export_url": self.xlsx_export_url,
                "csv_export_url": self.csv_export_url,
                "query_string": urlencode({}),
            }
        )
        return context
