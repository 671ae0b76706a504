from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Data protection: the staff tools to find, export and erase a person's data, and their records."""

    name = "privacy"
    verbose_name = _("Data protection")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Providers import models: loaded once the registry is ready.
        from workflows import personal_data  # noqa: PLC0415 - see above

        from .providers import SignInRecordsProvider, SubjectRequestProvider  # noqa: PLC0415 - see above

        personal_data.register(SubjectRequestProvider())
        personal_data.register(SignInRecordsProvider())
