"""Request bodies are capped in Django too, consistently with what the advisory form accepts."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from advisory import conf
from advisory.models import AdvisoryRequest
from tests.advisory.factories import upload
from tests.advisory.public.conftest import form_data, form_page  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def test_the_body_cap_admits_the_largest_advisory_submission():
    largest = conf.get("ADVISORY_MAX_FILES") * conf.get("ADVISORY_MAX_UPLOAD_SIZE")
    # The files plus the form's own fields (a description of 10,000 characters, 4 bytes each at most).
    assert largest + 100_000 <= settings.MAX_REQUEST_BODY_SIZE
    assert settings.MAX_REQUEST_BODY_SIZE <= 64 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= 100_000


@override_settings(MAX_REQUEST_BODY_SIZE=200_000)
def test_an_oversized_submission_is_refused_with_413_and_stores_nothing(client, form_page):  # noqa: F811
    big = SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n" + b"0" * 300_000, content_type="application/pdf")
    response = client.post(form_page.url, {**form_data(), "attachments": [big]})
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()
    assert not AdvisoryRequest.objects.exists()
    # Within the cap, the same form goes through.
    assert (
        client.post(form_page.url, {**form_data(), "attachments": [upload("brief.pdf")]}).status_code == 303
    )


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=20_000)
def test_form_fields_over_the_memory_cap_are_a_polite_400(client, form_page):  # noqa: F811
    response = client.post(form_page.url, form_data(description="x" * 30_000))
    assert response.status_code == 400
    assert "This request could not be accepted" in response.content.decode()
    assert not AdvisoryRequest.objects.exists()


@override_settings(DATA_UPLOAD_MAX_NUMBER_FILES=3)
def test_too_many_files_are_a_polite_400(client, form_page):  # noqa: F811
    files = [upload(f"brief{i}.pdf") for i in range(5)]
    response = client.post(form_page.url, {**form_data(), "attachments": files})
    assert response.status_code == 400
    assert not AdvisoryRequest.objects.exists()
