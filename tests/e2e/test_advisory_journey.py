"""One advisory request carried through the real pages by the three people involved.

A requester submits in German on the public site, a coordinator screens, accepts and invites an expert
in the Wagtail admin, the expert accepts the invitation, the coordinator proposes the team, and the
requester agrees to it on the tracking page. The expert uploads a deliverable, the coordinator approves
it and marks the request delivered, the requester downloads the result and gives feedback, and the
coordinator closes the request. Every step is a click in Chromium on the live server.

Screenshots of each step go to $JOURNEY_SCREENSHOTS (default /tmp/journey/).
"""

import contextlib
import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urljoin

import pytest
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale, ModelLogEntry, Site
from wagtail_localize.operations import translate_object

from advisory.models import AdvisoryRequest, Deliverable, ExpertiseArea, RequestFormPage
from tests.advisory.factories import PDF_BYTES, CoordinatorFactory, ExpertUserFactory, area, country
from tests.cms.factories import english_home, translate
from tests.e2e.conftest import launch_options
from workflows.audit import ACTION as TRANSITION_ACTION

pytestmark = [
    pytest.mark.e2e,
    # The live server needs committed data; restore what the migrations created afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(os.environ.get("JOURNEY_SCREENSHOTS", "/tmp/journey"))  # noqa: S108 - not committed
PASSWORD = "journey-Passw0rd!"  # noqa: S105 - a test user's
TIMEOUT_MS = 15_000
REFERENCE = re.compile(r"^ADV-\d{4}-\d{4,}$")

# The states as the German tracking page names them (locales/de).
GERMAN = {
    "submitted": "Eingereicht",
    "team_proposed": "Team vorgeschlagen",
    "in_progress": "In Bearbeitung",
    "delivered": "Übergeben",
}


@pytest.fixture
def journey_site():
    """Everything the journey needs, committed before the browser starts; returns plain values only."""
    site = Site.objects.get(root_page__locale__language_code="en", root_page__depth=2)
    # The live server listens on localhost:<random port>; the default site answers any host.
    Site.objects.exclude(pk=site.pk).update(is_default_site=False)
    site.is_default_site = True
    site.save()

    german = Locale.objects.get(language_code="de")
    home = english_home()
    translate_object(home, [german])
    german_home = home.get_translation(german)
    german_home.title = "Clusterpolitische Expertise für Europa"
    german_home.save_revision().publish()

    form_page = RequestFormPage(
        title="Request advice",
        slug="request-advice",
        intro="<p>Ask the network for advice on your cluster programme.</p>",
    )
    home.add_child(instance=form_page)
    form_page.save_revision().publish()
    german_page = translate(
        form_page,
        "de",
        title="Beratung anfragen",
        slug="beratung-anfragen",
        intro="<p>Fragen Sie das Netzwerk um Rat zu Ihrem Clusterprogramm.</p>",
    )

    design = area("programme-design")
    if not ExpertiseArea.objects.filter(translation_key=design.translation_key, locale=german).exists():
        translated = design.copy_for_translation(german)
        translated.name = "Programmgestaltung"
        translated.save()

    coordinator = CoordinatorFactory(
        username="cora", first_name="Cora", last_name="Ordinator", countries=["DE"]
    )
    expert_user = ExpertUserFactory(
        username="erika",
        first_name="Erika",
        last_name="Expertin",
        expert__name="Erika Expertin",
        expert__home_country=country("DE"),
        expert__languages=["de", "en"],
        expert__areas=["programme-design"],
        expert__capacity=1,
        expert__active=True,
    )
    for user in (coordinator, expert_user):
        user.set_password(PASSWORD)
        user.save()
    # Coordinators confirm their sign-in with a code from their authenticator app (accounts/).
    coordinator_totp_key = TOTPDevice.objects.create(user=coordinator, name="Phone", confirmed=True).bin_key

    return {
        "form_path": german_page.url,
        "coordinator": coordinator.username,
        "coordinator_totp_key": coordinator_totp_key,
        "expert": expert_user.username,
        "expert_id": expert_user.expert_profile.pk,
        "expert_name": expert_user.expert_profile.name,
    }


def shoot(page, name, show=None):
    """A screenshot of the step; the admin scrolls inside its layout, so bring `show` into view first."""
    if show is not None:
        show.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(context, base_url, username, totp_key=None):
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    if totp_key is not None:
        # The code the person's authenticator app shows now.
        page.wait_for_url(f"{base_url}/admin/2fa/auth**")
        page.fill("[name=otp_token]", f"{TOTP(totp_key).token():06d}")
        page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base_url}/admin/")
    return page


def open_menu_item(page, label, url, group=None):
    """Follow an item of the admin's main menu (the dashboard has panels with the same names), opening
    its `group` first when it sits in a submenu (the coordinators' "Advisory")."""
    menu = page.get_by_role("navigation", name="Main menu")
    if group:
        menu.get_by_role("button", name=group, exact=True).click()
    menu.get_by_role("link", name=label, exact=True).click()
    page.wait_for_url(url)


def admin_message(page):
    """The text of the admin's message after a POST (success, or the error that explains a refusal)."""
    return page.locator(".messages li").first.text_content().strip()


def open_dialog_and_submit(page, button, fill):
    """Press a transition button that opens a dialog, fill the dialog with `fill(dialog)`, submit it."""
    dialog_id = button.get_attribute("data-a11y-dialog-show")
    button.click()
    dialog = page.locator(f"#{dialog_id}")
    dialog.locator("form").wait_for(state="visible")
    fill(dialog)
    with page.expect_navigation():
        dialog.locator("form button[type=submit]").click()


def press(page, button, fill=None):
    """Press a transition button: straight away, or through its dialog when it asks for input."""
    if button.get_attribute("data-a11y-dialog-show"):
        open_dialog_and_submit(page, button, fill or (lambda dialog: None))
    else:
        with page.expect_navigation():
            button.click()


def test_request_from_german_submission_to_closed_engagement(live_server, journey_site, chromium, tmp_path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in [*SCREENSHOTS.glob("[0-9][0-9]-*.png"), *SCREENSHOTS.glob("failed-*.png")]:
        old.unlink()
    base = live_server.url
    document = tmp_path / "programmbeschreibung.pdf"
    document.write_bytes(PDF_BYTES)
    result = tmp_path / "empfehlungen.pdf"
    result.write_bytes(PDF_BYTES)
    start = (timezone.localdate() + timedelta(days=30)).isoformat()
    end = (timezone.localdate() + timedelta(days=120)).isoformat()
    seen = {}

    # No database access from here until the browser is closed (see conftest).
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            requester = browser.new_context(locale="de-DE")
            requester.set_default_timeout(TIMEOUT_MS)
            page = requester.new_page()

            # 1. The requester fills in the form in German and sends it with a document.
            page.goto(base + journey_site["form_path"])
            assert page.locator("html").get_attribute("lang") == "de"
            page.get_by_label("Ihr Name").fill("Maria Muster")
            page.get_by_label("E-Mail-Adresse").fill("maria@wirtschaft.example")
            page.get_by_label("Organisation").fill("Wirtschaftsministerium")
            page.get_by_label(re.compile(r"^Land\b")).select_option(label="Deutschland")
            page.get_by_label("Name des Programms").fill("Cluster-Offensive Nord")
            page.get_by_label("National", exact=True).check()
            page.get_by_label("Gewünschte Leistung").select_option(label="Beratung zur Programmentwicklung")
            page.get_by_label("Wozu möchten Sie beraten werden?").fill(
                "Wir planen die nächste Förderperiode und möchten Rat zur Ausgestaltung."
            )
            page.get_by_label("Programmgestaltung").check()
            page.get_by_label("Arbeitssprache").select_option(label="Deutsch")
            page.get_by_label("10.000 € bis 50.000 €").check()
            page.get_by_label("Gewünschter Beginn").fill(start)
            page.get_by_label("Gewünschtes Ende").fill(end)
            page.get_by_label("Dokumente anhängen").set_input_files(str(document))
            page.get_by_label("Ich bin einverstanden").check()
            shoot(page, "01-form-filled")
            page.get_by_role("button", name="Anfrage senden").click()

            page.wait_for_url("**/thanks/")
            seen["reference"] = page.locator(".confirmation__reference strong").inner_text()
            tracking_url = page.locator(".confirmation__link a").get_attribute("href")
            shoot(page, "02-thanks")

            page.goto(tracking_url)
            seen["tracking_lang"] = page.locator("html").get_attribute("lang")
            seen["state_submitted"] = page.locator(".status-panel__state").inner_text()
            shoot(page, "03-tracking-submitted")

            # 2. The coordinator screens, accepts and invites the expert suggested.
            coordinator = browser.new_context()
            coordinator.set_default_timeout(TIMEOUT_MS)
            admin = sign_in(
                coordinator, base, journey_site["coordinator"], journey_site["coordinator_totp_key"]
            )
            open_menu_item(admin, "Advisory requests", f"{base}/admin/advisory/requests/", group="Advisory")
            shoot(admin, "04-queue")
            admin.get_by_role("link", name=seen["reference"]).click()
            admin.wait_for_url(re.compile(r"/admin/advisory/requests/\d+/$"))
            detail_url = admin.url.split("#")[0]

            with admin.expect_navigation():
                admin.click('[data-advisoryrequest-transition="screen"]')
            accept = admin.locator('[data-advisoryrequest-transition="accept"]')
            accept.wait_for()
            seen["screened"] = admin_message(admin)
            shoot(admin, "05-screening")

            def accept_fields(dialog):
                dialog.locator("select[name$='-service_type']").select_option("programme_development")
                dialog.locator("textarea[name$='-scope_summary']").fill(
                    "Beratung zur Ausgestaltung der nächsten Förderperiode."
                )

            open_dialog_and_submit(admin, accept, accept_fields)
            suggestion = admin.locator(f'#suggestions tr[data-expert="{journey_site["expert_id"]}"]')
            suggestion.wait_for()
            seen["accepted"] = admin_message(admin)
            seen["state_accepted"] = admin.locator(".advisory-status-card .w-status").text_content().strip()
            shoot(admin, "06-accepted-suggestions", show=suggestion)

            suggestion.locator("select[name=role]").select_option("lead")
            with admin.expect_navigation():
                suggestion.get_by_role("button", name="Invite", exact=True).click()
            invited = admin.locator("#team tr[data-assignment]")
            invited.wait_for()
            seen["invite_message"] = admin_message(admin)
            seen["team_after_invite"] = invited.text_content()
            shoot(admin, "07-invited", show=invited)

            # 3. The expert accepts the invitation, declaring no conflict of interest.
            expert = browser.new_context()
            expert.set_default_timeout(TIMEOUT_MS)
            desk = sign_in(expert, base, journey_site["expert"])
            open_menu_item(desk, "My invitations", f"{base}/admin/advisory/my/invitations/")
            invitation = desk.locator("article[data-assignment]").filter(has_text=seen["reference"])
            invitation.wait_for()
            shoot(desk, "08-invitations")
            open_dialog_and_submit(
                desk,
                invitation.locator('[data-assignment-transition="accept"]'),
                lambda dialog: dialog.locator("input[name$='-no_conflict']").check(),
            )
            desk.wait_for_url(re.compile(r"/admin/advisory/my/assignments/\d+/$"))
            seen["expert_message"] = admin_message(desk)
            seen["expert_page"] = desk.locator("main").text_content()
            shoot(desk, "09-expert-accepted")

            # 4. The coordinator proposes the team.
            admin.goto(detail_url)
            with admin.expect_navigation():
                admin.click('[data-advisoryrequest-transition="propose_team"]')
            admin.locator(".advisory-status-card .w-status").filter(has_text="Team proposed").wait_for()
            seen["proposed"] = admin_message(admin)
            shoot(admin, "10-team-proposed")

            # 5. The requester sees the team and agrees to it.
            page.reload()
            seen["state_proposed"] = page.locator(".status-panel__state").inner_text()
            seen["team"] = page.locator(".team-list").inner_text()
            shoot(page, "11-tracking-team-proposed")
            approve = page.locator("form.action-form").filter(
                has=page.locator('input[name=action][value="approve_team"]')
            )
            with page.expect_navigation():
                approve.locator("button[type=submit]").click()
            page.locator(".notices").wait_for()
            seen["notice"] = page.locator(".notices").inner_text()
            seen["state_final"] = page.locator(".status-panel__state").inner_text()
            seen["timeline"] = page.locator(".timeline__label").all_inner_texts()
            shoot(page, "12-tracking-in-progress")

            # 7. The expert opens the engagement and uploads the deliverable, submitting it for review.
            open_menu_item(desk, "My engagements", f"{base}/admin/advisory/my/engagements/")
            desk.get_by_role("link", name=re.compile(re.escape(seen["reference"]))).click()
            desk.wait_for_url(re.compile(r"/admin/advisory/my/assignments/\d+/$"))
            engagement_url = desk.url.split("#")[0]
            desk.get_by_role("link", name="Upload a deliverable").click()
            desk.wait_for_url(re.compile(r"/admin/advisory/my/assignments/\d+/upload/$"))
            desk.get_by_label("Title").fill("Empfehlungen zur Förderperiode")
            desk.get_by_label("Description").fill("Zehn Empfehlungen mit Begründung.")
            desk.get_by_label("File").set_input_files(str(result))
            shoot(desk, "13-deliverable-upload")
            desk.get_by_role("button", name="Upload and submit").click()
            desk.wait_for_url(engagement_url + "#deliverables")
            uploaded = desk.locator("#deliverables tr[data-deliverable]")
            uploaded.wait_for()
            seen["upload_message"] = admin_message(desk)
            seen["uploaded_row"] = uploaded.text_content()
            shoot(desk, "14-deliverable-submitted", show=uploaded)

            # 8. The coordinator approves the deliverable and marks the request delivered.
            admin.goto(detail_url)
            approve_deliverable = admin.locator('#deliverables [data-deliverable-transition="approve"]')
            approve_deliverable.wait_for()
            shoot(admin, "15-deliverable-to-review", show=approve_deliverable)
            press(
                admin,
                approve_deliverable,
                lambda dialog: dialog.locator("textarea[name$='comment']").fill("Danke, sehr klar."),
            )
            reviewed = admin.locator("#deliverables tr[data-deliverable]")
            reviewed.filter(has_text="Approved").wait_for()
            seen["approved_message"] = admin_message(admin)
            shoot(admin, "16-deliverable-approved", show=reviewed)
            press(admin, admin.locator('[data-advisoryrequest-transition="deliver"]'))
            admin.locator(".advisory-status-card .w-status").filter(has_text="Delivered").wait_for()
            seen["delivered"] = admin_message(admin)
            shoot(admin, "17-delivered")

            # 9. The requester downloads the result and gives feedback.
            page.reload()
            seen["state_delivered"] = page.locator(".status-panel__state").inner_text()
            results = page.locator("section[aria-labelledby=results-title] .file-list li")
            seen["results"] = results.all_inner_texts()
            link = results.first.get_by_role("link")
            download = page.request.get(urljoin(page.url, link.get_attribute("href")))
            seen["download"] = (download.status, download.headers.get("content-type", ""), download.body())
            feedback = page.locator("form.action-form").filter(
                has=page.locator('input[name=action][value="feedback"]')
            )
            feedback.get_by_label("4 – zufrieden").check()
            feedback.get_by_label("Kommentar").fill("Hilfreiche, konkrete Empfehlungen.")
            shoot(page, "18-tracking-delivered-feedback", show=feedback)
            with page.expect_navigation():
                feedback.get_by_role("button", name="Rückmeldung senden").click()
            page.locator(".notices").wait_for()
            seen["feedback_notice"] = page.locator(".notices").inner_text()
            seen["state_after_feedback"] = page.locator(".status-panel__state").inner_text()
            seen["feedback_section"] = page.locator("section[aria-labelledby=feedback-title]").inner_text()
            seen["feedback_form_left"] = page.locator('input[name=action][value="feedback"]').count()
            seen["timeline_after_feedback"] = page.locator(".timeline__label").all_inner_texts()
            shoot(page, "19-tracking-feedback-given")

            # 10. The coordinator closes the request.
            admin.goto(detail_url)
            press(admin, admin.locator('[data-advisoryrequest-transition="close"]'))
            admin.locator(".advisory-status-card .w-status").filter(has_text="Closed").wait_for()
            seen["closed"] = admin_message(admin)
            shoot(admin, "20-closed")
        except Exception:
            # Where it stopped, for whoever reads the failure.
            for number, context in enumerate(browser.contexts):
                for tab in context.pages:
                    with contextlib.suppress(Exception):
                        shoot(tab, f"failed-{number}")
            raise
        finally:
            browser.close()

    # What the people saw.
    assert REFERENCE.match(seen["reference"]), seen["reference"]
    assert seen["tracking_lang"] == "de"
    assert seen["state_submitted"] == GERMAN["submitted"]
    assert seen["screened"].endswith("is now “Screening”.")
    assert seen["accepted"].endswith("is now “Accepted”.")
    assert seen["state_accepted"] == "Accepted"
    invited_as_lead = f"{journey_site['expert_name']} is invited as lead".lower()
    assert seen["invite_message"].lower().startswith(invited_as_lead)
    assert journey_site["expert_name"] in seen["team_after_invite"]
    assert "Invited" in seen["team_after_invite"]
    assert seen["expert_message"].endswith("is now “Accepted”.")
    assert "Accepted" in seen["expert_page"]
    assert seen["proposed"].endswith("is now “Team proposed”.")
    assert seen["state_proposed"] == GERMAN["team_proposed"]
    assert journey_site["expert_name"] in seen["team"]
    assert seen["state_final"] == GERMAN["in_progress"]
    assert "Sie haben dem Team zugestimmt" in seen["notice"]
    # submit, screen, accept, propose_team, approve_team: in the requester's words.
    assert len(seen["timeline"]) == 5
    assert seen["timeline"][-1].startswith("Sie haben dem Team zugestimmt")
    assert seen["upload_message"] == "“Empfehlungen zur Förderperiode” is uploaded and submitted for review."
    assert "Empfehlungen zur Förderperiode" in seen["uploaded_row"]
    assert "Submitted for review" in seen["uploaded_row"]
    assert seen["approved_message"].endswith("is now “Approved”.")
    assert seen["delivered"].endswith("is now “Delivered”.")
    assert seen["state_delivered"] == GERMAN["delivered"]
    assert len(seen["results"]) == 1
    assert seen["results"][0].startswith("Empfehlungen zur Förderperiode")
    assert "empfehlungen.pdf" in seen["results"][0]
    status, content_type, body = seen["download"]
    assert status == 200
    assert content_type == "application/pdf"
    assert body == PDF_BYTES
    assert "Vielen Dank für Ihre Rückmeldung." in seen["feedback_notice"]
    assert seen["state_after_feedback"] == GERMAN["delivered"]
    assert "Sie haben den Auftrag mit 4 von 5 bewertet." in seen["feedback_section"]
    assert seen["feedback_form_left"] == 0
    # ... then deliver and the feedback.
    assert len(seen["timeline_after_feedback"]) == 7
    assert seen["timeline_after_feedback"][-1] == "Sie haben eine Rückmeldung gegeben"
    assert seen["closed"].endswith("is now “Closed”.")

    # What the database holds: the state, and one audit entry per step, in order.
    request = AdvisoryRequest.objects.get(reference=seen["reference"])
    assert request.state == AdvisoryRequest.State.CLOSED
    assert request.requester_language == "de"
    assert request.country.country.code == "DE"
    assert request.owner.username == journey_site["coordinator"]
    assert request.scope_summary.startswith("Beratung zur Ausgestaltung")
    assert [a.original_name for a in request.attachments.all()] == ["programmbeschreibung.pdf"]
    assert (request.feedback_score, request.feedback_comment) == (4, "Hilfreiche, konkrete Empfehlungen.")
    steps = list(
        ModelLogEntry.objects.for_instance(request)
        .filter(action=TRANSITION_ACTION)
        .order_by("timestamp", "pk")
        .values_list("data__transition", flat=True)
    )
    assert steps == ["submit", "screen", "accept", "propose_team", "approve_team", "deliver", "close"]
    assignment = request.assignments.get()
    assert assignment.expert_id == journey_site["expert_id"]
    # Closing the request leaves the expert's part as it is: completing it is a step of its own.
    assert (assignment.role, assignment.state, assignment.no_conflict_declared) == ("lead", "accepted", True)
    assignment_steps = list(
        ModelLogEntry.objects.for_instance(assignment)
        .filter(action=TRANSITION_ACTION)
        .order_by("timestamp", "pk")
        .values_list("data__transition", flat=True)
    )
    assert assignment_steps == ["invite", "accept"]
    deliverable = request.deliverables.get()
    assert deliverable.assignment_id == assignment.pk
    assert deliverable.state == Deliverable.State.APPROVED
    assert deliverable.title == "Empfehlungen zur Förderperiode"
    assert deliverable.original_name == "empfehlungen.pdf"
    assert deliverable.review_comment == "Danke, sehr klar."
    assert deliverable.approved_at is not None
    deliverable_steps = list(
        ModelLogEntry.objects.for_instance(deliverable)
        .filter(action=TRANSITION_ACTION)
        .order_by("timestamp", "pk")
        .values_list("data__transition", flat=True)
    )
    assert deliverable_steps == ["submit", "approve"]
