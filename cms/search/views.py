"""The visitors' search page and the search box's suggestions: thin views over cms.search.engine."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from cms.missing import language_names

from . import engine, listing
from .engine import PAGE_SIZE
from .params import MAX_PAGE, Params
from .query import parse

# Suggestions start at the second character typed: one letter matches half the site.
AUTOCOMPLETE_MIN_LENGTH = 2
AUTOCOMPLETE_MAX_LENGTH = 100
AUTOCOMPLETE_LIMIT = 8
# Suggestions follow publishing closely enough at a minute; a typed word is asked for once a minute
# at most per browser (and per shared cache), not at every keystroke of every visitor.
AUTOCOMPLETE_MAX_AGE = 60


def _run(params, language):
    """The engine's Results and the page number they are for (a page past the end shows the last)."""
    found = engine.search(params.request(language))
    last = min(max(1, -(-found.total // PAGE_SIZE)), MAX_PAGE)
    if params.page > last:
        found = engine.search(params.request(language, page=last))
        return found, last
    return found, params.page


@require_GET
def search(request):
    language = translation.get_language()
    params = Params.read(request.GET)
    context = {
        "query": params.text,
        "params": params,
        "language_name": language_names().get(language, language),
        "all_languages_url": params.link(all_languages=True),
        "this_language_url": params.link(all_languages=False),
        "results": None,
        # Nothing searchable was typed (only punctuation, quotes, a lone minus): said, not searched.
        "no_words": False,
    }
    if params.text and parse(params.text).is_empty:
        context["no_words"] = True
    elif params.text:
        found, number = _run(params, language)
        paginator = Paginator(range(min(found.total, MAX_PAGE * PAGE_SIZE)), PAGE_SIZE)
        context.update(
            results=listing.results(found.hits, all_languages=params.all_languages),
            total=found.total,
            page_obj=paginator.get_page(number),
            facets=listing.facets(params, found.facets),
            suggestion=found.suggestion,
            suggestion_url=params.link(text=found.suggestion) if found.suggestion else "",
            other_languages=found.other_languages,
            timed_out=found.timed_out,
            clear_filters_url=params.link(kind="", year=None, topic=None, open_only=False),
        )
    return TemplateResponse(request, "cms/search.html", context)


@require_GET
@cache_control(public=True, max_age=AUTOCOMPLETE_MAX_AGE)
def autocomplete(request):
    """{"results": [{"title", "url"}]}: titles of live pages in the URL's language matching what was typed."""
    text = " ".join(request.GET.get("q", "").split())[:AUTOCOMPLETE_MAX_LENGTH]
    suggestions = []
    if len(text) >= AUTOCOMPLETE_MIN_LENGTH and not parse(text).is_empty:
        found = engine.autocomplete(text, translation.get_language(), AUTOCOMPLETE_LIMIT)
        pages = Page.objects.live().filter(pk__in=[page_id for page_id, _title in found]).in_bulk()
        for page_id, title in found:
            url = pages[page_id].get_url(request) if page_id in pages else None
            if url:
                suggestions.append({"title": title, "url": url})
    return JsonResponse({"results": suggestions[:AUTOCOMPLETE_LIMIT]})
