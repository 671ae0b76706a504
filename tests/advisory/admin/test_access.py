"""Who may open the advisory admin: menus per role, 403 for everyone without an advisory role, a logged
refusal (403, the same as for a missing object) for objects outside a user's scope, and Wagtail's own
areas closed to experts."""

import logging

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from advisory.models import Attachment
from tests.advisory.admin.conftest import (
    S,
    assignment_url,
    deliverable_url,
    detail_url,
    expert_transition_url,
    invitation_for,
    make_request,
    transition_url,
)
from tests.advisory.factories import (
    PDF_BYTES,
    AssignmentFactory,
    DeliverableFactory,
    UserFactory,
    country,
    upload,
)

pytestmark = pytest.mark.django_db

SECURITY = "advisory.security"


def sidebar_of(response):
    """The menu items' names, as the sidebar's JSON carries them."""
    return response.content.decode()


@pytest.fixture
def world(coordinator, expert_user):
    """A German request owned by the coordinator, with an accepted assignment, a deliverable, a file."""
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    assignment = invitation_for(expert_user, state="accepted", request=obj)
    deliverable = DeliverableFactory(assignment=assignment)
    attachment = Attachment.objects.create(
        request=obj,
        file=upload("brief.pdf"),
        original_name="brief.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by="requester",
    )
    return {"request": obj, "assignment": assignment, "deliverable": deliverable, "attachment": attachment}


def coordinator_urls(world):
    obj, assignment, deliverable = world["request"], world["assignment"], world["deliverable"]
    return [
        ("get", reverse("advisory_requests:index")),
        ("get", reverse("advisory_requests:index") + "?export=xlsx"),
        ("get", detail_url(obj)),
        ("get", transition_url(obj, "hold")),
        ("post", transition_url(obj, "hold")),
        ("post", reverse("advisory_requests:message", args=[obj.pk])),
        ("post", reverse("advisory_requests:invite", args=[obj.pk])),
        ("post", assignment_url(assignment, "release")),
        ("post", deliverable_url(deliverable, "approve")),
    ]


def expert_urls(world):
    assignment, deliverable = world["assignment"], world["deliverable"]
    return [
        ("get", reverse("advisory_expert:invitations")),
        ("get", reverse("advisory_expert:engagements")),
        ("get", reverse("advisory_expert:assignment", args=[assignment.pk])),
        ("get", reverse("advisory_expert:upload", args=[assignment.pk])),
        ("post", reverse("advisory_expert:upload", args=[assignment.pk])),
        ("post", reverse("advisory_expert:message", args=[assignment.pk])),
        ("post", expert_transition_url(assignment, "accept")),
        (
            "post",
            reverse("advisory_expert:deliverable_transition", args=[assignment.pk, deliverable.pk, "submit"]),
        ),
    ]


def file_urls(world):
    return [
        ("get", reverse("advisory_files:attachment", args=[world["attachment"].pk])),
        ("get", reverse("advisory_files:deliverable", args=[world["deliverable"].pk])),
    ]


# Menus ----------------------------------------------------------------------------------------


def test_a_coordinator_has_the_requests_menu_item_and_no_expert_items(login, coordinator):
    html = sidebar_of(login(coordinator).get(reverse("wagtailadmin_home")))
    assert "advisory-requests" in html
    assert "advisory-my-invitations" not in html


def test_a_lead_and_a_superuser_have_the_requests_menu_item(login, lead, superuser):
    assert "advisory-requests" in sidebar_of(login(lead).get(reverse("wagtailadmin_home")))
    assert "advisory-requests" in sidebar_of(login(superuser).get(reverse("wagtailadmin_home")))


def test_an_expert_has_a_narrow_menu(login, expert_user):
    html = sidebar_of(login(expert_user).get(reverse("wagtailadmin_home")))
    assert "advisory-my-invitations" in html and "advisory-my-engagements" in html
    for hidden in (
        '"explorer"',
        '"images"',
        '"documents"',
        '"snippets"',
        '"reports"',
        '"settings"',
        '"help"',
    ):
        assert hidden not in html
    assert "advisory-requests" not in html


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Translators"])
def test_editorial_staff_see_no_advisory_menu_item(login, group):
    user = UserFactory(is_staff=True, groups=[group])

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    html = sidebar_of(login(user).get(reverse("wagtailadmin_home")))
    assert "advisory-" not in html


# Editors: 403 everywhere ----------------------------------------------------------------------


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Translators"])
def test_editorial_staff_get_403_on_every_advisory_url(login, world, group, caplog):
    user = UserFactory(is_staff=True, groups=[group])
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = login(user)
    with caplog.at_level(logging.WARNING, logger=SECURITY):
        for method, url in coordinator_urls(world) + expert_urls(world) + file_urls(world):
            response = getattr(client, method)(url)
            assert response.status_code == 403, (method, url, response.status_code)
    assert len([r for r in caplog.records if r.name == SECURITY]) == len(
        coordinator_urls(world) + expert_urls(world) + file_urls(world)
    )
    world["request"].refresh_from_db()
    assert world["request"].state == S.IN_PROGRESS


def test_an_expert_gets_403_on_the_coordinator_urls(login, world, expert_user):
    client = login(expert_user)
    for method, url in coordinator_urls(world):
        assert getattr(client, method)(url).status_code == 403, url


def test_a_coordinator_without_an_expert_record_gets_403_on_the_expert_urls(login, world, coordinator):
    client = login(coordinator)
    for method, url in expert_urls(world):
        assert getattr(client, method)(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    for method, url in coordinator_urls(world) + expert_urls(world) + file_urls(world):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


# Scope ----------------------------------------------------------------------------------------


def test_a_coordinator_out_of_scope_is_refused_and_logged_everywhere(login, world, other_coordinator, caplog):
    client = login(other_coordinator)
    urls = [entry for entry in coordinator_urls(world) if "?export" not in entry[1]]
    urls = [entry for entry in urls if entry[1] != reverse("advisory_requests:index")]
    with caplog.at_level(logging.WARNING, logger=SECURITY):
        for method, url in urls + file_urls(world):
            assert getattr(client, method)(url).status_code == 403, url
    refused = [r for r in caplog.records if r.name == SECURITY]
    assert len(refused) == len(urls + file_urls(world))
    assert all(str(other_coordinator.pk) in r.getMessage() for r in refused)
    world["request"].refresh_from_db()
    assert world["request"].state == S.IN_PROGRESS
    assert not world["request"].messages.exists()


def test_an_expert_opening_someone_elses_assignment_is_refused_and_logged(
    login, world, other_expert_user, caplog
):
    client = login(other_expert_user)
    assignment = world["assignment"]
    urls = [entry for entry in expert_urls(world) if str(assignment.pk) in entry[1]]
    with caplog.at_level(logging.WARNING, logger=SECURITY):
        for method, url in urls:
            assert getattr(client, method)(url).status_code == 403, url
    assert len([r for r in caplog.records if r.name == SECURITY]) == len(urls)
    assignment.refresh_from_db()
    assert (
        assignment.state == "accepted"
        and not assignment.deliverables.exclude(pk=world["deliverable"].pk).exists()
    )


def test_an_expert_downloads_only_the_files_of_their_own_requests(
    login, world, expert_user, other_expert_user
):
    for method, url in file_urls(world):
        assert getattr(login(expert_user), method)(url).status_code == 200
    for method, url in file_urls(world):
        assert getattr(login(other_expert_user), method)(url).status_code == 403


def test_an_expert_who_declined_no_longer_sees_the_request(login, expert_user):
    assignment = invitation_for(expert_user, state="declined")
    response = login(expert_user).get(reverse("advisory_expert:assignment", args=[assignment.pk]))
    assert response.status_code == 403
    assert assignment.request.description not in response.content.decode()


def test_a_lead_and_a_superuser_open_every_request(login, lead, superuser):
    french = make_request(S.SUBMITTED, country=country("FR"))
    for user in (lead, superuser):
        assert login(user).get(detail_url(french)).status_code == 200


# Wagtail's own areas for experts --------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/reports/locked/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/redirects/",
        "/admin/forms/",
    ],
)
def test_wagtails_own_areas_are_closed_to_experts(login, expert_user, url):
    response = login(expert_user).get(url)
    assert response.status_code in (302, 403, 404), (url, response.status_code)
    if response.status_code == 302:
        assert response["Location"].rstrip("/").endswith("/admin")


def test_wagtails_site_history_shows_an_expert_nothing(login, expert_user, world):
    """Wagtail opens the report to every admin user; the editorial reports are refused to non-editors."""
    response = login(expert_user).get("/admin/reports/site-history/")
    html = response.content.decode()
    assert world["request"].reference not in html
    assert response.status_code == 403


def test_assignment_urls_of_another_request_are_refused(login, coordinator):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    other = AssignmentFactory(state="accepted", request=make_request(S.IN_PROGRESS, owner=coordinator))
    url = reverse("advisory_requests:assignment_transition", args=[obj.pk, other.pk, "release"])
    assert login(coordinator).post(url, {}).status_code == 403
