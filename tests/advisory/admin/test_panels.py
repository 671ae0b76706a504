"""Dashboard panels on the Wagtail home: "My requests" and "Overdue" for coordinators, "My invitations"
for experts, nothing for editors; a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.advisory.admin.conftest import S, invitation_for, make_request
from tests.advisory.factories import AdvisoryRequestFactory, country

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def panel_names(response):
    return [getattr(panel, "name", "") for panel in response.context["panels"]]


def test_a_coordinator_sees_their_open_requests_and_the_overdue_ones(login, coordinator, lead):
    past = timezone.now() - timedelta(hours=3)
    mine = make_request(S.SCREENING, owner=coordinator, organisation="Mine GmbH")
    make_request(S.CLOSED, owner=coordinator, organisation="Closed GmbH")
    overdue = make_request(S.SUBMITTED, sla_due_at=past, organisation="Late GmbH")
    make_request(S.SUBMITTED, sla_due_at=past, country=country("FR"), organisation="French Late")
    make_request(S.SCREENING, owner=lead, organisation="Lead's own")
    response = login(coordinator).get(HOME)
    assert {"advisory_my_requests", "advisory_overdue"} <= set(panel_names(response))
    html = response.content.decode()
    my_panel = html[html.index('id="advisory-my-requests') : html.index('id="advisory-overdue')]
    assert mine.reference in my_panel and "Closed GmbH" not in my_panel and "Lead's own" not in my_panel
    overdue_panel = html[html.index('id="advisory-overdue') :]
    assert overdue.reference in overdue_panel and "French Late" not in overdue_panel
    assert "?owner=me" in my_panel and "?overdue=1" in overdue_panel


def test_an_expert_sees_their_invitations(login, expert_user):
    invitation = invitation_for(expert_user)
    response = login(expert_user).get(HOME)
    assert panel_names(response).count("advisory_my_invitations") == 1
    assert "advisory_overdue" not in panel_names(response)
    html = response.content.decode()
    assert invitation.request.reference in html
    assert reverse("advisory_expert:assignment", args=[invitation.pk]) in html


def test_editors_get_no_advisory_panel(login, editor_user):
    make_request(S.SUBMITTED, sla_due_at=timezone.now() - timedelta(days=1))
    response = login(editor_user).get(HOME)
    assert not [name for name in panel_names(response) if name.startswith("advisory_")]


def test_the_panels_run_a_fixed_number_of_queries(login, coordinator):
    past = timezone.now() - timedelta(hours=3)
    client = login(coordinator)
    AdvisoryRequestFactory.create_batch(3, state=S.SCREENING, owner=coordinator, sla_due_at=past)
    client.get(HOME)
    with CaptureQueriesContext(connection) as few:
        client.get(HOME)
    AdvisoryRequestFactory.create_batch(30, state=S.SCREENING, owner=coordinator, sla_due_at=past)
    with CaptureQueriesContext(connection) as many:
        response = client.get(HOME)
    print(f"dashboard queries: {len(few)} with 3 requests, {len(many)} with 33")
    assert len(few) + 2 >= len(many)  # only the "see all n" counts appear once a panel is full
    assert "See all 33 in the queue" in response.content.decode()
