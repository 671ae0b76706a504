"""Downloads of request attachments and deliverables, only through a permission check.

The files are confidential: they are never linked by their storage URL, and each download asks the
selectors whether the signed-in user may see that very file.
"""

from django.http import FileResponse, Http404
from django.views import View

from ... import selectors
from ...models import Attachment, Deliverable
from ..access import ANY_AREA, AdvisoryAccessMixin, log_refusal


def _serve(stored, original_name, content_type):
    # Read through the private storage (a directory or a bucket), never redirected to a URL: it has none.
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    except Exception:
        # A bucket answers a missing object with its own error class: still a 404, not a 500.
        if not stored.storage.exists(stored.name):
            raise Http404 from None
        raise
    response = FileResponse(handle, as_attachment=True, filename=original_name, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class AttachmentDownloadView(AdvisoryAccessMixin, View):
    area = ANY_AREA

    def get(self, request, pk):
        attachment = Attachment.objects.select_related("request").filter(pk=pk).first()
        if attachment is None:
            raise Http404
        if not selectors.attachments_visible_to(request.user, attachment.request).filter(pk=pk).exists():
            log_refusal(request, "attachment download", attachment)
            raise Http404
        return _serve(attachment.file, attachment.original_name, attachment.content_type)


class DeliverableDownloadView(AdvisoryAccessMixin, View):
    area = ANY_AREA

    def get(self, request, pk):
        deliverable = Deliverable.objects.select_related("request").filter(pk=pk).first()
        if deliverable is None:
            raise Http404
        if not selectors.deliverables_visible_to(request.user, deliverable.request).filter(pk=pk).exists():
            log_refusal(request, "deliverable download", deliverable)
            raise Http404
        return _serve(deliverable.file, deliverable.original_name, deliverable.content_type)
