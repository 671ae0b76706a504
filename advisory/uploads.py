"""Uploads are accepted by what they contain, never by their name: PDF, DOCX, XLSX and ODT only.

PDFs are recognised by their signature (`filetype`); the office formats are zip containers, told
apart by what the container declares: the `mimetype` entry of an OpenDocument file, the main part's
content type in an Office Open XML file's `[Content_Types].xml`. Macro-enabled variants declare other
content types and are refused.
"""

import os
import zipfile
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import conf

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx", ODT: ".odt"}
ALLOWED_TYPES = tuple(EXTENSIONS)

_OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
# Formats whose signature says "a program": refused with their own message.
_EXECUTABLE_TYPES = {
    "application/x-executable",
    "application/x-msdownload",
    "application/x-mach-binary",
    "application/x-sharedlib",
    "application/x-elf",
    "application/x-dex",
    "application/x-shockwave-flash",
}
_EXECUTABLE_SIGNATURES = (b"\x7fELF", b"MZ", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe", b"#!")
_HEAD = 8192
_MAX_MANIFEST = 1024 * 1024
# Bounds of a zip container, read from its directory without expanding anything. Real documents have
# tens to a few hundred parts and expand to a few times their size; a "zip bomb" has thousands of
# entries or expands to gigabytes in the hands of whoever opens it (a coordinator, an indexer).
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_EXPANDED_SIZE = 256 * 1024 * 1024
MAX_ZIP_RATIO = 200


class _ArchiveTooLarge(Exception):
    """The zip container would expand beyond the bounds above."""


@dataclass(frozen=True)
class CheckedUpload:
    """An accepted file: the upload itself, its name as given, its type by content, its size."""

    file: object
    original_name: str
    content_type: str
    size: int


def _read_head(file, size=_HEAD):
    if getattr(file, "closed", False):
        file.open("rb")
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _check_archive_bounds(archive, size):
    """Refuse a container by what its directory declares: entry count, expanded size, ratio."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _ArchiveTooLarge
    expanded = sum(entry.file_size for entry in entries)
    if expanded > MAX_ZIP_EXPANDED_SIZE or expanded > max(size, 1) * MAX_ZIP_RATIO:
        raise _ArchiveTooLarge


def _zip_type(file, size):
    """The office format a zip container declares, or None; _ArchiveTooLarge for a zip bomb."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            _check_archive_bounds(archive, size)
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 200 and archive.read(info).decode("ascii", "replace").strip() == ODT:
                    return ODT
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size <= _MAX_MANIFEST:
                    manifest = archive.read(info).decode("utf-8", "replace")
                    for main_part, kind in _OOXML_MAIN_PARTS.items():
                        if f'ContentType="{main_part}"' in manifest:
                            return kind
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError, EOFError):
        return None
    finally:
        file.seek(0)
    return None


def sniff(file, size=None):
    """The allowed type `file` is by its content, or None; and whether it looks like a program."""
    head = _read_head(file)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime == PDF:
        return PDF, False
    if mime == "application/zip" or head.startswith(b"PK\x03\x04"):
        return _zip_type(file, size), False
    looks_executable = mime in _EXECUTABLE_TYPES or head.startswith(_EXECUTABLE_SIGNATURES)
    return None, looks_executable


def validate_upload(file):
    """Check one uploaded file; returns a CheckedUpload or raises ValidationError (translated)."""
    name = os.path.basename(getattr(file, "name", "") or "") or str(_("unnamed file"))
    size = getattr(file, "size", None)
    max_size = conf.get("ADVISORY_MAX_UPLOAD_SIZE")
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(0)
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})
    if size > max_size:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(max)s."),
            code="too_large",
            params={"name": name, "size": filesizeformat(size), "max": filesizeformat(max_size)},
        )
    try:
        content_type, looks_executable = sniff(file, size)
    except _ArchiveTooLarge:
        raise ValidationError(
            _("“%(name)s” would unpack to far more than its size. It was refused."),
            code="archive",
            params={"name": name},
        ) from None
    if content_type is None:
        if looks_executable:
            raise ValidationError(
                _("“%(name)s” is a program, not a document, whatever its name says. It was refused."),
                code="executable",
                params={"name": name},
            )
        raise ValidationError(
            _("“%(name)s” is not a PDF, DOCX, XLSX or ODT document (checked by its content, not its name)."),
            code="type",
            params={"name": name},
        )
    extension = os.path.splitext(name)[1].lower()
    if extension != EXTENSIONS[content_type]:
        raise ValidationError(
            _("“%(name)s” is a %(kind)s document, but its name ends in “%(extension)s”. Rename it."),
            code="extension",
            params={
                "name": name,
                "kind": EXTENSIONS[content_type][1:].upper(),
                "extension": extension or "–",
            },
        )
    return CheckedUpload(file=file, original_name=name, content_type=content_type, size=size)


def validate_uploads(files, max_files=None):
    """Check a submission's files together: their number, then each one. All errors are reported at once."""
    files = [file for file in files or () if file]
    max_files = conf.get("ADVISORY_MAX_FILES") if max_files is None else max_files
    if len(files) > max_files:
        raise ValidationError(
            ngettext(
                "You may upload at most %(max)d file at a time.",
                "You may upload at most %(max)d files at a time.",
                max_files,
            )
            % {"max": max_files},
            code="too_many",
        )
    checked, errors = [], []
    for file in files:
        try:
            checked.append(validate_upload(file))
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)
    return checked
