"""What a process plugs into the engine, registered from its `AppConfig.ready()`.

A process's models sit below the rules that read them: who holds which role on an object (a
permission matrix that queries teams and scopes), what to tell whom after a transition (e-mails that
query recipients), guards that rank or match (queries over other models). If the models imported
those rules, and the rules imported the models, the app would be one import circle. So the models
declare their transitions only, and the app registers the rules once every model is loaded:

    def ready(self):
        from workflows import hooks
        from . import notifications, permissions
        hooks.register(AdvisoryRequest, roles=permissions.principals, notifications=notifications.for_request)

`roles(actor, obj)` returns the role names `actor` holds on `obj` (checked against a transition's
`roles=`); `notifications(obj, performed)` returns the `workflows.outbox.Notification`s to queue
after a transition; `guards` maps a transition name to extra guards (`obj -> bool`, with a
`message`, see `workflows.transitions.guard`), checked after the ones the model declares.

A model that needs no higher floor may still define `workflow_roles(self, actor)` and
`notifications_for(self, performed)` itself; a registered hook wins over the method.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProcessHooks:
    roles: Callable | None = None
    notifications: Callable | None = None
    guards: Mapping[str, tuple] = field(default_factory=dict)


_NONE = ProcessHooks()
_registry: dict[type, ProcessHooks] = {}


def _key(model_or_obj):
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    # django-fsm state proxies and Django proxies share their concrete model's hooks.
    return model._meta.concrete_model


def register(
    model,
    *,
    roles: Callable | None = None,
    notifications: Callable | None = None,
    guards: Mapping[str, Iterable[Callable]] | None = None,
) -> None:
    """Plug `model`'s roles, notifications and extra guards into the engine (call from `ready()`)."""
    key = _key(model)
    if key in _registry:
        raise RuntimeError(f"{key.__name__} has its process hooks registered already.")
    _registry[key] = ProcessHooks(
        roles=roles,
        notifications=notifications,
        guards={name: tuple(found) for name, found in (guards or {}).items()},
    )


def hooks_for(model_or_obj) -> ProcessHooks:
    """The hooks registered for a model (or an instance of it); empty hooks when none are."""
    return _registry.get(_key(model_or_obj), _NONE)


def roles_of(obj, actor) -> frozenset:
    """The roles the registered hook, else the model's `workflow_roles`, grants `actor` on `obj`."""
    hook = hooks_for(obj).roles
    if hook is not None:
        return frozenset(hook(actor, obj) or ())
    method = getattr(obj, "workflow_roles", None)
    return frozenset(method(actor) or ()) if method is not None else frozenset()


def notifications_of(obj, performed) -> list:
    """What to notify after `performed`: the registered hook's answer, else the model's own."""
    hook = hooks_for(obj).notifications
    if hook is not None:
        return list(hook(obj, performed) or ())
    method = getattr(obj, "notifications_for", None)
    return list(method(performed) or ()) if method is not None else []


def guards_of(obj, transition_name) -> tuple:
    """The guards registered for one transition of `obj`'s model (the model's own not included)."""
    return hooks_for(obj).guards.get(transition_name, ())
