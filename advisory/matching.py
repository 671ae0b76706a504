"""Expert suggestions for a request: hard exclusions first, then a score whose parts are shown.

The criteria of advisory staffing on top of `workflows.ranking` (which holds the machinery: the
order, the tie-breaks, the limits, the explanation). The facts are set-based: one query per fact
(expertise overlap, languages, countries known, certifications, open workload, unavailability,
earlier answers on this request), each an indexed lookup on a through table or an aggregate, then
one query for the Expert rows that are returned. The number of queries does not grow with the
number of experts.

Scoring weights (points out of 100) say what matters most when staffing an engagement:

- EXPERTISE_POINTS (40): the share of the requested expertise areas the expert covers; the
  substance of the advice, so it weighs most.
- LANGUAGE_POINTS (25): speaks the engagement's working language; without it every exchange
  needs translation, so it is the next most important.
- COUNTRY_POINTS (15): knows the requester's country (home country or countries known): policy
  context, institutions, language of documents.
- CERTIFICATION_POINTS (10): holds the certification the request requires, or, when it requires
  none, the one its service type calls for (`choices.SERVICE_CERTIFICATION`).
- CAPACITY_POINTS (10): the share of capacity still free, so work spreads across the network.

Ties are broken by more spare capacity, then by the lower expert id, so the order never depends
on the database's row order. Among the excluded, those excluded for a reason about this very
request (declined before, already on it, same employer) come first: they explain a gap in the team.
"""

from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from workflows import ranking
from workflows.ranking import Criterion, Exclusion, Ranked, Rule, ScorePart
from workflows.transitions import guard

from .choices import SERVICE_CERTIFICATION
from .models import AdvisoryRequest, Assignment, Expert, UnavailablePeriod

__all__ = [  # Exclusion and ScorePart are re-exported: callers read them as matching's
    "ALREADY_ON_REQUEST",
    "AT_CAPACITY",
    "CAPACITY_POINTS",
    "CERTIFICATION_POINTS",
    "COUNTRY_POINTS",
    "DECLINED_BEFORE",
    "EXCLUSION_REASONS",
    "EXPERTISE_POINTS",
    "EXPERTS",
    "INACTIVE",
    "LANGUAGE_POINTS",
    "MISSING_CERTIFICATION",
    "SAME_EMPLOYER",
    "SCORE_LABELS",
    "UNAVAILABLE",
    "Exclusion",
    "Facts",
    "ScorePart",
    "Suggestion",
    "expert_not_excluded",
    "explain",
    "needed_certification",
    "normalise_name",
    "rank_experts",
    "suggest_experts",
]

EXPERTISE_POINTS = 40
LANGUAGE_POINTS = 25
COUNTRY_POINTS = 15
CERTIFICATION_POINTS = 10
CAPACITY_POINTS = 10

# Exclusion codes (the reasons shown are in RULES below).
INACTIVE = "inactive"
AT_CAPACITY = "at_capacity"
UNAVAILABLE = "unavailable"
SAME_EMPLOYER = "same_employer"
MISSING_CERTIFICATION = "missing_certification"
DECLINED_BEFORE = "declined_before"
ALREADY_ON_REQUEST = "already_on_request"


class ExpertRow(NamedTuple):
    active: bool
    capacity: int
    employer: str
    home_country_id: int | None


@dataclass(frozen=True)
class Facts:
    """What the ranking of experts for one request reads, gathered in a fixed number of queries."""

    experts: dict[int, ExpertRow]
    organisation: str  # normalised, for the conflict check
    country_id: int | None
    required_certification: bool
    certification: str  # the one that scores: required, else the service's, else ""
    area_count: int
    overlap: dict[int, int] = field(default_factory=dict)  # expert -> requested areas covered
    speaks: set[int] = field(default_factory=set)
    knows: set[int] = field(default_factory=set)
    certified: set[int] = field(default_factory=set)
    load: dict[int, int] = field(default_factory=dict)  # expert -> open engagements elsewhere and here
    spare: dict[int, int] = field(default_factory=dict)  # expert -> capacity minus load, at least 0
    unavailable: set[int] = field(default_factory=set)
    here: dict[int, set[str]] = field(default_factory=dict)  # expert -> assignment states on this request


def _answered(facts: Facts, states: tuple) -> set[int]:
    wanted = set(states)
    return {expert_id for expert_id, seen in facts.here.items() if seen & wanted}


def _same_employer(facts: Facts) -> set[int]:
    if not facts.organisation:
        return set()
    # Many experts share an employer: each name is normalised once.
    same = {name for name in {row.employer for row in facts.experts.values()} if name}
    same = {name for name in same if normalise_name(name) == facts.organisation}
    return {expert_id for expert_id, row in facts.experts.items() if row.employer in same}


RULES: tuple[Rule[int, Facts], ...] = (
    Rule(
        INACTIVE,
        _("Inactive in the network."),
        lambda f: {expert_id for expert_id, row in f.experts.items() if not row.active},
    ),
    Rule(
        AT_CAPACITY,
        _("At capacity: as many open engagements as they can take."),
        lambda f: {
            expert_id for expert_id, row in f.experts.items() if f.load.get(expert_id, 0) >= row.capacity
        },
    ),
    Rule(UNAVAILABLE, _("Unavailable during the desired period."), lambda f: f.unavailable),
    Rule(
        SAME_EMPLOYER,
        _("Works for the requesting organisation (conflict of interest)."),
        _same_employer,
        listed_first=True,
    ),
    Rule(
        MISSING_CERTIFICATION,
        _("Lacks the required certification."),
        lambda f: f.experts.keys() - f.certified if f.required_certification else set(),
    ),
    Rule(
        DECLINED_BEFORE,
        _("Already declined, or let expire, an invitation to this request."),
        lambda f: _answered(f, Assignment.REFUSED_STATES),
        listed_first=True,
    ),
    Rule(
        ALREADY_ON_REQUEST,
        _("Already invited to or working on this request."),
        lambda f: _answered(f, Assignment.OPEN_STATES),
        listed_first=True,
    ),
)

EXCLUSION_REASONS = {rule.code: rule.message for rule in RULES}


def _expertise_points(facts: Facts) -> dict[int, float]:
    if not facts.area_count:
        return {}
    return {
        expert_id: round(EXPERTISE_POINTS * overlap / facts.area_count, 2)
        for expert_id, overlap in facts.overlap.items()
    }


def _expertise_detail(expert_id: int, facts: Facts) -> str:
    overlap = facts.overlap.get(expert_id, 0)
    return ngettext("%(overlap)d of %(count)d area", "%(overlap)d of %(count)d areas", facts.area_count) % {
        "overlap": overlap,
        "count": facts.area_count,
    }


def _country_points(facts: Facts) -> dict[int, float]:
    return {
        expert_id: float(COUNTRY_POINTS)
        for expert_id, row in facts.experts.items()
        if row.home_country_id == facts.country_id or expert_id in facts.knows
    }


def _capacity_points(facts: Facts) -> dict[int, float]:
    return {
        expert_id: round(CAPACITY_POINTS * facts.spare[expert_id] / row.capacity, 2)
        for expert_id, row in facts.experts.items()
        if row.capacity
    }


CRITERIA: tuple[Criterion[int, Facts], ...] = (
    Criterion(
        "expertise", _("Expertise overlap"), EXPERTISE_POINTS, _expertise_points, detail=_expertise_detail
    ),
    Criterion(
        "language",
        _("Working language"),
        LANGUAGE_POINTS,
        lambda f: dict.fromkeys(f.speaks, float(LANGUAGE_POINTS)),
    ),
    Criterion("country", _("Knowledge of the country"), COUNTRY_POINTS, _country_points),
    Criterion(
        "certification",
        _("Certification"),
        CERTIFICATION_POINTS,
        lambda f: dict.fromkeys(f.certified, float(CERTIFICATION_POINTS)),
        # The code; the admin shows the certification's name.
        detail=lambda expert_id, f: f.certification,
    ),
    Criterion(
        "capacity",
        _("Spare capacity"),
        CAPACITY_POINTS,
        _capacity_points,
        detail=lambda expert_id, f: f"{f.spare[expert_id]}/{f.experts[expert_id].capacity}",
    ),
)

SCORE_LABELS = {criterion.code: criterion.label for criterion in CRITERIA}

EXPERTS: ranking.Ranking[int, Facts] = ranking.Ranking(
    rules=RULES,
    criteria=CRITERIA,
    tie_breakers=[lambda f: f.spare],
)


@dataclass(slots=True)
class Suggestion(ranking.Candidate[int]):
    """One expert as a candidate for a request: excluded (with reasons) or scored (with parts)."""

    open_assignments: int = 0
    capacity: int = 0
    expert: Expert | None = None

    @property
    def expert_id(self) -> int:
        return self.id

    @property
    def spare_capacity(self) -> int:
        return max(self.capacity - self.open_assignments, 0)


def normalise_name(value: str | None) -> str:
    """Case- and whitespace-insensitive form of an organisation name, for the conflict check."""
    return " ".join((value or "").casefold().split())


def _period(request: AdvisoryRequest) -> tuple[date, date]:
    today = timezone.localdate()
    start = request.desired_start or today
    end = request.desired_end or request.desired_start or today
    return (start, end) if end >= start else (end, start)


def needed_certification(request: AdvisoryRequest) -> str | None:
    """The certification that counts for `request`: the required one, else the service's, else None."""
    return request.required_certification or SERVICE_CERTIFICATION.get(request.service_type) or None


def _facts(request: AdvisoryRequest, expert_ids: list[int] | None = None) -> Facts:
    """Everything the ranking reads, in a fixed number of queries; `expert_ids` narrows it to some experts."""

    def narrow(queryset: QuerySet, field_name: str = "expert_id") -> QuerySet:
        return queryset if expert_ids is None else queryset.filter(**{f"{field_name}__in": expert_ids})

    area_ids = set(request.expertise_areas.values_list("pk", flat=True))
    experts = {
        pk: ExpertRow(active, capacity, employer, home_country_id)
        for pk, active, capacity, employer, home_country_id in narrow(Expert.objects.all(), "pk").values_list(
            "pk", "active", "capacity", "employer", "home_country_id"
        )
    }
    overlap = {}
    if area_ids:
        through = Expert.expertise_areas.through.objects.filter(expertisearea_id__in=area_ids)
        overlap = dict(
            narrow(through).values("expert_id").annotate(n=Count("pk")).values_list("expert_id", "n")
        )
    speaks = set(
        narrow(Expert.languages.through.objects.filter(language_id=request.working_language)).values_list(
            "expert_id", flat=True
        )
    )
    knows = set(
        narrow(
            Expert.countries_known.through.objects.filter(networkcountry_id=request.country_id)
        ).values_list("expert_id", flat=True)
    )
    certification = needed_certification(request)
    certified = set()
    if certification:
        certified = set(
            narrow(Expert.certifications.through.objects.filter(certification_id=certification)).values_list(
                "expert_id", flat=True
            )
        )
    load = dict(
        narrow(
            Assignment.objects.filter(state__in=Assignment.OPEN_STATES).exclude(
                request__state__in=AdvisoryRequest.TERMINAL_STATES
            )
        )
        .values("expert_id")
        .annotate(n=Count("pk"))
        .values_list("expert_id", "n")
    )
    start, end = _period(request)
    unavailable = set(
        narrow(UnavailablePeriod.objects.filter(start__lte=end, end__gte=start)).values_list(
            "expert_id", flat=True
        )
    )
    here: dict[int, set[str]] = {}
    if request.pk:
        for expert_id, state in narrow(Assignment.objects.filter(request=request)).values_list(
            "expert_id", "state"
        ):
            here.setdefault(expert_id, set()).add(state)
    return Facts(
        experts=experts,
        spare={pk: max(row.capacity - load.get(pk, 0), 0) for pk, row in experts.items()},
        organisation=normalise_name(request.organisation),
        country_id=request.country_id,
        required_certification=bool(request.required_certification),
        certification=certification or "",
        area_count=len(area_ids),
        overlap=overlap,
        speaks=speaks,
        knows=knows,
        certified=certified,
        load=load,
        unavailable=unavailable,
        here=here,
    )


def _suggestion(candidate: ranking.Candidate[int], facts: Facts) -> Suggestion:
    return Suggestion(
        id=candidate.id,
        reasons=candidate.reasons,
        score=candidate.score,
        parts=candidate.parts,
        open_assignments=facts.load.get(candidate.id, 0),
        capacity=facts.experts[candidate.id].capacity,
    )


def _attach_experts(suggestions: list[Suggestion]) -> None:
    experts = Expert.objects.select_related("home_country").in_bulk([s.expert_id for s in suggestions])
    for suggestion in suggestions:
        suggestion.expert = experts.get(suggestion.expert_id)


def _rank(request: AdvisoryRequest, *, limit: int | None, excluded_limit: int | None) -> Ranked[Suggestion]:
    facts = _facts(request)
    ranked = EXPERTS.rank(facts.experts, facts, limit=limit, excluded_limit=excluded_limit)
    return replace(
        ranked,
        eligible=[_suggestion(candidate, facts) for candidate in ranked.eligible],
        excluded=[_suggestion(candidate, facts) for candidate in ranked.excluded],
    )


def rank_experts(
    request: AdvisoryRequest, *, limit: int | None = None, excluded_limit: int | None = None
) -> Ranked[Suggestion]:
    """The experts for `request`: at most `limit` eligible, best first, and `excluded_limit` excluded
    with their reasons (None: all), with how many there are of each; the Expert rows attached."""
    ranked = _rank(request, limit=limit, excluded_limit=excluded_limit)
    _attach_experts(list(ranked))
    return ranked


def suggest_experts(
    request: AdvisoryRequest, *, limit: int | None = None, include_excluded: bool = True
) -> list[Suggestion]:
    """Every expert as a Suggestion for `request`: the ranked eligible first, then the excluded with reasons.

    `limit` caps the length of the whole list (eligible ones come first); `include_excluded=False`
    drops the excluded. Runs a bounded number of queries whatever the number of experts.
    """
    ranked = _rank(request, limit=limit, excluded_limit=limit if include_excluded else 0)
    suggestions = list(ranked)[:limit]
    _attach_experts(suggestions)
    return suggestions


def explain(request: AdvisoryRequest, expert: Expert) -> Suggestion:
    """The Suggestion for one expert on `request` (why they rank where they do, or why they are excluded)."""
    facts = _facts(request, expert_ids=[expert.pk])
    suggestion = _suggestion(EXPERTS.explain(expert.pk, facts), facts)
    suggestion.expert = expert
    return suggestion


@guard(_("The expert suggestions exclude this expert from this request."))
def expert_not_excluded(assignment: Assignment) -> bool:
    """Guard of `Assignment.invite` (registered in AdvisoryConfig.ready()): never an excluded expert."""
    return not explain(assignment.request, assignment.expert).excluded
