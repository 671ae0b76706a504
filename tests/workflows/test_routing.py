"""A page's routes read from a URLconf named by its dotted path (workflows.routing): the page model
imports none of its views, and reversing and resolving work as with RoutablePageMixin's methods."""

import pytest
from django.http import HttpResponse
from django.urls import path

from workflows.routing import RoutesFromUrlconf

URLCONF = __name__  # this module is the URLconf of the page below


def form(page, request):
    return HttpResponse(f"form of {page.title}")


def document(page, request, token, pk):
    return HttpResponse(f"{page.title}: document {pk} by {token}")


urlpatterns = [
    path("", form, name="form"),
    path("track/<str:token>/files/<int:pk>/", document, name="document"),
]


class ApplicationPage(RoutesFromUrlconf):
    """Stands for a Wagtail page: the mixin needs nothing of Page to route."""

    subpage_urlconf = URLCONF

    def __init__(self, title):
        self.title = title


def test_routes_are_reversed_by_name():
    page = ApplicationPage("Apply for a label")
    assert page.reverse_subpage("form") == ""
    assert page.reverse_subpage("document", kwargs={"token": "abc", "pk": 7}) == "track/abc/files/7/"


def test_a_resolved_view_gets_the_page_first():
    page = ApplicationPage("Apply for a label")
    view, args, kwargs = page.resolve_subpage("/track/abc/files/7/")
    assert view(None, *args, **kwargs).content == b"Apply for a label: document 7 by abc"
    assert page.resolve_subpage("/").url_name == "form"


def test_only_the_urlconfs_routes_are_served():
    # RoutablePageMixin's own default route ("index_route") is not among them.
    assert [route.name for route in ApplicationPage.get_subpage_urls()] == ["form", "document"]


def test_the_urlconf_is_imported_only_when_the_page_first_routes():
    class LazyPage(RoutesFromUrlconf):
        subpage_urlconf = "tests.workflows.no_such_urlconf"  # defining the page imports nothing

    with pytest.raises(ModuleNotFoundError):
        LazyPage.get_resolver()
