"""Uploads judged by their content (workflows.uploads), with files made by real tools: Pillow draws the
image and writes the PDF, openpyxl writes the spreadsheet, zipfile builds the containers."""

import io
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from openpyxl import Workbook
from PIL import Image

from workflows.uploads import (
    PDF,
    XLSX,
    ZIP,
    MultipleFileField,
    UploadPolicy,
    ZipBounds,
    check_upload,
    check_uploads,
    content_type,
    guess_type,
    is_pdf,
    read_head,
)

ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 240
DOCUMENTS = UploadPolicy(types={PDF: ".pdf", XLSX: ".xlsx"}, max_size=1024 * 1024, max_files=2)


def image(kind="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (0, 80, 160)).save(buffer, kind)
    return buffer.getvalue()


def spreadsheet():
    book = Workbook()
    book.active["A1"] = "Budget"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def docm():
    """A macro-enabled Word file: a zip declaring the macro-enabled main part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def spreadsheet_with_many_parts(count):
    buffer = io.BytesIO(spreadsheet())
    with zipfile.ZipFile(buffer, "a") as archive:
        for index in range(count):
            archive.writestr(f"xl/media/part{index}.xml", "")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


# What a file is ----------------------------------------------------------------------------------


def test_a_png_renamed_pdf_is_refused_and_a_real_pdf_accepted():
    with pytest.raises(ValidationError) as error:
        check_upload(upload("scan.pdf", image("PNG")), DOCUMENTS)
    assert error.value.code == "type"
    assert error.value.messages == [
        "“scan.pdf” is not an accepted file (PDF, XLSX), checked by its content, not its name."
    ]

    pdf = image("PDF")  # Pillow writes a real PDF document with the image on its page
    checked = check_upload(upload("scan.pdf", pdf), DOCUMENTS)
    assert (checked.content_type, checked.original_name, checked.size) == (
        "application/pdf",
        "scan.pdf",
        len(pdf),
    )


def test_a_spreadsheet_is_known_by_what_its_container_declares():
    data = spreadsheet()
    assert content_type(ContentFile(data)) == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert check_upload(upload("budget.xlsx", data), DOCUMENTS).content_type == XLSX


def test_a_macro_enabled_document_is_only_a_zip():
    assert content_type(ContentFile(docm())) == "application/zip"
    with pytest.raises(ValidationError) as error:
        check_upload(upload("letter.docx", docm()), UploadPolicy(types={ZIP: ".zip"}, max_size=10**6))
    assert error.value.code == "extension"  # a zip, whatever its name says


def test_a_pdf_under_a_spreadsheet_name_must_be_renamed():
    with pytest.raises(ValidationError) as error:
        check_upload(upload("budget.xlsx", image("PDF")), DOCUMENTS)
    assert error.value.messages == [
        "“budget.xlsx” is a PDF document, but its name ends in “.xlsx”. Rename it."
    ]


def test_a_program_is_called_a_program():
    with pytest.raises(ValidationError) as error:
        check_upload(upload("invoice.pdf", ELF_BYTES), DOCUMENTS)
    assert error.value.code == "executable"


def test_a_process_words_its_own_refusal():
    policy = UploadPolicy(types={PDF: ".pdf"}, max_size=10**6, type_error="“%(name)s”: PDF only, please.")
    with pytest.raises(ValidationError) as error:
        check_upload(upload("scan.pdf", image("PNG")), policy)
    assert error.value.messages == ["“scan.pdf”: PDF only, please."]


def test_sizes_and_counts_come_from_the_policy():
    small = UploadPolicy(types={PDF: ".pdf"}, max_size=100, max_files=1)
    with pytest.raises(ValidationError) as error:
        check_upload(upload("scan.pdf", image("PDF")), small)
    assert error.value.code == "too_large"
    with pytest.raises(ValidationError) as error:
        check_upload(upload("scan.pdf", b""), small)
    assert error.value.code == "empty"
    with pytest.raises(ValidationError) as error:
        check_uploads([upload("a.pdf", b"%PDF-1.4"), upload("b.pdf", b"%PDF-1.4")], small)
    assert error.value.messages == ["You may upload at most 1 file at a time."]
    assert len(check_uploads([upload("a.pdf", b"%PDF-1.4"), None], small)) == 1


def test_every_refused_file_is_named_at_once():
    with pytest.raises(ValidationError) as error:
        check_uploads([upload("a.pdf", image("PNG")), upload("b.xlsx", ELF_BYTES)], DOCUMENTS)
    assert [message.split("”")[0] for message in error.value.messages] == ["“a.pdf", "“b.xlsx"]


def test_a_container_beyond_its_bounds_is_refused_before_it_is_opened():
    narrow = UploadPolicy(types={XLSX: ".xlsx"}, max_size=10**7, bounds=ZipBounds(max_entries=50))
    assert check_upload(upload("budget.xlsx", spreadsheet()), narrow)  # a real workbook has ~10 parts
    with pytest.raises(ValidationError) as error:
        check_upload(upload("budget.xlsx", spreadsheet_with_many_parts(60)), narrow)
    assert error.value.code == "archive"


def test_reading_the_head_leaves_the_read_position_alone():
    data = image("PDF") + b"x" * 10_000
    file = File(io.BytesIO(data), name="big.pdf")
    file.seek(100)
    assert read_head(file, size=8) == data[:8]
    assert file.tell() == 100
    assert len(read_head(file)) == 8192
    assert is_pdf(file) and file.tell() == 100


def test_guess_type_names_what_the_signature_says():
    assert guess_type(ContentFile(image("PDF"), name="a.txt")) == "application/pdf"
    assert guess_type(ContentFile(image("PNG"), name="a.pdf")) == "image/png"
    assert guess_type(ContentFile(ELF_BYTES, name="a.pdf")) == "application/x-executable"
    assert guess_type(ContentFile(b"Just text\n", name="a.pdf")) is None


# The form field --------------------------------------------------------------------------------


class EvidenceForm(forms.Form):
    evidence = MultipleFileField(policy=lambda: DOCUMENTS, label="Evidence")


def test_the_field_checks_every_file_by_content_when_the_form_is_cleaned():
    form = EvidenceForm({}, MultiValueDict({"evidence": [upload("scan.pdf", image("PNG"))]}))
    assert not form.is_valid()
    assert form.errors["evidence"][0].startswith("“scan.pdf” is not an accepted file")

    files = [upload("scan.pdf", image("PDF")), upload("budget.xlsx", spreadsheet())]
    form = EvidenceForm({}, MultiValueDict({"evidence": files}))
    assert form.is_valid(), form.errors
    assert [file.name for file in form.cleaned_data["evidence"]] == ["scan.pdf", "budget.xlsx"]


def test_the_field_is_optional_by_default_and_counts_files():
    assert EvidenceForm({}, MultiValueDict()).is_valid()
    files = [upload(f"{name}.pdf", image("PDF")) for name in "abc"]
    form = EvidenceForm({}, MultiValueDict({"evidence": files}))
    assert form.errors["evidence"] == ["You may upload at most 2 files at a time."]


def test_the_file_picker_offers_the_accepted_types():
    html = str(EvidenceForm()["evidence"])
    assert 'accept=".pdf,.xlsx,application/pdf,' in html
    assert "multiple" in html
