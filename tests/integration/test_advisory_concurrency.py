"""Advisory requests under concurrency: two connections at once on a database that locks rows (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection, connections
from django_fsm.signals import pre_transition
from wagtail.models import ModelLogEntry

from advisory.models import AdvisoryRequest, ReferenceCounter
from tests.advisory.factories import AdvisoryRequestFactory, CoordinatorFactory, requester
from workflows.engine import perform
from workflows.exceptions import StaleTransition

pytestmark = [
    pytest.mark.integration,
    # CI (REQUIRE_INTEGRATION=1) fails instead of skipping when PostgreSQL is missing.
    pytest.mark.services("postgresql"),
    # Transactional tests empty the tables between them; bring back the migrations' data (countries, groups).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs row locks and two connections (PostgreSQL)"
    ),
]


def run_together(functions):
    """Start the functions in threads (one database connection each) at the same moment."""
    barrier = threading.Barrier(len(functions))
    outcomes = [None] * len(functions)

    def run(index, function):
        try:
            barrier.wait()
            outcomes[index] = ("ok", function())
        except Exception as error:  # noqa: BLE001 - the test inspects what happened
            outcomes[index] = ("error", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_requests_submitted_at_the_same_instant_get_different_references():
    requests = [AdvisoryRequestFactory(state=AdvisoryRequest.State.NEW) for _ in range(6)]

    def submit(request):
        return lambda: perform(request, "submit", requester(request)).obj.reference

    outcomes = run_together([submit(request) for request in requests])

    assert [kind for kind, _value in outcomes] == ["ok"] * 6
    references = [value for _kind, value in outcomes]
    assert len(set(references)) == 6
    year = references[0][4:8]
    assert sorted(int(r.rsplit("-", 1)[1]) for r in references) == list(range(1, 7))
    assert ReferenceCounter.objects.get(year=int(year)).last == 6


def test_many_references_drawn_in_parallel_never_repeat():
    outcomes = run_together(
        [lambda: [ReferenceCounter.next_reference(2031) for _ in range(20)] for _ in range(4)]
    )
    drawn = [reference for _kind, batch in outcomes for reference in batch]
    assert len(drawn) == len(set(drawn)) == 80


def test_two_coordinators_accepting_at_once_exactly_one_wins():
    first, second = CoordinatorFactory(countries=["DE"]), CoordinatorFactory(countries=["DE"], lead=True)
    request = AdvisoryRequestFactory(state=AdvisoryRequest.State.SCREENING, owner=first)
    copies = [AdvisoryRequest.objects.get(pk=request.pk) for _ in range(2)]
    data = {"service_type": "training", "scope_summary": "Train the cluster managers."}

    def hold_the_lock_a_while(sender, instance, **kwargs):
        time.sleep(0.3)

    pre_transition.connect(hold_the_lock_a_while, sender=AdvisoryRequest)
    try:
        outcomes = run_together(
            [
                lambda c=copy, u=user: perform(c, "accept", u, data=data)
                for copy, user in zip(copies, (first, second), strict=True)
            ]
        )
    finally:
        pre_transition.disconnect(hold_the_lock_a_while, sender=AdvisoryRequest)

    kinds = sorted(kind for kind, _value in outcomes)
    assert kinds == ["error", "ok"]
    [error] = [value for kind, value in outcomes if kind == "error"]
    assert isinstance(error, StaleTransition)
    assert "Reload it and try again" in str(error)
    request.refresh_from_db()
    assert request.state == AdvisoryRequest.State.ACCEPTED
    entries = ModelLogEntry.objects.for_instance(request).filter(action="workflows.transition")
    assert entries.count() == 1
