"""The advisory demo (`demo.advisory.load_advisory_demo`, run by `manage.py load_demo`)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import DemoLogin
from advisory import matching, selectors
from advisory.models import (
    AdvisoryRequest,
    Assignment,
    Attachment,
    CoordinatorProfile,
    Deliverable,
    Expert,
    Message,
    UnavailablePeriod,
)
from demo.advisory import load_advisory_demo
from demo.advisory.engagements import REQUESTS
from demo.advisory.people import COORDINATORS, EDITORIAL_LOGINS, EXPERTS
from tests.advisory.factories import AdvisoryRequestFactory, CoordinatorFactory, area, country
from workflows.models import Deadline, OutboxMessage

pytestmark = pytest.mark.django_db

LOGINS = (
    [spec.username for spec in COORDINATORS]
    + [spec.username for spec in EXPERTS if spec.username]
    + [spec.username for spec in EDITORIAL_LOGINS]
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The advisory demo, loaded once for the module inside a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_advisory_demo(password="demo-Password-1")
        transaction.set_rollback(True)


def counts():
    models = (
        get_user_model(),
        CoordinatorProfile,
        Expert,
        UnavailablePeriod,
        AdvisoryRequest,
        Assignment,
        Deliverable,
        Message,
        Attachment,
        ModelLogEntry,
        OutboxMessage,
        Deadline,
    )
    return {model.__name__: model.objects.count() for model in models}


def user(username):
    return get_user_model().objects.get(username=username)


def test_the_network_is_loaded(demo):
    assert Expert.objects.count() == len(EXPERTS) == 60
    assert Expert.objects.filter(active=False).exists()
    assert UnavailablePeriod.objects.exists()
    assert set(Expert.objects.values_list("capacity", flat=True)) == {1, 2, 3}
    assert Expert.objects.values("home_country").distinct().count() == 27
    assert Expert.objects.filter(user__isnull=False).count() == 8
    assert AdvisoryRequest.objects.count() == len(REQUESTS)
    assert demo.counts[("requests", "created")] == len(REQUESTS)


def test_every_state_is_present(demo):
    states = set(AdvisoryRequest.objects.values_list("state", flat=True))
    assert states == set(AdvisoryRequest.State.values) - {AdvisoryRequest.State.NEW}
    # The summary counts them in the order of the process: "submitted 3, screening 2, ..."
    printed = dict(part.rsplit(" ", 1) for part in demo.facts["requests by state"].split(", "))
    assert set(printed) == states
    assert sum(int(n) for n in printed.values()) == len(REQUESTS)
    assert list(printed)[0] == AdvisoryRequest.State.SUBMITTED


def test_logins_have_their_roles_and_the_shared_password(demo):
    for username in LOGINS:
        assert user(username).check_password("demo-Password-1"), username
    coordinator = user("coordinator")
    assert coordinator.groups.filter(name="Coordinators").exists()
    covered = {country.code for country in coordinator.coordinator_profile.countries.all()}
    assert "DE" in covered and len(covered) > 1
    lead = user("lead")
    assert lead.groups.filter(name="Lead coordinators").exists() and lead.coordinator_profile.is_lead
    expert = user("expert")
    assert expert.groups.filter(name="Experts").exists() and expert.expert_profile.home_country.code == "DE"
    # The editorial side: groups and the admin's language written here, not read from the demo's table.
    translator = user("translator-de")
    assert list(translator.groups.values_list("name", flat=True)) == ["Translators (de)"]
    assert translator.wagtail_userprofile.preferred_language == "de"
    assert user("translator-pl").wagtail_userprofile.preferred_language == "pl"
    assert user("editor").groups.filter(name="Editors").exists()
    assert user("moderator").groups.filter(name="Moderators").exists()
    # Every network country is some coordinator's.
    scoped = CoordinatorProfile.objects.filter(is_lead=False).values_list("countries__country", flat=True)
    assert len(set(scoped)) == 27


def test_the_box_shows_the_logins_but_not_a_given_password(demo):
    box = demo.notice
    assert box.splitlines()[0].startswith("+-")
    for username in ("coordinator", "lead", "expert"):
        assert f"| {username} " in box
    assert "(as given)" in box
    assert "demo-Password-1" not in box


def test_the_demo_coordinators_queue(demo):
    page = selectors.queue(user("coordinator"))
    assert page.total > 0 and page.items
    assert all(item.country.code in {"DE", "AT", "BE", "DK", "LU", "NL"} for item in page.items)
    assert page.overdue_count >= 1
    assert selectors.queue(user("coordinator"), {"country": "DE"}).total >= 3


def test_one_or_two_requests_are_overdue(demo):
    overdue = selectors.overdue(AdvisoryRequest.objects.all()).count()
    assert 1 <= overdue <= 2
    assert demo.facts["overdue"] == str(overdue)


def test_the_demo_expert_has_an_invitation_and_can_take_a_new_german_request(demo):
    expert = user("expert")
    invitations = selectors.invitations_for_expert(expert)
    assert invitations.exists()
    assert all(invitation.response_due_at > timezone.now() for invitation in invitations)
    assert f"invited to {invitations.first().request.reference}" in demo.notice
    # A request submitted in the browser in German, as in the walkthrough.
    fresh = AdvisoryRequestFactory(
        country=country("DE"),
        working_language="de",
        organisation="Ministerium für Wirtschaft",
        areas=["programme-design"],
    )
    assert area("programme-design") in fresh.expertise_areas.all()
    suggestion = matching.explain(fresh, expert.expert_profile)
    assert not suggestion.excluded, suggestion.reason_codes


def test_the_requests_show_their_areas_in_the_language_they_were_written_in(demo):
    """The requester's tracking page and e-mails name the areas in their language (advisory 0008)."""
    german = AdvisoryRequest.objects.get(programme_name="Clusterstrategie Thüringen 2030")
    polish = AdvisoryRequest.objects.get(programme_name="Pomorskie Klastry Kluczowe")
    assert areas_in(german, "de") == ["Intelligente Spezialisierung", "Programmgestaltung"]
    assert areas_in(polish, "pl") == ["Benchmarking klastrów", "Ewaluacja programów"]
    # Every request written in another language than English, not only these two.
    for request in AdvisoryRequest.objects.exclude(requester_language="en"):
        english = sorted(request.expertise_areas.values_list("name", flat=True))
        localised = areas_in(request, request.requester_language)
        assert len(localised) == len(english)
        assert not set(localised) & {"Programme design", "Programme evaluation", "Cluster benchmarking"}


def areas_in(request, language):
    names = request.expertise_areas.localised(language).values_list("localised_name", flat=True)
    return sorted(names)


def test_histories_come_from_the_engine(demo):
    for request in AdvisoryRequest.objects.all():
        steps = selectors.transition_history(request)
        assert steps.exists(), request
        assert steps.last().data["to_state"] == request.state, request
        assert OutboxMessage.objects.filter(object_id=str(request.pk)).exists(), request
    assert Deliverable.objects.filter(state=Deliverable.State.APPROVED).exists()
    assert Deliverable.objects.filter(state=Deliverable.State.SUBMITTED).exists()
    assert Attachment.objects.exists() and Message.objects.filter(visibility="internal").exists()
    states = set(Assignment.objects.values_list("state", flat=True))
    assert {"invited", "accepted", "declined", "expired", "withdrawn", "completed"} <= states
    assert AdvisoryRequest.objects.filter(feedback_score__isnull=False).exists()


def test_the_historys_e_mails_count_as_sent_when_it_happened(demo):
    messages = OutboxMessage.objects.all()
    assert messages.count() > 0
    assert f"{messages.count()} e-mails (recorded as sent when they happened)" in demo.facts["history"]
    for message in messages:
        assert message.status == OutboxMessage.Status.SENT and message.sent_at == message.created_at
        assert not message.payload.get("tracking_token")


def test_histories_are_backdated(demo):
    now = timezone.now()
    oldest = AdvisoryRequest.objects.order_by("submitted_at").first()
    assert (now - oldest.submitted_at).days > 90
    for request in AdvisoryRequest.objects.all():
        stamps = list(selectors.transition_history(request).values_list("timestamp", flat=True))
        assert stamps == sorted(stamps) and stamps[-1] < now
    # References follow the order of submission.
    references = list(AdvisoryRequest.objects.order_by("submitted_at").values_list("reference", flat=True))
    assert references == sorted(references, key=lambda ref: (ref[4:8], int(ref[9:])))


def test_a_second_load_creates_nothing(demo):
    before = counts()
    again = load_advisory_demo()
    assert counts() == before
    assert again.changed == 0
    assert again.notice is None
    assert "nothing to do" in again.verdict()
    assert "history" not in again.facts
    assert again.facts["demo logins"].startswith("coordinator, ")


def test_deleted_logins_come_back_with_the_environments_password(demo, monkeypatch):
    get_user_model().objects.filter(username__in=LOGINS).delete()
    monkeypatch.setenv("DEMO_PASSWORD", "from-the-Environment-2")
    report = load_advisory_demo()
    assert report.counts[("demo logins", "created")] == len(LOGINS)
    assert report.counts[("requests", "unchanged")] == len(REQUESTS)
    assert "(as set in DEMO_PASSWORD)" in report.notice
    assert "from-the-Environment-2" not in report.notice
    assert user("expert").check_password("from-the-Environment-2")
    assert user("expert").expert_profile.email == "lena.hoffmann@nordlicht-innovationsberatung.example"
    assert "DE" in {c.code for c in user("coordinator").coordinator_profile.countries.all()}

    # One login lost again, no password given: it gets the one the others have.
    monkeypatch.delenv("DEMO_PASSWORD")
    user("expert-it").delete()
    report = load_advisory_demo()
    assert report.counts[("demo logins", "created")] == 1
    assert "| expert-it " in report.notice
    assert "(the demo password shown when the first demo logins were created)" in report.notice
    assert user("expert-it").check_password("from-the-Environment-2")


def test_a_first_load_without_a_password_generates_one_and_shows_it_once(demo, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    get_user_model().objects.filter(username__in=LOGINS).delete()
    report = load_advisory_demo()
    password = re.search(r"Password: (\S+)", report.notice).group(1)
    assert len(password) >= 16
    assert "shown only once" in report.notice
    assert user("coordinator").check_password(password)
    assert user("expert-nl").check_password(password)
    assert load_advisory_demo().notice is None


def test_the_logins_the_demo_creates_are_demo_logins_and_no_other(demo):
    someone = CoordinatorFactory(countries=["DE"])
    get_user_model().objects.filter(username="lead").delete()
    load_advisory_demo()
    assert set(DemoLogin.objects.values_list("user__username", flat=True)) == set(LOGINS)
    assert not DemoLogin.objects.filter(user=someone).exists()
