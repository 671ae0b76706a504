"""Sending a confidential file to the one person a view has checked, for every process.

Every private download goes through here, so each gets the same headers: never cached, never
sniffed, sandboxed should a browser render it anyway, always an attachment. A view checks who may
have the file, then returns `serve_private_file(field_file, name, type)` for a stored file or
`private_download(bytes, name, type)` for content made on the fly (an export).
"""

from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def serve_private_file(stored, original_name, content_type=""):
    """An attachment download of `stored` (a FieldFile on the private storage); 404 if it is missing.

    Read through the storage (a directory or a bucket), never redirected to a URL: it has none.
    """
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    except Exception:
        # A bucket answers a missing object with its own error class: still a 404, not a 500.
        if not stored.storage.exists(stored.name):
            raise Http404 from None
        raise
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=original_name,
        content_type=content_type or "application/octet-stream",
    )
    return _private(response)


def private_download(content: bytes, filename: str, content_type: str = "application/octet-stream"):
    """An attachment download of `content` made for this response (an export), with the same headers."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return _private(response)
