"""The generic explained ranking, on a made-up second use: reviewers for a paper.

Plain dicts, no database. Two rules (on leave; an author of the paper, which is about this very
case and so listed first), two criteria (shared topics, 35 points each up to 70; reads the paper's
language, 30) and one tie-breaker (free review slots, more first). Every expected value is worked
out by hand from the table below.
"""

from dataclasses import dataclass

import pytest

from workflows.ranking import Candidate, Criterion, Exclusion, Ranked, Ranking, Rule, ScorePart

# id: shared topics, reads the language, free slots, on leave, author
PEOPLE = {
    1: (1, True, 0, False, False),  # 35 + 30 = 65, no slot free
    2: (2, False, 1, False, False),  # 70 + 0 = 70
    3: (1, True, 2, False, False),  # 65, two slots
    4: (1, True, 2, False, False),  # 65, two slots: the id decides against 3
    5: (2, True, 0, False, True),  # author
    6: (0, False, 1, True, False),  # on leave
    7: (0, True, 3, True, True),  # on leave and author
    8: (0, False, 0, False, False),  # 0
}


@dataclass
class Facts:
    shared_topics: dict[int, int]
    readers: set[int]
    free_slots: dict[int, int]
    on_leave: set[int]
    authors: set[int]


def facts_of(people: dict) -> Facts:
    return Facts(
        shared_topics={pid: row[0] for pid, row in people.items() if row[0]},
        readers={pid for pid, row in people.items() if row[1]},
        free_slots={pid: row[2] for pid, row in people.items()},
        on_leave={pid for pid, row in people.items() if row[3]},
        authors={pid for pid, row in people.items() if row[4]},
    )


def reviewers(detail_calls: list | None = None) -> Ranking[int, Facts]:
    def topic_detail(pid: int, facts: Facts) -> str:
        if detail_calls is not None:
            detail_calls.append(pid)
        return f"{facts.shared_topics.get(pid, 0)} shared"

    return Ranking(
        rules=[
            Rule("on_leave", "On leave.", lambda f: f.on_leave),
            Rule("author", "An author of the paper.", lambda f: f.authors, listed_first=True),
        ],
        criteria=[
            Criterion(
                "topics",
                "Shared topics",
                70,
                lambda f: {pid: 35.0 * min(n, 2) for pid, n in f.shared_topics.items()},
                detail=topic_detail,
            ),
            Criterion("language", "Reads the language", 30, lambda f: dict.fromkeys(f.readers, 30.0)),
        ],
        tie_breakers=[lambda f: f.free_slots],
    )


@pytest.fixture
def facts() -> Facts:
    return facts_of(PEOPLE)


def test_the_eligible_best_first_ties_by_free_slots_then_id(facts):
    ranked = reviewers().rank(PEOPLE, facts)
    assert [(c.id, c.score) for c in ranked.eligible] == [
        (2, 70.0),
        (3, 65.0),
        (4, 65.0),
        (1, 65.0),
        (8, 0.0),
    ]
    assert (ranked.eligible_total, ranked.excluded_total) == (5, 3)


def test_the_order_does_not_depend_on_the_order_of_the_ids(facts):
    forwards = [c.id for c in reviewers().rank(sorted(PEOPLE), facts)]
    backwards = [c.id for c in reviewers().rank(sorted(PEOPLE, reverse=True), facts)]
    assert forwards == backwards == [2, 3, 4, 1, 8, 7, 5, 6]


def test_each_part_with_its_points_maximum_and_detail(facts):
    ranked = reviewers().rank(PEOPLE, facts)
    best = ranked.eligible[0]
    assert best.parts == (
        ScorePart("topics", "Shared topics", 70.0, 70, "2 shared"),
        ScorePart("language", "Reads the language", 0.0, 30, ""),
    )
    assert best.parts_by_code["topics"].points == 70.0
    assert not best.excluded and best.reasons == () and best.reason_codes == ()


def test_the_excluded_with_every_reason_in_the_rules_order(facts):
    ranked = reviewers().rank(PEOPLE, facts)
    # Authors (a reason about this paper) first, the one with more free slots before; then on leave.
    assert [(c.id, c.reason_codes) for c in ranked.excluded] == [
        (7, ("on_leave", "author")),
        (5, ("author",)),
        (6, ("on_leave",)),
    ]
    both = ranked.excluded[0]
    assert both.excluded and both.score is None and both.parts == ()
    assert both.reasons == (
        Exclusion("on_leave", "On leave."),
        Exclusion("author", "An author of the paper."),
    )
    assert [str(reason) for reason in both.reasons] == ["On leave.", "An author of the paper."]


def test_limits_cut_each_list_and_keep_the_totals(facts):
    ranked = reviewers().rank(PEOPLE, facts, limit=2, excluded_limit=1)
    assert [c.id for c in ranked.eligible] == [2, 3]
    assert [c.id for c in ranked.excluded] == [7]
    assert (ranked.eligible_total, ranked.excluded_total) == (5, 3)
    assert [c.id for c in ranked] == [2, 3, 7] and len(ranked) == 3

    none = reviewers().rank(PEOPLE, facts, limit=0, excluded_limit=0)
    assert (none.eligible, none.excluded, none.eligible_total, none.excluded_total) == ([], [], 5, 3)


def test_details_are_computed_only_for_the_candidates_returned(facts):
    calls: list[int] = []
    reviewers(calls).rank(PEOPLE, facts, limit=2, excluded_limit=0)
    assert calls == [2, 3]


def test_explain_one_candidate():
    one = {4: PEOPLE[4]}
    assert reviewers().explain(4, facts_of(one)) == Candidate(
        id=4,
        score=65.0,
        parts=(
            ScorePart("topics", "Shared topics", 35.0, 70, "1 shared"),
            ScorePart("language", "Reads the language", 30.0, 30, ""),
        ),
    )
    assert reviewers().explain(7, facts_of({7: PEOPLE[7]})).reason_codes == ("on_leave", "author")


def test_a_candidate_absent_from_every_fact_scores_nothing(facts):
    ranked = reviewers().rank([*PEOPLE, 99], facts)
    assert ranked.eligible[-1].id == 99 and ranked.eligible[-1].score == 0.0


def test_scores_keep_two_decimals():
    tenths = Ranking(
        rules=[],
        criteria=[
            Criterion("a", "A", 1, lambda f: {1: 0.1}),
            Criterion("b", "B", 1, lambda f: {1: 0.2}),
        ],
    )
    assert tenths.rank([1], None).eligible[0].score == 0.3


def test_codes_are_unique_and_listed():
    ranking = reviewers()
    assert list(ranking.exclusions) == ["on_leave", "author"]
    assert ranking.exclusions["author"].message == "An author of the paper."
    with pytest.raises(ValueError, match="share a code"):
        Ranking(rules=[Rule("x", "X", lambda f: set()), Rule("x", "Y", lambda f: set())], criteria=[])
    with pytest.raises(ValueError, match="share a code"):
        Ranking(rules=[], criteria=[Criterion("c", "C", 1, dict), Criterion("c", "D", 1, dict)])


def test_an_empty_ranking():
    assert reviewers().rank([], facts_of({})) == Ranked(
        eligible=[], excluded=[], eligible_total=0, excluded_total=0
    )
