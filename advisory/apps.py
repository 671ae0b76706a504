from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisoryConfig(AppConfig):
    name = "advisory"
    verbose_name = _("Advisory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from workflows import personal_data

        from .privacy import AdvisoryProvider

        # The data-subject tools find, export and erase requests and experts through it.
        personal_data.register(AdvisoryProvider())
