"""The default expertise areas in the site's other languages (0002 created them in English only).

A translation is the area's row in that language's locale, with the same translation key and code,
as a translator would make it in the admin. Created only where missing: a translation an
administrator already made (or changed) is left as it is, and so is an area that was deleted. Only
languages that have a locale are translated; a language enabled later is translated in the admin
(Snippets, Expertise areas). Values are frozen here on purpose, like those of 0002.
"""

from django.conf import settings
from django.db import migrations

# code: {language: name}; the same terms as the service types and certifications of the interface.
TRANSLATIONS = {
    "programme-design": {
        "de": "Programmgestaltung",
        "fr": "Conception de programmes",
        "es": "Diseño de programas",
        "it": "Progettazione di programmi",
        "pl": "Projektowanie programów",
    },
    "programme-evaluation": {
        "de": "Programmevaluierung",
        "fr": "Évaluation de programmes",
        "es": "Evaluación de programas",
        "it": "Valutazione di programmi",
        "pl": "Ewaluacja programów",
    },
    "cluster-benchmarking": {
        "de": "Cluster-Benchmarking",
        "fr": "Benchmarking de clusters",
        "es": "Benchmarking de clústeres",
        "it": "Benchmarking dei cluster",
        "pl": "Benchmarking klastrów",
    },
    "cluster-management-excellence": {
        "de": "Exzellenz im Clustermanagement",
        "fr": "Excellence dans la gestion des clusters",
        "es": "Excelencia en la gestión de clústeres",
        "it": "Eccellenza nella gestione dei cluster",
        "pl": "Doskonałość w zarządzaniu klastrami",
    },
    "internationalisation": {
        "de": "Internationalisierung",
        "fr": "Internationalisation",
        "es": "Internacionalización",
        "it": "Internazionalizzazione",
        "pl": "Internacjonalizacja",
    },
    "smart-specialisation": {
        "de": "Intelligente Spezialisierung",
        "fr": "Spécialisation intelligente",
        "es": "Especialización inteligente",
        "it": "Specializzazione intelligente",
        "pl": "Inteligentna specjalizacja",
    },
    "cross-sector-innovation": {
        "de": "Branchenübergreifende Innovation",
        "fr": "Innovation intersectorielle",
        "es": "Innovación intersectorial",
        "it": "Innovazione intersettoriale",
        "pl": "Innowacje międzysektorowe",
    },
    "cluster-manager-training": {
        "de": "Schulung für das Clustermanagement",
        "fr": "Formation des gestionnaires de clusters",
        "es": "Formación de gestores de clústeres",
        "it": "Formazione dei cluster manager",
        "pl": "Szkolenia dla menedżerów klastrów",
    },
}


def create_translations(apps, schema_editor):
    ExpertiseArea = apps.get_model("advisory", "ExpertiseArea")
    Locale = apps.get_model("wagtailcore", "Locale")

    languages = {language for names in TRANSLATIONS.values() for language in names}
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=languages)}
    default = settings.LANGUAGE_CODE
    sources = ExpertiseArea.objects.filter(locale__language_code=default, code__in=TRANSLATIONS)
    for source in sources:
        for language, name in TRANSLATIONS[source.code].items():
            locale = locales.get(language)
            if locale is None:
                continue
            # Missing means: no row of this area in that language, whether found by key or by code.
            in_language = ExpertiseArea.objects.filter(locale=locale)
            if in_language.filter(translation_key=source.translation_key).exists():
                continue
            if in_language.filter(code=source.code).exists():
                continue
            ExpertiseArea.objects.create(
                locale=locale, translation_key=source.translation_key, code=source.code, name=name
            )


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0007_assignment_new_state"),
        # The locales of the enabled languages are made there.
        ("cms", "0002_site_locales_and_editorial_groups"),
    ]

    # Reversing leaves the translations: they may have been edited since, and are data like any other.
    operations = [migrations.RunPython(create_translations, migrations.RunPython.noop)]
