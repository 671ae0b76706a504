from django.http import Http404
from django.utils import translation
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Programme, Topic


@hooks.register("before_serve_page")
def refuse_page_of_another_language(page, request, serve_args, serve_kwargs):
    """Wagtail falls back to the source tree when a locale lacks a page; we never do.

    Without this, /fr/news/ would serve the English news page whenever its French
    translation is missing or not yet published.
    """
    if page.locale.language_code != translation.get_language():
        raise Http404


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "tasks"
    list_display = ["name", "url"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(ProgrammeViewSet)
register_snippet(TopicViewSet)
