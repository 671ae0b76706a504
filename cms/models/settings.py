from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Organisation details shown in the header, footer and structured metadata."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="European Secretariat for Cluster Analysis"
    )
    short_name = models.CharField(_("short name"), max_length=40, default="ESCA")
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("short_name")], heading=_("Organisation")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("mastodon_url"), FieldPanel("youtube_url")],
            heading=_("Social links"),
        ),
        FieldPanel("footer_text"),
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
