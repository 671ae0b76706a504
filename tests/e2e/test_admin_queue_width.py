"""The coordinators' request queue fits beside the admin menu on a 1280 px screen in English, German and
Polish (its last column, "SLA due", used to run off the right edge), and on a 390 px phone the table
scrolls sideways inside its own box instead of widening the page.

The queue holds a request in every state, with every service and the longest country names of the
coordinator's scope, an owner and an overdue one: the widest cells a queue shows.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from advisory.choices import ServiceType
from advisory.models import AdvisoryRequest
from tests.advisory.admin.conftest import prefer_language
from tests.advisory.factories import AdvisoryRequestFactory, CoordinatorFactory, country
from tests.e2e.conftest import launch_options

pytestmark = [
    pytest.mark.e2e,
    # The live server needs committed data; restore what the migrations created afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "queue-Passw0rd!"  # noqa: S105 - a test user's
LANGUAGES = ("en", "de", "pl")
COUNTRIES = ("DE", "AT", "NL", "PL")
QUEUE = "/admin/advisory/requests/"


@pytest.fixture
def coordinators():
    """One coordinator per admin language (a TOTP code is good for one sign-in), and a full queue:
    the logins and the number of requests in it."""
    found = {}
    for language in LANGUAGES:
        user = CoordinatorFactory(
            username=f"queue-{language}",
            first_name="Maximiliane",
            last_name="Wolkenstein-Rodenegg",
            countries=list(COUNTRIES),
        )
        user.set_password(PASSWORD)
        user.save()
        prefer_language(user, language)
        found[language] = (user.username, TOTPDevice.objects.create(user=user, name="Phone").bin_key)
    owner = CoordinatorFactory(username="queue-owner", first_name="Bartholomäus", last_name="Oberhollenzer")
    states = [state for state in AdvisoryRequest.State if state != AdvisoryRequest.State.NEW]
    services = list(ServiceType)
    now = timezone.now()
    for index, state in enumerate(states):
        AdvisoryRequestFactory(
            state=state,
            owner=owner,
            organisation="Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft",
            programme_name="Clusterstrategie und Innovationsförderprogramm 2030",
            country=country(COUNTRIES[index % len(COUNTRIES)]),
            service_type=services[index % len(services)],
            # Every other request overdue: the overdue badge is the widest content of the last column.
            sla_due_at=now + timedelta(days=-6 if index % 2 else 9, hours=7),
        )
    return found, len(states)


def sign_in(context, base_url, username, totp_key):
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/2fa/auth**")
    page.fill("[name=otp_token]", f"{TOTP(totp_key).token():06d}")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base_url}/admin/")
    return page


MEASURE = r"""table => {
    const box = table.parentElement;
    return {
        tableRight: table.getBoundingClientRect().right,
        boxRight: box.getBoundingClientRect().right,
        boxOverflow: getComputedStyle(box).overflowX,
        lastHeading: table.querySelector("thead th:last-child").innerText,
        rows: table.querySelectorAll("tbody tr").length,
        columns: [...table.querySelectorAll("thead th")].map(
            th => `${th.innerText.trim().replace(/\s+/g, " ")}: ${Math.round(th.offsetWidth)}`
        ),
        pageWidth: document.documentElement.scrollWidth,
    };
}"""


def test_the_queue_fits_at_1280_and_scrolls_in_its_box_at_390(live_server, coordinators, chromium):
    logins, rows = coordinators
    found = {}
    with chromium.sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            for language, (username, key) in logins.items():
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.set_default_timeout(15_000)
                page = sign_in(context, live_server.url, username, key)
                for width in (1280, 390):
                    page.set_viewport_size({"width": width, "height": 900})
                    page.goto(f"{live_server.url}{QUEUE}")
                    found[language, width] = page.locator("table.advisory-queue").evaluate(MEASURE)
                context.close()
        finally:
            browser.close()

    # The column that used to run off the edge is the last one measured.
    assert found["en", 1280]["lastHeading"].startswith("SLA due"), found["en", 1280]
    for language in LANGUAGES:
        wide, narrow = found[language, 1280], found[language, 390]
        assert wide["rows"] == rows, language
        # Within its box (the content column beside the menu), so within the screen: nothing to scroll.
        assert wide["tableRight"] <= wide["boxRight"] + 0.5, (language, wide["columns"])
        assert wide["pageWidth"] <= 1280, (language, wide)
        # On a phone the table is wider than the screen and scrolls in its own box, not the page.
        assert narrow["boxOverflow"] == "auto", (language, narrow)
        assert narrow["boxRight"] <= 390, (language, narrow)
        assert narrow["pageWidth"] <= 390, (language, narrow)
