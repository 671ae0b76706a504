"""One Wagtail log entry per performed transition, so it shows in Site history and object histories."""

import contextlib
import json

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

from .exceptions import UnknownTransition
from .transitions import transition_meta

ACTION = "workflows.transition"
COMMENT_IN_MESSAGE = 120


def state_label(model, field_name, value):
    """The display label of a state value, in the active language."""
    try:
        choices = dict(model._meta.get_field(field_name).flatchoices)
    except FieldDoesNotExist:  # the field is gone; the stored value is all we have
        return str(value)
    return str(choices.get(value, value))


def _jsonable(value):
    try:
        json.dumps(value, cls=DjangoJSONEncoder)
    except (TypeError, ValueError):
        return str(value)
    return value


def record(performed):
    """Write the audit entry of a performed transition; returns the log entry."""
    obj, meta, actor = performed.obj, performed.transition, performed.actor
    model = type(obj)
    # Stored in the source language; the formatter translates again when it renders.
    with translation.override(settings.LANGUAGE_CODE):
        data = {
            "transition": meta.name,
            "label": str(meta.label),
            "field": meta.field_name,
            "from_state": performed.source,
            "to_state": performed.target,
            "from_label": state_label(model, meta.field_name, performed.source),
            "to_label": state_label(model, meta.field_name, performed.target),
            "actor": actor.label,
            "actor_kind": actor.kind,
            "comment": performed.comment,
            "fields": {name: _jsonable(performed.data.get(name)) for name in meta.fields},
        }
    entry = wagtail_log(obj, ACTION, user=actor.user, data=data)
    if entry is None:
        raise RuntimeError(f"Wagtail has no log entry model for {model.__name__}; nothing was audited.")
    return entry


class TransitionLogFormatter(LogFormatter):
    label = _("Process step")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        model = log_entry.content_type.model_class() if log_entry.content_type_id else None
        label, source, target = data.get("label", ""), data.get("from_label", ""), data.get("to_label", "")
        if model is not None:
            with contextlib.suppress(UnknownTransition):  # a transition since renamed keeps its stored label
                label = str(transition_meta(model, data.get("transition", "")).label)
            field_name = data.get("field", "")
            source = state_label(model, field_name, data.get("from_state"))
            target = state_label(model, field_name, data.get("to_state"))
        values = {"transition": label, "source": source, "target": target}
        if data.get("actor_kind") == "requester":
            message = _("%(transition)s by the requester: %(source)s → %(target)s") % values
        else:
            message = _("%(transition)s: %(source)s → %(target)s") % values
        comment = data.get("comment", "")
        if comment:
            # Wagtail shows log comments only for models with revisions; the reason belongs in the message.
            comment = Truncator(" ".join(comment.split())).chars(COMMENT_IN_MESSAGE)
            message = _("%(message)s: “%(comment)s”") % {"message": message, "comment": comment}
        return message

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


def register_log_actions(actions):
    actions.register_action(ACTION)(TransitionLogFormatter)
