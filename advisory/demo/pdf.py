"""A small valid PDF written by hand, for demo deliverables and attachments: no external tools."""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 72


def _literal(text):
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(title, lines=()):
    """Bytes of a one-page PDF showing `title` and `lines`; the same input gives the same bytes."""
    text = [b"BT", b"/F1 16 Tf", b"20 TL", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    text += [_literal(chunk) + b" Tj T*" for chunk in textwrap.wrap(title, 56)]
    text += [b"/F1 11 Tf", b"15 TL", b"T*"]
    for line in lines:
        text += [_literal(chunk) + b" Tj T*" for chunk in textwrap.wrap(line, 88) or [""]]
    text.append(b"ET")
    stream = b"\n".join(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)
