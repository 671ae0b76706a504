"""State diagrams of every process, drawn from the models' own transition declarations.

A process model is any installed model with `workflow_transition`s; its states are the choices of
the state field, its initial state the field's default, its edges the transitions (sources, target,
label, who may). The output is Markdown with Mermaid `stateDiagram-v2` blocks (GitHub draws them)
and a table per model; `manage.py process_diagrams` writes it to docs/processes.md and checks that
the file is current. Nothing here knows any process: the models are found through `django.apps`.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Field, Model
from django.db.models.fields import NOT_PROVIDED
from django.utils import translation
from django.utils.encoding import force_str

from . import hooks
from .transitions import TransitionMeta, all_transitions

# Drawn by `manage.py process_diagrams --write docs/processes.md`; the docs test compares it.
DOCUMENT_PATH = "docs/processes.md"
COMMAND = "manage.py process_diagrams --write"

_NOT_AN_ID = re.compile(r"\W")
# Characters Mermaid reads as syntax inside a transition's text.
_MERMAID_SYNTAX = re.compile(r"[:;#{}<>\"]")


@dataclass(frozen=True)
class Process:
    """One state field of one model and the transitions that move it."""

    model: type[Model]
    field: Field
    transitions: tuple[TransitionMeta, ...]

    @property
    def title(self) -> str:
        return f"{self.model._meta.label}.{self.field.name}"

    def states(self) -> list[tuple[str, str]]:
        """(value, label) of every state: the field's choices, then any state only a transition names."""
        found = [(str(value), force_str(label)) for value, label in self.field.flatchoices]
        known = {value for value, _label in found}
        for meta in self.transitions:
            for state in (*meta.sources, meta.target):
                if str(state) not in known:
                    known.add(str(state))
                    found.append((str(state), str(state)))
        return found

    def initial(self) -> str | None:
        default = self.field.default
        if default is NOT_PROVIDED:
            return None
        return str(default() if callable(default) else default)


def process_models(*, exclude: Iterable[str] = ()) -> list[type[Model]]:
    """Every installed model with workflow transitions (proxies left out), by app label and name.

    `exclude` names app labels to leave out (the workflow engine's own test app, in tests).
    """
    excluded = set(exclude)
    found = [
        model
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.app_label not in excluded and all_transitions(model)
    ]
    return sorted(found, key=lambda model: (model._meta.app_label, model.__name__))


def processes_of(model: type[Model]) -> list[Process]:
    """The processes of `model`, one per state field its transitions move."""
    by_field: dict[str, list[TransitionMeta]] = {}
    for meta in all_transitions(model):
        by_field.setdefault(meta.field_name, []).append(meta)
    return [Process(model, model._meta.get_field(name), tuple(metas)) for name, metas in by_field.items()]


def _state_id(value: str) -> str:
    return _NOT_AN_ID.sub("_", value)


def _text(value: object) -> str:
    return _MERMAID_SYNTAX.sub(" ", force_str(value)).strip()


def _callable_name(function: Callable) -> str:
    return getattr(function, "__name__", type(function).__name__)


def who(meta: TransitionMeta) -> str:
    """Who may perform the transition, as its declaration says: the system, roles, a permission check."""
    if meta.system:
        return "system"
    parts = sorted(str(role) for role in meta.roles)
    if meta.permission is not None:
        parts.append(f"{_callable_name(meta.permission)}()")
    return ", ".join(parts)


def asks_for(model: type[Model], meta: TransitionMeta) -> str:
    """What the transition needs besides the source state: a comment, fields, the guards that must pass."""
    parts = []
    if meta.requires_comment:
        parts.append("a comment")
    parts += [f"field `{name}`" for name in meta.fields]
    guards = (*meta.conditions, *hooks.guards_of(model, meta.name))
    for condition in guards:
        message = getattr(condition, "message", None)
        # A guard's message is what it says when it refuses: quoted as such.
        parts.append(f"guard: “{force_str(message)}”" if message else f"guard `{_callable_name(condition)}`")
    return "; ".join(parts) or "–"


def mermaid(process: Process) -> str:
    """The process as a Mermaid `stateDiagram-v2` (without the code fence)."""
    lines = ["stateDiagram-v2"]
    for value, label in process.states():
        lines.append(f'    state "{_text(label)}" as {_state_id(value)}')
    initial = process.initial()
    if initial is not None:
        lines.append(f"    [*] --> {_state_id(initial)}")
    leaving = set()
    for meta in process.transitions:
        text = f"{_text(meta.label)} · {_text(who(meta))}"
        for source in meta.sources:
            leaving.add(str(source))
            lines.append(f"    {_state_id(str(source))} --> {_state_id(str(meta.target))}: {text}")
    reached = {str(meta.target) for meta in process.transitions}
    for value, _label in process.states():
        if value in reached and value not in leaving:
            lines.append(f"    {_state_id(value)} --> [*]")
    return "\n".join(lines)


def table(process: Process) -> str:
    """The transitions as a Markdown table: from, transition, to, who, what it asks for."""
    labels = dict(process.states())
    lines = ["| from | transition | to | who | asks for |", "| --- | --- | --- | --- | --- |"]
    for meta in process.transitions:
        sources = ", ".join(labels[str(source)] for source in meta.sources)
        cells = [
            sources,
            f"`{meta.name}` ({force_str(meta.label)})",
            labels[str(meta.target)],
            who(meta),
            asks_for(process.model, meta),
        ]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def section(process: Process) -> str:
    name = force_str(process.model._meta.verbose_name)
    return "\n".join(
        [
            f"## {process.title}",
            "",
            f"{name[:1].upper()}{name[1:]}: states of `{process.field.name}`, "
            "and who may move it from one to the next.",
            "",
            "```mermaid",
            mermaid(process),
            "```",
            "",
            table(process),
        ]
    )


HEADER = f"""# Processes: states and transitions

<!-- Generated from the models by `{COMMAND} {DOCUMENT_PATH}`: do not edit by hand. -->

Every process model's states and transitions, read from its `workflow_transition` declarations
(`workflows.diagrams`). An arrow is a transition: its label, then who may perform it (roles, the
system, or a permission check). `[*]` marks the state a new object starts in and the states
nothing leaves. A test fails when this file no longer matches the models."""


def document(models: Iterable[type[Model]]) -> str:
    """The Markdown document of the processes of `models`, in English."""
    with translation.override("en"):
        sections = [section(process) for model in models for process in processes_of(model)]
    return "\n\n".join([HEADER, *sections]) + "\n"
