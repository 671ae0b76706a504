"""Who hears of what: the outbox notifications each performed transition produces.

Only descriptors (`workflows.outbox.Notification`) are built here; the engine stores them in the
same transaction and a sender delivers them after commit, in each recipient's language. Template
names are those of the e-mail templates (`advisory/email/<name>`, a `.txt` and optionally an
`.html` rendering). Context values are plain JSON.

Only the e-mails written at submission and by `resend_tracking_link` carry the raw tracking token
(`tracking_token`): afterwards only its hash exists, so later e-mails point to the tracking page
by reference and let the requester ask for the link again.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from workflows import deadlines
from workflows.ical import CalendarEntry, calendar_for
from workflows.outbox import Notification

from . import conf
from .models import AdvisoryRequest, Assignment
from .models.pages import RequestFormPage
from .models.requests import AUTO_CLOSE_DEADLINE
from .roles import COORDINATORS, LEAD_COORDINATORS

TEMPLATE_PREFIX = "advisory/email/"
# Requests whose requester may still ask for their tracking link again.
RESENDABLE_STATES = (*AdvisoryRequest.OPEN_STATES, AdvisoryRequest.State.DELIVERED)
ICS_PRODID = "-//European Secretariat for Cluster Analysis//Advisory//EN"
# The response deadline shows in the expert's calendar as a short entry ending at the deadline.
RESPONSE_DEADLINE_ENTRY = timedelta(minutes=30)

# transition name: (template for the requester, template for the owner/coordinators, template for the team)
REQUEST_EVENTS = {
    "submit": ("request_received", "new_request", None),
    "screen": ("request_in_screening", None, None),
    "ask_info": ("information_requested", None, None),
    "provide_info": (None, "information_provided", None),
    "accept": ("request_accepted", None, None),
    "decline": ("request_declined", None, None),
    "propose_team": ("team_proposed", None, None),
    "approve_team": ("engagement_started", "team_approved", "engagement_started"),
    "object_team": (None, "team_objected", None),
    "hold": ("engagement_on_hold", None, "engagement_on_hold"),
    "resume": ("engagement_resumed", None, "engagement_resumed"),
    "deliver": ("request_delivered", None, None),
    "close": ("request_closed", None, "engagement_closed"),
    "withdraw": ("withdrawal_confirmed", "request_withdrawn", "engagement_withdrawn"),
}

# transition name: (template for the expert, template for the owner/coordinators)
ASSIGNMENT_EVENTS = {
    "invite": ("invitation", None),  # built by `invitation`: it carries the answer's deadline as .ics
    "accept": (None, "invitation_accepted"),
    "decline": (None, "invitation_declined"),
    "expire": ("invitation_expired", "invitation_expired_coordinator"),
    "withdraw": ("invitation_withdrawn", None),
    "complete": ("assignment_completed", None),
    "release": ("assignment_released", None),
}

# transition name: (template for the expert, template for the owner/coordinators, template for the requester)
DELIVERABLE_EVENTS = {
    "submit": (None, "deliverable_submitted", None),
    "approve": ("deliverable_approved", None, "deliverable_available"),
    "request_changes": ("deliverable_returned", None, None),
}


def template(name):
    return f"{TEMPLATE_PREFIX}{name}"


def _language(code):
    return code or settings.LANGUAGE_CODE


def _staff_language(user):
    profile = getattr(user, "coordinator_profile", None)
    return _language(profile.preferred_language if profile else "")


def _iso(moment):
    return moment.isoformat() if moment else ""


def admin_url(name, **kwargs):
    """The absolute URL of an admin view (for e-mails, which have no HTTP request to build it from)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs or None)


def resend_url(request):
    """Where the requester asks for their tracking link again, in their language; "" without a form page."""
    page = RequestFormPage.for_language(request.requester_language)
    return page.route_url("resend") if page is not None else ""


def expert_links(assignment):
    return {
        "audience": "expert",
        "assignment_url": admin_url("advisory_expert:assignment", assignment=assignment.pk),
    }


def base_context(request, performed=None):
    """What every e-mail about `request` may show: no personal data, plain JSON values."""
    context = {
        "request_id": request.pk,
        "reference": request.reference or "",
        "organisation": request.organisation,
        "programme_name": request.programme_name,
        "country": request.country.country.code if request.country_id else "",
        "service_type": request.service_type,
        "state": request.state,
        "submitted_at": _iso(request.submitted_at),
        "sla_due_at": _iso(request.sla_due_at),
    }
    if performed is not None:
        context.update(transition=performed.name, comment=performed.comment, actor_kind=performed.actor.kind)
    return context


def _reply_to(address):
    return {"reply_to": address} if address else {}


def to_requester(request, name, context, key=""):
    """One e-mail to the requester, in the language they submitted in.

    Without a raw `tracking_token` in `context` the e-mail points to the page where the requester
    asks for their link again (`resend_url`).
    """
    link = resend_url(request)
    context = {
        **context,
        "audience": "requester",
        "requester_name": request.requester_name,
        "resend_url": link,
        # A new link may be asked for while the request runs (see services.resend_tracking_link).
        "can_resend": bool(link) and request.state in RESENDABLE_STATES,
        **_reply_to(conf.get("ADVISORY_REPLY_TO")),
    }
    return Notification(
        request.requester_email, template(name), context, _language(request.requester_language), key
    )


def _staff_users(filters):
    users = get_user_model().objects.filter(
        is_active=True, groups__name__in=[COORDINATORS, LEAD_COORDINATORS]
    )
    return users.filter(filters) if filters is not None else users


def coordinators_of(request):
    """The active coordinators whose profile lists the request's country; else the lead coordinators."""
    users = _staff_users(Q(coordinator_profile__isnull=False))
    scoped = users.filter(coordinator_profile__countries=request.country_id)
    chosen = scoped if scoped.exists() else users.filter(coordinator_profile__is_lead=True)
    return list(chosen.exclude(email="").select_related("coordinator_profile").distinct().order_by("pk"))


def lead_coordinators():
    """The active lead coordinators (the group, or a profile that says so): escalations go to them."""
    users = _staff_users(None).filter(
        Q(groups__name=LEAD_COORDINATORS) | Q(coordinator_profile__is_lead=True)
    )
    return list(users.exclude(email="").select_related("coordinator_profile").distinct().order_by("pk"))


def _staff_notifications(request, users, name, context, key=""):
    context = {
        **context,
        "audience": "staff",
        "admin_url": admin_url("advisory_requests:detail", pk=request.pk),
    }
    return [Notification(user.email, template(name), context, _staff_language(user), key) for user in users]


def to_staff(request, name, context, key=""):
    """The owner, or while there is none, the coordinators of the request's country."""
    users = [request.owner] if request.owner_id and request.owner.email else coordinators_of(request)
    return _staff_notifications(request, users, name, context, key)


def to_leads(request, name, context, key="", exclude=()):
    """The lead coordinators, but those in `exclude` (addresses already told)."""
    users = [user for user in lead_coordinators() if user.email not in set(exclude)]
    return _staff_notifications(request, users, name, context, key)


def _expert_reply_to(request):
    # Experts work with the request's coordinator: replies reach them.
    return _reply_to(request.owner.email if request.owner_id and request.owner.email else "")


def to_expert(assignment, name, context, key=""):
    expert = assignment.expert
    context = {**context, **expert_links(assignment), **_expert_reply_to(assignment.request)}
    return Notification(expert.email, template(name), context, _language(expert.preferred_language), key)


def to_team(request, name, context, states=None):
    states = Assignment.OPEN_STATES if states is None else states
    assignments = request.assignments.filter(state__in=states).select_related("expert", "request__owner")
    return [to_expert(assignment, name, context) for assignment in assignments]


def for_request(request, performed):
    requester_template, staff_template, team_template = REQUEST_EVENTS.get(performed.name, (None, None, None))
    context = base_context(request, performed)
    if performed.name == "deliver":
        context["auto_close_at"] = _deadline_iso(request, AUTO_CLOSE_DEADLINE)
    if performed.name == "submit":
        context["expertise_areas"] = area_codes(request)
    found = []
    if requester_template:
        requester_context = dict(context)
        token = performed.data.get("tracking_token")
        if token:
            requester_context["tracking_token"] = token
        found.append(to_requester(request, requester_template, requester_context))
    if staff_template:
        found.extend(to_staff(request, staff_template, context))
    if team_template:
        found.extend(to_team(request, team_template, context))
    return found


def for_assignment(assignment, performed):
    if performed.name == "invite":
        return invitation(assignment)
    expert_template, staff_template = ASSIGNMENT_EVENTS.get(performed.name, (None, None))
    request = assignment.request
    context = {
        **base_context(request, performed),
        "assignment_id": assignment.pk,
        "expert": assignment.expert.name,
        "role": assignment.role,
    }
    found = []
    if expert_template:
        found.append(to_expert(assignment, expert_template, context))
    if staff_template:
        found.extend(to_staff(request, staff_template, context))
    return found


def for_deliverable(deliverable, performed):
    expert_template, staff_template, requester_template = DELIVERABLE_EVENTS.get(
        performed.name, (None, None, None)
    )
    request = deliverable.request
    context = {
        **base_context(request, performed),
        "deliverable_id": deliverable.pk,
        "title": deliverable.title,
    }
    found = []
    if expert_template:
        found.append(to_expert(deliverable.assignment, expert_template, context))
    if staff_template:
        found.extend(to_staff(request, staff_template, context))
    if requester_template:
        found.append(to_requester(request, requester_template, context))
    return found


def area_codes(request):
    """The codes of the request's expertise areas: the e-mail names them in the recipient's language."""
    return sorted(request.expertise_areas.values_list("code", flat=True))


def _deadline_iso(obj, purpose):
    deadline = deadlines.get_deadline(obj, purpose)
    return _iso(deadline.due_at) if deadline is not None else ""


def invitation(assignment):
    """The e-mail inviting an expert, sent when the "invite" transition is performed.

    It carries the answer's deadline as a calendar entry (.ics), so it lands in the expert's diary.
    """
    context = invitation_context(assignment)
    if assignment.response_due_at:
        context["ics"] = response_deadline_ics(assignment)
        context["ics_filename"] = f"{assignment.request.reference or 'invitation'}.ics"
    return [to_expert(assignment, "invitation", context)]


def response_deadline_ics(assignment):
    """An iCalendar entry: the half hour ending at the invitation's response deadline."""
    request = assignment.request
    invitations = admin_url("advisory_expert:invitations")
    entry = CalendarEntry(
        key=f"invitation-{assignment.pk}",
        summary=f"{request.reference}: {request.programme_name}",
        start=assignment.response_due_at - RESPONSE_DEADLINE_ENTRY,
        end=assignment.response_due_at,
        url=invitations,
    )
    return calendar_for([entry], prodid=ICS_PRODID).decode()


def invitation_context(assignment):
    """What an expert needs to answer an invitation: the request in brief, the deadline, the links."""
    return {
        **base_context(assignment.request),
        "assignment_id": assignment.pk,
        "role": assignment.role,
        "expertise_areas": area_codes(assignment.request),
        "response_due_at": _iso(assignment.response_due_at),
        "invitations_url": admin_url("advisory_expert:invitations"),
        "accept_url": admin_url("advisory_expert:transition", assignment=assignment.pk, transition="accept"),
        "decline_url": admin_url(
            "advisory_expert:transition", assignment=assignment.pk, transition="decline"
        ),
    }
