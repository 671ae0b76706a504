"""The privacy app's providers: data-subject requests and sign-in records."""

import pytest
from axes.models import AccessAttempt, AccessLog

from privacy import services
from privacy.models import DataSubjectRequest
from tests.advisory.factories import SuperUserFactory, UserFactory
from workflows import personal_data

ADDRESS = "maria@ministry.example"


def _attempt(model, username, **extra):
    return model.objects.create(
        username=username,
        ip_address="192.0.2.7",
        user_agent="Browser",
        http_accept="*/*",
        path_info="/admin/login/",
        **extra,
    )


@pytest.mark.django_db
def test_sign_in_records_of_the_address_and_its_accounts_are_found_and_deleted():
    UserFactory(username="mmuster", email=ADDRESS)
    by_address = _attempt(AccessLog, ADDRESS)
    by_username = _attempt(AccessAttempt, "MMuster", get_data="", post_data="", failures_since_start=2)
    someone_else = _attempt(AccessLog, "erika")

    found = {group.provider.name: group for group in personal_data.find(ADDRESS)}["sign-in"]
    assert sorted(record.id for record in found.records) == sorted(
        [f"accesslog:{by_address.pk}", f"accessattempt:{by_username.pk}"]
    )

    services.erase(ADDRESS, SuperUserFactory(), "asked")
    assert list(AccessLog.objects.values_list("pk", flat=True)) == [someone_else.pk]
    assert not AccessAttempt.objects.exists()


@pytest.mark.django_db
def test_a_data_subject_request_loses_its_address_but_keeps_its_hash():
    asked = DataSubjectRequest.objects.create(kind="erasure", email=ADDRESS, source="ADV-2026-0001")
    hashed = asked.address_hash
    assert hashed == personal_data.address_hash(ADDRESS)
    services.erase(ADDRESS, SuperUserFactory(), "asked")
    asked.refresh_from_db()
    assert (asked.email, asked.address_hash, asked.status) == ("", hashed, "done")
