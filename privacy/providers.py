"""The privacy app's own personal data: the data-subject requests a person made."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.db.models import Q
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


class SignInRecordsProvider(Provider):
    """django-axes' records of sign-ins and failed attempts, by the address or the accounts' user names.

    Erasure deletes them: they exist to stop password guessing, not to remember a person.
    """

    name = "sign-in"
    label = _("Sign-in records")

    # django-axes is a requirement of accounts/ (sign-in throttling), installed wherever this app is.
    MODELS = (AccessAttempt, AccessFailureLog, AccessLog)

    def _condition(self, address):
        names = {
            address,
            *get_user_model().objects.filter(email__iexact=address).values_list("username", flat=True),
        }
        condition = Q(pk__in=[])
        for name in names:
            condition |= Q(username__iexact=name)
        return condition

    def _rows(self, address):
        condition = self._condition(address)
        for model in self.MODELS:
            yield from model.objects.filter(condition).order_by("pk")

    def find(self, address):
        for row in self._rows(address):
            yield Record(
                kind="sign-in record",
                id=f"{row._meta.model_name}:{row.pk}",
                summary=f"{row._meta.verbose_name} · {row.attempt_time:%Y-%m-%d %H:%M}",
                data={
                    "username": row.username,
                    "ip_address": row.ip_address,
                    "user_agent": row.user_agent,
                    "path": row.path_info,
                    "attempt_time": row.attempt_time,
                },
            )

    def erase(self, address, erasure):
        condition = self._condition(address)
        count = 0
        for model in self.MODELS:
            deleted, _by_model = model.objects.filter(condition).delete()
            count += deleted
        return {"sign-in record": count}
