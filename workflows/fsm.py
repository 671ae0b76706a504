"""django-fsm-2 support the engine's process models share."""

from django.db import models
from django_fsm import ConcurrentTransitionMixin, FSMFieldMixin


class ProcessModelMixin(ConcurrentTransitionMixin):
    """ConcurrentTransitionMixin whose `refresh_from_db` is safe under threads.

    django-fsm-2 reloads a protected state field by switching the field's protection off and on
    again, on the field object the whole process shares: a transition running in another thread
    meanwhile finds it on again and fails with "Direct state modification is not allowed". The
    field refuses only a value already loaded on the instance, so dropping that value lets Django
    set the fresh one with the protection left alone.
    """

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        if fields is None:
            deferred = self.get_deferred_fields()
            fields = [f.attname for f in self._meta.concrete_fields if f.attname not in deferred]
        fields = list(fields)
        for field in self._meta.concrete_fields:
            if isinstance(field, FSMFieldMixin) and field.protected and field.attname in fields:
                self.__dict__.pop(field.attname, None)
        models.Model.refresh_from_db(self, using=using, fields=fields, from_queryset=from_queryset)
        self._update_initial_state()
