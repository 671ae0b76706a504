"""Expert suggestions for a request: hard exclusions first, then a score whose parts are shown.

The work is set-based: one query per fact (expertise overlap, languages, countries known,
certifications, open workload, unavailability, earlier answers on this request), each an indexed
lookup on a through table or an aggregate, then one query for the Expert rows that are returned.
The number of queries does not grow with the number of experts.

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
on the database's row order.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from workflows.transitions import guard

from .choices import SERVICE_CERTIFICATION
from .models import AdvisoryRequest, Assignment, Expert, UnavailablePeriod

EXPERTISE_POINTS = 40
LANGUAGE_POINTS = 25
COUNTRY_POINTS = 15
CERTIFICATION_POINTS = 10
CAPACITY_POINTS = 10

# Exclusion codes, each with the reason shown to the coordinator.
INACTIVE = "inactive"
AT_CAPACITY = "at_capacity"
UNAVAILABLE = "unavailable"
SAME_EMPLOYER = "same_employer"
MISSING_CERTIFICATION = "missing_certification"
DECLINED_BEFORE = "declined_before"
ALREADY_ON_REQUEST = "already_on_request"

EXCLUSION_REASONS = {
    INACTIVE: _("Inactive in the network."),
    AT_CAPACITY: _("At capacity: as many open engagements as they can take."),
    UNAVAILABLE: _("Unavailable during the desired period."),
    SAME_EMPLOYER: _("Works for the requesting organisation (conflict of interest)."),
    MISSING_CERTIFICATION: _("Lacks the required certification."),
    DECLINED_BEFORE: _("Already declined, or let expire, an invitation to this request."),
    ALREADY_ON_REQUEST: _("Already invited to or working on this request."),
}

SCORE_LABELS = {
    "expertise": _("Expertise overlap"),
    "language": _("Working language"),
    "country": _("Knowledge of the country"),
    "certification": _("Certification"),
    "capacity": _("Spare capacity"),
}


@dataclass(frozen=True)
class Exclusion:
    code: str

    @property
    def message(self):
        return EXCLUSION_REASONS[self.code]

    def __str__(self):
        return str(self.message)


@dataclass(frozen=True)
class ScorePart:
    code: str
    points: float
    max_points: int
    detail: str = ""

    @property
    def label(self):
        return SCORE_LABELS[self.code]


@dataclass(slots=True)
class Suggestion:
    """One expert as a candidate for a request: excluded (with reasons) or scored (with parts).

    Built from plain numbers, so ranking thousands of experts stays cheap; `reasons` and `parts`
    are derived when read.
    """

    expert_id: int
    excluded: bool
    reason_codes: tuple = ()
    score: float | None = None
    open_assignments: int = 0
    capacity: int = 0
    expert: Expert | None = None
    # The raw facts behind the score.
    overlap: int = 0
    area_count: int = 0
    speaks: bool = False
    knows_country: bool = False
    certified: bool = False
    certification: str = ""

    @property
    def spare_capacity(self):
        return max(self.capacity - self.open_assignments, 0)

    @property
    def reasons(self):
        return tuple(Exclusion(code) for code in self.reason_codes)

    @property
    def parts(self):
        """The score's parts, each with its points out of its maximum; empty for an excluded expert."""
        if self.excluded:
            return ()
        return (
            ScorePart(
                "expertise",
                _expertise_points(self.overlap, self.area_count),
                EXPERTISE_POINTS,
                ngettext("%(overlap)d of %(count)d area", "%(overlap)d of %(count)d areas", self.area_count)
                % {"overlap": self.overlap, "count": self.area_count},
            ),
            ScorePart("language", float(LANGUAGE_POINTS if self.speaks else 0), LANGUAGE_POINTS),
            ScorePart("country", float(COUNTRY_POINTS if self.knows_country else 0), COUNTRY_POINTS),
            ScorePart(
                "certification",
                float(CERTIFICATION_POINTS if self.certified else 0),
                CERTIFICATION_POINTS,
                self.certification,
            ),
            ScorePart(
                "capacity",
                _capacity_points(self.spare_capacity, self.capacity),
                CAPACITY_POINTS,
                f"{self.spare_capacity}/{self.capacity}",
            ),
        )

    @property
    def parts_by_code(self):
        return {part.code: part for part in self.parts}

    def sort_key(self):
        return (self.excluded, -(self.score or 0), -self.spare_capacity, self.expert_id)


def _expertise_points(overlap, area_count):
    return round(EXPERTISE_POINTS * overlap / area_count, 2) if area_count else 0.0


def _capacity_points(spare, capacity):
    return round(CAPACITY_POINTS * spare / capacity, 2) if capacity else 0.0


def normalise_name(value):
    """Case- and whitespace-insensitive form of an organisation name, for the conflict check."""
    return " ".join((value or "").casefold().split())


def _period(request):
    today = timezone.localdate()
    start = request.desired_start or today
    end = request.desired_end or request.desired_start or today
    return (start, end) if end >= start else (end, start)


def needed_certification(request):
    """The certification that counts for `request`: the required one, else the service's, else None."""
    return request.required_certification or SERVICE_CERTIFICATION.get(request.service_type) or None


def _facts(request, expert_ids=None):
    """Everything scoring needs, in a fixed number of queries; `expert_ids` narrows it to some experts."""

    def narrow(queryset, field_name="expert_id"):
        return queryset if expert_ids is None else queryset.filter(**{f"{field_name}__in": expert_ids})

    area_ids = set(request.expertise_areas.values_list("pk", flat=True))
    experts = narrow(Expert.objects.all(), "pk").values_list(
        "pk", "active", "capacity", "employer", "home_country_id"
    )
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
    here = {}
    if request.pk:
        for expert_id, state in narrow(Assignment.objects.filter(request=request)).values_list(
            "expert_id", "state"
        ):
            here.setdefault(expert_id, set()).add(state)
    return {
        "experts": list(experts),
        "area_count": len(area_ids),
        "overlap": overlap,
        "speaks": speaks,
        "knows": knows,
        "certification": certification,
        "certified": certified,
        "load": load,
        "unavailable": unavailable,
        "here": here,
    }


def _evaluate(request, facts, row, organisation, refused_states, open_states):
    expert_id, active, capacity, employer, home_country_id = row
    open_count = facts["load"].get(expert_id, 0)
    states_here = facts["here"].get(expert_id)
    reasons = []
    if not active:
        reasons.append(INACTIVE)
    if open_count >= capacity:
        reasons.append(AT_CAPACITY)
    if expert_id in facts["unavailable"]:
        reasons.append(UNAVAILABLE)
    if organisation and employer and normalise_name(employer) == organisation:
        reasons.append(SAME_EMPLOYER)
    if request.required_certification and expert_id not in facts["certified"]:
        reasons.append(MISSING_CERTIFICATION)
    if states_here and states_here & refused_states:
        reasons.append(DECLINED_BEFORE)
    if states_here and states_here & open_states:
        reasons.append(ALREADY_ON_REQUEST)
    if reasons:
        return Suggestion(
            expert_id=expert_id,
            excluded=True,
            reason_codes=tuple(reasons),
            open_assignments=open_count,
            capacity=capacity,
        )
    overlap, area_count = facts["overlap"].get(expert_id, 0), facts["area_count"]
    speaks = expert_id in facts["speaks"]
    knows_country = home_country_id == request.country_id or expert_id in facts["knows"]
    certified = expert_id in facts["certified"]
    spare = max(capacity - open_count, 0)
    score = (
        _expertise_points(overlap, area_count)
        + (LANGUAGE_POINTS if speaks else 0)
        + (COUNTRY_POINTS if knows_country else 0)
        + (CERTIFICATION_POINTS if certified else 0)
        + _capacity_points(spare, capacity)
    )
    return Suggestion(
        expert_id=expert_id,
        excluded=False,
        score=round(score, 2),
        open_assignments=open_count,
        capacity=capacity,
        overlap=overlap,
        area_count=area_count,
        speaks=speaks,
        knows_country=knows_country,
        certified=certified,
        certification=facts["certification"] or "",
    )


def _evaluate_all(request, facts):
    organisation = normalise_name(request.organisation)
    refused, open_ = set(Assignment.REFUSED_STATES), set(Assignment.OPEN_STATES)
    return [_evaluate(request, facts, row, organisation, refused, open_) for row in facts["experts"]]


def _ranking_keys(request, facts):
    """(excluded, -score, -spare, expert id, row) for every expert: the ranking without building Suggestions.

    Must agree with `_evaluate` (a test compares them); it exists because ranking 10,000 experts
    this way costs a fraction of building 10,000 objects.
    """
    organisation = normalise_name(request.organisation)
    load, unavailable, here = facts["load"], facts["unavailable"], facts["here"]
    overlap, area_count = facts["overlap"], facts["area_count"]
    speaks, knows, certified = facts["speaks"], facts["knows"], facts["certified"]
    required = bool(request.required_certification)
    blocking = set(Assignment.REFUSED_STATES) | set(Assignment.OPEN_STATES)
    country_id = request.country_id
    keys = []
    for row in facts["experts"]:
        expert_id, active, capacity, employer, home_country_id = row
        open_count = load.get(expert_id, 0)
        excluded = (
            not active
            or open_count >= capacity
            or expert_id in unavailable
            or (required and expert_id not in certified)
            or bool(here.get(expert_id, ()) and here[expert_id] & blocking)
            or bool(organisation and employer and normalise_name(employer) == organisation)
        )
        spare = max(capacity - open_count, 0)
        if excluded:
            keys.append((True, 0, -spare, expert_id, row))
            continue
        score = (
            _expertise_points(overlap.get(expert_id, 0), area_count)
            + (LANGUAGE_POINTS if expert_id in speaks else 0)
            + (COUNTRY_POINTS if home_country_id == country_id or expert_id in knows else 0)
            + (CERTIFICATION_POINTS if expert_id in certified else 0)
            + _capacity_points(spare, capacity)
        )
        keys.append((False, -round(score, 2), -spare, expert_id, row))
    return keys


def _attach_experts(suggestions):
    experts = Expert.objects.select_related("home_country").in_bulk([s.expert_id for s in suggestions])
    for suggestion in suggestions:
        suggestion.expert = experts.get(suggestion.expert_id)
    return suggestions


def suggest_experts(request, limit=None, include_excluded=True):
    """Every expert as a Suggestion for `request`: the ranked eligible first, then the excluded with reasons.

    `limit` caps the length of the whole list (eligible ones come first); `include_excluded=False`
    drops the excluded. Runs a bounded number of queries whatever the number of experts.
    """
    facts = _facts(request)
    keys = _ranking_keys(request, facts)
    if not include_excluded:
        keys = [key for key in keys if not key[0]]
    keys.sort(key=lambda key: key[:4])
    if limit is not None:
        keys = keys[:limit]
    organisation = normalise_name(request.organisation)
    refused, open_ = set(Assignment.REFUSED_STATES), set(Assignment.OPEN_STATES)
    suggestions = [_evaluate(request, facts, key[4], organisation, refused, open_) for key in keys]
    return _attach_experts(suggestions)


def explain(request, expert):
    """The Suggestion for one expert on `request` (why they rank where they do, or why they are excluded)."""
    [suggestion] = _evaluate_all(request, _facts(request, expert_ids=[expert.pk]))
    suggestion.expert = expert
    return suggestion


@guard(_("The expert suggestions exclude this expert from this request."))
def expert_not_excluded(assignment):
    """Guard of `Assignment.invite` (registered in AdvisoryConfig.ready()): never an excluded expert."""
    return not explain(assignment.request, assignment.expert).excluded
