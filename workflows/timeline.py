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

Staff read the whole history as sentences, who did what, through a `Narration`: the process registers
one sentence per transition (and per other log action) of each of its models, since two models may
both have an "accept", and says who the actor was and what else a sentence names:

    NARRATION = Narration()
    NARRATION.register(Application, transitions={"submit": _("%(actor)s submitted the application"),
                                                 "award": _("%(actor)s awarded the %(level)s label")},
                       actions={"labels.appeal": _("%(actor)s appealed the decision")})
    NARRATION.register(Assessment, transitions={"accept": _("%(actor)s accepted to assess")})
    lines = NARRATION.narrate(log_entries, values=lambda entry: {"actor": "Anna Kovács (assessor)", ...})

Each line is a `NarratedEntry(text, timestamp, comment, entry)`; a step no sentence was registered for
reads "<actor>: <its label>", so nothing that happened is left out of the staff's history.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext_lazy as _
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


@dataclass(frozen=True)
class NarratedEntry:
    """One step of the history as a sentence, with the comment given (a reason, a question) apart."""

    text: str
    timestamp: datetime
    comment: str = ""
    entry: Any = field(default=None, compare=False, repr=False)


class _Blank(dict):
    """Values for a sentence: a name the process did not give reads as nothing rather than failing."""

    def __missing__(self, key):
        return ""


def model_key(entry: Any) -> str:
    """ "app_label.model" of the object a log entry is about (Model._meta.label_lower)."""
    content_type = entry.content_type
    return f"{content_type.app_label}.{content_type.model}"


class Narration:
    """The sentences a process registered for the steps of its models, to tell a history in words."""

    # The sentence of a step nobody wrote one for: the actor and the step's label.
    FALLBACK = _("%(actor)s: %(step)s")

    def __init__(self) -> None:
        self._sentences: dict[tuple[str, str], Any] = {}

    def register(
        self,
        model: type[Model],
        *,
        transitions: Mapping[str, Any] | None = None,
        actions: Mapping[str, Any] | None = None,
    ) -> None:
        """Sentences of `model`'s transitions (by name) and of its other log actions (by action).

        A sentence is a %-format string (lazily translated) naming its values: `%(actor)s` always,
        others as the process's `values` give them.
        """
        key = model._meta.label_lower
        for name, sentence in (transitions or {}).items():
            self._sentences[(key, f"{TRANSITION_ACTION}:{name}")] = sentence
        for action, sentence in (actions or {}).items():
            self._sentences[(key, action)] = sentence

    def sentence_of(self, entry: Any) -> Any | None:
        """The registered sentence of one log entry, or None."""
        data = entry.data or {}
        action = entry.action
        if action == TRANSITION_ACTION:
            action = f"{TRANSITION_ACTION}:{data.get('transition', '')}"
        return self._sentences.get((model_key(entry), action))

    def text_of(self, entry: Any, values: Mapping[str, Any]) -> str:
        """The sentence of `entry` with `values` filled in, in the active language."""
        sentence = self.sentence_of(entry)
        filled = _Blank(values)
        if sentence is None:
            data = entry.data or {}
            filled.setdefault("step", data.get("label") or getattr(entry, "label", "") or entry.action)
            sentence = self.FALLBACK
        return str(sentence) % filled

    def narrate(
        self, log_entries: Iterable[Any], values: Callable[[Any], Mapping[str, Any]]
    ) -> list[NarratedEntry]:
        """Every entry of `log_entries` (in the order given) as a sentence; `values(entry)` names the
        actor and whatever else the entry's sentence mentions."""
        return [
            NarratedEntry(
                text=self.text_of(entry, values(entry)),
                timestamp=entry.timestamp,
                comment=(entry.data or {}).get("comment", "") or "",
                entry=entry,
            )
            for entry in log_entries
        ]
