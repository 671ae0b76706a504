"""System checks of the site's configuration (registered by CmsConfig.ready)."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register
from django.utils.translation import to_locale


def _catalogue(language_code, suffix):
    """The first LOCALE_PATHS entry holding `language_code`'s catalogue with `suffix`, or None."""
    for base in settings.LOCALE_PATHS:
        path = Path(base) / to_locale(language_code) / "LC_MESSAGES" / f"django{suffix}"
        if path.exists():
            return path
    return None


@register()
def enabled_languages_have_catalogues(app_configs=None, **kwargs):
    """cms.E001: every enabled language but the source has a compiled catalogue of the interface.

    Refused rather than warned: without one the pages of that language would show their content in
    the language and every button, form and e-mail in English, a half-translated site.
    """
    errors = []
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE or _catalogue(code, ".mo"):
            continue
        has_source = _catalogue(code, ".po") is not None
        folder = to_locale(code)
        errors.append(
            Error(
                f"SITE_LANGUAGES enables '{code}', which has no compiled interface catalogue.",
                hint=(
                    f"Run `manage.py compilemessages -l {folder}`."
                    if has_source
                    else f"Create locales/{folder}/LC_MESSAGES/django.po (`manage.py makemessages -l "
                    f"{folder}`), translate and compile it, or remove '{code}' from SITE_LANGUAGES."
                ),
                id="cms.E001",
            )
        )
    return errors
