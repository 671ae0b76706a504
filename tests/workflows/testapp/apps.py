from django.apps import AppConfig


class WorkflowsTestAppConfig(AppConfig):
    """A small process used only to test the generic engine; installed by the test settings alone."""

    name = "tests.workflows.testapp"
    label = "workflows_testapp"
    default_auto_field = "django.db.models.BigAutoField"
