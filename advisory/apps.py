from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisoryConfig(AppConfig):
    name = "advisory"
    verbose_name = _("Advisory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The floors above the models plug in here, once every model is loaded: the models import
        # none of them, so advisory's imports run one way (models -> rules -> services -> views).
        from workflows import hooks, personal_data  # noqa: PLC0415

        from . import matching, notifications, permissions  # noqa: PLC0415
        from .models import AdvisoryRequest, Assignment, Deliverable  # noqa: PLC0415
        from .privacy import AdvisoryProvider  # noqa: PLC0415

        hooks.register(AdvisoryRequest, roles=permissions.principals, notifications=notifications.for_request)
        hooks.register(
            Assignment,
            roles=permissions.principals,
            notifications=notifications.for_assignment,
            guards={"invite": [matching.expert_not_excluded]},
        )
        hooks.register(Deliverable, roles=permissions.principals, notifications=notifications.for_deliverable)
        # The data-subject tools find, export and erase requests and experts through it.
        personal_data.register(AdvisoryProvider())
