"""Free text is escaped wherever the public pages show it: script and javascript: payloads stay text."""

import re

import pytest

from advisory import services
from advisory.models import AdvisoryRequest
from tests.advisory.conftest import valid_submission
from tests.advisory.factories import CoordinatorFactory, upload
from tests.advisory.public.conftest import Journey, form_data, open_tracking, track_url

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
JAVASCRIPT = "javascript:alert(1)"
TAG = '<img src=x onerror="alert(1)">'
TEXT_FIELDS = ("requester_name", "requester_phone", "organisation", "programme_name", "description")


def assert_escaped(html):
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html.replace(" ", "")
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("payload", [SCRIPT, JAVASCRIPT])
def test_payloads_in_every_text_field_are_shown_escaped_on_the_tracking_page(client, form_page, payload):
    # Both kinds in every field that takes free text, with the payload under test first.
    data = form_data(
        **{
            name: f"{payload} {SCRIPT} {JAVASCRIPT}"[:40]
            if name == "requester_phone"
            else f"{payload} {SCRIPT} {JAVASCRIPT} {TAG}"
            for name in TEXT_FIELDS
        }
    )
    response = client.post(form_page.url, {**data, "attachments": [upload(f"{TAG}.pdf")]})
    assert response.status_code == 303, response.content.decode()[:3000]
    thanks = client.get(form_page.url + "thanks/").content.decode()
    assert "<script>alert" not in thanks
    token = re.search(r"/track/#([\w-]+)", thanks).group(1)

    html = open_tracking(client, form_page, token).content.decode()
    assert_escaped(html)
    request = AdvisoryRequest.objects.get()
    assert request.description.startswith(payload)  # stored as written
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.pdf" in html  # the file name too


def test_payloads_in_messages_answers_team_and_deliverables_are_escaped(client, form_page):
    request, token = services.submit_request(
        {
            **_valid(),
            "description": f"{SCRIPT} {JAVASCRIPT}",
        },
        files=[],
        language="en",
    )
    journey = Journey(request=request, token=token, owner=CoordinatorFactory(countries=["DE"]))
    journey.screen()
    services.add_message(journey.fresh(), actor=journey.owner, body=f"{SCRIPT} [link]({JAVASCRIPT}) {TAG}")
    journey.ask_info(question=f"{SCRIPT} {JAVASCRIPT}")
    open_tracking(client, form_page, token)
    client.post(
        track_url(form_page),
        {
            "action": "provide_info",
            "provide_info-state": "awaiting_info",
            "provide_info-comment": f"{SCRIPT} {TAG}",
        },
    )
    journey.accept().staff(name=f"{SCRIPT} Expert").propose_team().approve_team()
    journey.deliver(title=f"{SCRIPT} {TAG}")
    html = client.get(track_url(form_page)).content.decode()
    assert_escaped(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Expert" in html


def test_payloads_are_escaped_when_the_form_is_shown_again(client, form_page):
    data = form_data(organisation='"><script>alert(1)</script>', description=SCRIPT, privacy_consent=None)
    html = client.post(form_page.url, data).content.decode()
    assert "<script>alert" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def _valid():
    return valid_submission()
