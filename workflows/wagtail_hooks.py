from wagtail import hooks

from . import audit


@hooks.register("register_log_actions")
def register_workflow_log_actions(actions):
    audit.register_log_actions(actions)
