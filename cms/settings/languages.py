"""The languages the site can speak: the 24 official languages of the European Union.

Which of them a deployment serves is configuration (SITE_LANGUAGES); adding one takes its
interface catalogue (locales/<code>/LC_MESSAGES/django.po, compiled) and the translated content,
no code. Names come from Django (global_settings.LANGUAGES, translated by Django's own catalogue),
so the project's catalogues need not carry them; Django lacks only Maltese, described here.
"""

from django.conf import global_settings
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

SOURCE_LANGUAGE = "en"

# The official languages of the EU, in the order of their codes.
EU_LANGUAGE_CODES = tuple(
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split()  # noqa: SIM905 - legible
)

# Django has no Maltese: its name (translated in the project's catalogues) and its LANG_INFO entry,
# which get_language_info() (the language switcher's own names) and Wagtail's locale names read.
EXTRA_LANGUAGES = {"mt": _("Maltese")}
EXTRA_LANG_INFO = {"mt": {"bidi": False, "code": "mt", "name": "Maltese", "name_local": "Malti"}}

# Open Graph names a language with a territory (og:locale "de_DE"): the member state where each
# language is chiefly spoken (English: Ireland and Malta use it; the network writes British English).
TERRITORIES = {
    "bg": "BG",
    "cs": "CZ",
    "da": "DK",
    "de": "DE",
    "el": "GR",
    "en": "GB",
    "es": "ES",
    "et": "EE",
    "fi": "FI",
    "fr": "FR",
    "ga": "IE",
    "hr": "HR",
    "hu": "HU",
    "it": "IT",
    "lt": "LT",
    "lv": "LV",
    "mt": "MT",
    "nl": "NL",
    "pl": "PL",
    "pt": "PT",
    "ro": "RO",
    "sk": "SK",
    "sl": "SI",
    "sv": "SE",
}


def install_lang_info():
    """Teach Django the languages it lacks (idempotent; settings call it once)."""
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


def all_languages():
    """{code: lazily translated English name} of every official EU language.

    Django's names are wrapped through a variable, not a literal: makemessages leaves them to
    Django's catalogue, which translates them at run time.
    """
    django_names = dict(global_settings.LANGUAGES)
    # A membership test, not `or`: the truth of a lazy string would translate it before apps are ready.
    return {
        code: EXTRA_LANGUAGES[code] if code in EXTRA_LANGUAGES else _(django_names[code])
        for code in EU_LANGUAGE_CODES
    }


def enabled_languages(requested, known):
    """The codes SITE_LANGUAGES asks for, the source language first and always; unknown codes refused."""
    codes = [code.strip().lower() for code in requested if code.strip()]
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValueError(
            f"SITE_LANGUAGES names {', '.join(unknown)}: not one of the official EU languages "
            f"({' '.join(sorted(known))})"
        )
    ordered = [SOURCE_LANGUAGE]
    for code in codes:
        if code not in ordered:
            ordered.append(code)
    return ordered


def og_locales(codes):
    """{code: Open Graph locale} for the given languages ("de" -> "de_DE")."""
    return {code: f"{code}_{TERRITORIES[code]}" for code in codes if code in TERRITORIES}
