from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Development only: listed in cms.settings.dev and cms.settings.test, never in production."""

    name = "demo"
    verbose_name = "Demo content"
