"""CSRF on every state-changing view: a cross-site POST (no token) is refused with 403 and changes nothing.

The client has a CSRF cookie (as a visitor of the site would) but the forged form carries no token.
Each target is posted by the person who could otherwise do it, with the data the real form sends, so a
403 can only come from the CSRF check; a control posts one of each with the token and gets through.
"""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from advisory.models import AdvisoryRequest, Attachment, Deliverable, Message, RequestFormPage
from privacy.models import DataProtectionRecord, DataSubjectRequest
from tests.advisory.public.conftest import form_data, open_link
from tests.security.test_id_urls import advisory_patterns, id_urls
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

COOKIE = "A" * 32  # a CSRF secret the browser holds; the forged form cannot read it


def forging_client(user=None, cookies=None):
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    if cookies is not None:
        for key, morsel in cookies.items():
            client.cookies[key] = morsel.value
    client.cookies["csrftoken"] = COOKIE
    return client


def state_of_everything(world):
    obj = AdvisoryRequest.objects.get(pk=world["request"].pk)
    return (
        obj.state,
        obj.tracking_token_hash,
        AdvisoryRequest.objects.count(),
        Message.objects.count(),
        Attachment.objects.count(),
        Deliverable.objects.count(),
        OutboxMessage.objects.count(),
        AccessAttempt.objects.count(),
        DataProtectionRecord.objects.count(),
        DataSubjectRequest.objects.count(),
        sorted(obj.assignments.values_list("state", flat=True)),
    )


def public_post_routes(page):
    """The request form page's routes that take a POST (no id, no token in them)."""
    names = []
    for pattern in RequestFormPage.get_subpage_urls():
        if pattern.pattern.converters or pattern.name == "thanks":
            continue
        names.append(pattern.name)
    return {name: page.url + page.reverse_subpage(name) for name in names}


def test_the_public_post_routes_are_all_found(form_page):
    assert {
        "form",
        "resend",
        "track",
        "track_open",
        "track_sign_out",
        "track_replace",
        "track_privacy",
    } <= set(public_post_routes(form_page))


PUBLIC_DATA = {
    "form": lambda: form_data(),
    "resend": lambda: {"email": "wilhelmina@schattenamt.example"},
    "track": lambda: {"action": "withdraw", "withdraw-state": "in_progress", "withdraw-comment": "forged"},
    "track_open": lambda: {"link": "B" * 43},
    "track_sign_out": lambda: {},
    "track_replace": lambda: {},
    "track_privacy": lambda: {"kind": "erasure"},
}


def test_a_forged_post_to_any_public_route_is_refused_and_changes_nothing(client, form_page, world):
    routes = public_post_routes(form_page)
    before = state_of_everything(world)
    for name, url in routes.items():
        response = forging_client(cookies=client.cookies).post(url, PUBLIC_DATA.get(name, dict)())
        assert response.status_code == 403, (name, response.status_code)
    assert state_of_everything(world) == before


def test_a_forged_post_riding_on_an_open_tracking_session_is_refused(client, form_page, journey):
    trip = journey("in_progress")
    assert open_link(client, form_page, trip.token).status_code == 303
    forged = forging_client(cookies=client.cookies)
    routes = public_post_routes(form_page)
    for name in ("track", "track_replace", "track_privacy", "track_sign_out"):
        hash_before = trip.fresh().tracking_token_hash
        response = forged.post(routes[name], PUBLIC_DATA[name]())
        assert response.status_code == 403, (name, response.status_code)
        assert trip.fresh().state == "in_progress" and trip.request.tracking_token_hash == hash_before
    # The session survived: the requester still sees their request.
    assert client.get(routes["track"]).status_code == 200


def test_the_public_form_goes_through_with_the_token(form_page):
    client = Client(enforce_csrf_checks=True)
    client.get(form_page.url)
    token = client.cookies["csrftoken"].value
    response = client.post(form_page.url, {**form_data(), "csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert AdvisoryRequest.objects.count() == 1


def admin_post_targets(world, superuser):
    """(user, url, data) of every advisory admin URL and the staff tools, posted by who may use them."""
    owner, expert = world["coordinator"], world["expert_user"]
    targets = []
    data = {"body": "forged", "visibility": "shared", "expert": world["expert_user"].expert_profile.pk}
    for name, url in id_urls(world):
        user = expert if name.startswith("advisory_expert:") else owner
        targets.append((user, url, data))
    for name, pattern in advisory_patterns():
        if not pattern.pattern.converters:
            user = expert if name.startswith("advisory_expert:") else owner
            targets.append((user, reverse(name), data))
    attempt = AccessAttempt.objects.create(
        username="someone",
        ip_address="203.0.113.9",
        user_agent="x",
        failures_since_start=9,
        get_data="",
        post_data="",
        http_accept="",
        path_info="/admin/login/",
    )
    targets += [
        (
            superuser,
            reverse("privacy:index"),
            {
                "action": "confirm_erase",
                "email": world["request"].requester_email,
                "reason": "forged",
                "confirm": "on",
            },
        ),
        (superuser, reverse("accounts_unlock", args=[attempt.pk]), {}),
        (superuser, reverse("wagtail_2fa_device_new"), {"otp_token": "123456"}),
        (None, reverse("wagtailadmin_login"), {"username": superuser.username, "password": "x"}),
        (None, "/admin/password_reset/", {"email": superuser.email}),
        (superuser, reverse("wagtailadmin_account"), {"name_email-first_name": "Forged"}),
    ]
    message = OutboxMessage.objects.first()
    if message is not None:
        targets.append((superuser, reverse("workflows_outbox:resend", args=[message.pk]), {}))
    return targets


def test_a_forged_post_to_any_advisory_admin_url_or_staff_tool_is_refused(world, superuser):
    targets = admin_post_targets(world, superuser)
    assert len(targets) > 20
    before = state_of_everything(world)
    for user, url, data in targets:
        response = forging_client(user).post(url, data)
        assert response.status_code == 403, (url, response.status_code)
    assert state_of_everything(world) == before
    superuser.refresh_from_db()
    assert superuser.first_name != "Forged"


def test_a_staff_post_with_the_token_goes_through(world):
    """The control: the owner's message, with the token, is accepted (so the 403s above are CSRF's)."""
    client = forging_client(world["coordinator"])
    url = reverse("advisory_requests:message", args=[world["request"].pk])
    response = client.post(
        url, {"body": "Real note", "visibility": "internal", "csrfmiddlewaretoken": COOKIE}
    )
    assert response.status_code in (302, 303)
    assert Message.objects.filter(body="Real note").exists()
