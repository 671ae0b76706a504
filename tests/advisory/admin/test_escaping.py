"""Free text from requesters, experts and coordinators is escaped in every admin view."""

import pytest
from django.urls import reverse

from advisory import services
from advisory.models import Deliverable
from tests.advisory.admin.conftest import S, detail_url, invitation_for, make_request
from tests.advisory.factories import AssignmentFactory, ExpertFactory, upload

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
JS_URL = "javascript:alert(3)"


def assert_escaped(html):
    assert SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'href="{JS_URL}' not in html and f'src="{JS_URL}' not in html


@pytest.fixture
def hostile(coordinator, expert_user):
    obj = make_request(
        S.IN_PROGRESS,
        owner=coordinator,
        organisation=f"{SCRIPT} Org",
        programme_name=f"{IMG} Programme",
        description=f"{SCRIPT}\n{JS_URL}\n[click]({JS_URL})",
        requester_name=f"{SCRIPT} Name",
        requester_phone=JS_URL,
        scope_summary=SCRIPT,
        hold_reason=SCRIPT,
    )
    assignment = invitation_for(expert_user, state="accepted", request=obj)
    assignment.conflict_statement = SCRIPT
    assignment.save(update_fields=["conflict_statement"])
    services.add_message(obj, actor=coordinator, body=f"{SCRIPT} note", visibility="internal")
    services.add_message(
        obj,
        actor=coordinator,
        body=f"{IMG} {JS_URL} shared",
        visibility="shared",
        files=[upload(f"{SCRIPT}.pdf")],
    )
    Deliverable.objects.create(
        request=obj,
        assignment=assignment,
        title=f"{SCRIPT} title",
        description=JS_URL,
        file=upload("r.pdf"),
        original_name=f"{IMG}.pdf",
        content_type="application/pdf",
        size=10,
        state="submitted",
    )
    return obj, assignment


def test_the_queue_escapes(login, coordinator, hostile):
    html = login(coordinator).get(reverse("advisory_requests:index"), {"q": SCRIPT}).content.decode()
    assert "&lt;script&gt;" in html and SCRIPT not in html
    html = login(coordinator).get(reverse("advisory_requests:index")).content.decode()
    assert_escaped(html)


def test_the_request_view_escapes(login, coordinator, hostile):
    obj, _assignment = hostile
    html = login(coordinator).get(detail_url(obj)).content.decode()
    assert_escaped(html)
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html


def test_the_suggestions_escape_expert_data(login, coordinator):
    obj = make_request(S.ACCEPTED, owner=coordinator)
    ExpertFactory(name=f"{SCRIPT} Expert", employer=IMG)
    ExpertFactory(name=f"{SCRIPT} Busy", capacity=0)
    assert_escaped(login(coordinator).get(detail_url(obj)).content.decode())


def test_the_transition_page_and_its_errors_escape(login, coordinator, hostile):
    obj, _assignment = hostile
    client = login(coordinator)
    html = client.get(reverse("advisory_requests:transition", args=[obj.pk, "hold"])).content.decode()
    assert SCRIPT not in html
    prefix = f"advisoryrequest-{obj.pk}-accept"
    screening = make_request(S.SCREENING, owner=coordinator, organisation=SCRIPT)
    prefix = f"advisoryrequest-{screening.pk}-accept"
    response = client.post(
        reverse("advisory_requests:transition", args=[screening.pk, "accept"]),
        {
            f"{prefix}-expected_state": "screening",
            f"{prefix}-service_type": SCRIPT,
            f"{prefix}-scope_summary": SCRIPT,
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert SCRIPT not in html and "&lt;script&gt;" in html


def test_the_expert_pages_escape(login, expert_user, hostile):
    obj, assignment = hostile
    client = login(expert_user)
    for url in (
        reverse("advisory_expert:assignment", args=[assignment.pk]),
        reverse("advisory_expert:engagements"),
    ):
        html = client.get(url).content.decode()
        assert SCRIPT not in html and "<img src=x" not in html, url
        assert f'href="{JS_URL}' not in html
    invitation = AssignmentFactory(
        expert=expert_user.expert_profile,
        request=make_request(S.ACCEPTED, organisation=SCRIPT, description=SCRIPT),
    )
    html = client.get(reverse("advisory_expert:invitations")).content.decode()
    assert SCRIPT not in html and "&lt;script&gt;" in html
    assert invitation.request.reference in html


def test_the_dashboard_escapes(login, coordinator, expert_user, hostile):
    obj, _assignment = hostile
    html = login(coordinator).get(reverse("wagtailadmin_home")).content.decode()
    assert SCRIPT not in html and "&lt;script&gt;" in html
    AssignmentFactory(
        expert=expert_user.expert_profile, request=make_request(S.ACCEPTED, programme_name=SCRIPT)
    )
    html = login(expert_user).get(reverse("wagtailadmin_home")).content.decode()
    assert SCRIPT not in html and "&lt;script&gt;" in html
