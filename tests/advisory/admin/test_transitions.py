"""Every request transition through the admin view, and how refusals are shown: a stale form, a
forbidden actor, an unavailable transition, missing input."""

import logging

import pytest
from wagtail.models import ModelLogEntry

from advisory.models import AdvisoryRequest
from tests.advisory.admin.conftest import (
    S,
    assignment_url,
    detail_url,
    make_request,
    messages_of,
    transition_url,
)
from tests.advisory.factories import AssignmentFactory, DeliverableFactory, country
from workflows.audit import ACTION as TRANSITION_ACTION
from workflows.engine import perform

pytestmark = pytest.mark.django_db


def post(client, obj, name, state=None, **fields):
    prefix = f"advisoryrequest-{obj.pk}-{name}"
    data = {f"{prefix}-expected_state": state or obj.state}
    data.update({f"{prefix}-{key}": value for key, value in fields.items()})
    return client.post(transition_url(obj, name), data, follow=True)


def audit_count(obj):
    return ModelLogEntry.objects.for_instance(obj).filter(action=TRANSITION_ACTION).count()


def reload(obj):
    return AdvisoryRequest.objects.get(pk=obj.pk)


def test_screen_makes_the_coordinator_the_owner(login, coordinator):
    obj = make_request(S.SUBMITTED)
    response = post(login(coordinator), obj, "screen")
    assert response.redirect_chain[-1][0] == detail_url(obj)
    assert reload(obj).state == S.SCREENING and reload(obj).owner == coordinator
    assert any("Start screening: done" in message for message in messages_of(response))


def test_ask_info_sends_the_question(login, coordinator):
    obj = make_request(S.SCREENING, owner=coordinator)
    post(login(coordinator), obj, "ask_info", comment="Which regions take part?")
    obj = reload(obj)
    assert obj.state == S.AWAITING_INFO
    assert obj.messages.get().body == "Which regions take part?"


def test_accept_asks_for_service_type_and_scope_summary(login, coordinator):
    obj = make_request(S.SCREENING, owner=coordinator)
    client = login(coordinator)
    page = client.get(transition_url(obj, "accept"))
    assert page.status_code == 200
    assert set(page.context["form"].fields) == {"expected_state", "service_type", "scope_summary"}
    response = post(client, obj, "accept")
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"service_type", "scope_summary"}
    assert reload(obj).state == S.SCREENING and audit_count(obj) == 0
    post(client, obj, "accept", service_type="benchmarking", scope_summary="A benchmark of 12 clusters")
    obj = reload(obj)
    assert (obj.state, obj.service_type, obj.scope_summary) == (
        S.ACCEPTED,
        "benchmarking",
        "A benchmark of 12 clusters",
    )


def test_decline_needs_a_reason(login, coordinator):
    obj = make_request(S.SCREENING, owner=coordinator)
    client = login(coordinator)
    response = post(client, obj, "decline", comment="   ")
    assert response.status_code == 400 and "comment" in response.context["form"].errors
    assert reload(obj).state == S.SCREENING
    post(client, obj, "decline", comment="Outside the network's remit")
    obj = reload(obj)
    assert obj.state == S.DECLINED and obj.decline_reason == "Outside the network's remit"


def test_propose_team_after_an_accepted_lead(login, coordinator):
    obj = make_request(S.ACCEPTED, owner=coordinator)
    client = login(coordinator)
    response = post(client, obj, "propose_team")
    assert reload(obj).state == S.ACCEPTED
    assert any("lead expert" in message for message in messages_of(response))
    AssignmentFactory(request=obj, role="lead", state="accepted")
    post(client, obj, "propose_team")
    assert reload(obj).state == S.TEAM_PROPOSED


def test_hold_and_resume(login, coordinator):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    client = login(coordinator)
    post(client, obj, "hold", comment="Waiting for the ministry's budget")
    assert reload(obj).state == S.ON_HOLD and reload(obj).hold_reason == "Waiting for the ministry's budget"
    post(client, obj, "resume", state=S.ON_HOLD, comment="Budget confirmed")
    assert reload(obj).state == S.IN_PROGRESS


def test_deliver_after_an_approved_deliverable_then_close(login, coordinator):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    client = login(coordinator)
    deliverable = DeliverableFactory(assignment__request=obj, state="submitted")
    post(client, obj, "deliver")
    assert reload(obj).state == S.IN_PROGRESS
    deliverable.delete()
    DeliverableFactory(assignment__request=obj, state="approved")
    post(client, obj, "deliver")
    assert reload(obj).state == S.DELIVERED
    post(client, obj, "close", state=S.DELIVERED)
    assert reload(obj).state == S.CLOSED


def test_withdraw_on_behalf_of_the_requester(login, coordinator):
    obj = make_request(S.AWAITING_INFO, owner=coordinator)
    post(login(coordinator), obj, "withdraw", comment="The requester called to withdraw")
    assert reload(obj).state == S.WITHDRAWN


def test_each_performed_transition_writes_one_audit_entry(login, coordinator):
    obj = make_request(S.SUBMITTED)
    client = login(coordinator)
    post(client, obj, "screen")
    post(client, reload(obj), "ask_info", comment="Budget?")
    assert audit_count(obj) == 2


# Refusals -------------------------------------------------------------------------------------


def test_a_stale_form_changes_nothing_and_says_so(login, coordinator, lead):
    obj = make_request(S.SUBMITTED)
    perform(obj, "screen", lead)  # someone else screened it after the page was loaded
    response = post(login(coordinator), obj, "screen", state=S.SUBMITTED)
    assert any("changed since you loaded it" in message for message in messages_of(response))
    obj = reload(obj)
    assert obj.state == S.SCREENING and obj.owner == lead
    assert audit_count(obj) == 1


def test_two_coordinators_pressing_accept_on_the_same_page_one_wins(login, coordinator, lead):
    obj = make_request(S.SCREENING, owner=coordinator)
    first = post(login(lead), obj, "accept", service_type="training", scope_summary="Lead's scope")
    second = post(
        login(coordinator), obj, "accept", service_type="benchmarking", scope_summary="Owner's scope"
    )
    assert any("done" in message for message in messages_of(first))
    assert any("changed since you loaded it" in message for message in messages_of(second))
    obj = reload(obj)
    assert (obj.state, obj.scope_summary) == (S.ACCEPTED, "Lead's scope")
    assert audit_count(obj) == 1


def test_a_forbidden_transition_is_a_logged_403(login, coordinator, lead, caplog):
    obj = make_request(S.SCREENING, owner=lead)
    with caplog.at_level(logging.WARNING, logger="advisory.security"):
        response = login(coordinator).post(
            transition_url(obj, "decline"),
            {
                f"advisoryrequest-{obj.pk}-decline-expected_state": "screening",
                f"advisoryrequest-{obj.pk}-decline-comment": "x",
            },
        )
    assert response.status_code == 403
    assert "You are not allowed" in response.content.decode()
    assert any(record.name == "advisory.security" for record in caplog.records)
    assert reload(obj).state == S.SCREENING and audit_count(obj) == 0


def test_an_unavailable_transition_is_explained(login, coordinator):
    obj = make_request(S.SUBMITTED, owner=coordinator)
    response = post(login(coordinator), obj, "hold", comment="x")
    assert any("not possible while" in message for message in messages_of(response))
    assert reload(obj).state == S.SUBMITTED


def test_the_form_page_of_an_unavailable_transition_sends_back_with_a_message(login, coordinator):
    obj = make_request(S.SUBMITTED, owner=coordinator)
    response = login(coordinator).get(transition_url(obj, "close"), follow=True)
    assert response.redirect_chain[-1][0] == detail_url(obj)
    assert any("not possible for you right now" in message for message in messages_of(response))


def test_unknown_system_and_requester_transitions_are_refused(login, coordinator):
    obj = make_request(S.DELIVERED, owner=coordinator)
    client = login(coordinator)
    assert client.get(transition_url(obj, "nonsense")).status_code == 403
    assert post(client, obj, "approve_team").status_code == 403
    assignment = AssignmentFactory(request=obj, state="invited")
    assert client.post(assignment_url(assignment, "expire"), {}).status_code == 403
    assert reload(obj).state == S.DELIVERED and assignment.state == "invited"


def test_a_post_without_the_expected_state_is_refused(login, coordinator):
    obj = make_request(S.SUBMITTED)
    response = login(coordinator).post(transition_url(obj, "screen"), {}, follow=True)
    assert any("Reload the page" in message for message in messages_of(response))
    assert reload(obj).state == S.SUBMITTED


@pytest.mark.parametrize(
    "name", ["screen", "ask_info", "accept", "decline", "hold", "resume", "deliver", "close", "withdraw"]
)
def test_no_transition_post_reaches_a_request_out_of_scope(login, other_coordinator, name):
    obj = make_request(S.SCREENING, country=country("DE"))
    response = post(
        login(other_coordinator), obj, name, comment="x", service_type="training", scope_summary="x"
    )
    assert response.status_code == 403
    assert reload(obj).state == S.SCREENING and audit_count(obj) == 0
