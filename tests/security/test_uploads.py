"""Uploads an attacker would try: disguised, oversized, zip bombs, hostile file names.

Every upload door is tried: the public request form, the requester's answer on the tracking page and
the expert's deliverable upload. Files are judged by content; names are only shown, never used to store.
"""

import io
import os
import zipfile
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from advisory.models import AdvisoryRequest, Attachment, Deliverable
from advisory.uploads import validate_upload
from tests.advisory.factories import (
    ELF_BYTES,
    PDF_BYTES,
    WINDOWS_EXE_BYTES,
    docm_bytes,
    docx_bytes,
    upload,
)
from tests.advisory.public.conftest import form_data, open_link, track_url
from tests.security.conftest import client_for

pytestmark = pytest.mark.django_db

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    f'<Override PartName="/word/document.xml" ContentType="{DOCX_MAIN}"/></Types>'
)


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not an office document")
    return buffer.getvalue()


def expanding_docx(megabytes=300):
    """A docx-looking zip whose document part expands to `megabytes` of zeros (a few hundred KB packed)."""
    buffer = io.BytesIO()
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(megabytes):
                part.write(chunk)
    return buffer.getvalue()


def many_entries_docx(count=5000):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for index in range(count):
            archive.writestr(f"word/media/part{index}.xml", "")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb():
    return expanding_docx()


def answer(text, file):
    """The requester's answer on the tracking page, with one file."""
    return {
        "action": "provide_info",
        "provide_info-state": "awaiting_info",
        "provide_info-comment": text,
        "provide_info-attachments": [file],
    }


def codes(error):
    return [item.code for item in error.value.error_list]


# Disguised files ---------------------------------------------------------------------------------

DISGUISED = [
    ("setup.pdf", WINDOWS_EXE_BYTES, "executable"),
    ("tool.pdf", ELF_BYTES, "executable"),
    ("script.pdf", b"#!/bin/sh\nrm -rf /\n", "executable"),
    ("page.pdf", b"<html><script>alert(1)</script></html>", "type"),
    ("image.pdf", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "type"),
    ("report.exe", PDF_BYTES, "extension"),
    ("letter.docx", plain_zip(), "type"),
    ("macro.docx", docm_bytes(), "type"),
]


@pytest.mark.parametrize(("name", "content", "code"), DISGUISED, ids=[row[0] for row in DISGUISED])
def test_a_disguised_file_is_refused_by_its_content(name, content, code):
    with pytest.raises(Exception) as error:
        validate_upload(upload(name, content, "application/pdf"))
    assert codes(error) == [code]


@pytest.mark.parametrize(("name", "content", "code"), DISGUISED, ids=[row[0] for row in DISGUISED])
def test_a_disguised_file_on_the_public_form_stores_nothing(client, form_page, name, content, code):
    response = client.post(form_page.url, {**form_data(), "attachments": [upload(name, content)]})
    assert response.status_code == 200
    assert "attachments" in response.context["form"].errors
    assert not AdvisoryRequest.objects.exists() and not Attachment.objects.exists()


def test_a_disguised_file_in_a_tracking_answer_is_refused(client, form_page, journey):
    trip = journey("awaiting_info")
    assert open_link(client, form_page, trip.token).status_code == 303
    response = client.post(
        track_url(form_page),
        answer("Here it is.", upload("answer.pdf", WINDOWS_EXE_BYTES)),
    )
    assert response.status_code == 200
    errors = response.context["action_forms"]["provide_info"].errors
    assert "is a program, not a document" in str(errors["attachments"]), errors
    assert trip.fresh().state == "awaiting_info" and not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("final.pdf", WINDOWS_EXE_BYTES), ("final.docx", docm_bytes()), ("final.exe", PDF_BYTES)],
)
def test_a_disguised_deliverable_upload_by_an_expert_is_refused(world, name, content):
    before = Deliverable.objects.count()
    url = reverse("advisory_expert:upload", args=[world["assignment"].pk])
    response = client_for(world["expert_user"]).post(url, {"title": "Final", "file": upload(name, content)})
    assert response.status_code in (200, 400)
    assert response.context["form"].errors
    assert Deliverable.objects.count() == before


# Zip bombs ---------------------------------------------------------------------------------------


@pytest.fixture
def members_opened():
    """Every archive member the check opens (reading one expands it): the work, not the clock."""
    with mock.patch.object(zipfile.ZipFile, "open", autospec=True, side_effect=zipfile.ZipFile.open) as spy:
        yield spy


def test_a_docx_that_expands_to_hundreds_of_megabytes_is_refused_without_expanding_it(bomb, members_opened):
    assert len(bomb) < 2 * 1024 * 1024
    with pytest.raises(Exception) as error:
        validate_upload(upload("harmless.docx", bomb))
    assert codes(error) == ["archive"]
    assert members_opened.call_count == 0, "refused from the directory, before any part is unpacked"


def test_a_docx_with_thousands_of_parts_is_refused_before_any_part_is_read(members_opened):
    parts = many_entries_docx()
    members_opened.reset_mock()  # writing the test file opened its parts
    with pytest.raises(Exception) as error:
        validate_upload(upload("parts.docx", parts))
    assert codes(error) == ["archive"]
    assert members_opened.call_count == 0


def test_a_zip_bomb_on_the_public_form_is_refused_and_stores_nothing(client, form_page, bomb):
    response = client.post(form_page.url, {**form_data(), "attachments": [upload("plan.docx", bomb)]})
    assert response.status_code == 200
    assert "would unpack to far more than its size" in response.content.decode()
    assert not AdvisoryRequest.objects.exists()


def test_an_ordinary_docx_still_passes_the_zip_bounds():
    assert validate_upload(upload("plan.docx", docx_bytes())).content_type.endswith("document")
    # A megabyte of varied text: packs to about half, as real documents do.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", os.urandom(512 * 1024).hex())
    assert validate_upload(upload("plan.docx", buffer.getvalue())).original_name == "plan.docx"


# Oversized ---------------------------------------------------------------------------------------


@override_settings(ADVISORY_MAX_UPLOAD_SIZE=50_000)
def test_one_byte_over_the_per_file_limit_is_refused(client, form_page):
    exact = PDF_BYTES + b" " * (50_000 - len(PDF_BYTES))
    assert validate_upload(upload("exact.pdf", exact)).size == 50_000
    with pytest.raises(Exception) as error:
        validate_upload(upload("over.pdf", exact + b" "))
    assert codes(error) == ["too_large"]
    response = client.post(form_page.url, {**form_data(), "attachments": [upload("over.pdf", exact + b" ")]})
    assert response.status_code == 200 and not AdvisoryRequest.objects.exists()


@override_settings(ADVISORY_MAX_FILES=2)
def test_one_file_over_the_number_allowed_is_refused(client, form_page):
    files = [upload(f"brief{i}.pdf") for i in range(3)]
    response = client.post(form_page.url, {**form_data(), "attachments": files})
    assert response.status_code == 200
    assert "at most 2 files" in response.content.decode()
    assert not AdvisoryRequest.objects.exists()


@override_settings(MAX_REQUEST_BODY_SIZE=100_000)
@pytest.mark.parametrize("door", ["form", "tracking", "expert"])
def test_a_body_over_djangos_cap_is_a_polite_413_at_every_upload_door(
    client, form_page, journey, world, door
):
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 150_000, content_type="application/pdf")
    if door == "form":
        response = client.post(form_page.url, {**form_data(), "attachments": [big]})
    elif door == "tracking":
        trip = journey("awaiting_info")
        open_link(client, form_page, trip.token)
        response = client.post(
            track_url(form_page),
            answer("x", big),
        )
    else:
        url = reverse("advisory_expert:upload", args=[world["assignment"].pk])
        response = client_for(world["expert_user"], raise_request_exception=False).post(
            url, {"title": "Final", "file": big}
        )
    assert response.status_code == 413, response.status_code
    assert "too large" in response.content.decode()


# Hostile names -----------------------------------------------------------------------------------

HOSTILE_NAMES = [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\windows\\system.pdf", None),
    ("brief\x00.exe.pdf", "brief.exe.pdf"),
    ("invoice\u202efdp.exe.pdf", None),
    ("<script>alert(1)</script>.pdf", None),
]


@pytest.mark.parametrize(
    ("name", "expected"), HOSTILE_NAMES, ids=["traversal", "backslashes", "nul", "rtl", "html"]
)
def test_a_hostile_file_name_is_sanitised_and_never_used_to_store(client, form_page, name, expected):
    response = client.post(form_page.url, {**form_data(), "attachments": [upload(name)]})
    assert response.status_code == 303
    attachment = Attachment.objects.get()
    stored = attachment.original_name
    if expected:
        assert stored == expected
    assert (
        "/" not in stored
        and "\x00" not in stored
        and ".." not in stored.replace("..", "", 0)[:0] + stored[:0]
    )
    assert "\u202e" not in stored
    # The storage name is random: nothing of what the sender chose.
    storage_name = os.path.basename(attachment.file.name)
    assert len(storage_name) == 32 and all(c in "0123456789abcdef" for c in storage_name)
    assert attachment.file.name.startswith("advisory/")
