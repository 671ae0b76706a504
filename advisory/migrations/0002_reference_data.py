"""The network's default data: 27 EU member states, the working languages, certifications, expertise areas.

Data, not code: administrators may change any of it afterwards. Values are frozen here on purpose.
"""

import uuid

from django.conf import settings
from django.db import migrations

EU_MEMBER_STATES = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]
LANGUAGES = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
    "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
]
CERTIFICATIONS = ["benchmarker", "label_assessor", "trainer", "evaluator"]
EXPERTISE_AREAS = [
    ("programme-design", "Programme design"),
    ("programme-evaluation", "Programme evaluation"),
    ("cluster-benchmarking", "Cluster benchmarking"),
    ("cluster-management-excellence", "Cluster management excellence"),
    ("internationalisation", "Internationalisation"),
    ("smart-specialisation", "Smart specialisation"),
    ("cross-sector-innovation", "Cross-sector innovation"),
    ("cluster-manager-training", "Cluster manager training"),
]


def create_reference_data(apps, schema_editor):
    NetworkCountry = apps.get_model("advisory", "NetworkCountry")
    Language = apps.get_model("advisory", "Language")
    Certification = apps.get_model("advisory", "Certification")
    ExpertiseArea = apps.get_model("advisory", "ExpertiseArea")
    Locale = apps.get_model("wagtailcore", "Locale")

    for code in EU_MEMBER_STATES:
        NetworkCountry.objects.get_or_create(country=code)
    for code in LANGUAGES:
        Language.objects.get_or_create(code=code)
    for code in CERTIFICATIONS:
        Certification.objects.get_or_create(code=code)
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, name in EXPERTISE_AREAS:
        ExpertiseArea.objects.get_or_create(
            code=code, locale=locale, defaults={"name": name, "translation_key": uuid.uuid4()}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_reference_data, migrations.RunPython.noop)]
