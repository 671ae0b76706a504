"""The advisory roles as groups: Coordinators, Lead coordinators, Experts, each with Wagtail admin access.

Object scope (countries, assignments) is not a group permission: the code applies it (advisory.permissions).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATOR_PERMISSIONS = [
    "view_expert",
    "view_expertisearea",
    "view_networkcountry",
    "view_unavailableperiod",
]
LEAD_PERMISSIONS = [
    *COORDINATOR_PERMISSIONS,
    *(f"{action}_{model}" for model in ("expert", "unavailableperiod", "expertisearea", "networkcountry")
      for action in ("add", "change", "delete")),
]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    def advisory(codenames):
        return Permission.objects.filter(content_type__app_label="advisory", codename__in=codenames)

    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    coordinators.permissions.add(admin_access, *advisory(COORDINATOR_PERMISSIONS))
    leads, _ = Group.objects.get_or_create(name="Lead coordinators")
    leads.permissions.add(admin_access, *advisory(LEAD_PERMISSIONS))
    experts, _ = Group.objects.get_or_create(name="Experts")
    experts.permissions.add(admin_access)


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0002_reference_data"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
