"""Who hears of what: the outbox notifications each performed transition produces.

Only descriptors (`workflows.outbox.Notification`) are built here; the engine stores them in the
same transaction and a sender delivers them after commit, in each recipient's language. Template
names are those of the e-mail templates (`advisory/email/<name>`, a `.txt` and optionally an
`.html` rendering). Context values are plain JSON.

Only the e-mails written at submission and by `resend_tracking_link` carry the raw tracking token
(`tracking_token`): afterwards only its hash exists, so later e-mails point to the tracking page
by reference and let the requester ask for the link again.
"""

from django.conf import settings

from workflows.outbox import Notification

TEMPLATE_PREFIX = "advisory/email/"

# transition name: (template for the requester, template for the owner/coordinators, template for the team)
REQUEST_EVENTS = {
    "submit": ("request_received", "new_request", None),
    "screen": ("request_in_screening", None, None),
    "ask_info": ("information_requested", None, None),
    "provide_info": (None, "information_provided", None),
    "accept": ("request_accepted", None, None),
    "decline": ("request_declined", None, None),
    "propose_team": ("team_proposed", None, None),
    "approve_team": (None, "team_approved", "engagement_started"),
    "object_team": (None, "team_objected", None),
    "hold": ("engagement_on_hold", None, "engagement_on_hold"),
    "resume": ("engagement_resumed", None, "engagement_resumed"),
    "deliver": ("request_delivered", None, None),
    "close": ("request_closed", None, "engagement_closed"),
    "withdraw": ("withdrawal_confirmed", "request_withdrawn", "engagement_withdrawn"),
}

# transition name: (template for the expert, template for the owner/coordinators)
ASSIGNMENT_EVENTS = {
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


def base_context(request, performed=None):
    context = {
        "request_id": request.pk,
        "reference": request.reference or "",
        "organisation": request.organisation,
        "programme_name": request.programme_name,
        "state": request.state,
    }
    if performed is not None:
        context.update(transition=performed.name, comment=performed.comment, actor_kind=performed.actor.kind)
    return context


def to_requester(request, name, context, key=""):
    return Notification(
        request.requester_email, template(name), context, _language(request.requester_language), key
    )


def coordinators_of(request):
    """The active coordinators whose profile lists the request's country; else the lead coordinators."""
    from django.contrib.auth import get_user_model

    from .roles import COORDINATORS, LEAD_COORDINATORS

    users = get_user_model().objects.filter(
        is_active=True, groups__name__in=[COORDINATORS, LEAD_COORDINATORS], coordinator_profile__isnull=False
    )
    scoped = users.filter(coordinator_profile__countries=request.country_id)
    chosen = scoped if scoped.exists() else users.filter(coordinator_profile__is_lead=True)
    return list(chosen.exclude(email="").select_related("coordinator_profile").distinct().order_by("pk"))


def to_staff(request, name, context):
    """The owner, or while there is none, the coordinators of the request's country."""
    users = [request.owner] if request.owner_id and request.owner.email else coordinators_of(request)
    return [Notification(user.email, template(name), context, _staff_language(user)) for user in users]


def to_team(request, name, context, states=("invited", "accepted")):
    assignments = request.assignments.filter(state__in=states).select_related("expert")
    return [
        Notification(a.expert.email, template(name), context, _language(a.expert.preferred_language))
        for a in assignments
    ]


def for_request(request, performed):
    requester_template, staff_template, team_template = REQUEST_EVENTS.get(performed.name, (None, None, None))
    context = base_context(request, performed)
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
        expert = assignment.expert
        found.append(
            Notification(
                expert.email, template(expert_template), context, _language(expert.preferred_language)
            )
        )
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
        expert = deliverable.assignment.expert
        found.append(
            Notification(
                expert.email, template(expert_template), context, _language(expert.preferred_language)
            )
        )
    if staff_template:
        found.extend(to_staff(request, staff_template, context))
    if requester_template:
        found.append(to_requester(request, requester_template, context))
    return found


def invitation(assignment):
    """The e-mail inviting an expert (an invitation is created, not transitioned)."""
    expert, request = assignment.expert, assignment.request
    context = {
        **base_context(request),
        "assignment_id": assignment.pk,
        "role": assignment.role,
        "response_due_at": assignment.response_due_at.isoformat() if assignment.response_due_at else "",
    }
    return [Notification(expert.email, template("invitation"), context, _language(expert.preferred_language))]
