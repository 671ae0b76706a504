"""Who can open a request, for how long, and what leaks on the way (advisory/public/access.py).

The flaws guarded here: a resend that revoked the requester's working link (anyone could cut them
off by posting their address), and tokens in URL paths (access logs, Referer headers).
"""

import json
import logging
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from advisory import services
from advisory.models import AdvisoryRequest
from tests.advisory.factories import upload
from tests.advisory.public.conftest import form_data, legacy_url, open_link, open_tracking, track_url
from workflows.engine import perform
from workflows.mail import render
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State


def resend(client, page, email):
    return client.post(page.url + "track/resend/", {"email": email})


def mails(template, request=None):
    found = OutboxMessage.objects.filter(template=f"advisory/email/{template}")
    return found.filter(recipient=request.requester_email) if request is not None else found


def shows(response, journey):
    """Whether `response` is the tracking page of the journey's request."""
    return response.status_code == 200 and journey.request.reference in response.content.decode()


# Resending never revokes -------------------------------------------------------------------


def test_resend_does_not_revoke_the_working_link(client, form_page, journey):
    j = journey("screening")
    holder = Client()
    assert shows(open_tracking(holder, form_page, j.token), j)

    # Anybody posts the requester's address, as often as they like.
    for _ in range(3):
        assert resend(Client(), form_page, j.request.requester_email).status_code == 303

    assert shows(open_tracking(client, form_page, j.token), j)  # the old link still opens
    assert shows(holder.get(track_url(form_page)), j)  # and the browser already on it stays
    assert mails("tracking_link", j.request).count() == 3


def test_the_resend_mail_carries_a_one_time_sign_in_link(client, form_page, journey):
    j = journey("screening")
    resend(client, form_page, j.request.requester_email)
    [message] = mails("tracking_link", j.request)
    code = message.payload["tracking_token"]
    assert code != j.token and ":" in code

    assert shows(open_tracking(client, form_page, code), j)
    assert open_link(Client(), form_page, code).status_code == 404  # spent
    assert shows(open_tracking(Client(), form_page, j.token), j)


def test_a_sign_in_link_expires_after_its_hours(form_page, journey):
    j = journey("screening")
    resend(Client(), form_page, j.request.requester_email)
    code = mails("tracking_link", j.request).get().payload["tracking_token"]
    with time_machine.travel(timezone.now() + timedelta(hours=24, minutes=1)):
        assert open_link(Client(), form_page, code).status_code == 404


def test_a_rotated_token_voids_its_sign_in_links(form_page, journey):
    j = journey("screening")
    resend(Client(), form_page, j.request.requester_email)
    code = mails("tracking_link", j.request).get().payload["tracking_token"]
    services.rotate_tracking_link(j.fresh(), actor=j.owner)
    assert open_link(Client(), form_page, code).status_code == 404


def test_a_tampered_sign_in_code_opens_nothing(form_page, journey):
    j = journey("screening")
    other = journey("screening", requester_email="other@ministry.example")
    resend(Client(), form_page, j.request.requester_email)
    code = mails("tracking_link", j.request).get().payload["tracking_token"]
    payload, rest = code.split(":", 1)
    # The code names its request in a signed JSON payload: point it at another request, keep the signature.
    claims = json.loads(signing.b64_decode(payload.encode()))
    claims["r"] = other.request.pk
    forged = signing.b64_encode(json.dumps(claims, separators=(",", ":")).encode()).decode() + ":" + rest
    assert forged != code
    assert open_link(Client(), form_page, forged).status_code == 404


# The "this link leaked" action -------------------------------------------------------------


def test_the_leaked_action_kills_the_old_link_and_mails_a_new_one_once(client, form_page, journey):
    j = journey("screening")
    other_browser = Client()
    open_tracking(other_browser, form_page, j.token)
    open_tracking(client, form_page, j.token)

    response = client.post(form_page.url + "track/replace/")
    assert response.status_code == 303 and response["Location"] == track_url(form_page)
    page = client.get(response["Location"]).content.decode()
    assert "We have e-mailed a new link" in page

    assert open_link(Client(), form_page, j.token).status_code == 404  # the old link is dead
    assert not shows(other_browser.get(track_url(form_page)), j)  # and so is everyone's access with it
    [message] = mails("tracking_link_replaced", j.request)
    new_token = message.payload["tracking_token"]
    assert message.payload["replaced_by"] == "requester"
    assert shows(open_tracking(Client(), form_page, new_token), j)

    entry = ModelLogEntry.objects.for_instance(j.request).get(action="advisory.tracking_link_rotated")
    assert entry.data == {"actor_kind": "requester"}
    assert new_token not in str(entry.data) and j.token not in str(entry.data)


def test_the_leaked_action_needs_an_opened_request(form_page, journey):
    j = journey("screening")
    response = Client().post(form_page.url + "track/replace/")
    assert response.status_code == 403
    assert not mails("tracking_link_replaced").exists()
    assert AdvisoryRequest.find_by_token(j.token) == j.fresh()


# Expiry ----------------------------------------------------------------------------------------


def _ended(journey, state):
    if state == "declined":
        j = journey("screening")
        perform(j.fresh(), "decline", j.owner, comment="Outside our remit.")
    elif state == "withdrawn":
        j = journey("screening")
        perform(j.fresh(), "withdraw", j.requester, comment="No longer needed.")
    else:
        j = journey("delivered")
        perform(j.fresh(), "close", j.owner)
    assert j.fresh().state == state
    return j


@pytest.mark.parametrize("state", ["declined", "closed", "withdrawn"])
def test_tracking_links_of_ended_requests_expire_after_the_ttl(form_page, journey, state):
    j = _ended(journey, state)
    browser = Client()
    open_tracking(browser, form_page, j.token)
    with time_machine.travel(timezone.now() + timedelta(days=89, hours=23)):
        assert AdvisoryRequest.find_by_token(j.token) is not None
    with time_machine.travel(timezone.now() + timedelta(days=90, minutes=1)):
        assert open_link(Client(), form_page, j.token).status_code == 404
        assert AdvisoryRequest.find_by_token(j.token) is None


@override_settings(ADVISORY_TRACKING_LINK_TTL_DAYS=7)
def test_the_lifetime_of_links_is_a_setting(journey):
    j = _ended(journey, "withdrawn")
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        assert AdvisoryRequest.find_by_token(j.token) is None


@pytest.mark.parametrize("state", ["submitted", "awaiting_info", "in_progress", "delivered"])
def test_tracking_links_of_running_requests_do_not_expire(form_page, journey, state):
    j = journey(state)
    with time_machine.travel(timezone.now() + timedelta(days=400)):
        assert shows(open_tracking(Client(), form_page, j.token), j)


def test_rotating_an_expired_link_gives_a_fresh_lifetime(form_page, journey):
    j = _ended(journey, "closed")
    later = timezone.now() + timedelta(days=200)
    with time_machine.travel(later):
        assert AdvisoryRequest.find_by_token(j.token) is None
        services.rotate_tracking_link(j.fresh(), actor=j.owner)
        new_token = mails("tracking_link_replaced", j.request).get().payload["tracking_token"]
        assert shows(open_tracking(Client(), form_page, new_token), j)
    with time_machine.travel(later + timedelta(days=89)):
        assert AdvisoryRequest.find_by_token(new_token) == j.fresh()
    with time_machine.travel(later + timedelta(days=91)):
        assert AdvisoryRequest.find_by_token(new_token) is None


# The session ------------------------------------------------------------------------------------


def test_the_session_holds_no_raw_token(client, form_page, journey):
    j = journey("screening")
    resend(Client(), form_page, j.request.requester_email)
    code = mails("tracking_link", j.request).get().payload["tracking_token"]
    open_tracking(client, form_page, j.token)
    held = client.session["advisory_tracking"]
    assert set(held) == {"request", "hash", "seen"}
    assert held["request"] == j.request.pk and held["hash"] == j.fresh().tracking_token_hash
    stored = [SessionStore().decode(row.session_data) for row in Session.objects.all()]
    assert stored and all(j.token not in repr(data) for data in stored)

    open_tracking(client, form_page, code)  # a sign-in code is not kept either
    stored = [SessionStore().decode(row.session_data) for row in Session.objects.all()]
    assert all(code not in repr(data) and j.token not in repr(data) for data in stored)


def test_opening_a_request_gives_a_new_session_key(client, form_page, journey):
    j = journey("screening")
    client.get(track_url(form_page))
    client.session.save()
    planted = client.session.session_key
    open_link(client, form_page, j.token)
    assert client.session.session_key != planted


def test_a_rotated_token_ends_an_existing_session(client, form_page, journey):
    j = journey("screening")
    assert shows(open_tracking(client, form_page, j.token), j)
    services.rotate_tracking_link(j.fresh(), actor=j.owner)
    response = client.get(track_url(form_page))
    html = response.content.decode()
    assert response.status_code == 200 and j.request.reference not in html
    assert "your access to the request has ended" in html
    assert "advisory_tracking" not in client.session


def test_the_session_ends_after_two_idle_hours(client, form_page, journey):
    j = journey("screening")
    start = timezone.now()
    with time_machine.travel(start):
        open_tracking(client, form_page, j.token)
    with time_machine.travel(start + timedelta(minutes=110)):
        assert shows(client.get(track_url(form_page)), j)  # activity keeps it alive
    with time_machine.travel(start + timedelta(minutes=220)):
        assert shows(client.get(track_url(form_page)), j)
    with time_machine.travel(start + timedelta(minutes=220 + 121)):
        assert not shows(client.get(track_url(form_page)), j)


def test_signing_out_ends_the_session_and_the_link_keeps_working(client, form_page, journey):
    j = journey("screening")
    open_tracking(client, form_page, j.token)
    response = client.post(form_page.url + "track/sign-out/")
    assert response.status_code == 303
    html = client.get(track_url(form_page)).content.decode()
    assert j.request.reference not in html and "You have signed out" in html
    assert shows(open_tracking(client, form_page, j.token), j)


@pytest.mark.parametrize(
    "pasted",
    [
        "{url}#{token}",
        "  {url}#{token}  ",
        "{token}",
        "{url}{token}/",  # a link e-mailed before tokens moved to the fragment
    ],
)
def test_a_pasted_link_or_code_opens_the_request(client, form_page, journey, pasted):
    j = journey("screening")
    url = "http://localhost" + track_url(form_page)
    response = client.post(form_page.url + "track/open/", {"link": pasted.format(url=url, token=j.token)})
    assert response.status_code == 303
    assert shows(client.get(response["Location"]), j)


@pytest.mark.parametrize("pasted", ["", "hello", "<script>alert(1)</script>" * 3, "#" + "é" * 40])
def test_a_malformed_paste_is_refused_with_a_form_error(client, form_page, pasted):
    response = client.post(form_page.url + "track/open/", {"link": pasted})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_link_error"' in html and "<script>alert" not in html
    assert "advisory_tracking" not in client.session


def test_a_nul_byte_in_the_paste_is_a_polite_400(client, form_page):
    response = client.post(form_page.url + "track/open/", {"link": "x\x00" * 20})
    assert response.status_code == 400
    assert "advisory_tracking" not in client.session


@override_settings(ADVISORY_TRACKING_OPENS_PER_HOUR=3)
def test_guessing_tokens_is_rate_limited(client, form_page, journey, caplog):
    j = journey("screening")
    for attempt in range(3):
        assert open_link(client, form_page, f"guessed-token-number-{attempt:04d}").status_code == 404
    # Even the right token is refused now, and through the old route as well.
    refused = open_link(client, form_page, j.token)
    assert refused.status_code == 429
    assert "Too many attempts" in refused.content.decode()
    assert client.get(legacy_url(form_page, j.token)).status_code == 429
    assert "advisory_tracking" not in client.session
    # Another network is not affected.
    assert open_link(Client(REMOTE_ADDR="192.0.2.7"), form_page, j.token).status_code == 303


# Links in e-mails and on pages ------------------------------------------------------------------


def test_email_links_carry_the_token_in_the_fragment(form_page, journey):
    j = journey("screening")
    [receipt] = mails("request_received", j.request)
    link = form_page.tracking_url_for(j.fresh(), receipt.payload["tracking_token"])
    assert link == f"http://localhost/en/request-advice/track/#{j.token}"
    _subject, text, html = render(receipt)
    assert link in text and f'href="{link}"' in html
    assert f"/track/{j.token}" not in text + html


def test_the_thanks_page_link_carries_the_token_in_the_fragment(client, form_page):
    response = client.post(form_page.url, form_data())
    assert response.status_code == 303
    html = client.get(response["Location"]).content.decode()
    found = re.search(r'href="http://testserver/en/request-advice/track/#([\w-]+)"', html)
    assert found
    request = AdvisoryRequest.objects.get()
    assert request.tracking_token_hash == AdvisoryRequest.hash_token(found.group(1))


def test_download_urls_carry_no_token(client, form_page, journey):
    j = journey("delivered")
    services.add_message(j.fresh(), actor=j.owner, body="See the file.", files=[upload("notes.pdf")])
    html = open_tracking(client, form_page, j.token).content.decode()
    links = re.findall(r'href="([^"]*/track/[^"]*)"', html)
    assert any(re.search(r"/track/files/\d+/$", link) for link in links)
    assert any(re.search(r"/track/deliverables/\d+/$", link) for link in links)
    assert j.token not in html


def test_the_open_page_loads_its_script_from_a_file(client, form_page):
    html = client.get(track_url(form_page)).content.decode()
    assert '<script src="/static/advisory/js/tracking-open.js" defer></script>' in html
    assert "data-tracking-open" in html and 'name="link"' in html
    assert "<script>" not in html


# Links sent before tokens moved to the fragment -------------------------------------------------


def test_old_path_links_still_work_and_redirect_to_the_url_without_the_token(client, form_page, journey):
    j = journey("delivered")
    response = client.get(legacy_url(form_page, j.token))
    assert response.status_code == 303
    assert response["Location"] == track_url(form_page)
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"
    assert shows(client.get(response["Location"]), j)

    download = Client().get(legacy_url(form_page, j.token, f"deliverables/{j.deliverable.pk}/"))
    assert download.status_code == 303
    assert download["Location"] == f"{track_url(form_page)}deliverables/{j.deliverable.pk}/"


def test_old_path_download_links_open_the_file(form_page, journey):
    j = journey("delivered")
    browser = Client()
    response = browser.get(legacy_url(form_page, j.token, f"deliverables/{j.deliverable.pk}/"), follow=True)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert j.token not in response.redirect_chain[-1][0]


def test_an_old_path_link_with_a_wrong_token_is_not_valid(client, form_page, journey):
    j = journey("screening")
    response = client.get(legacy_url(form_page, j.token[:-2] + "zz"))
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()
    assert "advisory_tracking" not in client.session


# Logs -------------------------------------------------------------------------------------------


def test_the_token_is_never_in_a_logged_line(client, form_page, journey, caplog):
    j = journey("delivered")
    with caplog.at_level(logging.DEBUG):
        resend(client, form_page, j.request.requester_email)
        code = mails("tracking_link", j.request).get().payload["tracking_token"]
        open_tracking(client, form_page, j.token)
        client.get(f"{track_url(form_page)}deliverables/{j.deliverable.pk}/")
        open_link(Client(), form_page, j.token + "x")
        open_link(Client(), form_page, code)
        open_link(Client(), form_page, code)  # spent: refused and logged
        client.post(form_page.url + "track/replace/")
        new_token = mails("tracking_link_replaced", j.request).get().payload["tracking_token"]
        open_tracking(client, form_page, new_token)
        client.post(form_page.url + "track/sign-out/")
    lines = [record.getMessage() + repr(record.args) + (record.exc_text or "") for record in caplog.records]
    assert any("not valid" in line for line in lines)  # the refusals were logged ...
    for secret in (j.token, code, new_token, code.split(":")[0]):
        assert not [line for line in lines if secret in line]  # ... without any secret
