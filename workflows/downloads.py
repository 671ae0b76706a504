"""Streaming a confidential file to the one person a view has checked, for every process."""

from django.http import FileResponse, Http404


def serve_private_file(stored, original_name, content_type=""):
    """An attachment download of `stored` (a FieldFile on the private storage); 404 if it is missing.

    Read through the storage (a directory or a bucket), never redirected to a URL: it has none. The
    response is never cached, never sniffed, and sandboxed should a browser render it anyway.
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
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
