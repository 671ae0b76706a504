from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import SitePage


class StandardPage(SitePage):
    """About, Services, Network, Privacy, Imprint: free-form content."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("body")]

    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
