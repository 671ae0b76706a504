from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    # "Processes", so the admin never shows two "Workflows" beside Wagtail's page moderation.
    name = "workflows"
    verbose_name = _("Processes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401, PLC0415 - registers the system checks once apps are loaded
