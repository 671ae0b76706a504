"""A whole engagement, with every log record captured at DEBUG: none names the requester or holds a token.

The journey goes through the public form, the resend form, the tracking page (fragment exchange and the
old link in a path), the coordinator's and expert's views, the engine, and the delivery of every e-mail
it queued; then every captured record (message, arguments, traceback, extras) is searched.
"""

import contextlib
import logging

import pytest
from django.core import mail
from django.urls import reverse

from advisory import services
from advisory.choices import AssignmentRole
from advisory.models import AdvisoryRequest
from tests.advisory.factories import CoordinatorFactory, ExpertUserFactory, upload
from tests.advisory.public.conftest import form_data, open_link, track_url
from tests.security.conftest import client_for
from workflows.delivery import deliver
from workflows.engine import perform
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

NAME = "Wilhelmina Vertraulich"
EMAIL = "wilhelmina@schattenamt.example"
# Every logger at DEBUG but Django's own family, which the settings keep at INFO (see the test below).
LOGGERS = [
    "",
    "django.server",
    "django.request",
    "django.security",
    "wagtail",
    "django_tasks",
    "celery",
    "advisory",
    "advisory.security",
    "workflows",
    "accounts",
    "privacy",
    "axes",
]


def texts_of(record):
    """Everything of a log record a handler could write out."""
    parts = [str(record.msg)]
    with contextlib.suppress(Exception):  # a malformed record still has its parts searched
        parts.append(record.getMessage())
    parts.append(repr(record.args))
    # A formatter writes exc_text when it is set (the project's redacting filter sets it, masked).
    if record.exc_text:
        parts.append(record.exc_text)
    elif record.exc_info:
        parts.append(logging.Formatter().formatException(record.exc_info))
    standard = set(vars(logging.makeLogRecord({})))
    parts.extend(repr(value) for key, value in vars(record).items() if key not in standard)
    return "\n".join(parts)


def deliver_everything():
    for pk in OutboxMessage.objects.filter(status="pending").values_list("pk", flat=True):
        deliver(pk)


def run_journey(client, page):
    """Submit, resend, track, screen, accept, invite and accept, propose, approve, deliver, close."""
    assert client.post(page.url, form_data(requester_name=NAME, requester_email=EMAIL)).status_code == 303
    client.get(page.url + "thanks/")
    obj = AdvisoryRequest.objects.get()
    tokens = [
        m.payload["tracking_token"] for m in OutboxMessage.objects.all() if m.payload.get("tracking_token")
    ]
    deliver_everything()
    assert client.post(page.url + "track/resend/", {"email": EMAIL}).status_code == 303
    tokens += [
        m.payload["tracking_token"] for m in OutboxMessage.objects.all() if m.payload.get("tracking_token")
    ]
    deliver_everything()
    token = tokens[0]
    assert open_link(client, page, token).status_code == 303
    client.get(track_url(page))
    client.get(f"{page.url}track/{token}/")  # a link e-mailed before tokens moved to the fragment
    client.get(f"{page.url}track/{'x' * 43}/")  # and a wrong one, which is logged as refused

    owner = CoordinatorFactory(countries=["DE"])
    staff = client_for(owner)
    staff.get(reverse("advisory_requests:index"))
    staff.get(reverse("advisory_requests:detail", args=[obj.pk]))
    perform(AdvisoryRequest.objects.get(pk=obj.pk), "screen", owner)
    perform(
        AdvisoryRequest.objects.get(pk=obj.pk),
        "accept",
        owner,
        data={"service_type": "programme_development", "scope_summary": "Advice."},
    )
    expert_user = ExpertUserFactory()
    assignment = services.invite_expert(
        AdvisoryRequest.objects.get(pk=obj.pk),
        expert_user.expert_profile,
        role=AssignmentRole.LEAD,
        actor=owner,
    )
    perform(assignment, "accept", expert_user, data={"no_conflict": True})
    expert = client_for(expert_user)
    expert.get(reverse("advisory_expert:assignment", args=[assignment.pk]))
    perform(AdvisoryRequest.objects.get(pk=obj.pk), "propose_team", owner)
    deliver_everything()
    response = client.post(track_url(page), {"action": "approve_team", "approve_team-state": "team_proposed"})
    assert response.status_code == 303
    expert.post(
        reverse("advisory_expert:upload", args=[assignment.pk]),
        {"title": "Final report", "file": upload("final.pdf")},
    )
    deliverable = assignment.deliverables.get()
    perform(deliverable, "approve", owner)
    perform(AdvisoryRequest.objects.get(pk=obj.pk), "deliver", owner)
    client.get(track_url(page))
    client.get(f"{track_url(page)}deliverables/{deliverable.pk}/")
    perform(AdvisoryRequest.objects.get(pk=obj.pk), "close", owner)
    client.post(track_url(page), {"action": "feedback", "feedback-state": "closed", "feedback-score": "5"})
    deliver_everything()
    assert AdvisoryRequest.objects.get(pk=obj.pk).state == "closed"
    return tokens


def scan_journey(client, page, caplog, loggers):
    for name in loggers:
        caplog.set_level(logging.DEBUG, logger=name)
    tokens = run_journey(client, page)
    assert len(tokens) >= 2 and len(mail.outbox) >= 5
    records = caplog.records
    assert len(records) > 10  # the journey did log: the scan below has something to read
    for record in records:
        text = texts_of(record)
        where = (record.name, record.levelname, record.msg)
        assert EMAIL not in text, where
        assert NAME not in text and "Vertraulich" not in text, where
        for token in tokens:
            assert token not in text, where


def test_a_whole_journeys_logs_never_name_the_requester_or_hold_a_token(client, form_page, caplog):
    scan_journey(client, form_page, caplog, LOGGERS)


def test_djangos_debug_template_logs_do_not_dump_the_requesters_name(client, form_page, caplog):
    """With Django's loggers at DEBUG, django.template logged each failed lookup with the whole context."""
    scan_journey(client, form_page, caplog, [*LOGGERS, "django"])
