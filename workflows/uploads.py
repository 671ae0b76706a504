"""Uploaded files judged by what they contain, never by their name, for every process.

A process says what it accepts in an `UploadPolicy` (content type -> file extension, the size of one
file, the number of files at a time, the bounds of zip containers) and checks uploads with it:

    from workflows.uploads import PDF, UploadPolicy, check_uploads, MultipleFileField

    def label_uploads():  # built at call time, so settings (and override_settings) apply
        return UploadPolicy(types={PDF: ".pdf"}, max_size=settings.LABEL_MAX_UPLOAD, max_files=3)

    evidence = MultipleFileField(policy=label_uploads, label=_("Evidence"))  # in a form
    checked = check_uploads(files, label_uploads())                          # again in the service

`check_upload` / `check_uploads` return `CheckedUpload`s (the file, its name as given, its type by
content, its size) or raise one translated ValidationError listing every refused file.

How the type is found: `filetype` reads the signature at the head (PDF, images, ...); zip
containers are told apart by what they declare, the `mimetype` entry of an OpenDocument file or
the main part's content type in an Office Open XML file's `[Content_Types].xml`, so a macro-enabled
variant (which declares another main part) is never taken for a plain document. A container is
first bounded by what its directory declares (entries, expanded size, ratio), without expanding
anything: a "zip bomb" is refused before anyone opens it. A file the policy refuses that looks
like a program gets its own message. The name's extension must match the type found.
"""

import os
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ZIP = "application/zip"

# The main part an Office Open XML package declares, and the document type it makes. The
# macro-enabled variants declare other parts ("...macroEnabled.main+xml") and stay plain zips.
_OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
_OPENDOCUMENT_PREFIX = "application/vnd.oasis.opendocument."
# Formats whose signature says "a program": refused with their own message.
_EXECUTABLE_TYPES = frozenset(
    {
        "application/x-executable",
        "application/x-msdownload",
        "application/x-mach-binary",
        "application/x-sharedlib",
        "application/x-elf",
        "application/x-dex",
        "application/x-shockwave-flash",
    }
)
_EXECUTABLE_SIGNATURES = (b"\x7fELF", b"MZ", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe", b"#!")
HEAD_SIZE = 8192
_MAX_MANIFEST = 1024 * 1024
_MAX_MIMETYPE_ENTRY = 200


@dataclass(frozen=True)
class ZipBounds:
    """What a zip container may declare. Real documents have tens to a few hundred parts and expand
    to a few times their size; a zip bomb has thousands of entries or expands to gigabytes in the
    hands of whoever opens it (a coordinator, an indexer)."""

    max_entries: int = 2000
    max_expanded_size: int = 256 * 1024 * 1024
    max_ratio: int = 200


class ArchiveTooLarge(Exception):
    """The zip container would expand beyond its bounds."""


@dataclass(frozen=True)
class UploadPolicy:
    """What one kind of upload accepts. `types` maps a content type to its file extension (".pdf")."""

    types: Mapping[str, str]
    max_size: int
    max_files: int = 1
    bounds: ZipBounds = field(default_factory=ZipBounds)
    # The refusal of a file of another type; "%(name)s" is its name. None: a message naming the extensions.
    type_error: str | Promise | None = None

    @property
    def accept(self) -> str:
        """The value of the file input's `accept` attribute: extensions and content types."""
        return accept_attribute(self.types)


@dataclass(frozen=True)
class CheckedUpload:
    """An accepted file: the upload itself, its name as given, its type by content, its size."""

    file: Any
    original_name: str
    content_type: str
    size: int


def accept_attribute(types: Mapping[str, str]) -> str:
    return ",".join([*types.values(), *types])


# What a file is --------------------------------------------------------------------------------


def read_head(file: IO[bytes], size: int = HEAD_SIZE) -> bytes:
    """The first bytes of a (Django) file, reopened if closed; its read position is left where it was."""
    if getattr(file, "closed", False):
        file.open("rb")
    position = file.tell()
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head


def guess_type(file: IO[bytes]) -> str | None:
    """The content type the signature at the head of `file` names, or None (zip containers: ZIP)."""
    kind = filetype.guess(read_head(file))
    return kind.mime if kind else None


def size_of(file: IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(position)
    return size


def looks_executable(file: IO[bytes]) -> bool:
    """Whether the head of `file` is that of a program (an executable, a library, a script)."""
    head = read_head(file)
    kind = filetype.guess(head)
    return (kind is not None and kind.mime in _EXECUTABLE_TYPES) or head.startswith(_EXECUTABLE_SIGNATURES)


def _check_bounds(archive: zipfile.ZipFile, size: int, bounds: ZipBounds) -> None:
    entries = archive.infolist()
    if len(entries) > bounds.max_entries:
        raise ArchiveTooLarge
    expanded = sum(entry.file_size for entry in entries)
    if expanded > bounds.max_expanded_size or expanded > max(size, 1) * bounds.max_ratio:
        raise ArchiveTooLarge


def _declared_type(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist())
    if "mimetype" in names:
        info = archive.getinfo("mimetype")
        if info.file_size <= _MAX_MIMETYPE_ENTRY:
            declared = archive.read(info).decode("ascii", "replace").strip()
            if declared.startswith(_OPENDOCUMENT_PREFIX):
                return declared
    if "[Content_Types].xml" in names:
        info = archive.getinfo("[Content_Types].xml")
        if info.file_size <= _MAX_MANIFEST:
            manifest = archive.read(info).decode("utf-8", "replace")
            for main_part, kind in _OOXML_MAIN_PARTS.items():
                if f'ContentType="{main_part}"' in manifest:
                    return kind
    return None


def container_type(file: IO[bytes], *, size: int | None = None, bounds: ZipBounds | None = None) -> str:
    """The document type a zip container declares, or ZIP; raises ArchiveTooLarge beyond `bounds`."""
    size = size_of(file) if size is None else size
    position = file.tell()
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            _check_bounds(archive, size, bounds or ZipBounds())
            return _declared_type(archive) or ZIP
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError, EOFError):
        return ZIP
    finally:
        file.seek(position)


def content_type(file: IO[bytes], *, size: int | None = None, bounds: ZipBounds | None = None) -> str | None:
    """The type of `file` by its content, or None when unknown; office containers by what they declare.

    Raises ArchiveTooLarge for a zip container beyond `bounds`.
    """
    head = read_head(file)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime == ZIP or head.startswith(b"PK\x03\x04"):
        return container_type(file, size=size, bounds=bounds)
    return mime


def is_pdf(file: IO[bytes]) -> bool:
    return guess_type(file) == PDF


# Checking uploads against a policy ---------------------------------------------------------------


def _type_error(policy: UploadPolicy, name: str) -> ValidationError:
    if policy.type_error is not None:
        return ValidationError(policy.type_error, code="type", params={"name": name})
    return ValidationError(
        _("“%(name)s” is not an accepted file (%(types)s), checked by its content, not its name."),
        code="type",
        params={"name": name, "types": ", ".join(ext.lstrip(".").upper() for ext in policy.types.values())},
    )


def check_upload(file: Any, policy: UploadPolicy) -> CheckedUpload:
    """Check one uploaded file; returns a CheckedUpload or raises ValidationError (translated)."""
    name = os.path.basename(getattr(file, "name", "") or "") or str(_("unnamed file"))
    size = size_of(file)
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})
    if size > policy.max_size:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(max)s."),
            code="too_large",
            params={"name": name, "size": filesizeformat(size), "max": filesizeformat(policy.max_size)},
        )
    try:
        found = content_type(file, size=size, bounds=policy.bounds)
    except ArchiveTooLarge:
        raise ValidationError(
            _("“%(name)s” would unpack to far more than its size. It was refused."),
            code="archive",
            params={"name": name},
        ) from None
    if found not in policy.types:
        if looks_executable(file):
            raise ValidationError(
                _("“%(name)s” is a program, not a document, whatever its name says. It was refused."),
                code="executable",
                params={"name": name},
            )
        raise _type_error(policy, name)
    expected = policy.types[found]
    extension = os.path.splitext(name)[1].lower()
    if extension != expected:
        raise ValidationError(
            _("“%(name)s” is a %(kind)s document, but its name ends in “%(extension)s”. Rename it."),
            code="extension",
            params={"name": name, "kind": expected.lstrip(".").upper(), "extension": extension or "–"},
        )
    return CheckedUpload(file=file, original_name=name, content_type=found, size=size)


def check_uploads(
    files: Iterable[Any] | None, policy: UploadPolicy, *, max_files: int | None = None
) -> list[CheckedUpload]:
    """Check files sent together: their number, then each one; every refusal is reported at once."""
    files = [file for file in files or () if file]
    max_files = policy.max_files if max_files is None else max_files
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
            checked.append(check_upload(file, policy))
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)
    return checked


# Form field ---------------------------------------------------------------------------------------


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, each checked by content against `policy` when the form is cleaned.

    `policy` is an UploadPolicy or a callable returning one (read at clean time, so it may follow
    settings). The cleaned value is the list of uploaded files; a service checks them again.
    """

    widget = MultipleFileInput

    def __init__(
        self,
        *,
        policy: UploadPolicy | Callable[[], UploadPolicy],
        max_files: int | None = None,
        **kwargs: Any,
    ) -> None:
        self.policy = policy
        self.max_files = max_files
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def get_policy(self) -> UploadPolicy:
        return self.policy() if callable(self.policy) else self.policy

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # The browser's file picker offers the accepted types first (a hint; the content decides).
        return {**super().widget_attrs(widget), "accept": self.get_policy().accept}

    def to_python(self, data: Any) -> list[Any]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [file for file in files if file]

    def validate(self, value: list[Any]) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value: list[Any]) -> None:
        check_uploads(value, self.get_policy(), max_files=self.max_files)

    def bound_data(self, data: Any, initial: Any) -> Any:
        return data

    def has_changed(self, initial: Any, data: Any) -> bool:
        return bool(data)
