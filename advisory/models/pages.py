"""The page that hosts the public request form: where the site (cms) and the advisory service meet.

Editors write its texts per language like any page; the form, the confirmation and the tracking
pages are routes of it (advisory.public.urls), so they live under its URL in every language
(/en/request-advice/track/...).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.models.base import SitePage
from workflows.routing import RoutesFromUrlconf

SHORT_TEXT_FEATURES = ["bold", "italic", "link", "document-link"]


class RequestFormPage(RoutesFromUrlconf, SitePage):
    """The request form for advice, with its confirmation, tracking and resend-link routes."""

    # The routes and their views: the model imports none of them (workflows.routing).
    subpage_urlconf = "advisory.public.urls"

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the form: who may ask, what the network offers, what happens next."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown next to the consent box: what is done with the data, for how long, who to ask."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the consent box; its version in the visitor's language is used."),
    )
    thank_you = RichTextField(
        _("thank-you text"),
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown on the confirmation page, below the reference and the tracking link."),
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("privacy_notice"), PageChooserPanel("privacy_page")], heading=_("Privacy")
        ),
        FieldPanel("thank_you"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]
    template = "advisory/public/request_form_page.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("advisory request form")
        verbose_name_plural = _("advisory request forms")

    # URLs -----------------------------------------------------------------------------------

    def route_url(self, name, request=None, **kwargs):
        """The full URL of one of this page's routes: on the host serving `request`, else the site's."""
        route = self.reverse_subpage(name, kwargs=kwargs or None)
        if request is not None:
            return request.build_absolute_uri(self.get_url(request) + route)
        return self.get_full_url() + route

    def tracking_url(self, token, request=None):
        """The tracking link: the token in the fragment, which browsers never send to a server."""
        return f"{self.route_url('track', request)}#{token}"

    @classmethod
    def for_language(cls, language_code=None):
        """The live form page in a language, else in the default language, else None."""
        pages = cls.objects.live().public().select_related("locale")
        codes = [code for code in (language_code, settings.LANGUAGE_CODE) if code]
        for code in codes:
            page = pages.filter(locale__language_code=code).first()
            if page is not None:
                return page
        return pages.filter(locale=Locale.get_default()).first() or pages.first()

    @classmethod
    def tracking_url_for(cls, advisory_request, token):
        """The tracking link of a request in its requester's language (for e-mails), or "" without a page."""
        page = cls.for_language(advisory_request.requester_language)
        return page.tracking_url(token) if page is not None else ""
