"""Studies, benchmarking reports and policy briefs, each with its PDF."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from workflows.uploads import is_pdf

from .base import IndexPage, SitePage, live_in_locale, paginate


class PublicationType(models.TextChoices):
    STUDY = "study", _("Study")
    BENCHMARKING_REPORT = "benchmarking_report", _("Benchmarking report")
    POLICY_BRIEF = "policy_brief", _("Policy brief")


class PublicationIndexPage(IndexPage):
    subpage_types = ["cms.PublicationPage"]

    class Meta:
        verbose_name = _("publications index")
        verbose_name_plural = _("publications indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publications = (
            live_in_locale(PublicationPage, self.locale)
            .descendant_of(self)
            .select_related("pdf")
            .order_by("-date", "-pk")
        )
        kind = request.GET.get("type", "")
        if kind in PublicationType.values:
            publications = publications.filter(publication_type=kind)
        else:
            kind = ""
        context["publications"] = paginate(request, publications)
        context["types"] = PublicationType.choices
        context["current_type"] = kind
        return context


class PublicationPage(SitePage):
    publication_type = models.CharField(
        _("type"), max_length=30, choices=PublicationType.choices, default=PublicationType.STUDY
    )
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    publisher = models.CharField(
        _("publisher"),
        max_length=300,
        blank=True,
        help_text=_("The body that published it, as readers of this language know it."),
    )
    date = models.DateField(_("publication date"), default=timezone.localdate)
    abstract = RichTextField(_("abstract"), features=RICH_TEXT_FEATURES)
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    countries_covered = CountryField(_("countries covered"), multiple=True, blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("publication_type"),
        FieldPanel("authors"),
        FieldPanel("publisher"),
        FieldPanel("date"),
        FieldPanel("abstract"),
        FieldPanel("pdf"),
        InlinePanel("topics", label=_("Topics")),
        FieldPanel("countries_covered"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("authors"),
        index.FilterField("publication_type"),
    ]
    parent_page_types = ["cms.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def clean(self):
        super().clean()
        if self.pdf_id and not is_pdf(self.pdf.file):
            raise ValidationError({"pdf": _("The chosen document is not a PDF file.")})


class PublicationTopic(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        "cms.Topic", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("publication topics")
