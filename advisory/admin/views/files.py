"""Downloads of request attachments and deliverables, only through a permission check.

The files are confidential: they are never linked by their storage URL, and each download asks the
selectors whether the signed-in user may see that very file.
"""

from django.http import Http404
from django.views import View

from workflows.downloads import serve_private_file

from ... import selectors
from ...models import Attachment, Deliverable
from ..access import ANY_AREA, AdvisoryAccessMixin, log_refusal


class AttachmentDownloadView(AdvisoryAccessMixin, View):
    area = ANY_AREA

    def get(self, request, pk):
        attachment = Attachment.objects.select_related("request").filter(pk=pk).first()
        if attachment is None:
            raise Http404
        if not selectors.attachments_visible_to(request.user, attachment.request).filter(pk=pk).exists():
            log_refusal(request, "attachment download", attachment)
            raise Http404
        return serve_private_file(attachment.file, attachment.original_name, attachment.content_type)


class DeliverableDownloadView(AdvisoryAccessMixin, View):
    area = ANY_AREA

    def get(self, request, pk):
        deliverable = Deliverable.objects.select_related("request").filter(pk=pk).first()
        if deliverable is None:
            raise Http404
        if not selectors.deliverables_visible_to(request.user, deliverable.request).filter(pk=pk).exists():
            log_refusal(request, "deliverable download", deliverable)
            raise Http404
        return serve_private_file(deliverable.file, deliverable.original_name, deliverable.content_type)
