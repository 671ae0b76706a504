"""Translators change their own languages only: a language scope per group, a translation team per language.

"Translators (de)", "Translators (fr)", ... get what "Translators" grants, scoped to their language.
"Translators" itself is scoped to no language: its members keep their view of the admin and change
nothing until an administrator puts them in their languages' teams.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def translation_team_name(language_code):
    return f"Translators ({language_code})"


def create_translation_teams(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Locale = apps.get_model("wagtailcore", "Locale")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    LanguageScope = apps.get_model("cms", "LanguageScope")

    translators = Group.objects.filter(name="Translators").first()
    if translators is None:
        return
    LanguageScope.objects.get_or_create(group=translators)
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        team, created = Group.objects.get_or_create(name=translation_team_name(code))
        if created:
            team.permissions.set(translators.permissions.all())
            for grant in GroupPagePermission.objects.filter(group=translators):
                GroupPagePermission.objects.get_or_create(
                    group=team, page=grant.page, permission=grant.permission
                )
            for grant in GroupCollectionPermission.objects.filter(group=translators):
                GroupCollectionPermission.objects.get_or_create(
                    group=team, collection=grant.collection, permission=grant.permission
                )
        scope, _ = LanguageScope.objects.get_or_create(group=team)
        scope.locales.add(locale)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cms", "0003_plural_names"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.CreateModel(
            name="LanguageScope",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "group",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="language_scope",
                        to="auth.group",
                        verbose_name="group",
                    ),
                ),
                (
                    "locales",
                    models.ManyToManyField(
                        blank=True,
                        help_text="The group's page and snippet permissions hold in these languages only.",
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="languages",
                    ),
                ),
            ],
            options={
                "verbose_name": "language scope",
                "verbose_name_plural": "language scopes",
                "ordering": ["group__name"],
            },
        ),
        migrations.RunPython(create_translation_teams, migrations.RunPython.noop),
    ]
