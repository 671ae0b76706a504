"""Expert suggestions for one request among 10,000 experts (`advisory.matching.suggest_experts`).

Target: p95 under 100 ms on PostgreSQL with `limit=20`, in a number of queries that does not grow
with the number of experts. `limit=None` (every expert as a Suggestion) is measured for reference.
"""

import pytest

from advisory import matching

from .support import count_queries, record_percentiles

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def run(benchmark, data, limit, rounds):
    queries, result = count_queries(matching.suggest_experts, data.request, limit=limit)
    benchmark.extra_info.update(experts=data.experts, limit=limit, queries=queries)
    benchmark.pedantic(
        matching.suggest_experts,
        args=(data.request,),
        kwargs={"limit": limit},
        rounds=rounds,
        iterations=1,
        warmup_rounds=3,
    )
    record_percentiles(benchmark)
    assert queries <= MAX_QUERIES
    return result


def test_suggestions_top_20(benchmark, matching_data):
    result = run(benchmark, matching_data, limit=20, rounds=100)
    assert len(result) == 20
    assert not result[0].excluded and result[0].expert is not None


def test_suggestions_every_expert(benchmark, matching_data):
    result = run(benchmark, matching_data, limit=None, rounds=20)
    assert len(result) == matching_data.experts
    assert any(suggestion.excluded for suggestion in result)
