"""The site's documents are judged by their bytes, not by their names (workflows.uploads)."""

import pytest
from django.core.files.base import ContentFile

from tests.cms.factories import ELF_BYTES, PDF_BYTES, TEXT_BYTES, DocumentFactory, png_bytes
from workflows.uploads import is_pdf


@pytest.mark.parametrize(
    ("data", "expected"),
    [(PDF_BYTES, True), (ELF_BYTES, False), (TEXT_BYTES, False), (b"", False), (png_bytes(), False)],
    ids=["pdf", "elf", "text", "empty", "png"],
)
def test_is_pdf_by_content_whatever_the_name(data, expected):
    assert is_pdf(ContentFile(data, name="report.pdf")) is expected


@pytest.mark.django_db
def test_stored_documents_are_reopened_to_be_read():
    pdf = DocumentFactory()
    elf = DocumentFactory(file__filename="tool.pdf", file__data=ELF_BYTES)
    pdf.file.close()
    elf.file.close()
    assert is_pdf(pdf.file)
    assert not is_pdf(elf.file)
