"""Expert suggestions for one request among 10,000 experts (`advisory.matching`).

Target: p95 under 100 ms on PostgreSQL with `limit=20`, and for what the admin's suggestions panel
asks (`rank_experts(limit=10, excluded_limit=25)`: the best ten, 25 excluded with their reasons,
and how many there are of each), in a number of queries that does not grow with the number of
experts. `limit=None` (every expert as a Suggestion) is measured for reference.
"""

import pytest

from advisory import matching

from .support import count_queries, record_percentiles

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def run(benchmark, data, rounds, function=matching.suggest_experts, **kwargs):
    queries, result = count_queries(function, data.request, **kwargs)
    benchmark.extra_info.update(experts=data.experts, queries=queries, **kwargs)
    benchmark.pedantic(
        function,
        args=(data.request,),
        kwargs=kwargs,
        rounds=rounds,
        iterations=1,
        warmup_rounds=3,
    )
    record_percentiles(benchmark)
    assert queries <= MAX_QUERIES
    return result


def test_suggestions_top_20(benchmark, matching_data):
    result = run(benchmark, matching_data, rounds=100, limit=20)
    assert len(result) == 20
    assert not result[0].excluded and result[0].expert is not None


def test_suggestions_panel(benchmark, matching_data):
    result = run(
        benchmark, matching_data, rounds=100, function=matching.rank_experts, limit=10, excluded_limit=25
    )
    assert (len(result.eligible), len(result.excluded)) == (10, 25)
    assert result.eligible_total + result.excluded_total == matching_data.experts


def test_suggestions_every_expert(benchmark, matching_data):
    result = run(benchmark, matching_data, rounds=20, limit=None)
    assert len(result) == matching_data.experts
    assert any(suggestion.excluded for suggestion in result)
