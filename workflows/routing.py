"""A Wagtail page whose routes come from a URLconf, as Django's `include()` takes one: by dotted name.

With RoutablePageMixin's `@path` methods the page model must import its views, and the views import
the forms, which import the models: a circle. A page with `RoutesFromUrlconf` names a URLconf module
instead; the module is imported when the page first routes, reverses or is checked, so the model
imports none of it. Each view in the URLconf takes the page first: `view(page, request, **kwargs)`.

How a second process uses it:

    class ApplicationPage(RoutesFromUrlconf, SitePage):
        subpage_urlconf = "labels.public.urls"   # urlpatterns = [path("", views.apply, name="form"), ...]

    page.reverse_subpage("form")                 # as with RoutablePageMixin
"""

from importlib import import_module
from typing import ClassVar

from django.urls import URLPattern, URLResolver
from wagtail.contrib.routable_page.models import RoutablePageMixin


class RoutesFromUrlconf(RoutablePageMixin):
    """RoutablePageMixin with its routes read from the `urlpatterns` of `subpage_urlconf`."""

    subpage_urlconf: ClassVar[str]

    @classmethod
    def get_subpage_urls(cls) -> tuple[URLPattern | URLResolver, ...]:
        # Only the URLconf's routes: not the mixin's default index route (the URLconf has its own "").
        return tuple(import_module(cls.subpage_urlconf).urlpatterns)
