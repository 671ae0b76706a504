"""Explained ranking of candidates (people for a task): hard exclusions with their reasons, then a
score made of weighted parts that are shown, in an order that never depends on the database's.

A process gathers its *facts* first, set-based (one query per fact, never one per candidate), into
an object of its own; a `Ranking` then reads them through what the process declares:

- `rules`: the hard exclusions. A `Rule` has a stable code, the message shown to staff, and
  `select(facts)`: the candidates it leaves out (a set). A rule marked `listed_first` is about this
  very case (a conflict of interest, an earlier refusal) rather than the candidate in general:
  those it excludes are listed first among the excluded, as they explain a gap.
- `criteria`: the parts of the score. A `Criterion` has a code, a label, its maximum and
  `points(facts)`: a mapping candidate -> points (absent candidates get none); optionally
  `detail(candidate, facts)`, a short text computed only for the candidates returned.
- `tie_breakers`: mappings candidate -> value, higher first, for equal scores; the candidate id
  (ascending) decides last.

`ranking.rank(ids, facts, limit=, excluded_limit=)` returns a `Ranked`: the eligible best first,
the excluded (with every reason, in the rules' order) after them, each list cut to its limit and
its full length kept as a total. Only the candidates returned become `Candidate` objects, so
ranking ten thousand people costs a few set and dict lookups each. `ranking.explain(id, facts)`
is the same evaluation for one candidate (narrow the facts to it first).

A second process declares its own criteria, e.g. matchmaking partners for one participant:

    @dataclass
    class PartnerFacts:
        own_cluster: set[int]            # participants from the asker's own cluster
        meeting: set[int]                # already meeting the asker
        offers_wanted: set[int]          # offer what the asker looks for
        shared_sectors: dict[int, int]   # participant -> sectors in common
        free_slots: dict[int, int]       # participant -> slots still free

    PARTNERS = Ranking(
        rules=[
            Rule("own_cluster", _("From your own cluster."), lambda f: f.own_cluster),
            Rule("meeting", _("Already meeting you."), lambda f: f.meeting, listed_first=True),
        ],
        criteria=[
            Criterion("offer", _("Offers what you want"), 60, lambda f: dict.fromkeys(f.offers_wanted, 60)),
            Criterion(
                "sectors", _("Sectors in common"), 40,
                lambda f: {p: 10.0 * min(n, 4) for p, n in f.shared_sectors.items()},
                detail=lambda p, f: str(f.shared_sectors.get(p, 0)),
            ),
        ],
        tie_breakers=[lambda f: f.free_slots],
    )
    ranked = PARTNERS.rank(participant_ids, facts, limit=10, excluded_limit=0)
    for candidate in ranked.eligible:
        candidate.id, candidate.score, [(p.label, p.points, p.max_points) for p in candidate.parts]
"""

import heapq
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.utils.functional import Promise

K = TypeVar("K", bound=Hashable)  # a candidate's id: hashable and orderable (the last tie-breaker)
F = TypeVar("F")  # the facts a process gathered for one ranking
C = TypeVar("C")  # what a Ranked holds: Candidate, or a process's own subclass of it

# How many decimals a score keeps: parts given to two decimals add up without float noise.
SCORE_DIGITS = 2


@dataclass(frozen=True)
class Exclusion:
    """Why a candidate is left out: a stable code (for tests and logic) and the message shown."""

    code: str
    message: str | Promise

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class ScorePart:
    """One part of a score: its points out of its maximum, with a short detail (e.g. "1 of 2 areas")."""

    code: str
    label: str | Promise
    points: float
    max_points: float
    detail: str = ""


@dataclass(frozen=True)
class Rule(Generic[K, F]):
    """A hard exclusion: `select(facts)` gives the candidates it leaves out, for `message`."""

    code: str
    message: str | Promise
    select: Callable[[F], Collection[K]]
    listed_first: bool = False

    @property
    def exclusion(self) -> Exclusion:
        return Exclusion(self.code, self.message)


@dataclass(frozen=True)
class Criterion(Generic[K, F]):
    """One weighted part of the score: `points(facts)` maps candidates to their points (absent: 0)."""

    code: str
    label: str | Promise
    max_points: float
    points: Callable[[F], Mapping[K, float]]
    detail: Callable[[K, F], str] | None = None


@dataclass(slots=True)
class Candidate(Generic[K]):
    """One candidate, ranked: excluded (with every reason) or scored (with every part)."""

    id: K
    reasons: tuple[Exclusion, ...] = ()
    score: float | None = None
    parts: tuple[ScorePart, ...] = ()

    @property
    def excluded(self) -> bool:
        return bool(self.reasons)

    @property
    def reason_codes(self) -> tuple[str, ...]:
        return tuple(reason.code for reason in self.reasons)

    @property
    def parts_by_code(self) -> dict[str, ScorePart]:
        return {part.code: part for part in self.parts}


@dataclass(frozen=True)
class Ranked(Generic[C]):
    """The outcome of a ranking: the eligible best first, the excluded, and how many of each there were."""

    eligible: list[C]
    excluded: list[C]
    eligible_total: int
    excluded_total: int

    def __iter__(self) -> Iterator[C]:
        yield from self.eligible
        yield from self.excluded

    def __len__(self) -> int:
        return len(self.eligible) + len(self.excluded)


@dataclass(frozen=True)
class Ranking(Generic[K, F]):
    """The rules, criteria and tie-breakers of one kind of ranking (see the module's docstring)."""

    rules: Sequence[Rule[K, F]]
    criteria: Sequence[Criterion[K, F]]
    tie_breakers: Sequence[Callable[[F], Mapping[K, float]]] = field(default=())

    def __post_init__(self) -> None:
        for kind, codes in (
            ("rule", [r.code for r in self.rules]),
            ("criterion", [c.code for c in self.criteria]),
        ):
            if len(set(codes)) != len(codes):
                raise ValueError(f"Two {kind}s share a code: {codes}")

    @property
    def exclusions(self) -> dict[str, Exclusion]:
        """Every exclusion this ranking can give, by code, in the rules' order."""
        return {rule.code: rule.exclusion for rule in self.rules}

    def rank(
        self,
        ids: Iterable[K],
        facts: F,
        *,
        limit: int | None = None,
        excluded_limit: int | None = None,
    ) -> Ranked[Candidate[K]]:
        """Rank `ids` on `facts`: at most `limit` eligible and `excluded_limit` excluded (None: all)."""
        selected = [rule.select(facts) for rule in self.rules]
        out: set[K] = set().union(*selected)
        first: set[K] = set().union(
            *(s for rule, s in zip(self.rules, selected, strict=True) if rule.listed_first)
        )
        ties = [tie_breaker(facts) for tie_breaker in self.tie_breakers]

        ids = list(ids)
        eligible_ids = [candidate_id for candidate_id in ids if candidate_id not in out]
        excluded_ids = [candidate_id for candidate_id in ids if candidate_id in out]

        points = [criterion.points(facts) for criterion in self.criteria] if eligible_ids else []
        scores = self._scores(eligible_ids, points)
        best = _ordered(eligible_ids, [-scores[i] for i in eligible_ids], ties, limit)
        worst = _ordered(excluded_ids, [i not in first for i in excluded_ids], ties, excluded_limit)
        return Ranked(
            eligible=[
                self._scored(candidate_id, scores[candidate_id], points, facts) for candidate_id in best
            ],
            excluded=[self._excluded(candidate_id, selected) for candidate_id in worst],
            eligible_total=len(eligible_ids),
            excluded_total=len(excluded_ids),
        )

    def explain(self, candidate_id: K, facts: F) -> Candidate[K]:
        """The evaluation of one candidate: why they would rank where they do, or why they are left out."""
        [candidate] = self.rank([candidate_id], facts)
        return candidate

    @staticmethod
    def _scores(ids: list[K], points: list[Mapping[K, float]]) -> dict[K, float]:
        # Criterion by criterion over each mapping, which is cheaper than one generator per candidate;
        # each total still adds its parts in the criteria's order.
        totals = dict.fromkeys(ids, 0.0)
        for values in points:
            for candidate_id, value in values.items():
                if candidate_id in totals:
                    totals[candidate_id] += value
        return {candidate_id: round(total, SCORE_DIGITS) for candidate_id, total in totals.items()}

    def _scored(
        self, candidate_id: K, score: float, points: list[Mapping[K, float]], facts: F
    ) -> Candidate[K]:
        parts = tuple(
            ScorePart(
                code=criterion.code,
                label=criterion.label,
                points=float(values.get(candidate_id, 0.0)),
                max_points=criterion.max_points,
                detail=criterion.detail(candidate_id, facts) if criterion.detail else "",
            )
            for criterion, values in zip(self.criteria, points, strict=True)
        )
        return Candidate(id=candidate_id, score=score, parts=parts)

    def _excluded(self, candidate_id: K, selected: list[Collection[K]]) -> Candidate[K]:
        reasons = tuple(
            rule.exclusion
            for rule, chosen in zip(self.rules, selected, strict=True)
            if candidate_id in chosen
        )
        return Candidate(id=candidate_id, reasons=reasons)


def _ordered(ids: list[K], head: list, ties: list[Mapping[K, float]], limit: int | None) -> list[K]:
    """The first `limit` of `ids` (all when None) by `head` (aligned with `ids`), then each tie-breaker
    (higher first), then the id."""
    # Key tuples built by zip over whole columns: far cheaper than a key function per candidate.
    keys = zip(head, *([-values.get(i, 0) for i in ids] for values in ties), ids, strict=True)
    chosen = sorted(keys) if limit is None or limit >= len(ids) else heapq.nsmallest(max(limit, 0), keys)
    return [key[-1] for key in chosen]
