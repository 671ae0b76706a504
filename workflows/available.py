"""Which transitions an actor may perform on an object now, e.g. to draw admin buttons."""

from . import hooks
from .actors import as_actor
from .transitions import all_transitions


def available_transitions(obj, actor):
    """What `actor` may perform on `obj` now (state, permission and guards allow it), in declaration order."""
    actor = as_actor(actor)
    available = []
    for meta in all_transitions(obj):
        fsm_meta = getattr(obj, meta.name)._django_fsm
        state = getattr(obj, meta.field_name)
        if (
            fsm_meta.has_transition(state)
            and meta.is_permitted(obj, actor)
            and fsm_meta.conditions_met(obj, state)
            and all(condition(obj) for condition in hooks.guards_of(obj, meta.name))
        ):
            available.append(meta)
    return available


__all__ = ["all_transitions", "available_transitions"]
