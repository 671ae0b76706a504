from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, ServiceBlock

from .base import SitePage, live_in_locale
from .calls import CallPage
from .events import EventPage
from .news import NewsArticlePage


class HomePage(SitePage):
    """The root of each locale's tree: intro, latest news, open calls, upcoming events."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    services = StreamField([("service", ServiceBlock())], verbose_name=_("services"), blank=True, max_num=4)

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("services")]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StandardPage",
        "cms.NewsIndexPage",
        "cms.CallIndexPage",
        "cms.EventIndexPage",
        "cms.PublicationIndexPage",
        "advisory.RequestFormPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["latest_news"] = live_in_locale(NewsArticlePage, self.locale).order_by("-date", "-pk")[:3]
        context["open_calls"] = (
            live_in_locale(CallPage, self.locale)
            .filter(opens_at__lte=now, closes_at__gt=now)
            .select_related("programme")
            .order_by("closes_at")[:3]
        )
        context["upcoming_events"] = (
            live_in_locale(EventPage, self.locale).filter(end__gte=now).order_by("start")[:3]
        )
        return context
