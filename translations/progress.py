"""How much of a translation is left to do: string segments of a snapshot without a translation.

wagtail-localize keeps one StringSegment per passage of a snapshot (TranslationSource) and one
StringTranslation per passage, context and language. A passage counts as translated when a
translation without error exists, as wagtail-localize's own progress bar counts it.
"""

from django.db.models import Count, Exists, OuterRef, Q
from wagtail_localize.models import StringSegment, StringTranslation


def _translated(locale):
    return Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
    )


def untranslated_by_source(sources, locale):
    """{source id: passages not translated into `locale`} of the snapshots `sources` (ids or a
    queryset), in one query whatever their number; a snapshot with every passage translated is 0."""
    rows = (
        StringSegment.objects.filter(source__in=sources)
        .annotate(translated=_translated(locale))
        .values("source_id")
        .annotate(missing=Count("pk", filter=Q(translated=False)))
    )
    return {row["source_id"]: row["missing"] for row in rows}


def untranslated(source, locale):
    """The passages of one snapshot not translated into `locale`."""
    return untranslated_by_source([source.pk], locale).get(source.pk, 0)
