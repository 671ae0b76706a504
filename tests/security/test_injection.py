"""Stored XSS and formula injection in every free-text field, through every place that shows it.

Each payload goes into every free-text field a requester or a staff member can fill in (the request
form, the tracking page's answer, objection, withdrawal and feedback, a coordinator's message and
decline reason, an expert's message and deliverable), through the real forms. It is then read back
through the coordinator's queue and request view, the expert's view, the tracking page, every e-mail
(HTML and text parts) and the queue's CSV and XLSX exports.
"""

import csv
import io
import re

import openpyxl
import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from advisory import services
from advisory.choices import AssignmentRole
from advisory.models import AdvisoryRequest
from tests.advisory.factories import CoordinatorFactory, ExpertUserFactory, upload
from tests.advisory.public.conftest import form_data, open_link, track_url
from tests.security.conftest import client_for
from workflows.delivery import deliver
from workflows.engine import perform
from workflows.mail import render
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "img": '"><img src=x onerror=alert(1)>',
    "javascript": "javascript:alert(1)",
    "hyperlink": '=HYPERLINK("http://evil","x")',
    "dde": "+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)",
    "minus": "-2+3+cmd|' /C calc'!A0",
}
LIVE_HTML = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img[^>]*onerror", re.I),
    re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I),
]
FORMULA_START = ("=", "+", "-", "@")


def assert_no_live_markup(html, where):
    for pattern in LIVE_HTML:
        assert not pattern.search(html), (where, pattern.pattern)


def staff_post(client, url, data):
    response = client.post(url, data)
    assert response.status_code in (302, 303), (url, response.status_code)
    return response


def staff_transition(client, obj, name, state, **fields):
    """A coordinator's transition through the request view's form (its fields are prefixed)."""
    prefix = f"advisoryrequest-{obj.pk}-{name}"
    data = {f"{prefix}-expected_state": state}
    data.update({f"{prefix}-{field}": value for field, value in fields.items()})
    staff_post(client, reverse("advisory_requests:transition", args=[obj.pk, name]), data)


def requester_action(client, page, action, state, **fields):
    data = {"action": action, f"{action}-state": state}
    data.update({f"{action}-{name}": value for name, value in fields.items()})
    response = client.post(track_url(page), data)
    assert response.status_code in (302, 303), (
        action,
        response.status_code,
        [str(m) for m in response.context["messages"]] if response.context else None,
    )


def receipt_token(reference):
    """The tracking token as the receipt e-mail carries it (before delivery strips it)."""
    for message in OutboxMessage.objects.all():
        if message.payload.get("tracking_token") and message.payload.get("reference") == reference:
            return message.payload["tracking_token"]
    for message in OutboxMessage.objects.all():
        if message.payload.get("tracking_token"):
            return message.payload["tracking_token"]
    raise AssertionError("no receipt carries a tracking token")


@pytest.fixture(params=list(PAYLOADS), ids=list(PAYLOADS))
def injected(request, client, form_page):
    """Three requests carrying one payload everywhere: one engaged and closed, one declined, one withdrawn."""
    payload = PAYLOADS[request.param]
    owner = CoordinatorFactory(countries=["DE"], first_name="Cora", last_name="Ordinator")
    staff = client_for(owner)
    texts = {
        "requester_name": payload,
        "organisation": payload,
        "programme_name": payload,
        "description": payload,
    }
    requests = []
    for _ in range(3):
        response = client.post(form_page.url, form_data(**texts))
        assert response.status_code == 303, response.context["form"].errors if response.context else None
        requests.append(AdvisoryRequest.objects.latest("pk"))
    engaged, declined, withdrawn = requests
    tokens = {}
    for obj in requests:
        tokens[obj.pk] = next(
            m.payload["tracking_token"]
            for m in OutboxMessage.objects.filter(object_id=str(obj.pk))
            if m.payload.get("tracking_token")
        )
        perform(AdvisoryRequest.objects.get(pk=obj.pk), "screen", owner)

    # Declined, with the payload as the reason.
    staff_transition(staff, declined, "decline", "screening", comment=payload)
    declined.refresh_from_db()
    assert declined.state == "declined"
    # Withdrawn by the requester, with the payload as the reason.
    open_link(client, form_page, tokens[withdrawn.pk])
    requester_action(client, form_page, "withdraw", "screening", comment=payload)

    # The engaged one: question, answer, messages both ways, objection, deliverable, feedback.
    open_link(client, form_page, tokens[engaged.pk])
    staff_transition(staff, engaged, "ask_info", "screening", comment=payload)
    assert AdvisoryRequest.objects.get(pk=engaged.pk).state == "awaiting_info"
    requester_action(client, form_page, "provide_info", "awaiting_info", comment=payload)
    staff_post(
        staff,
        reverse("advisory_requests:message", args=[engaged.pk]),
        {"body": payload, "visibility": "shared"},
    )
    perform(
        AdvisoryRequest.objects.get(pk=engaged.pk),
        "accept",
        owner,
        data={"service_type": "programme_development", "scope_summary": payload},
    )
    expert_user = ExpertUserFactory(first_name="Erika", last_name="Expertin")

    assignment = services.invite_expert(
        AdvisoryRequest.objects.get(pk=engaged.pk),
        expert_user.expert_profile,
        role=AssignmentRole.LEAD,
        actor=owner,
    )
    perform(assignment, "accept", expert_user, data={"no_conflict": True})
    expert = client_for(expert_user)
    staff_post(
        expert,
        reverse("advisory_expert:message", args=[assignment.pk]),
        {"body": payload, "visibility": "shared"},
    )
    perform(AdvisoryRequest.objects.get(pk=engaged.pk), "propose_team", owner)
    requester_action(client, form_page, "object_team", "team_proposed", comment=payload)
    perform(AdvisoryRequest.objects.get(pk=engaged.pk), "propose_team", owner)
    requester_action(client, form_page, "approve_team", "team_proposed")
    staff_post(
        expert,
        reverse("advisory_expert:upload", args=[assignment.pk]),
        {"title": payload, "description": payload, "file": upload("report.pdf")},
    )
    deliverable = assignment.deliverables.get()
    perform(deliverable, "approve", owner)
    perform(AdvisoryRequest.objects.get(pk=engaged.pk), "deliver", owner)
    perform(AdvisoryRequest.objects.get(pk=engaged.pk), "close", owner)
    requester_action(client, form_page, "feedback", "closed", score="4", comment=payload)
    for obj in requests:
        obj.refresh_from_db()
    assert [obj.state for obj in requests] == ["closed", "declined", "withdrawn"]
    return {
        "payload": payload,
        "requests": requests,
        "owner": staff,
        "expert": expert,
        "assignment": assignment,
        "requester": client,
        "page": form_page,
    }


def test_stored_payloads_are_inert_in_the_coordinators_queue_and_request_views(injected):
    staff = injected["owner"]
    pages = [reverse("advisory_requests:index")] + [
        reverse("advisory_requests:detail", args=[obj.pk]) for obj in injected["requests"]
    ]
    for url in pages:
        response = staff.get(url)
        assert response.status_code == 200
        assert_no_live_markup(response.content.decode(), url)
    # The payload did arrive (escaped): the test would prove nothing if a validator had eaten it.
    detail = staff.get(pages[1]).content.decode()
    assert escape(injected["payload"]) in detail


def test_stored_payloads_are_inert_in_the_experts_views(injected):
    expert = injected["expert"]
    for url in (
        reverse("advisory_expert:invitations"),
        reverse("advisory_expert:engagements"),
        reverse("advisory_expert:assignment", args=[injected["assignment"].pk]),
    ):
        response = expert.get(url)
        assert response.status_code == 200
        assert_no_live_markup(response.content.decode(), url)


def test_stored_payloads_are_inert_on_the_tracking_page(injected):
    response = injected["requester"].get(track_url(injected["page"]))
    assert response.status_code == 200
    assert_no_live_markup(response.content.decode(), "tracking page")


def test_stored_payloads_are_inert_in_every_email(injected):
    payload = injected["payload"]
    rows = list(OutboxMessage.objects.all())
    assert len(rows) > 10
    for row in rows:
        subject, text, html = render(row)
        # A subject is a plain-text header: what matters is that no line break can add headers.
        assert "\n" not in subject and "\r" not in subject
        if html:
            assert_no_live_markup(html, row.template)
        for line in text.splitlines():
            if payload in line:
                stripped = line.strip()
                if stripped == f"Dear {payload},":
                    # The salutation of the requester's own mail: their name, on one line of its own.
                    assert row.recipient == "maria@ministry.example", row.template
                    continue
                # Quoted line by line ("> ") or inline between quotation marks: it cannot pose as ours.
                assert stripped.startswith(">") or re.search(
                    r"[“\"«„]" + re.escape(payload) + r"[”\"»“]", stripped
                ), (row.template, line)
    # And as they leave: the sent messages' HTML alternative.
    for row in rows:
        deliver(row.pk)
    assert mail.outbox
    for message in mail.outbox:
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                assert_no_live_markup(content, message.subject)


def cells_of_csv(content):
    return [cell for row in csv.reader(io.StringIO(content)) for cell in row]


def test_no_csv_cell_of_the_queue_export_runs_as_a_formula(injected):
    response = injected["owner"].get(reverse("advisory_requests:index") + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    cells = cells_of_csv(content)
    assert any(injected["payload"] in cell for cell in cells)
    for cell in cells:
        assert not cell.startswith(FORMULA_START), cell


def test_no_xlsx_cell_of_the_queue_export_is_a_formula(injected):
    response = injected["owner"].get(reverse("advisory_requests:index") + "?export=xlsx")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = []
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
            values.append(cell.value)
    assert injected["payload"] in values
