"""The requester asks for a copy or the erasure of their data from the tracking page."""

import pytest
from django.test import Client

from advisory.models import RequestFormPage
from cms.models import StandardPage
from privacy.models import DataSubjectRequest
from tests.advisory.public.conftest import open_tracking, track_url
from tests.cms.factories import english_home, translate
from workflows.models import OutboxMessage

ADDRESS = "maria@ministry.example"


@pytest.fixture
def policy(form_page):
    """The privacy page, in English and German, linked from the form page."""
    page = StandardPage(title="Privacy", slug="privacy")
    english_home().add_child(instance=page)
    page.save_revision().publish()
    form_page.privacy_page = page
    form_page.save_revision().publish()
    translate(page, "de", title="Datenschutz", slug="datenschutz")
    return page


def privacy_url(page):
    return page.url + page.reverse_subpage("track_privacy")


@pytest.fixture
def opened(client, form_page, policy, journey):
    """A browser opened on a submitted request."""
    trip = journey("submitted")
    open_tracking(client, form_page, trip.token)
    return trip


def sent_for(subject_request):
    return OutboxMessage.objects.filter(event="advisory.advisoryrequest.privacy_request").order_by("pk")


@pytest.mark.django_db
def test_the_tracking_page_offers_the_form_and_links_the_privacy_page(client, form_page, opened):
    page = client.get(track_url(form_page)).content.decode()
    assert f'action="{privacy_url(form_page)}"' in page
    assert 'name="privacy-kind" value="erasure"' in page
    assert 'href="/en/privacy/"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "confirmation"),
    [
        ("export", "We have received your request for a copy of your data."),
        ("erasure", "We have received your request for the erasure of your data."),
    ],
)
def test_asking_records_a_request_tells_the_coordinators_and_confirms(
    client, form_page, opened, kind, confirmation
):
    response = client.post(privacy_url(form_page), {"privacy-kind": kind})
    assert response.status_code == 303
    assert response["Location"] == track_url(form_page) + "#privacy-title"
    subject_request = DataSubjectRequest.objects.get()
    assert (subject_request.kind, subject_request.email, subject_request.source, subject_request.status) == (
        kind,
        ADDRESS,
        opened.request.reference,
        "open",
    )
    recipients = {message.recipient: message.template for message in sent_for(subject_request)}
    assert recipients == {
        opened.owner.email: "advisory/email/privacy_request_received",
        ADDRESS: "advisory/email/privacy_request_confirmed",
    }
    assert confirmation in client.get(track_url(form_page)).content.decode()


@pytest.mark.django_db
def test_asking_twice_sends_nothing_new(client, form_page, opened):
    client.post(privacy_url(form_page), {"privacy-kind": "erasure"})
    client.post(privacy_url(form_page), {"privacy-kind": "erasure"})
    assert DataSubjectRequest.objects.count() == 1
    assert sent_for(None).count() == 2
    assert "We already have this request of yours" in client.get(track_url(form_page)).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["", "delete-everything", "export\x00"])
def test_a_wrong_choice_is_refused_with_a_message(client, form_page, opened, kind):
    response = client.post(privacy_url(form_page), {"privacy-kind": kind}, follow=True)
    assert response.status_code in (200, 400)
    assert not DataSubjectRequest.objects.exists()


@pytest.mark.django_db
def test_a_browser_without_a_request_open_is_refused_by_a_check(client, form_page, policy, journey):
    journey("submitted")
    response = client.post(privacy_url(form_page), {"privacy-kind": "erasure"})
    assert response.status_code == 403
    assert not DataSubjectRequest.objects.exists()


@pytest.mark.django_db
def test_a_get_changes_nothing(client, form_page, opened):
    assert client.get(privacy_url(form_page)).status_code == 303
    assert not DataSubjectRequest.objects.exists()


@pytest.mark.django_db
def test_the_form_needs_a_csrf_token(form_page, policy, journey):
    trip = journey("submitted")
    browser = Client(enforce_csrf_checks=True)
    opened = browser.get(track_url(form_page))
    token = opened.cookies["csrftoken"].value
    browser.post(
        form_page.url + form_page.reverse_subpage("track_open"),
        {"link": trip.token, "csrfmiddlewaretoken": token},
    )
    response = browser.post(privacy_url(form_page), {"privacy-kind": "erasure"})
    assert response.status_code == 403
    assert not DataSubjectRequest.objects.exists()


@pytest.mark.django_db
def test_every_public_form_links_the_privacy_page_in_its_language(
    client, form_page, policy, german_page, journey
):
    trip = journey("submitted")
    for page, link in ((form_page, "/en/privacy/"), (german_page, "/de/datenschutz/")):
        page = RequestFormPage.objects.get(pk=page.pk)
        routes = ["", page.reverse_subpage("resend"), page.reverse_subpage("track")]
        for route in routes:
            body = client.get(page.url + route).content.decode()
            assert f'href="{link}"' in body, (page.url, route)
    open_tracking(client, german_page, trip.token)
    assert 'href="/de/datenschutz/"' in client.get(track_url(german_page)).content.decode()
