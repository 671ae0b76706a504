"""The admin's Outbox: who sees it, what it lists, and "Resend" (POST, CSRF, permission, state change)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.workflows.factories import UserFactory
from workflows.models import OutboxMessage
from workflows.outbox import Notification, enqueue
from workflows.views import RESEND_ACTION

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status
INDEX = "workflows_outbox:index"
dispatched = []


def record_dispatch(message_ids):
    dispatched.append(list(message_ids))


@pytest.fixture(autouse=True)
def recorded_dispatches(settings):
    settings.WORKFLOWS_DISPATCHER = "tests.workflows.test_mail_admin.record_dispatch"
    dispatched.clear()
    yield dispatched
    dispatched.clear()


def staff(*codenames):
    user = UserFactory(is_staff=True)
    group = Group.objects.create(name=f"outbox-{user.username}")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=["access_admin", *codenames],
            content_type__app_label__in=["wagtailadmin", "workflows"],
        )
    )
    user.groups.add(group)
    return user


def client_for(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def make_row(ticket):
    counter = iter(range(10_000))

    def make(status=Status.PENDING, **values):
        n = next(counter)
        [message] = enqueue(ticket, "e", [Notification(f"person{n}@example.org", "shop/email/greeting")])
        OutboxMessage.objects.filter(pk=message.pk).update(status=status, **values)
        message.refresh_from_db()
        return message

    return make


def test_the_listing_shows_every_status_with_its_details(superuser, make_row):
    make_row(Status.PENDING)
    make_row(Status.SENT, sent_at=timezone.now(), attempts=1)
    failed = make_row(Status.FAILED, attempts=11, last_error="SMTPDataError: (451, b'Try again later')")

    response = client_for(superuser).get(reverse(INDEX))

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Outbox",
        "Pending",
        "Sent",
        "Failed",
        failed.recipient,
        "shop/email/greeting",
        "Try again later",
    ):
        assert text in html
    assert html.count("Resend</button>") == 1


def test_the_listing_filters_by_status_and_recipient(superuser, make_row):
    pending = make_row(Status.PENDING)
    failed = make_row(Status.FAILED)
    client = client_for(superuser)

    by_status = client.get(reverse(INDEX), {"status": "failed"}).content.decode()
    by_recipient = client.get(reverse(INDEX), {"recipient": pending.recipient.split("@")[0]}).content.decode()

    assert failed.recipient in by_status and pending.recipient not in by_status
    assert pending.recipient in by_recipient and failed.recipient not in by_recipient
    results = client.get(reverse("workflows_outbox:index_results"), {"status": "failed"})
    assert results.status_code == 200 and failed.recipient in results.content.decode()


def test_a_message_stuck_in_sending_is_shown_as_such_and_may_be_resent(superuser, make_row):
    make_row(Status.SENDING, claimed_at=timezone.now() - timedelta(hours=1))
    make_row(Status.SENDING, claimed_at=timezone.now())

    html = client_for(superuser).get(reverse(INDEX)).content.decode()

    assert html.count("Stuck in sending") == 1
    assert html.count("Resend</button>") == 1


def test_the_listing_runs_a_bounded_number_of_queries(superuser, make_row, django_assert_max_num_queries):
    client = client_for(superuser)
    make_row(Status.FAILED)
    client.get(reverse(INDEX))  # warm caches (site, content types)
    with django_assert_max_num_queries(1000) as few:
        client.get(reverse(INDEX))
    for _ in range(30):
        make_row(Status.FAILED)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(INDEX))

    assert response.status_code == 200


def test_the_payload_is_never_loaded_for_the_listing(superuser, make_row, django_assert_max_num_queries):
    make_row(Status.FAILED)

    with django_assert_max_num_queries(1000) as queries:
        client_for(superuser).get(reverse(INDEX))

    outbox_queries = [
        q["sql"] for q in queries.captured_queries if 'FROM "workflows_outboxmessage"' in q["sql"]
    ]
    assert outbox_queries
    assert not any('"payload"' in sql for sql in outbox_queries)


def test_viewers_see_the_listing_without_resend(make_row):
    make_row(Status.FAILED)
    viewer = staff("view_outboxmessage")

    response = client_for(viewer).get(reverse(INDEX))

    assert response.status_code == 200
    assert "Resend</button>" not in response.content.decode()


def test_other_admin_users_are_turned_away(make_row):
    editor = staff()

    response = client_for(editor).get(reverse(INDEX))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_the_processes_menu_shows_the_outbox_to_those_who_may_see_it(superuser):
    editor_home = client_for(staff()).get(reverse("wagtailadmin_home")).content.decode()
    viewer_home = client_for(staff("view_outboxmessage")).get(reverse("wagtailadmin_home")).content.decode()

    outbox_url = reverse(INDEX)
    assert outbox_url in viewer_home
    assert outbox_url not in editor_home


def test_resend_puts_a_failed_message_back_in_the_queue(
    superuser, make_row, django_capture_on_commit_callbacks
):
    failed = make_row(Status.FAILED, attempts=11, last_error="SMTPDataError: (451, b'Try again later')")
    client = client_for(superuser, enforce_csrf_checks=True)
    listing = client.get(reverse(INDEX), {"status": "failed"})
    token = (
        listing.cookies["csrftoken"].value
        if "csrftoken" in listing.cookies
        else client.cookies["csrftoken"].value
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workflows_outbox:resend", args=[failed.pk]),
            {"csrfmiddlewaretoken": token, "next": reverse(INDEX) + "?status=failed"},
        )

    assert response.status_code == 302
    assert response.url == reverse(INDEX) + "?status=failed"
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.claimed_at) == (Status.PENDING, 0, None)
    assert failed.last_error == "SMTPDataError: (451, b'Try again later')", "kept until the next attempt"
    assert dispatched == [[failed.pk]]
    entry = ModelLogEntry.objects.get(action=RESEND_ACTION)
    assert (entry.object_id, entry.user_id) == (str(failed.pk), superuser.pk)


def test_resend_needs_the_csrf_token(superuser, make_row):
    failed = make_row(Status.FAILED)

    response = client_for(superuser, enforce_csrf_checks=True).post(
        reverse("workflows_outbox:resend", args=[failed.pk])
    )

    assert response.status_code == 403
    failed.refresh_from_db()
    assert failed.status == Status.FAILED
    assert dispatched == []


def test_resend_needs_the_change_permission(make_row, django_capture_on_commit_callbacks):
    failed = make_row(Status.FAILED)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff("view_outboxmessage")).post(
            reverse("workflows_outbox:resend", args=[failed.pk])
        )

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    failed.refresh_from_db()
    assert failed.status == Status.FAILED
    assert dispatched == []


def test_a_resender_may_resend(make_row, django_capture_on_commit_callbacks):
    failed = make_row(Status.FAILED)

    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff("view_outboxmessage", "change_outboxmessage")).post(
            reverse("workflows_outbox:resend", args=[failed.pk])
        )

    assert OutboxMessage.objects.get(pk=failed.pk).status == Status.PENDING
    assert dispatched == [[failed.pk]]


@pytest.mark.parametrize(
    "values",
    [
        {"status": Status.SENT},
        {"status": Status.PENDING},
        {"status": Status.SENDING, "claimed_at": "now"},
    ],
    ids=["sent", "pending", "sending-within-its-lease"],
)
def test_only_failed_or_stuck_messages_may_be_resent(
    superuser, make_row, values, django_capture_on_commit_callbacks
):
    if values.get("claimed_at") == "now":
        values = {**values, "claimed_at": timezone.now()}
    row = make_row(**values)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(superuser).post(reverse("workflows_outbox:resend", args=[row.pk]), follow=True)

    assert "can no longer be resent" in response.content.decode()
    assert OutboxMessage.objects.get(pk=row.pk).status == values["status"]
    assert dispatched == []


def test_resend_accepts_posts_only_and_ignores_foreign_next_urls(superuser, make_row):
    failed = make_row(Status.FAILED)
    client = client_for(superuser)
    url = reverse("workflows_outbox:resend", args=[failed.pk])

    assert client.get(url).status_code == 405
    response = client.post(url, {"next": "https://evil.example.com/"})
    assert response.url == reverse(INDEX)
    # An unknown id is a 404 (which the site's language middleware first redirects to /en/...).
    assert client.post(reverse("workflows_outbox:resend", args=[999_999]), follow=True).status_code == 404
