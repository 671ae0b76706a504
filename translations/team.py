"""Who translates into a language: members of a language-scoped group that may translate.

A translation team is a group with a LanguageScope covering the language (cms.models.LanguageScope)
and wagtail-localize's "submit translation" permission, e.g. "Translators (de)". Unscoped groups
(Editors, Moderators) act in every language but are nobody's translation team.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")


def _translating_groups():
    app_label, codename = SUBMIT_TRANSLATION
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return Group.objects.filter(language_scope__isnull=False, permissions__in=permission)


def translators_of(locale):
    """Active users with an e-mail address in a translation team of `locale`, with their profiles."""
    groups = _translating_groups().filter(language_scope__locales=locale)
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
        .order_by("pk")
    )


def languages_of(user):
    """The locales of the translation teams `user` belongs to, in the site's language order."""
    if not user.is_authenticated:
        return []
    ids = set(
        _translating_groups()
        .filter(user=user)
        .exclude(language_scope__locales=None)
        .values_list("language_scope__locales", flat=True)
    )
    return [locale for locale in target_locales() if locale.pk in ids]


def target_locales():
    """Every enabled language but the source's, in the order of settings.LANGUAGES."""
    order = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    found = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=order)}
    return [found[code] for code in order if code in found]


def mail_language(user, fallback):
    """The language of the user's admin (Wagtail profile); else `fallback` when the interface has it."""
    profile = getattr(user, "wagtail_userprofile", None)
    preferred = getattr(profile, "preferred_language", "") if profile is not None else ""
    interface = {code for code, _name in settings.LANGUAGES}
    for code in (preferred, fallback):
        if code and code in interface:
            return code
    return settings.LANGUAGE_CODE
