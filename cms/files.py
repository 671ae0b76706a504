"""Checks on uploaded files by their content, never by their name."""

import filetype


def read_head(file, size=2048):
    """The first bytes of a Django file, leaving its read position where it was."""
    if getattr(file, "closed", False):
        file.open("rb")
    position = file.tell()
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head


def sniff(file):
    """MIME type guessed from the content of a file, or None when unknown."""
    kind = filetype.guess(read_head(file))
    return kind.mime if kind else None


def is_pdf(file):
    return sniff(file) == "application/pdf"
