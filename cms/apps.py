from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Public site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: both need the app registry (models, checks) that ready() waits for.
        from . import checks, page_slugs, translation_slugs  # noqa: F401, PLC0415 - checks register themselves
        from .language_sync import sync_after_migrate  # noqa: PLC0415 - imports models
        from .search import index  # noqa: F401, PLC0415 - connects the site search's signal receivers
        from .search.postgres import configurations_after_migrate  # noqa: PLC0415 - reads settings

        # Once per migrate (sender: this app), after every app's migrations: the enabled languages'
        # locales and translation teams (cms.language_sync).
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="cms_sync_languages")
        # And their text-search configurations on PostgreSQL (cms.search.postgres).
        post_migrate.connect(
            configurations_after_migrate, sender=self, dispatch_uid="cms_search_configurations"
        )
        # A translated title brings its slug (cms.translation_slugs); an abandoned draft does not hold
        # a new page's slug (cms.page_slugs).
        translation_slugs.connect()
        page_slugs.install()
