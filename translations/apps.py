from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Publishing a source or a translation is heard through Wagtail's signals, connected once
        # every model is loaded.
        from . import signals  # noqa: PLC0415

        signals.connect()
