from django.conf import settings
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ExpertiseAreaQuerySet(models.QuerySet):
    def canonical(self):
        """The areas in the default locale: experts and requests always link to these."""
        return self.filter(locale=Locale.get_default())

    def localised(self, language=None):
        """The areas, each with `localised_name`: its name in `language` (the active one by default).

        One query however many areas: the translation is read by a subquery on the translation key,
        and an area not yet translated keeps its own name. Prefer this to `.localized`, which asks
        the database once per area.
        """
        try:
            code = get_supported_content_language_variant(language or translation.get_language())
        except LookupError:  # no language active, or one the site has no content in
            code = settings.LANGUAGE_CODE
        translated = ExpertiseArea.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=code
        ).values("name")[:1]
        return self.annotate(localised_name=Coalesce(Subquery(translated), F("name")))


class ExpertiseArea(TranslatableMixin, index.Indexed, models.Model):
    """A field of advice (programme design, benchmarking, ...); translated like the site's snippets.

    Experts and requests link to the default-locale row; a translation is shown with `.localized`.
    The code is the same in every language and names the area in data and tests.
    """

    name = models.CharField(_("name"), max_length=120)
    code = models.SlugField(_("code"), max_length=60)

    panels = [FieldPanel("name"), FieldPanel("code")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("code")]

    objects = ExpertiseAreaQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("expertise area")
        verbose_name_plural = _("expertise areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="advisory_expertise_code_per_locale"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def prefetch_localised(cls, lookup="expertise_areas"):
        """A Prefetch of the areas of many requests or experts, named in the active language, in one query."""
        return Prefetch(lookup, queryset=cls.objects.localised())

    @classmethod
    def canonicalise(cls, areas):
        """The default-locale rows of `areas` (any locale), so a German form links the same rows."""
        keys = {area.translation_key for area in areas}
        if not keys:
            return cls.objects.none()
        return cls.objects.canonical().filter(translation_key__in=keys)
