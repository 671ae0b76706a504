"""Expert suggestions: every exclusion with its reason, the score's parts, the ranking and its tie-break."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advisory import matching
from advisory.models import AdvisoryRequest, Assignment
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    ExpertFactory,
    UnavailablePeriodFactory,
    country,
)

INVITED, ACCEPTED = Assignment.State.INVITED, Assignment.State.ACCEPTED
DECLINED, EXPIRED, COMPLETED = Assignment.State.DECLINED, Assignment.State.EXPIRED, Assignment.State.COMPLETED
RUNNING, WITHDRAWN = AdvisoryRequest.State.IN_PROGRESS, AdvisoryRequest.State.WITHDRAWN

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    return AdvisoryRequestFactory(
        state=AdvisoryRequest.State.ACCEPTED,
        organisation="Ministry of Economic Affairs",
        working_language="de",
        service_type="programme_development",
        desired_start=date(2027, 3, 1),
        desired_end=date(2027, 6, 30),
        areas=["programme-design", "internationalisation"],
    )


def by_expert(suggestions):
    return {s.expert_id: s for s in suggestions}


def test_every_exclusion_with_its_reason(request_):
    fine = ExpertFactory()
    inactive = ExpertFactory(active=False)
    busy = ExpertFactory(capacity=1)
    AssignmentFactory(expert=busy, state=ACCEPTED, request__state=RUNNING)
    away = ExpertFactory()
    UnavailablePeriodFactory(expert=away, start=date(2027, 6, 1), end=date(2027, 8, 31))
    colleague = ExpertFactory(employer="  ministry of   ECONOMIC affairs ")
    declined = ExpertFactory()
    AssignmentFactory(request=request_, expert=declined, state=DECLINED)
    expired = ExpertFactory()
    AssignmentFactory(request=request_, expert=expired, state=EXPIRED)
    on_it = ExpertFactory(capacity=5)
    AssignmentFactory(request=request_, expert=on_it, state=INVITED)

    found = by_expert(matching.suggest_experts(request_))

    assert not found[fine.pk].excluded and found[fine.pk].reasons == ()
    assert found[inactive.pk].reason_codes == (matching.INACTIVE,)
    assert found[busy.pk].reason_codes == (matching.AT_CAPACITY,)
    assert found[away.pk].reason_codes == (matching.UNAVAILABLE,)
    assert found[colleague.pk].reason_codes == (matching.SAME_EMPLOYER,)
    assert found[declined.pk].reason_codes == (matching.DECLINED_BEFORE,)
    assert found[expired.pk].reason_codes == (matching.DECLINED_BEFORE,)
    assert found[on_it.pk].reason_codes == (matching.ALREADY_ON_REQUEST,)
    assert (
        str(found[colleague.pk].reasons[0]) == "Works for the requesting organisation (conflict of interest)."
    )
    assert all(found[e.pk].score is None for e in (inactive, busy, away))


def test_a_required_certification_excludes_those_without_it(request_):
    request_.required_certification = "evaluator"
    request_.save()
    holder, other = ExpertFactory(certifications=["evaluator"]), ExpertFactory(certifications=["benchmarker"])
    found = by_expert(matching.suggest_experts(request_))
    assert not found[holder.pk].excluded
    assert found[holder.pk].parts_by_code["certification"].points == matching.CERTIFICATION_POINTS
    assert found[other.pk].reason_codes == (matching.MISSING_CERTIFICATION,)


def test_engagements_of_ended_requests_do_not_count_towards_capacity(request_):
    expert = ExpertFactory(capacity=1)
    AssignmentFactory(expert=expert, state=ACCEPTED, request__state=WITHDRAWN)
    AssignmentFactory(expert=expert, state=COMPLETED)
    suggestion = matching.explain(request_, expert)
    assert not suggestion.excluded
    assert suggestion.open_assignments == 0


def test_unavailability_outside_the_period_does_not_exclude(request_):
    expert = ExpertFactory()
    UnavailablePeriodFactory(expert=expert, start=date(2027, 7, 1), end=date(2027, 7, 31))
    assert not matching.explain(request_, expert).excluded


def test_the_score_and_its_parts(request_):
    expert = ExpertFactory(
        languages=["de", "en"],
        areas=["programme-design"],
        countries_known=["DE"],
        capacity=4,
    )
    AssignmentFactory(expert=expert, state=ACCEPTED, request__state=RUNNING)

    suggestion = matching.explain(request_, expert)

    parts = {part.code: part.points for part in suggestion.parts}
    assert parts == {
        "expertise": 20.0,
        "language": 25.0,
        "country": 15.0,
        "certification": 0.0,
        "capacity": 7.5,
    }
    assert suggestion.score == 67.5
    assert suggestion.parts_by_code["expertise"].detail == "1 of 2 areas"
    assert str(suggestion.parts_by_code["language"].label) == "Working language"
    assert sum(p.max_points for p in suggestion.parts) == 100


def test_the_home_country_counts_as_knowing_it(request_):
    expert = ExpertFactory(home_country=country("DE"))
    assert matching.explain(request_, expert).parts_by_code["country"].points == matching.COUNTRY_POINTS


def test_the_service_certification_scores_when_none_is_required():
    request = AdvisoryRequestFactory(service_type="benchmarking")
    benchmarker = ExpertFactory(certifications=["benchmarker"])
    assert matching.explain(request, benchmarker).parts_by_code["certification"].points == 10


def test_ranking_and_deterministic_tie_break(request_):
    best = ExpertFactory(languages=["de"], areas=["programme-design", "internationalisation"])
    tie_more_spare = ExpertFactory(languages=["de"], capacity=2)
    tie_less_spare = ExpertFactory(languages=["de"], capacity=2)
    AssignmentFactory(expert=tie_less_spare, state=INVITED)
    twin_a, twin_b = ExpertFactory(languages=["fr"]), ExpertFactory(languages=["fr"])
    excluded = ExpertFactory(
        active=False, languages=["de"], areas=["programme-design", "internationalisation"]
    )

    ranked = [s.expert_id for s in matching.suggest_experts(request_)]

    assert ranked[0] == best.pk
    assert ranked.index(tie_more_spare.pk) < ranked.index(tie_less_spare.pk)
    assert ranked.index(twin_a.pk) < ranked.index(twin_b.pk)
    assert ranked[-1] == excluded.pk


def test_limit_and_without_excluded(request_):
    experts = ExpertFactory.create_batch(4)
    ExpertFactory(active=False)
    assert len(matching.suggest_experts(request_, limit=2)) == 2
    assert {s.expert_id for s in matching.suggest_experts(request_, include_excluded=False)} == {
        e.pk for e in experts
    }
    assert all(s.expert is not None for s in matching.suggest_experts(request_))


def test_a_bounded_number_of_queries_whatever_the_number_of_experts(request_):
    ExpertFactory.create_batch(3, languages=["de"], areas=["programme-design"])
    with CaptureQueriesContext(connection) as few:
        matching.suggest_experts(request_)
    for expert in ExpertFactory.create_batch(25, languages=["de", "en"], areas=["internationalisation"]):
        AssignmentFactory(expert=expert, state=INVITED)
    with CaptureQueriesContext(connection) as many:
        suggestions = matching.suggest_experts(request_)
        [s.expert.home_country.code for s in suggestions]
    assert len(few) == len(many) <= 10


def test_explain_agrees_with_the_list(request_):
    experts = ExpertFactory.create_batch(3, languages=["de"])
    AssignmentFactory(request=request_, expert=experts[0], state=DECLINED)
    listed = by_expert(matching.suggest_experts(request_))
    for expert in experts:
        single = matching.explain(request_, expert)
        assert (single.excluded, single.reason_codes, single.score) == (
            listed[expert.pk].excluded,
            listed[expert.pk].reason_codes,
            listed[expert.pk].score,
        )


def test_normalise_name():
    assert matching.normalise_name("  Ministry  of\tECONOMY ") == "ministry of economy"
    assert matching.normalise_name(None) == ""


def test_the_bounded_ranking_gives_the_head_of_each_list_and_the_totals(request_):
    # Scores by hand: no country (home AT, request DE), no certification (the service calls for none).
    both_areas = ExpertFactory(
        languages=["de"], areas=["programme-design", "internationalisation"]
    )  # 40+25+10
    german = ExpertFactory(languages=["de"])  # 25 + 10
    french = ExpertFactory(languages=["fr"])  # 10
    inactive = ExpertFactory(active=False)
    said_no = ExpertFactory()
    AssignmentFactory(request=request_, expert=said_no, state=DECLINED)

    ranked = matching.rank_experts(request_, limit=2, excluded_limit=1)

    assert [(s.expert_id, s.score) for s in ranked.eligible] == [(both_areas.pk, 75.0), (german.pk, 35.0)]
    # A reason about this very request lists the expert first, though their id is higher.
    assert [s.expert_id for s in ranked.excluded] == [said_no.pk]
    assert (ranked.eligible_total, ranked.excluded_total) == (3, 2)
    assert all(s.expert is not None for s in ranked)
    assert [s.expert_id for s in matching.suggest_experts(request_, limit=4)] == [
        both_areas.pk,
        german.pk,
        french.pk,
        said_no.pk,
    ]
    assert [s.expert_id for s in matching.suggest_experts(request_)][-2:] == [said_no.pk, inactive.pk]


def test_every_reason_is_given_in_a_fixed_order(request_):
    expert = ExpertFactory(active=False, employer="Ministry of Economic Affairs")
    AssignmentFactory(request=request_, expert=expert, state=EXPIRED)
    suggestion = matching.explain(request_, expert)
    assert suggestion.reason_codes == (matching.INACTIVE, matching.SAME_EMPLOYER, matching.DECLINED_BEFORE)
    assert suggestion.parts == () and suggestion.score is None
