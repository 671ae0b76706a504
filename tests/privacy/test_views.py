"""The data-subject tools in the admin: who may use them, and what each step does."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from advisory.models import AdvisoryRequest
from privacy.models import DataProtectionRecord
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    CoordinatorFactory,
    ExpertUserFactory,
    SuperUserFactory,
    UserFactory,
    editor,
)

ADDRESS = "maria@ministry.example"
URL = "/admin/privacy/"
REFUSAL = "Only data protection officers and administrators may use these tools."


@pytest.fixture
def request_of_maria(db):
    return AdvisoryRequestFactory(state=AdvisoryRequest.State.CLOSED, requester_email=ADDRESS)


@pytest.fixture
def dpo(db):
    """A member of a group granted the tools, and nothing else of the advisory service."""
    group = Group.objects.create(name="Data protection officers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_personal_data"),
    )
    return UserFactory(username="dana", groups=["Data protection officers"])


def test_the_url_is_the_one_the_menu_links(db):
    assert reverse("privacy:index") == URL


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "lead", "expert", "editor"])
def test_staff_without_the_permission_are_refused_with_403(client, request_of_maria, role):
    user = {
        "coordinator": lambda: CoordinatorFactory(countries=["DE"]),
        "lead": lambda: CoordinatorFactory(lead=True),
        "expert": ExpertUserFactory,
        "editor": editor,
    }[role]()
    client.force_login(user)
    assert client.get(URL).status_code == 403
    for action in ("search", "export", "erase"):
        response = client.post(URL, {"action": action, "email": ADDRESS})
        assert response.status_code == 403
        assert REFUSAL in response.content.decode()
    response = client.post(URL, {"action": "confirm_erase", "email": ADDRESS, "reason": "x", "confirm": "on"})
    assert response.status_code == 403
    assert AdvisoryRequest.objects.get(pk=request_of_maria.pk).requester_email == ADDRESS
    assert not DataProtectionRecord.objects.exists()


@pytest.mark.django_db
def test_the_menu_item_shows_only_to_those_allowed(client, dpo):
    coordinator = CoordinatorFactory(countries=["DE"])
    client.force_login(coordinator)
    assert URL not in client.get("/admin/").content.decode()
    client.force_login(dpo)
    assert URL in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_a_data_protection_officer_finds_the_request_without_the_address_in_a_url(
    client, dpo, request_of_maria
):
    client.force_login(dpo)
    response = client.post(URL, {"action": "search", "email": "  Maria@Ministry.example "})
    assert response.status_code == 200
    page = response.content.decode()
    assert request_of_maria.reference in page
    assert "Export (JSON and CSV, zipped)" in page


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["", "maria", "maria@", "x" * 300 + "@example.org"])
def test_a_malformed_address_is_a_400_with_a_message(client, dpo, bad):
    client.force_login(dpo)
    for action in ("search", "export", "erase"):
        response = client.post(URL, {"action": action, "email": bad})
        assert response.status_code == 400
        assert "error-message" in response.content.decode()


@pytest.mark.django_db
def test_a_nul_byte_is_a_400_not_a_500(client, dpo):
    client.force_login(dpo)
    for action in ("search", "export", "erase", "confirm_erase"):
        assert client.post(URL, {"action": action, "email": "a\x00b@example.org"}).status_code == 400


@pytest.mark.django_db
def test_an_unknown_action_is_a_400(client, dpo):
    client.force_login(dpo)
    assert client.post(URL, {"action": "drop-tables", "email": ADDRESS}).status_code == 400


@pytest.mark.django_db
def test_the_export_is_a_zip_and_is_recorded(client, dpo, request_of_maria):
    client.force_login(dpo)
    response = client.post(URL, {"action": "export", "email": ADDRESS})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert ADDRESS not in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert request_of_maria.reference in archive.read("personal-data.json").decode()
    assert DataProtectionRecord.objects.get().kind == "export"


@pytest.mark.django_db
def test_erasure_asks_for_confirmation_and_a_reason_first(client, dpo, request_of_maria):
    client.force_login(dpo)
    step = client.post(URL, {"action": "erase", "email": ADDRESS})
    assert step.status_code == 200
    assert 'name="action" value="confirm_erase"' in step.content.decode()
    assert AdvisoryRequest.objects.get(pk=request_of_maria.pk).anonymised_at is None

    unconfirmed = client.post(URL, {"action": "confirm_erase", "email": ADDRESS, "reason": "asked"})
    assert unconfirmed.status_code == 400
    assert "Confirm that the erasure cannot be undone." in unconfirmed.content.decode()
    no_reason = client.post(URL, {"action": "confirm_erase", "email": ADDRESS, "confirm": "on"})
    assert no_reason.status_code == 400
    assert AdvisoryRequest.objects.get(pk=request_of_maria.pk).anonymised_at is None

    done = client.post(URL, {"action": "confirm_erase", "email": ADDRESS, "reason": "asked", "confirm": "on"})
    assert done.status_code == 302
    assert AdvisoryRequest.objects.get(pk=request_of_maria.pk).anonymised_at is not None
    record = DataProtectionRecord.objects.get()
    assert (record.kind, record.performed_by, record.reason) == ("erasure", dpo, "asked")


@pytest.mark.django_db
def test_erasure_refused_by_a_provider_shows_why_and_changes_nothing(client, db):
    running = AdvisoryRequestFactory(state=AdvisoryRequest.State.IN_PROGRESS, requester_email=ADDRESS)
    client.force_login(SuperUserFactory())
    response = client.post(
        URL, {"action": "confirm_erase", "email": ADDRESS, "reason": "asked", "confirm": "on"}
    )
    assert response.status_code == 409
    assert running.reference in response.content.decode()
    assert AdvisoryRequest.objects.get(pk=running.pk).anonymised_at is None


@pytest.mark.django_db
def test_a_second_request_for_an_erased_address_is_recognised(client, dpo, request_of_maria):
    client.force_login(dpo)
    client.post(URL, {"action": "confirm_erase", "email": ADDRESS, "reason": "asked", "confirm": "on"})
    response = client.post(URL, {"action": "search", "email": ADDRESS})
    assert "The data of this address was erased before" in response.content.decode()


@pytest.mark.django_db
def test_the_forms_need_a_csrf_token(dpo, request_of_maria):
    client = Client(enforce_csrf_checks=True)
    client.force_login(dpo)
    response = client.post(URL, {"action": "confirm_erase", "email": ADDRESS, "reason": "x", "confirm": "on"})
    assert response.status_code == 403
    assert AdvisoryRequest.objects.get(pk=request_of_maria.pk).anonymised_at is None
