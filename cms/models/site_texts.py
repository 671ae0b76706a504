"""The organisation's own words (name, tagline, footer, address, copyright) in every language of a site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

# What a site shows before anyone wrote its texts (a new site, a fresh database).
DEFAULT_ORGANISATION_NAME = "European Secretariat for Cluster Analysis"


class SiteTexts(TranslatableMixin, models.Model):
    """What the header, footer and page titles say about the organisation, one version per language.

    Translators translate it in wagtail-localize like any snippet. What reads the same in every language
    (e-mail, phone, social links, short name) stays in SiteSettings.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default=DEFAULT_ORGANISATION_NAME
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("A short line under the name, above the home page's title."),
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    address = models.TextField(_("postal address"), blank=True)
    copyright = models.CharField(
        _("copyright line"),
        max_length=200,
        blank=True,
        help_text=_("Shown after “© year” at the foot of every page; the organisation name when empty."),
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("organisation_name"),
        FieldPanel("tagline"),
        FieldPanel("footer_text"),
        FieldPanel("address"),
        FieldPanel("copyright"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site texts")
        verbose_name_plural = _("site texts")
        constraints = [
            models.UniqueConstraint(fields=["site", "locale"], name="cms_sitetexts_one_per_site_and_locale")
        ]

    def __str__(self):
        return self.organisation_name

    @property
    def copyright_line(self):
        return self.copyright or self.organisation_name


def site_texts_for(site_id, language_code, default_language):
    """The texts of a site in a language, else in the default language, else unsaved defaults: one query."""
    found = {
        texts.locale.language_code: texts
        for texts in SiteTexts.objects.filter(
            site_id=site_id, locale__language_code__in={language_code, default_language}
        ).select_related("locale")
    }
    return found.get(language_code) or found.get(default_language) or SiteTexts(site_id=site_id)
