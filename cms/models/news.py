from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock, RelatedBlock

from .base import IndexPage, SitePage, live_in_locale, paginate


class NewsCategory(models.TextChoices):
    NEWS = "news", _("News")
    STUDY = "study", _("Study")
    REPORT = "report", _("Report")
    EVENT = "event", _("Event")
    CALL = "call", _("Call")
    CONFERENCE = "conference", _("Conference")


class NewsIndexPage(IndexPage):
    subpage_types = ["cms.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def articles(self):
        return live_in_locale(NewsArticlePage, self.locale).descendant_of(self).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        category = request.GET.get("category", "")
        if category in NewsCategory.values:
            articles = articles.filter(category=category)
        else:
            category = ""
        context["articles"] = paginate(request, articles)
        context["categories"] = NewsCategory.choices
        context["current_category"] = category
        return context


class NewsArticlePage(SitePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.CharField(
        _("category"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.NEWS
    )
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    related = StreamField(
        RelatedBlock(),
        verbose_name=_("related pages and documents"),
        blank=True,
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("related"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date"]
