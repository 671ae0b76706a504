"""Every enabled language has its Wagtail locale and its translation team, made after each migrate.

Enabling a language is configuration (SITE_LANGUAGES); what it needs in the database follows from
it here, so that a new language asks for no migration and no code. Idempotent: run after every
`migrate` (post_migrate), it creates what is missing and changes nothing that exists, so a team's
permissions adjusted by an administrator stay as they are. Languages switched off keep their locale
and content (deleting a locale would delete its pages).
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale

from .models import LanguageScope

# The group whose grants every language's team copies (cms migrations 0002 and 0004).
TRANSLATORS = "Translators"


def translation_team_name(language_code):
    return f"Translators ({language_code})"


def enabled_language_codes():
    return [code for code, _name in settings.LANGUAGES]


@transaction.atomic
def sync_languages(using="default"):
    """Create the missing locales and translation teams of the enabled languages; return what was made."""
    made = []
    for code in enabled_language_codes():
        _locale, created = Locale.objects.using(using).get_or_create(language_code=code)
        if created:
            made.append(f"locale {code}")
    translators = Group.objects.using(using).filter(name=TRANSLATORS).first()
    if translators is None:
        # Not yet migrated, or removed on purpose: a team copies its grants, so there is nothing to copy.
        return made
    for code in enabled_language_codes():
        if code == settings.LANGUAGE_CODE:
            continue
        if _ensure_team(translators, Locale.objects.using(using).get(language_code=code), using):
            made.append(f"group {translation_team_name(code)}")
    return made


def _ensure_team(translators, locale, using):
    """The team of `locale`'s language, with what Translators grants, scoped to that language."""
    team, created = Group.objects.using(using).get_or_create(name=translation_team_name(locale.language_code))
    if created:
        team.permissions.set(translators.permissions.all())
        for grant in GroupPagePermission.objects.using(using).filter(group=translators):
            GroupPagePermission.objects.using(using).get_or_create(
                group=team, page_id=grant.page_id, permission_id=grant.permission_id
            )
        for grant in GroupCollectionPermission.objects.using(using).filter(group=translators):
            GroupCollectionPermission.objects.using(using).get_or_create(
                group=team, collection_id=grant.collection_id, permission_id=grant.permission_id
            )
    scope, scope_created = LanguageScope.objects.using(using).get_or_create(group=team)
    if created or scope_created:
        # A new team, or a group made by hand under the team's name: scoped to its language.
        # An existing scope is the administrators' to change.
        scope.locales.add(locale)
    return created


def sync_after_migrate(sender, using="default", plan=None, **kwargs):
    """post_migrate receiver: skip a migrate that only unapplied migrations (the tables may be gone)."""
    if plan and all(backwards for _migration, backwards in plan):
        return
    made = sync_languages(using=using)
    if made and kwargs.get("verbosity", 1) >= 1:
        print(f"Languages: created {', '.join(made)}")  # noqa: T201 - migrate's own console
