"""The organisation's texts become a translatable snippet; calls say how to apply; documents get titles.

- SiteTexts: today's organisation name, footer text and address of each site's settings move into
  the site's texts in the default language, then leave SiteSettings; editorial groups may edit them
  (translators: change, to translate).
- Documents in calls, events and news become a block with a translatable title: the stored document
  id is wrapped as {"document": id, "title": ""} in pages and in their revisions.
"""

import uuid

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation

MOVED_FIELDS = ("organisation_name", "footer_text", "address")


class WrapDocumentOperation(BaseBlockOperation):
    """A stream's "document" children, once a bare document id, become the titled document block."""

    def apply(self, block_value):
        return [
            {**child, "value": {"document": child["value"], "title": ""}}
            if child["type"] == "document" and not isinstance(child["value"], dict)
            else child
            for child in block_value
        ]

    @property
    def operation_name_fragment(self):
        return "wrap_document"


def default_locale(Locale):
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.objects.first()


def move_texts_to_snippet(apps, schema_editor):
    SiteSettings = apps.get_model("cms", "SiteSettings")
    SiteTexts = apps.get_model("cms", "SiteTexts")
    locale = default_locale(apps.get_model("wagtailcore", "Locale"))
    if locale is None:
        return
    for site_settings in SiteSettings.objects.all():
        SiteTexts.objects.get_or_create(
            site_id=site_settings.site_id,
            locale=locale,
            defaults={name: getattr(site_settings, name) for name in MOVED_FIELDS},
        )


def move_texts_back(apps, schema_editor):
    SiteSettings = apps.get_model("cms", "SiteSettings")
    SiteTexts = apps.get_model("cms", "SiteTexts")
    locale = default_locale(apps.get_model("wagtailcore", "Locale"))
    for texts in SiteTexts.objects.filter(locale=locale):
        SiteSettings.objects.filter(site_id=texts.site_id).update(
            **{name: getattr(texts, name) for name in MOVED_FIELDS}
        )


def grant_site_texts(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = {
        action: Permission.objects.get(content_type__app_label="cms", codename=f"{action}_sitetexts")
        for action in ("add", "change", "delete")
    }
    for group in Group.objects.filter(name__in=("Editors", "Moderators")):
        group.permissions.add(*permissions.values())
    # Translators translate the texts; each team only in its languages (cms.language_scope).
    for group in Group.objects.filter(name__startswith="Translators"):
        group.permissions.add(permissions["change"])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cms", "0004_language_scope"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="callpage",
            name="contact_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="contact e-mail"),
        ),
        migrations.AddField(
            model_name="callpage",
            name="contact_name",
            field=models.CharField(
                blank=True,
                help_text="A person or an office, e.g. “Call helpdesk”.",
                max_length=200,
                verbose_name="contact",
            ),
        ),
        migrations.AddField(
            model_name="callpage",
            name="contact_phone",
            field=models.CharField(blank=True, max_length=40, verbose_name="contact phone"),
        ),
        migrations.AddField(
            model_name="callpage",
            name="further_deadlines",
            field=wagtail.fields.StreamField(
                [("deadline", 2)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "What is due", "max_length": 120}),
                    1: (
                        "wagtail.blocks.DateTimeBlock",
                        (),
                        {"help_text": "Brussels time (Europe/Brussels).", "label": "Date and time"},
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("label", 0), ("at", 1)]], {}),
                },
                help_text="Dates before the final deadline: a first-stage deadline, an information day.",
                verbose_name="further dates",
            ),
        ),
        migrations.AddField(
            model_name="callpage",
            name="how_to_apply",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Who may apply, what to send, where and in which form.",
                verbose_name="how to apply",
            ),
        ),
        migrations.AddField(
            model_name="publicationpage",
            name="publisher",
            field=models.CharField(
                blank=True,
                help_text="The body that published it, as readers of this language know it.",
                max_length=300,
                verbose_name="publisher",
            ),
        ),
        migrations.AlterField(
            model_name="callpage",
            name="documents",
            field=wagtail.fields.StreamField(
                [("document", 2)],
                blank=True,
                block_lookup={
                    0: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What visitors read; translated with the page. The document's own title when empty.",
                            "label": "Title",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("document", 0), ("title", 1)]], {}),
                },
                verbose_name="documents",
            ),
        ),
        migrations.AlterField(
            model_name="eventpage",
            name="documents",
            field=wagtail.fields.StreamField(
                [("document", 2)],
                blank=True,
                block_lookup={
                    0: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What visitors read; translated with the page. The document's own title when empty.",
                            "label": "Title",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("document", 0), ("title", 1)]], {}),
                },
                verbose_name="documents",
            ),
        ),
        migrations.AlterField(
            model_name="newsarticlepage",
            name="related",
            field=wagtail.fields.StreamField(
                [("page", 0), ("document", 3)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.PageChooserBlock", (), {"label": "Related page"}),
                    1: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What visitors read; translated with the page. The document's own title when empty.",
                            "label": "Title",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    3: (
                        "wagtail.blocks.StructBlock",
                        [[("document", 1), ("title", 2)]],
                        {"label": "Related document"},
                    ),
                },
                verbose_name="related pages and documents",
            ),
        ),
        migrations.CreateModel(
            name="SiteTexts",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "organisation_name",
                    models.CharField(
                        default="European Secretariat for Cluster Analysis",
                        max_length=200,
                        verbose_name="organisation name",
                    ),
                ),
                (
                    "tagline",
                    models.CharField(
                        blank=True,
                        help_text="A short line under the name, above the home page's title.",
                        max_length=200,
                        verbose_name="tagline",
                    ),
                ),
                ("footer_text", models.TextField(blank=True, verbose_name="footer text")),
                ("address", models.TextField(blank=True, verbose_name="postal address")),
                (
                    "copyright",
                    models.CharField(
                        blank=True,
                        help_text="Shown after “© year” at the foot of every page; the organisation name when empty.",
                        max_length=200,
                        verbose_name="copyright line",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                        verbose_name="site",
                    ),
                ),
            ],
            options={
                "verbose_name": "site texts",
                "verbose_name_plural": "site texts",
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("site", "locale"), name="cms_sitetexts_one_per_site_and_locale"
                    )
                ],
                "unique_together": {("translation_key", "locale")},
            },
        ),
        MigrateStreamData("cms", "callpage", "documents", [(WrapDocumentOperation(), "")]),
        MigrateStreamData("cms", "eventpage", "documents", [(WrapDocumentOperation(), "")]),
        MigrateStreamData("cms", "newsarticlepage", "related", [(WrapDocumentOperation(), "")]),
        migrations.RunPython(move_texts_to_snippet, move_texts_back),
        migrations.RunPython(grant_site_texts, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="sitesettings",
            name="address",
        ),
        migrations.RemoveField(
            model_name="sitesettings",
            name="footer_text",
        ),
        migrations.RemoveField(
            model_name="sitesettings",
            name="organisation_name",
        ),
    ]
