"""The data-subject tools in the admin: find everything about an address, export it, erase it.

The address travels only in POST bodies, never in a URL, so it stays out of access logs and history.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows import personal_data
from workflows.admin_pages import refusal_page
from workflows.downloads import private_download

from . import services
from .forms import AddressForm, EraseForm
from .models import DataProtectionRecord, DataSubjectRequest

RECENT = 20


def refused(request):
    return refusal_page(
        request,
        _("Only data protection officers and administrators may use these tools."),
        title=_("Not allowed"),
    )


class PersonalDataView(WagtailAdminTemplateMixin, View):
    template_name = "privacy/index.html"
    page_title = gettext_lazy("Personal data")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not services.can_manage(request.user):
            return refused(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render_to_response(self.get_context_data(search_form=AddressForm()))

    def post(self, request):
        action = request.POST.get("action", "search")
        handler = {
            "search": self.search,
            "open": self.open_subject_request,
            "export": self.export,
            "erase": self.confirm_erase,
            "confirm_erase": self.erase,
            "done": self.mark_done,
        }.get(action)
        if handler is None:
            messages.error(request, _("This action is not available."))
            return self.render_to_response(self.get_context_data(search_form=AddressForm()), status=400)
        return handler(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_requests"] = DataSubjectRequest.objects.filter(status=DataSubjectRequest.Status.OPEN)[
            :RECENT
        ]
        context["records"] = DataProtectionRecord.objects.select_related("performed_by")[:RECENT]
        return context

    def _results(self, address, form=None, status=200, **extra):
        context = self.get_context_data(
            search_form=form or AddressForm(initial={"email": address}),
            address=address,
            found=personal_data.find(address),
            refusals=personal_data.refusals(address),
            previous_erasures=list(services.previous_erasures(address)[:5]),
            **extra,
        )
        return self.render_to_response(context, status=status)

    def search(self, request):
        form = AddressForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(search_form=form), status=400)
        return self._results(personal_data.normalise(form.cleaned_data["email"]), form)

    def open_subject_request(self, request):
        subject_request = DataSubjectRequest.objects.filter(
            pk=_int(request.POST.get("subject_request"))
        ).first()
        if subject_request is None or not subject_request.email:
            messages.error(request, _("This data-subject request no longer names an address."))
            return HttpResponseRedirect(reverse("privacy:index"))
        return self._results(subject_request.email.lower())

    def mark_done(self, request):
        updated = DataSubjectRequest.objects.filter(
            pk=_int(request.POST.get("subject_request")), status=DataSubjectRequest.Status.OPEN
        ).update(status=DataSubjectRequest.Status.DONE, handled_at=timezone.now(), handled_by=request.user)
        if updated:
            messages.success(request, _("The data-subject request is marked as handled."))
        return HttpResponseRedirect(reverse("privacy:index"))

    def export(self, request):
        form = AddressForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(search_form=form), status=400)
        try:
            content, record = services.export(form.cleaned_data["email"], request.user)
        except PermissionDenied:
            return refused(request)
        return private_download(content, f"personal-data-{record.pk}.zip", "application/zip")

    def confirm_erase(self, request):
        form = AddressForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(search_form=form), status=400)
        address = personal_data.normalise(form.cleaned_data["email"])
        return self._results(address, confirming=True, erase_form=EraseForm(initial={"email": address}))

    def erase(self, request):
        form = EraseForm(request.POST)
        if not form.is_valid():
            address = request.POST.get("email", "")
            if AddressForm({"email": address}).is_valid():
                return self._results(
                    personal_data.normalise(address), confirming=True, erase_form=form, status=400
                )
            return self.render_to_response(self.get_context_data(search_form=AddressForm()), status=400)
        address = personal_data.normalise(form.cleaned_data["email"])
        try:
            record = services.erase(address, request.user, form.cleaned_data["reason"])
        except PermissionDenied:
            return refused(request)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self._results(address, confirming=True, erase_form=form, status=409)
        messages.success(
            request,
            _("The personal data was erased (record %(record)s). Nothing about the address is left.")
            % {"record": record.pk},
        )
        return HttpResponseRedirect(reverse("privacy:index"))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
