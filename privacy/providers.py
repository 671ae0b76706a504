"""The privacy app's own personal data: the data-subject requests a person made."""

from django.utils.translation import gettext_lazy as _

from workflows.personal_data import Provider, Record

from .models import DataSubjectRequest


class SubjectRequestProvider(Provider):
    name = "privacy"
    label = _("Data-subject requests")

    def _requests(self, address):
        return DataSubjectRequest.objects.filter(email__iexact=address).order_by("pk")

    def find(self, address):
        for subject_request in self._requests(address):
            yield Record(
                kind="data-subject request",
                id=subject_request.pk,
                summary=f"{subject_request.get_kind_display()} · {subject_request.source}",
                data={
                    "kind": subject_request.kind,
                    "status": subject_request.status,
                    "email": subject_request.email,
                    "source": subject_request.source,
                    "created_at": subject_request.created_at,
                    "handled_at": subject_request.handled_at,
                },
            )

    def erase(self, address, erasure):
        # The hash stays: a repeated request is still recognised.
        count = self._requests(address).update(email="")
        return {"data-subject request": count}
