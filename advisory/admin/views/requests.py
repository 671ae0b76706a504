"""The request view of coordinators: details, files, timeline, messages, the transitions they may perform
now, the expert suggestions, the team and the deliverables."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.available import available_transitions
from workflows.business_days import add_business_days

from ... import conf, matching, permissions, selectors, services
from ...choices import AssignmentRole, CertificationType, LanguageCode, Visibility
from ...models import AdvisoryRequest, Expert
from .. import next_step
from ..access import AdvisoryAccessMixin, visible_request
from ..forms import InviteForm, MessageForm, TransitionForm
from ..history import request_history

# How many ranked experts the suggestions panel lists, and how many excluded ones with their reasons
# (those excluded for a reason about this very request first: matching orders them so).
SUGGESTIONS_SHOWN = 10
EXCLUDED_SHOWN = 25


# How a transition's button looks: ending something is red, pausing or sending back is secondary.
DESTRUCTIVE_TRANSITIONS = frozenset({"decline", "withdraw", "release"})
SECONDARY_TRANSITIONS = frozenset({"hold", "ask_info", "request_changes", "complete"})


def button_class(name):
    """The CSS classes of a transition's button."""
    if name in DESTRUCTIVE_TRANSITIONS:
        return "button no"
    if name in SECONDARY_TRANSITIONS:
        return "button button-secondary"
    return "button"


def transition_actions(obj, actor, url_name, url_args):
    """One entry per transition `actor` may perform on `obj` now: its label, form and URL."""
    actions = []
    for meta in available_transitions(obj, actor):
        form = TransitionForm(obj=obj, meta=meta)
        actions.append(
            {
                "name": meta.name,
                "label": meta.label,
                "form": form,
                "url": reverse(url_name, args=[*url_args, meta.name]),
                "dialog_id": f"dialog-{obj._meta.model_name}-{obj.pk}-{meta.name}",
                "asks_for_input": form.asks_for_input,
                "button_class": button_class(meta.name),
                "ending": meta.name in DESTRUCTIVE_TRANSITIONS,
                "kind": obj._meta.model_name,
                "pk": obj.pk,
            }
        )
    return actions


def _part_rows(suggestion):
    """The parts of a score as shown: the certification part names the certification, not its code."""
    labels = dict(CertificationType.choices)
    return [
        {
            "code": part.code,
            "label": part.label,
            "points": part.points,
            "max_points": part.max_points,
            "detail": labels.get(part.detail, part.detail) if part.code == "certification" else part.detail,
        }
        for part in suggestion.parts
    ]


def suggestions_context(user, request, assignments):
    """The ranked experts and the excluded ones with their reasons, if the user may see them."""
    if not permissions.can(user, "request.view_suggestions", request) or not request.is_open:
        return None
    found = matching.rank_experts(request, limit=SUGGESTIONS_SHOWN, excluded_limit=EXCLUDED_SHOWN)
    eligible = found.eligible
    can_invite = request.state in AdvisoryRequest.STAFFING_STATES and permissions.can(
        user, "request.invite_expert", request
    )
    has_lead = any(a.role == AssignmentRole.LEAD and a.is_open for a in assignments)
    return {
        "eligible": [{"suggestion": s, "parts": _part_rows(s)} for s in eligible],
        "eligible_total": found.eligible_total,
        "excluded": found.excluded,
        "excluded_total": found.excluded_total,
        "can_invite": can_invite,
        "default_role": AssignmentRole.MEMBER if has_lead else AssignmentRole.LEAD,
        "roles": AssignmentRole.choices,
        "part_labels": [part.label for part in eligible[0].parts] if eligible else [],
        "response_due": add_business_days(
            timezone.now(), conf.get("ADVISORY_INVITATION_RESPONSE_BUSINESS_DAYS")
        ),
    }


def request_heading(request):
    """What the header says besides the reference: who asks, from where, about what."""
    return " · ".join(
        part
        for part in (request.organisation, str(request.country.country.name), request.programme_name)
        if part
    )


class RequestDetailView(AdvisoryAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "advisory/admin/request_detail.html"
    header_icon = "clipboard-list"

    def load(self):
        self.obj = visible_request(self.request, self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        self.load()
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.obj)

    def get_page_subtitle(self):
        return request_heading(self.obj)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("advisory_requests:index"), "label": _("Advisory requests")},
            {"url": "", "label": str(self.obj)},
        ]

    def message_visibilities(self):
        user, obj = self.request.user, self.obj
        found = set()
        if permissions.can(user, "request.add_internal_note", obj):
            found.add(Visibility.INTERNAL)
        if permissions.can(user, "request.add_shared_message", obj):
            found.add(Visibility.SHARED)
        return found

    def get_context_data(self, message_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user, obj, actor = self.request.user, self.obj, self.actor
        coordinating = permissions.can(user, "request.view_suggestions", obj)
        if coordinating:
            assignments = list(obj.assignments.select_related("expert").order_by("created_at", "pk"))
        else:
            assignments = list(selectors.team_of(user, obj))
        deliverables = list(selectors.deliverables_visible_to(user, obj))
        thread = list(selectors.messages_visible_to(user, obj))
        attachments = list(selectors.attachments_visible_to(user, obj))
        by_message = {}
        for attachment in attachments:
            by_message.setdefault(attachment.message_id, []).append(attachment)
        for message in thread:
            message.files = by_message.get(message.pk, [])
        visibilities = self.message_visibilities()
        if message_form is None and visibilities:
            message_form = MessageForm(visibilities=visibilities)
        detail_args = [obj.pk]
        step = next_step.for_staff(obj, actor, assignments=assignments, deliverables=deliverables)
        context.update(
            {
                "object": obj,
                "advisory_request": obj,
                "areas": list(obj.expertise_areas.localised().values_list("localised_name", flat=True)),
                "can_view_contact": permissions.can(user, "request.view_contact", obj),
                "requester_language": dict(LanguageCode.choices).get(
                    obj.requester_language, obj.requester_language
                ),
                "can_view_feedback": permissions.can(user, "request.view_feedback", obj),
                "can_rotate_tracking_link": obj.state != AdvisoryRequest.State.NEW
                and permissions.can(user, "request.rotate_tracking_link", obj),
                "rotate_tracking_link_url": reverse(
                    "advisory_requests:rotate_tracking_link", args=detail_args
                ),
                "next_step": step,
                "next_step_url": next_step.link_url(step),
                "actions": next_step.arrange(
                    step, transition_actions(obj, actor, "advisory_requests:transition", detail_args)
                ),
                "request_files": by_message.get(None, []),
                "thread": thread,
                "message_form": message_form,
                "message_url": reverse("advisory_requests:message", args=detail_args),
                "assignments": [
                    {
                        "assignment": assignment,
                        "actions": transition_actions(
                            assignment,
                            actor,
                            "advisory_requests:assignment_transition",
                            [obj.pk, assignment.pk],
                        )
                        if coordinating
                        else [],
                    }
                    for assignment in assignments
                ],
                "deliverables": [
                    {
                        "deliverable": deliverable,
                        "actions": transition_actions(
                            deliverable,
                            actor,
                            "advisory_requests:deliverable_transition",
                            [obj.pk, deliverable.pk],
                        ),
                    }
                    for deliverable in deliverables
                ],
                "suggestions": suggestions_context(user, obj, assignments),
                "invite_url": reverse("advisory_requests:invite", args=detail_args),
                "timeline": request_history(user, obj, assignments, deliverables),
                "now": timezone.now(),
            }
        )
        return context


class MessagePostMixin:
    """Posts a message on `self.obj` through the domain's service, in a visibility the user holds.

    The view supplies `load()`, `message_visibilities()` and `message_url()`; on errors it renders
    itself again (400) with the form. Staff write notes or messages, experts shared messages only.
    """

    http_method_names = ["post"]
    failure_message = _("The message could not be added; see the errors below.")

    def post(self, request, *args, **kwargs):
        self.load()
        visibilities = self.message_visibilities()
        if not visibilities:
            raise PermissionDenied(_("You may not write on this request."))
        form = MessageForm(request.POST, request.FILES, visibilities=visibilities)
        if form.is_valid():
            visibility = form.cleaned_data["visibility"]
            try:
                services.add_message(
                    self.obj,
                    actor=self.actor,
                    body=form.cleaned_data["body"],
                    visibility=visibility,
                    files=form.cleaned_data["attachments"],
                )
            except ValidationError as error:
                _add_validation_errors(form, error, default_field="attachments")
            else:
                if visibility == Visibility.INTERNAL:
                    messages.success(request, _("Internal note added."))
                else:
                    messages.success(request, _("Message sent to the requester."))
                return redirect(self.message_url() + "#messages")
        messages.error(request, self.failure_message)
        return self.render_to_response(self.get_context_data(message_form=form), status=400)


class MessageCreateView(MessagePostMixin, RequestDetailView):
    """Adds a note or a shared message; errors show on the request view."""

    def message_url(self):
        return reverse("advisory_requests:detail", args=[self.obj.pk])


def _add_validation_errors(form, error, default_field=None):
    if hasattr(error, "error_dict"):
        for name, messages_ in error.message_dict.items():
            for message in messages_:
                form.add_error(name if name in form.fields else default_field, message)
    else:
        for message in error.messages:
            form.add_error(default_field, message)


class InviteView(AdvisoryAccessMixin, TemplateView):
    """Invites an expert from the suggestions through the domain's service (which checks scope and
    exclusions again)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        obj = visible_request(request, kwargs["pk"])
        back = reverse("advisory_requests:detail", args=[obj.pk])
        form = InviteForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose an expert and a role."))
            return redirect(back + "#suggestions")
        expert = Expert.objects.filter(pk=form.cleaned_data["expert"]).first()
        if expert is None:
            raise Http404
        try:
            assignment = services.invite_expert(obj, expert, role=form.cleaned_data["role"], actor=self.actor)
        except ValidationError as error:
            messages.error(
                request,
                _("%(expert)s could not be invited: %(reasons)s")
                % {"expert": expert.name, "reasons": " ".join(error.messages)},
            )
            return redirect(back + "#suggestions")
        messages.success(
            request,
            _("%(expert)s is invited as %(role)s and has until %(due)s to answer.")
            % {
                "expert": expert.name,
                "role": assignment.get_role_display(),
                "due": date_format(timezone.localtime(assignment.response_due_at), "SHORT_DATETIME_FORMAT"),
            },
        )
        return redirect(back + "#team")


class RotateTrackingLinkView(AdvisoryAccessMixin, TemplateView):
    """Replaces the requester's tracking link and e-mails the new one (also after it expired).

    The service checks the matrix ("request.rotate_tracking_link"): coordinators in scope only.
    """

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        obj = visible_request(request, kwargs["pk"])
        # PermissionDenied here becomes the logged 403 page of AdvisoryAccessMixin.
        services.rotate_tracking_link(obj, actor=self.actor)
        messages.success(
            request,
            _("A new tracking link was e-mailed to the requester; the old link no longer works."),
        )
        return redirect(reverse("advisory_requests:detail", args=[obj.pk]) + "#contact")
