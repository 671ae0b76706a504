"""The English home page as the site root, a locale per enabled language, and Translators."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
SNIPPET_MODELS = ["programme", "topic"]


def create_home_and_locales(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    if HomePage.objects.exists():
        return
    # Replace Wagtail's welcome page by our home page at the same place in the tree.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    home_type, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=home_type,
        path=root.path + "0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=english,
        live=True,
        intro="",
        services="[]",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    site, _ = Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    site.root_page = home
    site.site_name = "ESCA"
    site.save()


def create_editorial_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    snippet_perms = Permission.objects.filter(
        content_type__app_label="cms",
        codename__in=[f"{action}_{model}" for model in SNIPPET_MODELS for action in ("add", "change", "delete")],
    )
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )

    translators, _ = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(admin_access, submit_translation, *snippet_perms.filter(codename__startswith="change"))

    root = Page.objects.get(depth=1)
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=translators, page=root, permission=permission)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            permission = Permission.objects.get(content_type__app_label=app_label, codename=f"choose_{model}")
            GroupCollectionPermission.objects.get_or_create(
                group=translators, collection=root_collection, permission=permission
            )

    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*snippet_perms)
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.add(submit_translation)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_home_and_locales, migrations.RunPython.noop),
        migrations.RunPython(create_editorial_groups, migrations.RunPython.noop),
    ]
