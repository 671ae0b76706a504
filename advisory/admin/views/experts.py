"""The expert's narrow admin: their invitations, their engagements, one engagement as an expert sees it,
and uploading a deliverable.

An expert sees what the permission matrix gives the expert of a request: no requester contact details
(the coordinator stays the requester's point of contact), no internal notes, no timeline, and of the
team only those invited, working or done (never who declined).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ... import permissions, selectors, services
from ...choices import Visibility
from ...models import Assignment, ExpertiseArea
from .. import next_step
from ..access import EXPERT_AREA, AdvisoryAccessMixin, own_assignment
from ..forms import DeliverableUploadForm, MessageForm
from ..invitation import invitation_facts
from .requests import MessagePostMixin, _add_validation_errors, request_heading, transition_actions


class ExpertBaseView(AdvisoryAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    area = EXPERT_AREA
    header_icon = "user"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class InvitationsView(ExpertBaseView):
    template_name = "advisory/admin/expert/invitations.html"
    page_title = _("My invitations")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitations = list(
            selectors.invitations_for_expert(self.request.user).prefetch_related(
                ExpertiseArea.prefetch_localised("request__expertise_areas")
            )
        )
        context["invitations"] = [
            {
                "assignment": assignment,
                "request": assignment.request,
                "areas": [area.localised_name for area in assignment.request.expertise_areas.all()],
                "decision": invitation_facts(assignment),
                "actions": next_step.arrange(
                    next_step.for_expert(assignment, self.actor, own_deliverables=[], can_upload=False),
                    transition_actions(assignment, self.actor, "advisory_expert:transition", [assignment.pk]),
                ),
            }
            for assignment in invitations
        ]
        return context


class EngagementsView(ExpertBaseView):
    template_name = "advisory/admin/expert/engagements.html"
    page_title = _("My engagements")
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["engagements"] = list(selectors.engagements_for_expert(self.request.user))
        return context


class AssignmentView(ExpertBaseView):
    """One request as the expert of this assignment sees it, with what they can do on it."""

    template_name = "advisory/admin/expert/assignment.html"

    def load(self):
        self.assignment = own_assignment(self.request, self.kwargs["assignment"])
        self.obj = self.assignment.request
        # Once declined, expired, withdrawn or released, the request is no longer the expert's to see.
        if not permissions.can(self.request.user, "request.view", self.obj):
            raise Http404

    def get(self, request, *args, **kwargs):
        self.load()
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.obj)

    def get_page_subtitle(self):
        return request_heading(self.obj)

    def get_breadcrumbs_items(self):
        if self.assignment.state == Assignment.State.INVITED:
            parent = {"url": reverse("advisory_expert:invitations"), "label": _("My invitations")}
        else:
            parent = {"url": reverse("advisory_expert:engagements"), "label": _("My engagements")}
        return [*self.breadcrumbs_items, parent, {"url": "", "label": str(self.obj)}]

    def get_context_data(self, message_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user, obj, assignment = self.request.user, self.obj, self.assignment
        can_write = permissions.can(user, "request.add_shared_message", obj)
        if message_form is None and can_write:
            message_form = MessageForm(visibilities={Visibility.SHARED})
        attachments = list(selectors.attachments_visible_to(user, obj))
        by_message = {}
        for attachment in attachments:
            by_message.setdefault(attachment.message_id, []).append(attachment)
        thread = list(selectors.messages_visible_to(user, obj))
        for message in thread:
            message.files = by_message.get(message.pk, [])
        deliverables = list(selectors.deliverables_visible_to(user, obj))
        can_upload = assignment.state == Assignment.State.ACCEPTED and permissions.can(
            user, "assignment.upload_deliverable", assignment
        )
        upload_url = reverse("advisory_expert:upload", args=[assignment.pk])
        step = next_step.for_expert(
            assignment,
            self.actor,
            own_deliverables=[d for d in deliverables if d.assignment_id == assignment.pk],
            can_upload=can_upload,
        )
        deliverable_rows = [
            {
                "deliverable": deliverable,
                "own": deliverable.assignment_id == assignment.pk,
                "actions": transition_actions(
                    deliverable,
                    self.actor,
                    "advisory_expert:deliverable_transition",
                    [assignment.pk, deliverable.pk],
                )
                if deliverable.assignment_id == assignment.pk
                else [],
            }
            for deliverable in deliverables
        ]
        actions = transition_actions(assignment, self.actor, "advisory_expert:transition", [assignment.pk])
        if step.kind == "deliverable":
            # The deliverable's button moves up into the next step; its row keeps the others.
            for row in deliverable_rows:
                moved = [
                    a for a in row["actions"] if a["pk"] == step.target_pk and a["name"] == step.transition
                ]
                row["actions"] = [a for a in row["actions"] if a not in moved]
                actions = moved + actions
        context.update(
            {
                "assignment": assignment,
                "advisory_request": obj,
                "areas": list(obj.expertise_areas.localised().values_list("localised_name", flat=True)),
                "next_step": step,
                "next_step_url": next_step.link_url(step, upload_url),
                "actions": next_step.arrange(step, actions),
                "decision": invitation_facts(assignment)
                if assignment.state == Assignment.State.INVITED
                else None,
                "team": list(selectors.team_of(user, obj)),
                "request_files": by_message.get(None, []),
                "thread": thread,
                "message_form": message_form,
                "message_url": reverse("advisory_expert:message", args=[assignment.pk]),
                "deliverables": deliverable_rows,
                "can_upload": can_upload and step.link != next_step.UPLOAD,
                "upload_url": upload_url,
            }
        )
        return context


class ExpertMessageView(MessagePostMixin, AssignmentView):
    """The expert writes to the requester (a shared message), as the matrix allows the team."""

    failure_message = _("The message could not be sent; see the errors below.")

    def message_visibilities(self):
        if permissions.can(self.request.user, "request.add_shared_message", self.obj):
            return {Visibility.SHARED}
        return set()

    def message_url(self):
        return reverse("advisory_expert:assignment", args=[self.assignment.pk])


class DeliverableUploadView(ExpertBaseView):
    """Upload a deliverable of a running assignment; the domain checks the file by its content."""

    template_name = "advisory/admin/expert/upload.html"
    page_title = _("Upload a deliverable")
    header_icon = "upload"

    def load(self):
        self.assignment = own_assignment(self.request, self.kwargs["assignment"])
        if not permissions.can(self.request.user, "assignment.upload_deliverable", self.assignment):
            raise PermissionDenied(_("You may not upload deliverables for this engagement."))

    def get_page_subtitle(self):
        return str(self.assignment.request)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("advisory_expert:engagements"), "label": _("My engagements")},
            {
                "url": reverse("advisory_expert:assignment", args=[self.assignment.pk]),
                "label": str(self.assignment.request),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "assignment": self.assignment,
                "form": form or DeliverableUploadForm(),
                "running": self.assignment.state == Assignment.State.ACCEPTED,
                "cancel_url": reverse("advisory_expert:assignment", args=[self.assignment.pk]),
            }
        )
        return context

    def get(self, request, *args, **kwargs):
        self.load()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.load()
        form = DeliverableUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                deliverable = services.upload_deliverable(
                    self.assignment,
                    actor=self.actor,
                    title=form.cleaned_data["title"],
                    file=form.cleaned_data["file"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as error:
                _add_validation_errors(form, error, default_field="file")
            else:
                messages.success(
                    request,
                    _("“%(title)s” is uploaded and submitted for review.") % {"title": deliverable.title},
                )
                return redirect(
                    reverse("advisory_expert:assignment", args=[self.assignment.pk]) + "#deliverables"
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)
