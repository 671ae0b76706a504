"""A minimal, valid one-page PDF written by hand, for the demo's publications, deliverables and attachments.

No external tools, and byte-for-byte reproducible: the same input gives the same bytes, so a second
demo load finds its documents unchanged by their hash.
"""

import textwrap
from collections.abc import Iterable

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 72


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (Latin-1 covers the demo's accents)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content_stream(title: str, lines: list[str]) -> bytes:
    parts = [b"BT", b"/F1 18 Tf", b"22 TL", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    for chunk in textwrap.wrap(title, 48):
        parts.append(_pdf_string(chunk) + b" Tj T*")
    parts += [b"/F1 11 Tf", b"15 TL", b"T*"]
    for line in lines:
        for chunk in textwrap.wrap(line, 88) or [""]:
            parts.append(_pdf_string(chunk) + b" Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


def make_pdf(title: str, lines: Iterable[str] = ()) -> bytes:
    """Bytes of a PDF document showing a title and some lines of text."""
    stream = _content_stream(title, list(lines))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title " + _pdf_string(title) + b" /Producer (ESCA demo loader) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)
