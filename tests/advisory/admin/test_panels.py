"""Dashboard panels on the Wagtail home: "New requests in your countries", "My requests" and "Overdue"
for coordinators, "My invitations" for experts, nothing for editors; a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.advisory.admin.conftest import S, invitation_for, make_request
from tests.advisory.factories import AdvisoryRequestFactory, CoordinatorFactory, country
from workflows.engine import perform

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


def _panel(html, panel_id):
    """The HTML of one dashboard panel (a <section> whose id Wagtail ends in "-section")."""
    start = html.index(f'id="{panel_id}-section"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def test_a_new_request_is_on_the_dashboard_of_every_coordinator_covering_its_country(
    login, client, coordinator, other_coordinator, lead
):
    german = make_request(S.SUBMITTED, organisation="Neue Anfrage GmbH")
    french = make_request(S.SUBMITTED, country=country("FR"), organisation="Nouvelle demande SA")
    make_request(S.SCREENING, owner=lead, organisation="Already screened AG")
    second_german = type(coordinator).objects.get(pk=CoordinatorFactory(countries=["DE", "AT"]).pk)

    seen = {}
    for user in (coordinator, second_german, other_coordinator, lead):
        client.logout()
        html = login(user).get(HOME).content.decode()
        seen[user.pk] = _panel(html, "advisory-new-requests")
    for user in (coordinator, second_german):
        assert german.reference in seen[user.pk] and french.reference not in seen[user.pk]
    french_panel = seen[other_coordinator.pk]
    assert french.reference in french_panel and german.reference not in french_panel
    assert german.reference in seen[lead.pk] and french.reference in seen[lead.pk]
    assert all("Already screened AG" not in panel for panel in seen.values())
    assert "?state=submitted&amp;owner=none" in seen[coordinator.pk]


def test_the_new_requests_link_opens_the_queue_of_unowned_new_requests_of_my_countries(
    login, coordinator, other_coordinator
):
    german = make_request(S.SUBMITTED, organisation="Neue Anfrage GmbH")
    make_request(S.SUBMITTED, country=country("FR"), organisation="Nouvelle demande SA")
    make_request(S.SCREENING, owner=other_coordinator, organisation="Taken GmbH")
    response = login(coordinator).get(reverse("advisory_requests:index") + "?state=submitted&owner=none")
    html = response.content.decode()
    assert german.reference in html
    assert "Nouvelle demande SA" not in html and "Taken GmbH" not in html


def test_once_someone_screens_it_the_request_leaves_the_new_requests_panel(login, coordinator):
    german = make_request(S.SUBMITTED)
    client = login(coordinator)
    assert german.reference in _panel(client.get(HOME).content.decode(), "advisory-new-requests")
    perform(german, "screen", coordinator)
    panel = _panel(client.get(HOME).content.decode(), "advisory-new-requests")
    assert german.reference not in panel
    assert "No new request is waiting to be screened." in panel
