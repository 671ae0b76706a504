"""Uploads are checked by content: the allowed office formats pass, anything else is refused clearly."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from PIL import Image as PILImage

from advisory.admin.forms import MessageForm
from advisory.choices import Visibility
from advisory.forms import ProvideInfoForm
from advisory.uploads import DOCX, ODT, PDF, XLSX, validate_upload, validate_uploads
from tests.advisory.factories import (
    ELF_BYTES,
    PDF_BYTES,
    WINDOWS_EXE_BYTES,
    docm_bytes,
    docx_bytes,
    odt_bytes,
    upload,
    xlsx_bytes,
)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("brief.pdf", PDF_BYTES, PDF),
        ("terms.docx", docx_bytes(), DOCX),
        ("budget.xlsx", xlsx_bytes(), XLSX),
        ("notes.odt", odt_bytes(), ODT),
        ("UPPER.PDF", PDF_BYTES, PDF),
    ],
)
def test_allowed_documents_pass(name, content, expected):
    checked = validate_upload(upload(name, content))
    assert (checked.content_type, checked.original_name, checked.size) == (expected, name, len(content))


def test_a_real_docx_made_with_zipfile_passes():
    assert validate_upload(upload("report.docx", docx_bytes())).content_type == DOCX


@pytest.mark.parametrize("content", [ELF_BYTES, WINDOWS_EXE_BYTES, b"#!/bin/sh\nrm -rf /\n"])
def test_a_program_named_pdf_is_refused(content):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("invoice.pdf", content))
    assert error.value.code == "executable"
    assert "is a program, not a document" in error.value.messages[0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.pdf", b"just text pretending"),
        ("macro.docx", docm_bytes()),
        ("archive.docx", b"PK\x03\x04" + b"\x00" * 100),  # a broken zip
        ("image.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    ],
)
def test_other_content_is_refused(name, content):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, content))
    assert error.value.code == "type"


def test_a_name_that_lies_about_an_allowed_type_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("report.docx", PDF_BYTES))
    assert error.value.code == "extension"


def test_empty_and_too_large_files_are_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("empty.pdf", b""))
    assert error.value.code == "empty"
    with override_settings(ADVISORY_MAX_UPLOAD_SIZE=100), pytest.raises(ValidationError) as error:
        validate_upload(upload("big.pdf", PDF_BYTES + b"0" * 100))
    assert error.value.code == "too_large"


def test_the_default_limit_is_ten_megabytes():
    big = upload("big.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="at most 10.0"):
        validate_upload(big)


def test_at_most_five_files_and_every_error_reported():
    with pytest.raises(ValidationError) as error:
        validate_uploads([upload(f"f{i}.pdf") for i in range(6)])
    assert error.value.code == "too_many"
    with pytest.raises(ValidationError) as error:
        validate_uploads([upload("a.pdf", ELF_BYTES), upload("b.pdf"), upload("c.pdf", b"text")])
    assert len(error.value.messages) == 2
    assert len(validate_uploads([upload("a.pdf"), None, upload("b.docx", docx_bytes())])) == 2


def test_messages_are_translated():
    # Lazy messages: read inside the override, or they come out in English.
    with translation.override("de"):
        with pytest.raises(ValidationError) as error:
            validate_upload(upload("x.pdf", b""))
        assert error.value.messages == ["„x.pdf“ ist leer."]
        with pytest.raises(ValidationError) as error:
            validate_upload(png_named_pdf())
        assert error.value.messages == [
            "„minutes.pdf“ ist kein PDF-, DOCX-, XLSX- oder ODT-Dokument "
            "(geprüft anhand des Inhalts, nicht des Namens)."
        ]


# The one multiple-file field, in every form that takes documents --------------------------------


def png_named_pdf():
    """A real PNG image (drawn by Pillow) under a PDF's name."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (0, 80, 160)).save(buffer, "PNG")
    return upload("minutes.pdf", buffer.getvalue(), content_type="application/pdf")


def test_the_staff_message_form_refuses_a_disguised_file():
    form = MessageForm(
        {"body": "See the attached minutes.", "visibility": Visibility.INTERNAL},
        MultiValueDict({"attachments": [png_named_pdf()]}),
        visibilities={Visibility.INTERNAL},
    )
    assert not form.is_valid()
    assert form.errors["attachments"] == [
        "“minutes.pdf” is not a PDF, DOCX, XLSX or ODT document (checked by its content, not its name)."
    ]


def test_the_staff_message_form_takes_real_documents():
    form = MessageForm(
        {"body": "See the attached minutes.", "visibility": Visibility.INTERNAL},
        MultiValueDict({"attachments": [upload("minutes.pdf"), upload("budget.xlsx", xlsx_bytes())]}),
        visibilities={Visibility.INTERNAL},
    )
    assert form.is_valid(), form.errors
    assert [file.name for file in form.cleaned_data["attachments"]] == ["minutes.pdf", "budget.xlsx"]


def test_the_public_answer_form_refuses_a_disguised_file():
    form = ProvideInfoForm(
        {"provide_info-state": "awaiting_info", "provide_info-comment": "Here it is."},
        MultiValueDict({"provide_info-attachments": [png_named_pdf()]}),
    )
    assert not form.is_valid()
    assert form.errors["attachments"][0].startswith("“minutes.pdf” is not a PDF")
