"""One view performs every transition a button offers, on a request, an assignment or a deliverable.

GET shows the transition's small form (reason, declared fields) on a page of its own, for when the
dialog on the request view is not at hand; POST performs it through the engine with the state the
person saw as `expected_state`, and explains any refusal.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.available import available_transitions
from workflows.engine import perform
from workflows.exceptions import (
    StaleTransition,
    TransitionForbidden,
    TransitionInputError,
    TransitionUnavailable,
    UnknownTransition,
)
from workflows.transitions import transition_meta

from ...models import AdvisoryRequest, Assignment, Deliverable
from ..access import EXPERT_AREA, AdvisoryAccessMixin, forbidden, log_refusal, own_assignment, visible_request
from ..forms import TransitionForm
from .requests import button_class


class TransitionView(AdvisoryAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "advisory/admin/transition_form.html"

    def get_object(self):
        raise NotImplementedError

    def get_success_url(self):
        raise NotImplementedError

    def get_cancel_url(self):
        return self.get_success_url()

    def load(self):
        self.obj = self.get_object()
        try:
            self.meta = transition_meta(self.obj, self.kwargs["transition"])
        except UnknownTransition:
            raise Http404 from None
        if self.meta.system:
            raise Http404

    def get_page_title(self):
        return str(self.meta.label)

    def get_page_subtitle(self):
        return str(self.obj)

    def get_parent_breadcrumbs(self):
        return [{"url": self.get_cancel_url(), "label": str(self.obj)}]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.get_parent_breadcrumbs(),
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.obj,
                "meta": self.meta,
                "button_class": button_class(self.meta.name),
                "action_url": self.request.path,
                "cancel_url": self.get_cancel_url(),
            }
        )
        return context

    def get(self, request, *args, **kwargs):
        self.load()
        if self.meta.name not in {meta.name for meta in available_transitions(self.obj, self.actor)}:
            messages.error(
                request,
                _("“%(transition)s” is not possible for you right now.") % {"transition": self.meta.label},
            )
            return redirect(self.get_cancel_url())
        form = TransitionForm(obj=self.obj, meta=self.meta)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        self.load()
        form = TransitionForm(request.POST, obj=self.obj, meta=self.meta)
        if not form.is_valid():
            if "expected_state" in form.errors:
                messages.error(request, _("The form was incomplete. Reload the page and try again."))
                return redirect(self.get_cancel_url())
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            perform(self.obj, self.meta.name, self.actor, **form.perform_kwargs())
        except StaleTransition as error:
            messages.error(request, str(error))
            return redirect(self.get_cancel_url())
        except TransitionForbidden as error:
            log_refusal(request, f"transition {self.meta.name}", self.obj, reason=error)
            return forbidden(request, str(error))
        except TransitionUnavailable as error:
            messages.error(request, str(error))
            return redirect(self.get_cancel_url())
        except TransitionInputError as error:
            form.add_engine_errors(error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(
            request,
            _("%(transition)s: done. The %(object)s is now “%(state)s”.")
            % {
                "transition": self.meta.label,
                "object": self.obj._meta.verbose_name,
                "state": getattr(self.obj, f"get_{self.meta.field_name}_display")(),
            },
        )
        return redirect(self.get_success_url())


class CoordinatorTransitionMixin:
    def get_parent_breadcrumbs(self):
        request = self.obj if isinstance(self.obj, AdvisoryRequest) else self.obj.request
        return [
            {"url": reverse("advisory_requests:index"), "label": _("Advisory requests")},
            {"url": reverse("advisory_requests:detail", args=[request.pk]), "label": str(request)},
        ]


class RequestTransitionView(CoordinatorTransitionMixin, TransitionView):
    def get_object(self):
        return visible_request(self.request, self.kwargs["pk"])

    def get_success_url(self):
        return reverse("advisory_requests:detail", args=[self.obj.pk])


class AssignmentTransitionView(CoordinatorTransitionMixin, TransitionView):
    """A coordinator's transitions on an assignment of a request in their scope."""

    def get_object(self):
        request = visible_request(self.request, self.kwargs["pk"])
        assignment = (
            Assignment.objects.select_related("expert")
            .filter(pk=self.kwargs["assignment"], request=request)
            .first()
        )
        if assignment is None:
            raise Http404
        assignment.request = request
        return assignment

    def get_success_url(self):
        return reverse("advisory_requests:detail", args=[self.obj.request_id]) + "#team"


class DeliverableTransitionView(CoordinatorTransitionMixin, TransitionView):
    """The owner's review of a deliverable: approve, or return it for changes."""

    def get_object(self):
        request = visible_request(self.request, self.kwargs["pk"])
        deliverable = (
            Deliverable.objects.select_related("assignment__expert")
            .filter(pk=self.kwargs["deliverable"], request=request)
            .first()
        )
        if deliverable is None:
            raise Http404
        deliverable.request = request
        deliverable.assignment.request = request
        return deliverable

    def get_success_url(self):
        return reverse("advisory_requests:detail", args=[self.obj.request_id]) + "#deliverables"


class ExpertAssignmentTransitionView(TransitionView):
    """The expert answers their own invitation: accept (declaring no conflict) or decline (with a reason)."""

    area = EXPERT_AREA

    def get_object(self):
        return own_assignment(self.request, self.kwargs["assignment"])

    def get_success_url(self):
        if self.obj.state == Assignment.State.ACCEPTED:
            return reverse("advisory_expert:assignment", args=[self.obj.pk])
        return reverse("advisory_expert:invitations")

    def get_cancel_url(self):
        return reverse("advisory_expert:assignment", args=[self.obj.pk])

    def get_parent_breadcrumbs(self):
        return [{"url": self.get_cancel_url(), "label": str(self.obj.request)}]


class ExpertDeliverableTransitionView(TransitionView):
    """The expert submits a draft or returned deliverable of their own assignment for review again."""

    area = EXPERT_AREA

    def get_object(self):
        assignment = own_assignment(self.request, self.kwargs["assignment"])
        deliverable = assignment.deliverables.filter(pk=self.kwargs["deliverable"]).first()
        if deliverable is None:
            raise Http404
        deliverable.assignment = assignment
        deliverable.request = assignment.request
        return deliverable

    def get_success_url(self):
        return reverse("advisory_expert:assignment", args=[self.obj.assignment_id])

    def get_parent_breadcrumbs(self):
        return [{"url": self.get_success_url(), "label": str(self.obj.request)}]
