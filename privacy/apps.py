from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Data protection: the staff tools to find, export and erase a person's data, and their records."""

    name = "privacy"
    verbose_name = _("Data protection")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from workflows import personal_data

        from .providers import SignInRecordsProvider, SubjectRequestProvider

        personal_data.register(SubjectRequestProvider())
        personal_data.register(SignInRecordsProvider())
