"""Reads, always scoped by who asks; every queryset here applies the permission matrix.

Views never filter advisory data themselves: they start from these.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, F
from django.utils import timezone
from wagtail.models import ModelLogEntry

from workflows.audit import ACTION as TRANSITION_ACTION

from . import permissions, search
from .choices import Visibility
from .models import AdvisoryRequest, Assignment, Attachment, Deliverable, Expert, ExpertiseArea, Message
from .roles import user_roles

QUEUE_PAGE_SIZE = 50
QUEUE_ORDERINGS = {
    "sla": (F("sla_due_at").asc(nulls_last=True), F("submitted_at").desc(nulls_last=True), F("pk").desc()),
    "newest": (F("submitted_at").desc(nulls_last=True), F("pk").desc()),
    "oldest": (F("submitted_at").asc(nulls_last=True), F("pk").asc()),
    "reference": (F("reference").asc(), F("pk").asc()),
}


def requests_visible_to(user, action="request.view"):
    """The submitted requests `user` may see (or perform `action` on): coordinators their countries,
    owners their own, leads and superusers all, experts those they are assigned to, everyone else none."""
    return AdvisoryRequest.objects.exclude(state=AdvisoryRequest.State.NEW).filter(
        permissions.request_scope(user, action)
    )


@dataclass
class QueueFilters:
    """What the coordinator's queue may be narrowed by; empty values do not filter."""

    state: str = ""
    country: int | str | None = None  # NetworkCountry pk or ISO code
    service_type: str = ""
    owner: int | str | None = None  # a user pk, "me" or "none"
    overdue: bool = False
    search: str = ""
    ordering: str = "sla"

    @classmethod
    def from_mapping(cls, data):
        data = data or {}
        overdue = data.get("overdue")
        return cls(
            state=data.get("state") or "",
            country=data.get("country") or None,
            service_type=data.get("service_type") or "",
            owner=data.get("owner") or None,
            overdue=overdue in (True, "1", "true", "on", "yes"),
            search=(data.get("search") or data.get("q") or "").strip(),
            ordering=data.get("ordering") or "sla",
        )


@dataclass
class QueuePage:
    """One page of the queue, the counts per state (under every filter except the state) and the total."""

    items: list
    counts: dict = field(default_factory=dict)
    overdue_count: int = 0
    total: int = 0
    page: int = 1
    num_pages: int = 1
    filters: QueueFilters | None = None


def _apply_filters(queryset, filters, user, now):
    if filters.country:
        key = (
            "country__country"
            if isinstance(filters.country, str) and not filters.country.isdigit()
            else "country"
        )
        queryset = queryset.filter(**{key: filters.country})
    if filters.service_type:
        queryset = queryset.filter(service_type=filters.service_type)
    if filters.owner == "me":
        queryset = queryset.filter(owner_id=user.pk)
    elif filters.owner == "none":
        queryset = queryset.filter(owner__isnull=True)
    elif filters.owner:
        queryset = queryset.filter(owner_id=filters.owner)
    if filters.overdue:
        queryset = overdue(queryset, now)
    if filters.search:
        # On the scoped queryset: a search never reaches past the user's countries.
        queryset = search.filter_requests(queryset, filters.search)
    return queryset


def overdue(queryset, now=None):
    """Requests whose running SLA deadline has passed."""
    return queryset.filter(sla_due_at__lte=now or timezone.now())


def queue(user, filters=None, page=1, per_page=QUEUE_PAGE_SIZE):
    """The requests `user` may see as a coordinator, filtered, counted per state and paged.

    A fixed number of queries whatever the size of the table: counts per state, the overdue count,
    the page's count and rows, and one prefetch of expertise areas.
    """
    if not isinstance(filters, QueueFilters):
        filters = QueueFilters.from_mapping(filters)
    now = timezone.now()
    if not permissions.can(user, "queue.view"):
        return QueuePage(items=[], filters=filters)
    base = _apply_filters(requests_visible_to(user), filters, user, now)
    counts = dict(base.order_by().values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    overdue_count = overdue(base, now).count() if not filters.overdue else sum(counts.values())
    rows = base.filter(state=filters.state) if filters.state else base
    ordering = QUEUE_ORDERINGS.get(filters.ordering, QUEUE_ORDERINGS["sla"])
    rows = rows.select_related("country", "owner").prefetch_related("expertise_areas").order_by(*ordering)
    paginator = Paginator(rows, per_page)
    current = paginator.get_page(page)
    return QueuePage(
        items=list(current.object_list),
        counts=counts,
        overdue_count=overdue_count,
        total=paginator.count,
        page=current.number,
        num_pages=paginator.num_pages,
        filters=filters,
    )


EXPERTS_PAGE_SIZE = 50


def experts_visible_to(user):
    """The experts `user` may look up: every expert of the network for a coordinator (staffing draws on
    the whole network, whatever the request's country), none for anyone else."""
    if not permissions.can(user, "queue.view"):
        return Expert.objects.none()
    return Expert.objects.all()


def expert_directory(user, text="", page=1, per_page=EXPERTS_PAGE_SIZE):
    """One page of the experts `user` may see matching `text` (see `search.filter_experts`), active
    ones first, with their country, languages and expertise areas (named in the active language).

    A fixed number of queries: the search's two reference lists, the count, the rows and two prefetches.
    """
    experts = search.filter_experts(experts_visible_to(user), text)
    experts = (
        experts.select_related("home_country")
        .prefetch_related("languages", ExpertiseArea.prefetch_localised())
        .order_by("-active", "name", "pk")
    )
    return Paginator(experts, per_page).get_page(page)


def unowned_requests(user):
    """Submitted requests nobody has taken yet, in the countries `user` coordinates (every country for a
    lead coordinator): the ones waiting for someone in their scope to start screening."""
    if not permissions.can(user, "queue.view"):
        return AdvisoryRequest.objects.none()
    return requests_visible_to(user, "request.screen").filter(
        state=AdvisoryRequest.State.SUBMITTED, owner__isnull=True
    )


def export_rows(user, filters=None):
    """The queue as rows for a spreadsheet (no paging); empty for users who may not export."""
    if not permissions.can(user, "queue.export"):
        return AdvisoryRequest.objects.none()
    if not isinstance(filters, QueueFilters):
        filters = QueueFilters.from_mapping(filters)
    rows = _apply_filters(requests_visible_to(user), filters, user, timezone.now())
    if filters.state:
        rows = rows.filter(state=filters.state)
    return rows.select_related("country", "owner").order_by(*QUEUE_ORDERINGS["reference"])


def assignments_for_expert(user, states=None):
    """The assignments of the expert linked to `user` (none for anyone else), newest first."""
    expert_id = user_roles(user).expert_id
    if expert_id is None:
        return Assignment.objects.none()
    assignments = Assignment.objects.filter(expert_id=expert_id)
    if states:
        assignments = assignments.filter(state__in=states)
    return assignments.select_related("request", "request__country", "expert").order_by("-created_at", "-pk")


def invitations_for_expert(user):
    """The invitations waiting for the answer of the expert linked to `user`."""
    return assignments_for_expert(user, states=[Assignment.State.INVITED])


def engagements_for_expert(user):
    """The accepted assignments of the expert linked to `user`."""
    return assignments_for_expert(user, states=[Assignment.State.ACCEPTED, Assignment.State.COMPLETED])


def messages_visible_to(actor, request):
    """The thread of `request` as `actor` may read it: internal notes only for coordinators."""
    shared = permissions.can(actor, "request.view_shared_messages", request)
    internal = permissions.can(actor, "request.view_internal_notes", request)
    messages = request.messages.select_related("author")
    if shared and internal:
        return messages
    if shared:
        return messages.filter(visibility=Visibility.SHARED)
    if internal:
        return messages.filter(visibility=Visibility.INTERNAL)
    return Message.objects.none()


def attachments_visible_to(actor, request):
    """The attachments of `request` `actor` may see; those of internal notes only for coordinators."""
    if not permissions.can(actor, "request.view_attachments", request):
        return Attachment.objects.none()
    attachments = request.attachments.all()
    if not permissions.can(actor, "request.view_internal_notes", request):
        attachments = attachments.exclude(message__visibility=Visibility.INTERNAL)
    return attachments


def deliverables_visible_to(actor, request):
    """Every deliverable for the team and coordinators; approved ones only for the requester."""
    if permissions.can(actor, "request.view_deliverables", request):
        return request.deliverables.select_related("assignment__expert")
    if permissions.can(actor, "request.view_approved_deliverables", request):
        return request.deliverables.filter(state=Deliverable.State.APPROVED)
    return Deliverable.objects.none()


def team_of(actor, request):
    """The assignments of `request` shown as its team (open or completed), if `actor` may see it."""
    if not permissions.can(actor, "request.view_team", request):
        return Assignment.objects.none()
    return request.assignments.filter(
        state__in=[Assignment.State.INVITED, Assignment.State.ACCEPTED, Assignment.State.COMPLETED]
    ).select_related("expert")


def history(actor, request):
    """The audit trail of `request` (transitions and other logged actions), oldest first."""
    if not permissions.can(actor, "request.view_history", request):
        return ModelLogEntry.objects.none()
    return ModelLogEntry.objects.for_instance(request).order_by("timestamp", "pk")


def transition_history(request):
    """Only the process steps of `request`, oldest first (no permission check: for internal use)."""
    return (
        ModelLogEntry.objects.for_instance(request)
        .filter(action=TRANSITION_ACTION)
        .order_by("timestamp", "pk")
    )
