"""The history of a case as the outsider who opened it reads it: what happened, in their words.

The audit log (workflows.audit) records every step with who did it and why; a requester, an
applicant or a registrant sees only the steps their process chose to show them, under labels written
for them, never the actor, the comment or a step kept internal. A step with no label is not shown.

How a second process uses it:

    APPLICANT_TIMELINE = Timeline(
        transitions={"submit": _("Application received"), "award": _("Label awarded"), ...},
        actions={"labels.appeal": _("You appealed the decision")},  # other log actions, by name
    )
    entries = APPLICANT_TIMELINE.entries(log_entries)  # log entries the caller may show, oldest first
    entries = APPLICANT_TIMELINE.for_object(application)  # or every log entry of one object

Each entry is a `TimelineEntry(label, timestamp)`; templates show `entry.label` and `entry.timestamp`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Model
from wagtail.models import ModelLogEntry

from .audit import ACTION as TRANSITION_ACTION


@dataclass(frozen=True)
class TimelineEntry:
    label: Any
    timestamp: datetime


@dataclass(frozen=True)
class Timeline:
    """Labels of the steps an outsider may see: transitions by name, other log actions by action."""

    transitions: Mapping[str, Any]
    actions: Mapping[str, Any] = field(default_factory=dict)

    def label_of(self, entry: Any) -> Any | None:
        """The label of one log entry for the outsider, or None when it is not theirs to see."""
        if entry.action == TRANSITION_ACTION:
            return self.transitions.get((entry.data or {}).get("transition"))
        return self.actions.get(entry.action)

    def entries(self, log_entries: Iterable[Any]) -> list[TimelineEntry]:
        """The entries of `log_entries` (oldest first, as given) the outsider may read, labelled."""
        shown = []
        for entry in log_entries:
            label = self.label_of(entry)
            if label is not None:
                shown.append(TimelineEntry(label, entry.timestamp))
        return shown

    def for_object(self, obj: Model) -> list[TimelineEntry]:
        """The timeline of every log entry of `obj`, oldest first."""
        return self.entries(ModelLogEntry.objects.for_instance(obj).order_by("timestamp", "pk"))
