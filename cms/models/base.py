"""What every page of the site shares: a social image, paging, locale-scoped listings."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

PAGE_SIZE = 10


class SitePage(Page):
    """Abstract base: adds an optional image used for Open Graph previews."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        from cms.permissions import LocaleAwarePagePermissionTester

        return LocaleAwarePagePermissionTester(user, self)


def paginate(request, items, per_page=PAGE_SIZE):
    """Return the requested page of items; out-of-range or junk page numbers fall back."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def live_in_locale(model, locale):
    """Live, public pages of a type in one locale: the base of every listing."""
    return model.objects.live().public().filter(locale=locale)
