"""Uploaded files are judged by their bytes, not by their names."""

import io

import pytest
from django.core.files.base import ContentFile, File

from cms.files import is_pdf, read_head, sniff
from tests.cms.factories import ELF_BYTES, PDF_BYTES, TEXT_BYTES, DocumentFactory, png_bytes


@pytest.mark.parametrize(
    ("data", "expected"),
    [(PDF_BYTES, True), (ELF_BYTES, False), (TEXT_BYTES, False), (b"", False), (png_bytes(), False)],
    ids=["pdf", "elf", "text", "empty", "png"],
)
def test_is_pdf_by_content_whatever_the_name(data, expected):
    assert is_pdf(ContentFile(data, name="report.pdf")) is expected


def test_sniff_names_the_type_of_the_content():
    assert sniff(ContentFile(PDF_BYTES, name="a.txt")) == "application/pdf"
    assert sniff(ContentFile(png_bytes(), name="a.pdf")) == "image/png"
    assert sniff(ContentFile(ELF_BYTES, name="a.pdf")) == "application/x-executable"
    assert sniff(ContentFile(TEXT_BYTES, name="a.pdf")) is None


def test_read_head_leaves_the_read_position_alone():
    file = File(io.BytesIO(PDF_BYTES + b"x" * 5000), name="big.pdf")
    file.seek(100)
    assert read_head(file, size=8) == PDF_BYTES[:8]
    assert file.tell() == 100
    assert len(read_head(file)) == 2048


@pytest.mark.django_db
def test_stored_documents_are_reopened_to_be_read():
    pdf = DocumentFactory()
    elf = DocumentFactory(file__filename="tool.pdf", file__data=ELF_BYTES)
    pdf.file.close()
    elf.file.close()
    assert is_pdf(pdf.file)
    assert not is_pdf(elf.file)
