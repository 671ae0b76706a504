from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .site_texts import site_texts_for


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the header and footer show the same in every language: short name, contact, social links.

    The organisation's words (name, tagline, footer text, address, copyright) are translatable:
    SiteTexts, one per language, read through `texts()`.
    """

    short_name = models.CharField(_("short name"), max_length=40, default="ESCA")
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        HelpPanel(
            content=_(
                "The organisation's name, tagline, footer text, postal address and copyright line are "
                "written per language: Snippets → Site texts."
            )
        ),
        FieldPanel("short_name"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("mastodon_url"), FieldPanel("youtube_url")],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def social_links(self):
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Mastodon", self.mastodon_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]

    def texts(self):
        """The site's texts in the active language (English when the language has none).

        Wagtail keeps one SiteSettings per request (`for_request`), so kept here they are read once a
        request and language; templates say `site_settings.organisation_name` as they always did.
        """
        language = translation.get_language() or settings.LANGUAGE_CODE
        cache = self.__dict__.setdefault("_texts_by_language", {})
        if language not in cache:
            cache[language] = site_texts_for(self.site_id, language, settings.LANGUAGE_CODE)
        return cache[language]

    @property
    def organisation_name(self):
        return self.texts().organisation_name

    @property
    def tagline(self):
        return self.texts().tagline

    @property
    def footer_text(self):
        return self.texts().footer_text

    @property
    def address(self):
        return self.texts().address

    @property
    def copyright_line(self):
        return self.texts().copyright_line
