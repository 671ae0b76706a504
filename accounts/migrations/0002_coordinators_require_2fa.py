"""Coordinators and lead coordinators must use two-factor authentication (wagtail-2fa's permission)."""

from django.db import migrations

GROUPS = ("Coordinators", "Lead coordinators")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="enable_2fa").first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="enable_2fa").first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("advisory", "0003_advisory_groups"),
        ("wagtail_2fa", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
