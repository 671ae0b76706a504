"""Scoping selectors: who sees which requests, the coordinator queue, the expert's assignments."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advisory import selectors
from advisory.choices import Visibility
from advisory.models import AdvisoryRequest, Assignment, Message
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    DeliverableFactory,
    ExpertUserFactory,
    SuperUserFactory,
    country,
    editor,
    requester,
)

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State


@pytest.fixture
def requests_by_country():
    return {
        code: AdvisoryRequestFactory(country=country(code), organisation=f"Agency {code}")
        for code in ("DE", "FR", "PL")
    }


def visible(user):
    return set(selectors.requests_visible_to(user).values_list("organisation", flat=True))


def test_a_coordinator_sees_their_countries_only(requests_by_country):
    assert visible(CoordinatorFactory(countries=["DE", "PL"])) == {"Agency DE", "Agency PL"}
    assert visible(CoordinatorFactory(countries=[])) == set()


def test_an_owner_keeps_seeing_a_request_outside_their_countries(requests_by_country, coordinator):
    french = requests_by_country["FR"]
    french.owner = coordinator
    french.save(update_fields=["owner"])
    assert visible(coordinator) == {"Agency DE", "Agency FR"}


def test_leads_and_superusers_see_all(requests_by_country, lead):
    everything = {"Agency DE", "Agency FR", "Agency PL"}
    assert visible(lead) == everything
    assert visible(SuperUserFactory()) == everything


def test_experts_see_only_the_requests_they_are_on(requests_by_country):
    user = ExpertUserFactory()
    AssignmentFactory(request=requests_by_country["FR"], expert=user.expert_profile, state="invited")
    AssignmentFactory(request=requests_by_country["PL"], expert=user.expert_profile, state="declined")
    assert visible(user) == {"Agency FR"}


def test_editors_and_strangers_see_nothing(requests_by_country):
    assert visible(editor()) == set()
    assert visible(AnonymousUser()) == set()


def test_unsubmitted_requests_are_never_listed(lead):
    AdvisoryRequestFactory(state=S.NEW)
    assert not selectors.requests_visible_to(lead).exists()


def test_the_queue_counts_per_state_filters_and_pages(coordinator):
    now = timezone.now()
    AdvisoryRequestFactory.create_batch(3, state=S.SUBMITTED, sla_due_at=now + timedelta(days=1))
    late = AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator, sla_due_at=now - timedelta(hours=1))
    AdvisoryRequestFactory(state=S.ACCEPTED, service_type="training")
    AdvisoryRequestFactory(country=country("FR"))  # out of scope

    page = selectors.queue(coordinator, {}, per_page=2)
    assert page.counts == {"submitted": 3, "screening": 1, "accepted": 1}
    assert (page.total, page.num_pages, len(page.items), page.overdue_count) == (5, 3, 2, 1)
    assert page.items[0] == late  # the most urgent first

    assert [r.pk for r in selectors.queue(coordinator, {"overdue": "1"}).items] == [late.pk]
    assert selectors.queue(coordinator, {"state": "submitted"}).total == 3
    assert selectors.queue(coordinator, {"state": "submitted"}).counts["screening"] == 1
    assert selectors.queue(coordinator, {"owner": "me"}).total == 1
    assert selectors.queue(coordinator, {"owner": "none"}).total == 4
    assert selectors.queue(coordinator, {"service_type": "training"}).total == 1
    assert selectors.queue(coordinator, {"country": "DE"}).total == 5
    assert selectors.queue(coordinator, {"country": "FR"}).total == 0
    assert selectors.queue(coordinator, {"search": late.reference}).items == [late]


def test_the_queue_runs_a_bounded_number_of_queries(coordinator):
    AdvisoryRequestFactory.create_batch(5, areas=["programme-design", "internationalisation"])
    selectors.queue(coordinator)  # warm the role cache
    with CaptureQueriesContext(connection) as small:
        selectors.queue(coordinator)
    AdvisoryRequestFactory.create_batch(30, areas=["programme-design"])
    with CaptureQueriesContext(connection) as large:
        page = selectors.queue(coordinator)
        [list(r.expertise_areas.all()) for r in page.items]
        [(r.country.code, r.owner) for r in page.items]
    assert len(large) == len(small) <= 6


def test_the_queue_is_empty_for_those_without_one(requests_by_country):
    expert = ExpertUserFactory()
    AssignmentFactory(request=requests_by_country["DE"], expert=expert.expert_profile)
    assert selectors.queue(expert).items == []
    assert not selectors.export_rows(expert).exists()


def test_export_rows_follow_the_scope_and_filters(coordinator, requests_by_country):
    assert [r.organisation for r in selectors.export_rows(coordinator)] == ["Agency DE"]


def test_assignments_for_expert(expert_user):
    mine = AssignmentFactory(expert=expert_user.expert_profile, state="invited")
    accepted = AssignmentFactory(expert=expert_user.expert_profile, state="accepted")
    AssignmentFactory()  # someone else's
    assert set(selectors.assignments_for_expert(expert_user)) == {mine, accepted}
    assert list(selectors.invitations_for_expert(expert_user)) == [mine]
    assert list(selectors.engagements_for_expert(expert_user)) == [accepted]
    assert not selectors.assignments_for_expert(CoordinatorFactory()).exists()


def test_the_thread_as_each_reader_sees_it(coordinator, expert_user):
    request = AdvisoryRequestFactory()
    AssignmentFactory(request=request, expert=expert_user.expert_profile, state="accepted")
    note = Message.objects.create(
        request=request, author_kind="coordinator", body="n", visibility=Visibility.INTERNAL
    )
    shared = Message.objects.create(
        request=request, author_kind="coordinator", body="s", visibility=Visibility.SHARED
    )
    assert set(selectors.messages_visible_to(coordinator, request)) == {note, shared}
    assert list(selectors.messages_visible_to(expert_user, request)) == [shared]
    assert list(selectors.messages_visible_to(requester(request), request)) == [shared]
    assert not selectors.messages_visible_to(None, request).exists()


def test_the_requester_sees_approved_deliverables_only():
    assignment = AssignmentFactory(state=Assignment.State.ACCEPTED)
    DeliverableFactory(assignment=assignment, state="submitted")
    approved = DeliverableFactory(assignment=assignment, state="approved")
    request = assignment.request
    assert list(selectors.deliverables_visible_to(requester(request), request)) == [approved]


def test_unowned_requests_are_the_new_ones_nobody_took_in_the_coordinators_countries(
    coordinator, other_coordinator, lead, expert_user
):
    german = AdvisoryRequestFactory(state=S.SUBMITTED)
    french = AdvisoryRequestFactory(state=S.SUBMITTED, country=country("FR"))
    AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator)
    AdvisoryRequestFactory(state=S.NEW, reference=None)
    assert list(selectors.unowned_requests(coordinator)) == [german]
    assert list(selectors.unowned_requests(other_coordinator)) == [french]
    assert set(selectors.unowned_requests(lead)) == {german, french}
    assert not selectors.unowned_requests(expert_user).exists()
    assert not selectors.unowned_requests(editor()).exists()
    assert not selectors.unowned_requests(AnonymousUser()).exists()
