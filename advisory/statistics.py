"""The network's figures for its coordinators: requests per country, state and month, the time each
step took against the service levels, and the experts' load. Reads only, scoped by the reader.

Scope: lead coordinators and superusers see the whole network; a coordinator sees the requests of
the countries of their profile (and nothing else: not the requests they own elsewhere); anyone
else gets PermissionDenied (the matrix's "queue.view": whoever has a queue may see its figures).
Every figure is an aggregate query: the number of queries does not grow with the number of
requests, countries or experts (tests/advisory/admin/test_network_dashboard.py counts them).

When a request reached a step comes from the audit trail (workflows.audit: one log entry per
transition, with its `to_state`); the service level it was held to from its deadline rows
(workflows.Deadline: `screening` and `decision`, whose due time already accounts for business days
and for the pauses while the requester owed an answer).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Avg,
    CharField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from workflows.audit import ACTION as TRANSITION_ACTION
from workflows.models import Deadline

from . import conf, permissions
from .models import AdvisoryRequest, Assignment, Expert, NetworkCountry
from .models.requests import DECISION_DEADLINE, SCREENING_DEADLINE
from .roles import user_roles

S = AdvisoryRequest.State
DEFAULT_MONTHS = 12
PERIOD_CHOICES = (3, 6, 12, 24)


def may_view(user):
    """Whether `user` may see the network's figures (those of their own scope)."""
    return permissions.can(user, "queue.view")


def require_view(user):
    if not may_view(user):
        raise PermissionDenied(_("You may not see the network's figures."))


def countries_in_scope(user):
    """The network countries whose figures `user` may see (active or not), by code."""
    require_view(user)
    roles = user_roles(user)
    countries = NetworkCountry.objects.all()
    if not (roles.is_superuser or roles.is_lead):
        countries = countries.filter(pk__in=roles.country_ids)
    return countries.order_by("country")


def _scoped_requests(user, country=None):
    roles = user_roles(user)
    requests = AdvisoryRequest.objects.exclude(state=S.NEW)
    if not (roles.is_superuser or roles.is_lead):
        requests = requests.filter(country_id__in=roles.country_ids)
    if country is not None:
        requests = requests.filter(country=country)
    return requests


# The phases of a request: its states grouped into the stretches a coordinator steers by.
class Phase:
    SCREENING = "screening"
    STAFFING = "staffing"
    RUNNING = "running"
    DELIVERED = "delivered"
    ENDED = "ended"

    LABELS = {
        SCREENING: _("Submitted or in screening"),
        STAFFING: _("Accepted, being staffed"),
        RUNNING: _("Running"),
        DELIVERED: _("Delivered or closed"),
        ENDED: _("Declined or withdrawn"),
    }
    ORDER = (SCREENING, STAFFING, RUNNING, DELIVERED, ENDED)


PHASE_OF_STATE = {
    S.SUBMITTED: Phase.SCREENING,
    S.SCREENING: Phase.SCREENING,
    S.AWAITING_INFO: Phase.SCREENING,
    S.ACCEPTED: Phase.STAFFING,
    S.TEAM_PROPOSED: Phase.STAFFING,
    S.IN_PROGRESS: Phase.RUNNING,
    S.ON_HOLD: Phase.RUNNING,
    S.DELIVERED: Phase.DELIVERED,
    S.CLOSED: Phase.DELIVERED,
    S.DECLINED: Phase.ENDED,
    S.WITHDRAWN: Phase.ENDED,
}


def add_months(day, months):
    """The first day of the month `months` after (or before, when negative) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole calendar months (in the site's time zone) up to and including the current one."""

    first_month: datetime.date
    months: int

    @classmethod
    def last(cls, months=DEFAULT_MONTHS, today=None):
        today = today or timezone.localdate()
        current = today.replace(day=1)
        return cls(first_month=add_months(current, 1 - months), months=months)

    def month_starts(self):
        return [add_months(self.first_month, number) for number in range(self.months)]

    def _aware(self, day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

    @property
    def start(self):
        return self._aware(self.first_month)

    @property
    def end(self):
        """The first instant after the period (exclusive)."""
        return self._aware(add_months(self.first_month, self.months))


@dataclass(frozen=True)
class Milestone:
    """How long the requests of the period took from submission to one step, and the service level.

    `has_sla`: the step has a deadline (screening, decision). `met` / `missed`: reached by / after its
    deadline; `waiting_overdue`: not reached yet although its deadline has passed.
    """

    key: str
    label: str
    reached: int
    average: datetime.timedelta | None
    has_sla: bool = False
    sla_business_days: int | None = None
    met: int = 0
    missed: int = 0
    waiting_overdue: int = 0

    @property
    def average_days(self):
        return None if self.average is None else round(self.average.total_seconds() / 86400, 1)


@dataclass(frozen=True)
class ExpertLoad:
    expert_id: int
    name: str
    capacity: int
    invited: int
    accepted: int

    @property
    def open(self):
        return self.invited + self.accepted


@dataclass
class NetworkStatistics:
    period: Period
    by_country: dict = field(default_factory=dict)  # NetworkCountry pk -> requests
    by_state: dict = field(default_factory=dict)  # state -> requests
    by_month: dict = field(default_factory=dict)  # first day of month -> {phase: requests}
    milestones: list = field(default_factory=list)
    expert_load: list = field(default_factory=list)

    @property
    def total(self):
        return sum(self.by_state.values())


def counts(user, period, country=None):
    """Requests submitted in `period`, per country, per current state and per month and phase.

    One query, grouped by country, state and month.
    """
    require_view(user)
    rows = (
        _scoped_requests(user, country)
        .filter(submitted_at__gte=period.start, submitted_at__lt=period.end)
        .annotate(month=TruncMonth("submitted_at"))
        .order_by()
        .values_list("country_id", "state", "month")
        .annotate(n=Count("pk"))
    )
    by_country, by_state = defaultdict(int), defaultdict(int)
    by_month = {month: defaultdict(int) for month in period.month_starts()}
    for country_id, state, month, number in rows:
        by_country[country_id] += number
        by_state[state] += number
        month = timezone.localtime(month).date() if isinstance(month, datetime.datetime) else month
        by_month.setdefault(month, defaultdict(int))[PHASE_OF_STATE.get(state, Phase.SCREENING)] += number
    return dict(by_country), dict(by_state), {month: dict(phases) for month, phases in by_month.items()}


def _first_reached(content_type, states):
    """The time a request first entered one of `states`, from its audit trail."""
    entries = ModelLogEntry.objects.filter(
        content_type=content_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        action=TRANSITION_ACTION,
        data__to_state__in=list(states),
    ).order_by("timestamp")
    return Subquery(entries.values("timestamp")[:1])


def _due(content_type, purpose):
    """The due time of a request's (latest) deadline for `purpose`."""
    deadlines = Deadline.objects.filter(
        content_type=content_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        purpose=purpose,
    ).order_by("-created_at", "-pk")
    return Subquery(deadlines.values("due_at")[:1])


def _since_submission(reached):
    return ExpressionWrapper(F(reached) - F("submitted_at"), output_field=DurationField())


# (key, label, states that reach it, deadline purpose, setting of its service level in business days,
# states in which a request still waits for it)
MILESTONES = (
    (
        "screening",
        _("Screening started"),
        (S.SCREENING,),
        SCREENING_DEADLINE,
        "ADVISORY_SCREENING_BUSINESS_DAYS",
        (S.SUBMITTED,),
    ),
    (
        "decision",
        _("Accepted or declined"),
        (S.ACCEPTED, S.DECLINED),
        DECISION_DEADLINE,
        "ADVISORY_DECISION_BUSINESS_DAYS",
        (S.SUBMITTED, S.SCREENING),  # not while awaiting information: that clock is paused
    ),
    ("staffing", _("Team proposed"), (S.TEAM_PROPOSED,), None, None, ()),
    ("delivery", _("Delivered"), (S.DELIVERED,), None, None, ()),
)


def milestones(user, period, country=None, now=None):
    """Per step: requests of `period` that reached it, their average time from submission, and for
    the steps with a service level how many made it in time, late, or are still waiting past it.

    One query (the per-request times are subqueries inside it).
    """
    require_view(user)
    now = now or timezone.now()
    content_type = ContentType.objects.get_for_model(AdvisoryRequest)
    requests = _scoped_requests(user, country).filter(
        submitted_at__gte=period.start, submitted_at__lt=period.end
    )
    annotations, aggregates = {}, {}
    for key, _label, states, purpose, _setting, waiting in MILESTONES:
        annotations[f"{key}_at"] = _first_reached(content_type, states)
        aggregates[f"{key}_reached"] = Count("pk", filter=Q(**{f"{key}_at__isnull": False}))
        aggregates[f"{key}_average"] = Avg(_since_submission(f"{key}_at"))
        if purpose:
            annotations[f"{key}_due"] = _due(content_type, purpose)
            aggregates[f"{key}_met"] = Count("pk", filter=Q(**{f"{key}_at__lte": F(f"{key}_due")}))
            aggregates[f"{key}_missed"] = Count("pk", filter=Q(**{f"{key}_at__gt": F(f"{key}_due")}))
            aggregates[f"{key}_waiting_overdue"] = Count(
                "pk", filter=Q(**{f"{key}_at__isnull": True, f"{key}_due__lte": now, "state__in": waiting})
            )
    figures = requests.annotate(**annotations).aggregate(**aggregates)
    found = []
    for key, label, _states, purpose, setting, _waiting in MILESTONES:
        average = figures[f"{key}_average"]
        if average is not None and not isinstance(average, datetime.timedelta):
            average = datetime.timedelta(microseconds=average)  # some backends answer in microseconds
        found.append(
            Milestone(
                key=key,
                label=label,
                reached=figures[f"{key}_reached"],
                average=average,
                has_sla=bool(purpose),
                sla_business_days=conf.get(setting) if setting else None,
                met=figures.get(f"{key}_met", 0),
                missed=figures.get(f"{key}_missed", 0),
                waiting_overdue=figures.get(f"{key}_waiting_overdue", 0),
            )
        )
    return found


OPEN_ASSIGNMENT_STATES = (Assignment.State.INVITED, Assignment.State.ACCEPTED)


def expert_load(user, country=None):
    """Experts with open assignments (invited or accepted) on open requests of the reader's scope, the
    busiest first. Assignments on requests outside the scope are not counted. One query."""
    require_view(user)
    roles = user_roles(user)
    on = Q(
        assignments__state__in=OPEN_ASSIGNMENT_STATES,
        assignments__request__state__in=AdvisoryRequest.OPEN_STATES,
    )
    if not (roles.is_superuser or roles.is_lead):
        on &= Q(assignments__request__country_id__in=roles.country_ids)
    if country is not None:
        on &= Q(assignments__request__country=country)
    rows = (
        Expert.objects.annotate(
            invited=Count("assignments", filter=on & Q(assignments__state=Assignment.State.INVITED)),
            accepted=Count("assignments", filter=on & Q(assignments__state=Assignment.State.ACCEPTED)),
        )
        .filter(Q(invited__gt=0) | Q(accepted__gt=0))
        .order_by((F("invited") + F("accepted")).desc(), "name", "pk")
        .values_list("pk", "name", "capacity", "invited", "accepted")
    )
    return [ExpertLoad(*row) for row in rows]


def network_statistics(user, period=None, country=None, now=None):
    """Everything the network dashboard shows, for `user`'s scope: three aggregate queries."""
    period = period or Period.last()
    by_country, by_state, by_month = counts(user, period, country)
    return NetworkStatistics(
        period=period,
        by_country=by_country,
        by_state=by_state,
        by_month=by_month,
        milestones=milestones(user, period, country, now=now),
        expert_load=expert_load(user, country),
    )
