"""The e-mails themselves: every template the notifications name exists and renders, in English and
German, from the payloads real transitions leave in the outbox; the requester's mail is in their
language, carries the tracking link only where it may, and no one reads a third party's data."""

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.template.loader import get_template
from django.utils import formats, timezone, translation
from wagtail.models import Locale, Site

from advisory import notifications, privacy, services
from advisory.choices import AssignmentRole, Visibility
from advisory.models import AdvisoryRequest, RequestFormPage
from advisory.models.requests import SLA_DEADLINES
from cms.models.site_texts import SiteTexts
from tests.advisory.conftest import valid_submission
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    ExpertFactory,
    ExpertUserFactory,
    requester,
    upload,
)
from tests.cms.factories import english_home, translate
from workflows.engine import perform
from workflows.mail import render
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State
EMAIL_DIR = Path(settings.BASE_DIR) / "advisory" / "templates" / "advisory" / "email"
PHONE = "+49 30 1234"
REQUESTER_EMAIL = "maria@ministry.example"
EXPERT_EMAIL = "erika.expertin@consult.example"
MONDAY = "2026-11-23 09:00:00+01:00"


def referenced_templates():
    """Every template name the notification plan and the services name (and the SLA family)."""
    names = set()
    for plan in (
        notifications.REQUEST_EVENTS,
        notifications.ASSIGNMENT_EVENTS,
        notifications.DELIVERABLE_EVENTS,
    ):
        for templates in plan.values():
            names.update(name for name in templates if name)
    source = "".join(
        (Path(settings.BASE_DIR) / "advisory" / name).read_text() for name in ("services.py", "privacy.py")
    )
    for call in re.findall(r"to_(?:requester|staff|leads|expert)\([^)]*?\"([a-z_]+)\"", source):
        names.add(call)
    names.update(template for _state, template in services.REQUESTER_REMINDERS.values())

    names.update(f"sla_overdue_{purpose}" for purpose in SLA_DEADLINES)
    names.update({"invitation", "invitation_reminder", "sla_escalation", "tracking_link"})
    return names


# The outbox of a busy month ---------------------------------------------------------------


@pytest.fixture
def pages(db):
    page = RequestFormPage(title="Request advice", slug="request-advice")
    english_home().add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, translate(page, "de", title="Beratung anfragen")


@pytest.fixture
def people(db):
    coordinator = CoordinatorFactory(countries=["DE"], email="koordinator@network.example")
    coordinator.coordinator_profile.preferred_language = "de"
    coordinator.coordinator_profile.save()
    lead = CoordinatorFactory(countries=[], lead=True, email="lead@network.example")
    expert_user = ExpertUserFactory(
        email=EXPERT_EMAIL, expert__name="Erika Expertin", expert__preferred_language="de"
    )
    return coordinator, lead, expert_user


def _staffed(owner, expert_user, state):
    request = AdvisoryRequestFactory(state=state, owner=owner, requester_phone=PHONE)
    assignment = AssignmentFactory(
        request=request, expert=expert_user.expert_profile, state="accepted", role=AssignmentRole.LEAD
    )
    return request, assignment


@pytest.fixture
def outbox(pages, people):
    """Rows left by the transitions, services and deadline scans that produce every template."""
    with time_machine.travel(MONDAY, tick=False) as traveller:
        return _busy_month(people, traveller)


def _busy_month(people, traveller):
    coordinator, lead, expert_user = people
    start = timezone.now()

    # A submission in German, the link asked for again, screening, a question, its answer.
    request, _token = services.submit_request(valid_submission(requester_phone=PHONE), language="de")
    services.resend_tracking_link(request.requester_email)
    services.rotate_tracking_link(request, actor=coordinator)
    perform(request, "screen", coordinator)
    perform(request, "ask_info", coordinator, comment="Welche Regionen?")
    perform(request, "provide_info", requester(request), comment="Bayern und Sachsen.")
    perform(
        request, "accept", coordinator, data={"service_type": "peer_review", "scope_summary": "Peer review"}
    )

    # Invitations: declined, withdrawn, accepted; the team proposed, objected to, approved.
    declining = ExpertUserFactory()
    invited = services.invite_expert(
        request, declining.expert_profile, role=AssignmentRole.MEMBER, actor=coordinator
    )
    perform(invited, "decline", declining, comment="No time")
    withdrawn = services.invite_expert(
        request, ExpertFactory(), role=AssignmentRole.MEMBER, actor=coordinator
    )
    perform(withdrawn, "withdraw", coordinator, comment="")
    lead_assignment = services.invite_expert(
        request, expert_user.expert_profile, role=AssignmentRole.LEAD, actor=coordinator
    )
    perform(lead_assignment, "accept", expert_user, data={"no_conflict": True})
    perform(request, "propose_team", coordinator)
    perform(request, "object_team", requester(request), comment="We would like someone from our region.")
    perform(request, "propose_team", coordinator)
    perform(request, "approve_team", requester(request))
    perform(request, "hold", coordinator, comment="Budget")
    perform(request, "resume", coordinator, comment="Budget approved")

    # Messages, a deliverable returned then approved, a member released and another completed.
    services.add_message(request, actor=coordinator, body="Kick-off next week")
    services.add_message(request, actor=requester(request), body="Fine")
    services.add_message(request, actor=coordinator, body="Internal", visibility=Visibility.INTERNAL)
    deliverable = services.upload_deliverable(
        lead_assignment, actor=expert_user, title="Report", file=upload("report.pdf")
    )
    perform(deliverable, "request_changes", coordinator, comment="Please add the budget.")
    perform(deliverable, "submit", expert_user)
    perform(deliverable, "approve", coordinator)
    for transition in ("release", "complete"):
        member = AssignmentFactory(request=request, state="accepted", role=AssignmentRole.MEMBER)
        perform(member, transition, coordinator, comment="Done")
    perform(request, "deliver", coordinator)
    services.record_feedback(request, actor=requester(request), score=5, comment="Sehr gut")
    perform(request, "close", coordinator)
    # The requester asks for a copy of their data, and another requester for its erasure.
    privacy.ask(request, "export")

    # A decline, a withdrawal with a team, and the deadline scan's reminders and escalations.
    declined = AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator)
    perform(declined, "decline", coordinator, comment="Outside our remit")
    privacy.ask(declined, "erasure")
    leaving, _ = _staffed(coordinator, expert_user, S.IN_PROGRESS)
    perform(leaving, "withdraw", requester(leaving), comment="Our budget was cut")
    late = AdvisoryRequestFactory(state=S.NEW)
    perform(late, "submit", requester(late))
    waiting = AdvisoryRequestFactory(state=S.SCREENING, owner=coordinator)
    perform(waiting, "ask_info", coordinator, comment="Budget?")
    staffed, _ = _staffed(coordinator, expert_user, S.ACCEPTED)
    slow = services.invite_expert(staffed, ExpertFactory(), role=AssignmentRole.MEMBER, actor=coordinator)
    perform(staffed, "propose_team", coordinator)
    traveller.move_to(start + timedelta(days=3, minutes=1))
    services.process_due_deadlines()  # Thursday: the invitation reminder (3 business days)
    traveller.move_to(start + timedelta(days=15))
    services.process_due_deadlines()  # requester reminders, SLAs, the invitation's expiry
    slow.refresh_from_db()
    assert slow.state == "expired"
    return list(OutboxMessage.objects.order_by("pk"))


class _Checker(HTMLParser):
    VOID = {"br", "meta", "img", "hr", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with {self.stack[-3:]} open")
        else:
            self.stack.pop()


def assert_valid_html(html, where):
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.errors, (where, checker.errors)
    assert not checker.stack, (where, checker.stack)
    assert html.lstrip().startswith("<!DOCTYPE html>") and "</html>" in html, where
    assert "{%" not in html and "{{" not in html, where


def rendered(message, language):
    message.language = language
    return render(message)


def name_of(message):
    return message.template.removeprefix(notifications.TEMPLATE_PREFIX)


# Tests -------------------------------------------------------------------------------------


def test_every_template_referenced_exists_with_subject_text_and_html():
    names = referenced_templates()
    assert len(names) > 40
    missing = []
    for name in sorted(names):
        for suffix in ("_subject.txt", ".txt", ".html"):
            try:
                get_template(f"advisory/email/{name}{suffix}")
            except Exception:  # noqa: BLE001 - listed below
                missing.append(f"{name}{suffix}")
    assert not missing


def test_no_template_is_left_over():
    on_disk = {path.name.removesuffix("_subject.txt") for path in EMAIL_DIR.glob("*_subject.txt")}
    assert on_disk == referenced_templates()


def test_the_transitions_produce_every_template(outbox):
    assert {name_of(message) for message in outbox} == referenced_templates()


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_message_renders(outbox, language):
    for message in outbox:
        where = f"{name_of(message)} [{language}]"
        subject, text, html = rendered(message, language)
        assert subject and "\n" not in subject and len(subject) < 160, where
        assert "{%" not in subject + text and "{{" not in subject + text, where
        assert len(text.strip()) > 40, where
        assert message.payload.get("reference", "") in subject + text, where
        assert html is not None, where
        assert_valid_html(html, where)
        assert "&amp;quot;" not in html and "&amp;amp;" not in html, where


def test_texts_are_not_escaped_and_html_is(outbox, people):
    coordinator = people[0]
    request = AdvisoryRequestFactory(
        state=S.SCREENING, owner=coordinator, programme_name='R&D "Cluster" <2030>'
    )
    [message] = perform(request, "decline", coordinator, comment="A & B <b>").messages
    subject, text, html = rendered(message, "en")
    assert 'R&D "Cluster" <2030>' in text and "A & B <b>" in text
    assert "<b>" not in html.split("<blockquote", 1)[1].split("</blockquote>")[0]
    assert "R&amp;D" in html


def test_the_requesters_german_mail_is_german(outbox):
    receipt = next(message for message in outbox if name_of(message) == "request_received")
    assert receipt.language == "de"
    subject, text, html = render(receipt)
    assert subject.startswith("Wir haben Ihre Anfrage ADV-")
    assert "Sehr geehrte" in text or "Guten Tag" in text
    assert "Thank you" not in text and "tracking page" not in text
    assert '<html lang="de">' in html
    english = rendered(receipt, "en")
    assert english[0].startswith("We have received your request ADV-")


def test_dates_are_in_the_recipients_language_and_brussels_time(outbox):
    invitation = next(message for message in outbox if name_of(message) == "invitation")
    due = timezone.localtime(
        timezone.datetime.fromisoformat(invitation.payload["response_due_at"]),
        timezone.get_default_timezone(),
    )
    german = rendered(invitation, "de")[1]
    english = rendered(invitation, "en")[1]
    months_de = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ]
    assert f"{due.day}. {months_de[due.month - 1]} {due.year} {due:%H:%M}" in german
    assert "Brüsseler Zeit" in german
    with translation.override("en"):
        assert formats.date_format(due, "DATE_FORMAT") in english and "Brussels time" in english


def test_the_receipt_and_the_resend_carry_the_tracking_link_later_mails_do_not(outbox, pages):
    english, german = pages
    receipt = next(message for message in outbox if name_of(message) == "request_received")
    resent = next(message for message in outbox if name_of(message) == "tracking_link")
    replaced = next(message for message in outbox if name_of(message) == "tracking_link_replaced")
    request = AdvisoryRequest.objects.get(pk=receipt.payload["request_id"])
    for message in (receipt, resent, replaced):
        token = message.payload["tracking_token"]
        link = RequestFormPage.tracking_url_for(request, token)
        assert "/de/" in link and link.endswith(f"/track/#{token}")  # never in the path
        subject, text, html = render(message)
        assert link in text and f'href="{link}"' in html
    later = [
        m
        for m in outbox
        if m.recipient == REQUESTER_EMAIL
        and name_of(m) not in {"request_received", "tracking_link", "tracking_link_replaced"}
    ]
    assert later
    resend = german.full_url + german.reverse_subpage("resend")
    for message in later:
        assert "tracking_token" not in message.payload
        _subject, text, html = render(message)
        assert "/track/" not in text.replace("/track/resend/", "") and "/track/" not in html.replace(
            "/track/resend/", ""
        )
        if message.payload["can_resend"]:
            assert resend in text and f'href="{resend}"' in html, name_of(message)


def test_no_third_party_data(outbox):
    requester_mails = [m for m in outbox if m.recipient == REQUESTER_EMAIL]
    expert_mails = [m for m in outbox if m.payload.get("audience") == "expert"]
    assert requester_mails and expert_mails
    for message in requester_mails:
        for language in ("en", "de"):
            whole = " ".join(part or "" for part in rendered(message, language))
            assert EXPERT_EMAIL not in whole and "Erika Expertin" not in whole, name_of(message)
            assert "koordinator@network.example" not in whole and "lead@network.example" not in whole
            assert "reply_to" not in message.payload or "@network.example" not in str(
                message.payload["reply_to"]
            )
    for message in expert_mails:
        whole = " ".join(part or "" for part in rendered(message, "en"))
        assert REQUESTER_EMAIL not in whole and PHONE not in whole, name_of(message)
        assert "Maria Muster" not in whole, name_of(message)
        assert "Our budget was cut" not in whole  # the requester's reason for withdrawing
    for message in outbox:
        assert PHONE not in str(message.payload), name_of(message)


def test_experts_get_answer_links_into_the_admin(outbox):
    invitation = next(message for message in outbox if name_of(message) == "invitation")
    pk = invitation.payload["assignment_id"]
    _subject, text, html = render(invitation)
    base = settings.WAGTAILADMIN_BASE_URL
    assert f"{base}/admin/advisory/my/assignments/{pk}/transitions/accept/" in text
    assert f"{base}/admin/advisory/my/assignments/{pk}/transitions/decline/" in text
    assert f"{base}/admin/advisory/my/invitations/" in html


def test_staff_mails_link_to_the_request_in_the_admin(outbox):
    new = next(message for message in outbox if name_of(message) == "new_request")
    _subject, text, _html = render(new)
    assert f"{settings.WAGTAILADMIN_BASE_URL}/admin/advisory/requests/{new.payload['request_id']}/" in text
    assert new.language == "de" and "Neue Anfrage" in render(new)[0]


def test_escalations_go_to_the_lead_coordinators(outbox, people):
    coordinator, lead, _expert = people
    escalations = [m for m in outbox if name_of(m) == "sla_escalation"]
    overdue = [m for m in outbox if name_of(m).startswith("sla_overdue_")]
    assert {m.recipient for m in escalations} == {lead.email}
    assert {m.recipient for m in overdue} == {coordinator.email}


# The same words as the tracking page, the organisation's name in the recipient's language ---------

# How each language names the tracking page and the reference number (docs/advisory.md, Public pages).
TRACKING_PAGE = {
    "en": "tracking page",
    "de": "Statusseite",
    "fr": "page de suivi",
    "es": "página de seguimiento",
    "it": "pagina di monitoraggio",
    "pl": "śledzenia zapytania",
}
REFERENCE_NUMBER = {
    "en": "reference number",
    "de": "Referenznummer",
    "fr": "numéro de référence",
    "es": "número de referencia",
    "it": "numero di riferimento",
    "pl": "numer referencyjny",
}
# The words they replace.
OTHER_WORDS = {
    "en": ("Your reference is", "Its reference is", "Your link to request"),
    "de": ("Aktenzeichen",),
    "fr": ("Votre référence est",),
    "pl": ("Wniosek ",),
}
ORGANISATION = {
    "en": "European Secretariat for Cluster Analysis",
    "de": "Europäisches Sekretariat für Clusteranalyse",
    "fr": "Secrétariat européen pour l’analyse des clusters",
    "pl": "Europejski Sekretariat Analizy Klastrów",
}


def requester_mails(outbox):
    return [message for message in outbox if message.payload.get("audience") == "requester"]


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "it", "pl"])
def test_every_requester_mail_names_the_tracking_page_as_the_page_does(outbox, language):
    mails = requester_mails(outbox)
    assert len({name_of(message) for message in mails}) > 15
    for message in mails:
        subject, text, html = rendered(message, language)
        for body in (text, html):
            if name_of(message).startswith("privacy_request"):
                continue  # about the data request only; no link
            assert TRACKING_PAGE[language].casefold() in body.casefold(), (name_of(message), language)
            for other in OTHER_WORDS.get(language, ()):
                assert other not in subject + body, (name_of(message), language, other)


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "it", "pl"])
def test_the_receipt_and_later_mails_give_the_reference_number_by_that_name(outbox, language):
    names = {"request_received", "request_in_screening", "engagement_started", "withdrawal_confirmed"}
    mails = [message for message in requester_mails(outbox) if name_of(message) in names]
    assert {name_of(message) for message in mails} == names
    for message in mails:
        _subject, text, html = rendered(message, language)
        assert REFERENCE_NUMBER[language].casefold() in text.casefold(), (name_of(message), language)
        assert REFERENCE_NUMBER[language].casefold() in html.casefold(), (name_of(message), language)


@pytest.mark.parametrize("language", sorted(ORGANISATION))
def test_mails_are_signed_with_the_organisations_name_in_the_recipients_language(outbox, language):
    for message in outbox[:10] + requester_mails(outbox)[:5]:
        _subject, text, html = rendered(message, language)
        assert f"\n{ORGANISATION[language]}\n" in text, (name_of(message), language)
        assert html.count(ORGANISATION[language]) >= 2  # the header and the signature
        if language != "en":
            assert ORGANISATION["en"] not in text + html


def test_the_name_the_translators_gave_the_organisation_signs_their_language(outbox):
    site = Site.objects.get(is_default_site=True)
    german = Locale.objects.get(language_code="de")
    SiteTexts.objects.filter(site=site, locale=german).delete()
    SiteTexts.objects.create(
        site=site, locale=german, organisation_name="ESCA – Sekretariat für Clusteranalyse"
    )
    receipt = next(message for message in outbox if name_of(message) == "request_received")
    _subject, text, html = rendered(receipt, "de")
    assert "\nESCA – Sekretariat für Clusteranalyse\n" in text
    assert "Europäisches Sekretariat" not in text
    # Polish has no texts of its own: the catalogue's name.
    assert f"\n{ORGANISATION['pl']}\n" in rendered(receipt, "pl")[1]


def test_the_receipt_the_new_request_and_the_invitation_name_the_areas_in_the_readers_language(outbox):
    for name in ("request_received", "new_request", "invitation"):
        message = next(message for message in outbox if name_of(message) == name)
        assert message.payload["expertise_areas"] == ["programme-design"]
        expected = {"en": "Areas of expertise: Programme design", "de": "Fachgebiete: Programmgestaltung"}
        expected["pl"] = "Obszary specjalizacji: Projektowanie programów"
        for language, line in expected.items():
            _subject, text, html = rendered(message, language)
            assert line in text, (name, language)
            assert line.split(": ")[1] in html
