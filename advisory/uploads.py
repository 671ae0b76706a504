"""What the advisory service accepts as a document: PDF, DOCX, XLSX and ODT, judged by content.

The checking itself is `workflows.uploads`; this module is advisory's policy for it: the four types,
and the size and count limits from the advisory settings, read at call time.
"""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from workflows.uploads import DOCX, ODT, PDF, XLSX, CheckedUpload, UploadPolicy, check_upload, check_uploads

from . import conf

__all__ = [
    "ALLOWED_TYPES",
    "DOCX",
    "EXTENSIONS",
    "ODT",
    "PDF",
    "XLSX",
    "CheckedUpload",
    "policy",
    "validate_upload",
    "validate_uploads",
]

EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx", ODT: ".odt"}
ALLOWED_TYPES = tuple(EXTENSIONS)


def policy() -> UploadPolicy:
    """The documents a requester, a coordinator or an expert may upload."""
    return UploadPolicy(
        types=EXTENSIONS,
        max_size=conf.get("ADVISORY_MAX_UPLOAD_SIZE"),
        max_files=conf.get("ADVISORY_MAX_FILES"),
        type_error=_(
            "“%(name)s” is not a PDF, DOCX, XLSX or ODT document (checked by its content, not its name)."
        ),
    )


def validate_upload(file: Any) -> CheckedUpload:
    """Check one uploaded file; returns a CheckedUpload or raises ValidationError (translated)."""
    return check_upload(file, policy())


def validate_uploads(files: Iterable[Any] | None, max_files: int | None = None) -> list[CheckedUpload]:
    """Check a submission's files together: their number, then each one. All errors are reported at once."""
    return check_uploads(files, policy(), max_files=max_files)
