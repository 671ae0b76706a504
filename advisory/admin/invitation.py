"""What an invited expert is shown to decide on an invitation: the scope, the dates, the effort to expect.

Never the requester's contact details (the matrix gives them to coordinators only): the facts here come
from the request's subject and the coordinator's scope summary.

There is no effort field on a request; the effort is the typical one of its service type, said as
such. Should coordinators need to state it per request, that is a field (and a migration) of its own.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..choices import ServiceType

# The typical effort of each service, as the secretariat plans it (expert days, all experts together).
TYPICAL_EFFORT = {
    ServiceType.PROGRAMME_DEVELOPMENT: _("about 10 to 15 expert days over two to three months"),
    ServiceType.PROGRAMME_EVALUATION: _("about 15 to 20 expert days over about three months"),
    ServiceType.BENCHMARKING: _("about 3 to 5 expert days per cluster organisation benchmarked"),
    ServiceType.LABELLING_SUPPORT: _("about 5 to 8 expert days"),
    ServiceType.TRAINING: _("about 2 expert days per training day, preparation included"),
    ServiceType.PEER_REVIEW: _("about 5 to 10 expert days"),
    ServiceType.OTHER: _("agreed with the coordinator once you accept"),
}


@dataclass(frozen=True)
class InvitationFacts:
    role: str
    answer_by: object
    scope_summary: str
    desired_start: object
    desired_end: object
    effort: str
    coordinator: str


def invitation_facts(assignment):
    """The facts of an invitation, for the expert deciding on it."""
    request = assignment.request
    owner = request.owner
    return InvitationFacts(
        role=assignment.get_role_display(),
        answer_by=assignment.response_due_at,
        scope_summary=request.scope_summary,
        desired_start=request.desired_start,
        desired_end=request.desired_end,
        effort=str(TYPICAL_EFFORT.get(request.service_type, TYPICAL_EFFORT[ServiceType.OTHER])),
        coordinator=(owner.get_full_name() or owner.get_username()) if owner is not None else "",
    )
