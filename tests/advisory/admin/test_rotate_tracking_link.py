"""The coordinator's "Send a new tracking link" on the request view (RotateTrackingLinkView)."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from advisory.models import AdvisoryRequest
from tests.advisory.admin.conftest import S, detail_url, make_request
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db


def rotate_url(obj):
    return reverse("advisory_requests:rotate_tracking_link", args=[obj.pk])


def test_a_coordinator_in_scope_sends_a_new_link(login, coordinator):
    obj = make_request(S.SCREENING)
    old = obj.issue_tracking_token()
    client = login(coordinator)
    assert "data-rotate-tracking-link" in client.get(detail_url(obj)).content.decode()

    response = client.post(rotate_url(obj))
    assert response.status_code == 302 and response["Location"].startswith(detail_url(obj))
    assert AdvisoryRequest.find_by_token(old) is None
    [message] = OutboxMessage.objects.filter(template="advisory/email/tracking_link_replaced")
    assert message.recipient == obj.requester_email
    assert AdvisoryRequest.find_by_token(message.payload["tracking_token"]) == obj
    entry = ModelLogEntry.objects.for_instance(obj).get(action="advisory.tracking_link_rotated")
    assert entry.user == coordinator


def test_a_coordinator_may_renew_an_expired_link(login, coordinator):
    obj = make_request(S.CLOSED, closed_at=timezone.now())
    old = obj.issue_tracking_token()
    with time_machine.travel(timezone.now() + timedelta(days=120)):
        assert AdvisoryRequest.find_by_token(old) is None
        client = login(coordinator)
        assert "expired" in client.get(detail_url(obj)).content.decode()
        assert client.post(rotate_url(obj)).status_code == 302
        [message] = OutboxMessage.objects.filter(template="advisory/email/tracking_link_replaced")
        assert AdvisoryRequest.find_by_token(message.payload["tracking_token"]) == obj


def test_a_coordinator_out_of_scope_is_refused(login, other_coordinator, caplog):
    obj = make_request(S.SCREENING)
    old = obj.issue_tracking_token()
    with caplog.at_level(logging.WARNING, logger="advisory.security"):
        response = login(other_coordinator).post(rotate_url(obj))
    assert response.status_code == 403
    assert "This does not exist, or you may not see it." in response.content.decode()
    assert any("advisory access refused" in record.getMessage() for record in caplog.records)
    assert AdvisoryRequest.find_by_token(old) == obj
    assert not OutboxMessage.objects.filter(template="advisory/email/tracking_link_replaced").exists()


@pytest.mark.parametrize("who", ["expert_user", "editor_user"])
def test_experts_and_editors_are_refused(login, request, who):
    obj = make_request(S.SCREENING)
    old = obj.issue_tracking_token()
    response = login(request.getfixturevalue(who)).post(rotate_url(obj))
    assert response.status_code == 403
    assert AdvisoryRequest.find_by_token(old) == obj


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    obj = make_request(S.SCREENING)
    old = obj.issue_tracking_token()
    response = client.post(rotate_url(obj))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert AdvisoryRequest.find_by_token(old) == obj


def test_rotating_needs_a_post_with_csrf(coordinator):
    obj = make_request(S.SCREENING)
    old = obj.issue_tracking_token()
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert client.post(rotate_url(obj)).status_code == 403
    assert client.get(rotate_url(obj)).status_code == 405
    assert AdvisoryRequest.find_by_token(old) == obj
