from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ExpertiseAreaQuerySet(models.QuerySet):
    def canonical(self):
        """The areas in the default locale: experts and requests always link to these."""
        return self.filter(locale=Locale.get_default())


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
    def canonicalise(cls, areas):
        """The default-locale rows of `areas` (any locale), so a German form links the same rows."""
        keys = {area.translation_key for area in areas}
        if not keys:
            return cls.objects.none()
        return cls.objects.canonical().filter(translation_key__in=keys)
