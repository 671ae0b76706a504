"""The coordinator queue over 100,000 requests (`advisory.selectors.queue`): first page, a deep page,
a filtered page. The number of queries must not depend on the page or the size of the table.

Measured for a lead coordinator (who sees every request: the largest queue) and, for reference, a
coordinator of six countries. The user object keeps its roles between calls, as within one HTTP
request; `queries_with_roles` counts a first call on a fresh user object (roles looked up too).
"""

import pytest
from django.contrib.auth import get_user_model

from advisory import selectors
from advisory.roles import user_roles

from .support import count_queries, record_percentiles

pytestmark = pytest.mark.django_db

ROUNDS = 30


def run(benchmark, data, user, filters=None, page=1):
    fresh = get_user_model().objects.get(pk=user.pk)
    queries_with_roles, _ = count_queries(selectors.queue, fresh, filters, page=page)
    user_roles(user)  # known from here on, as after the first check of an HTTP request
    queries, result = count_queries(selectors.queue, user, filters, page=page)
    benchmark.extra_info.update(
        requests=data.requests,
        page=page,
        filters=filters or {},
        queries=queries,
        queries_with_roles=queries_with_roles,
        total=result.total,
    )
    result = benchmark.pedantic(
        selectors.queue,
        args=(user, filters),
        kwargs={"page": page},
        rounds=ROUNDS,
        iterations=1,
        warmup_rounds=2,
    )
    record_percentiles(benchmark)
    return queries, result


@pytest.fixture(scope="module")
def query_counts():
    return {}


def test_queue_first_page(benchmark, queue_data, query_counts):
    queries, page = run(benchmark, queue_data, queue_data.lead)
    query_counts["first"] = queries
    assert page.total == queue_data.requests and len(page.items) == 50


def test_queue_page_500(benchmark, queue_data, query_counts):
    queries, page = run(benchmark, queue_data, queue_data.lead, page=500)
    expected = 500 if page.num_pages >= 500 else page.num_pages
    assert page.page == expected and page.items
    # Bounded: a deep page costs the same number of queries as the first.
    assert queries == query_counts.get("first", queries)


def test_queue_filtered_overdue_submissions(benchmark, queue_data):
    queries, page = run(benchmark, queue_data, queue_data.lead, {"state": "submitted", "overdue": True})
    assert page.items and all(item.state == "submitted" and item.is_overdue for item in page.items)


def test_queue_of_a_country_coordinator(benchmark, queue_data):
    queries, page = run(benchmark, queue_data, queue_data.coordinator)
    assert 0 < page.total < queue_data.requests
