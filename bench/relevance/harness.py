"""The measurement: both engines over the judged queries, recall@5 per language, a Markdown table."""

import argparse
from dataclasses import dataclass, field

from django.conf import settings
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from wagtail.models import Locale, Page

from bench.judged import queries
from cms.search import index as site_index
from cms.search.engine import SearchRequest, search

TOP = 5
# Wagtail's stock database backend, named by its module so that get_search_backend() builds it with
# no options at all: the default configuration, not the project's subclass in WAGTAILSEARCH_BACKENDS.
BASELINE_BACKEND = "wagtail.search.backends.database"


@dataclass
class Miss:
    text: str
    form: str
    missing: tuple
    got: tuple


@dataclass
class Measurement:
    language: str
    engine: str
    queries: int = 0
    recall: float = 0.0
    misses: list = field(default_factory=list)
    # {form: [sum of the queries' recall, number of queries]}
    forms: dict = field(default_factory=dict)


def page_paths(language):
    """{page id: URL path} of the live pages of a language: how the judged sets name pages."""
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    return {page.pk: page.get_url(None) for page in pages}


def ours(text, language):
    """Page ids of the first results of the site search."""
    return [hit.page_id for hit in search(SearchRequest(text, language, limit=TOP)).hits[:TOP]]


def baseline(text, language):
    """Page ids of the first results of Wagtail's default search of a locale's pages."""
    locale = Locale.objects.get(language_code=language)
    results = Page.objects.live().public().filter(locale=locale).search(text, backend=BASELINE_BACKEND)
    return [page.pk for page in results[:TOP]]


ENGINES = {"ours": ours, "baseline": baseline}


def rebuild_baseline():
    """Index every page model with the stock backend, as `update_index` does for a configured one."""
    backend = get_search_backend(BASELINE_BACKEND)
    models = [model for model in get_indexed_models() if issubclass(model, Page)]
    for index, index_models in group_models_by_index(backend, models).items():
        rebuilder = backend.rebuilder_class(index)
        index = rebuilder.start()
        for model in index_models:
            index.add_model(model)
        for model in index_models:
            index.add_items(model, list(model.get_indexed_objects().order_by("pk")))
        rebuilder.finish()


def rebuild():
    """Both indexes from the pages: the site search's and the stock backend's."""
    site_index.rebuild()
    rebuild_baseline()


def measure(language, engine="ours"):
    """Recall@5 of one engine over a language's judged queries, with the queries that missed pages."""
    paths = page_paths(language)
    known = set(paths.values())
    judged = queries(language)
    result = Measurement(language, engine, queries=len(judged))
    total = 0.0
    for query in judged:
        unknown = [path for path in query.expected if path not in known]
        if unknown:
            # A judged page the demo no longer has: the set must be updated, not silently scored 0.
            raise LookupError(f"{language}: {query.text!r} expects pages the database lacks: {unknown}")
        got = tuple(paths.get(page_id, f"#{page_id}") for page_id in ENGINES[engine](query.text, language))
        found = [path for path in query.expected if path in got]
        recall = len(found) / len(query.expected)
        total += recall
        form = result.forms.setdefault(query.form, [0.0, 0])
        form[0] += recall
        form[1] += 1
        if len(found) < len(query.expected):
            missing = tuple(path for path in query.expected if path not in got)
            result.misses.append(Miss(query.text, query.form, missing, got))
    result.recall = total / len(judged) if judged else 0.0
    return result


def measure_all(languages=None, engines=("ours", "baseline")):
    """{(language, engine): Measurement} for the enabled languages that have a judged set."""
    if languages is None:
        languages = [code for code, _name in settings.LANGUAGES if queries(code)]
    return {(language, engine): measure(language, engine) for language in languages for engine in engines}


def table(results):
    """A Markdown table: one row per language, recall@5 of each engine measured."""
    languages = list(dict.fromkeys(language for language, _engine in results))
    engines = list(dict.fromkeys(engine for _language, engine in results))
    lines = [
        "| language | queries | " + " | ".join(f"{engine} recall@{TOP}" for engine in engines) + " |",
        "| --- | --: | " + " | ".join("--:" for _engine in engines) + " |",
    ]
    for language in languages:
        row = [results[language, engine] for engine in engines]
        cells = " | ".join(f"{measurement.recall:.2f}" for measurement in row)
        lines.append(f"| {language} | {row[0].queries} | {cells} |")
    return "\n".join(lines)


def forms_table(results):
    """A Markdown table: recall@5 of each engine by form of query, over every language measured."""
    engines = list(dict.fromkeys(engine for _language, engine in results))
    totals = {}
    for (_language, engine), measurement in results.items():
        for form, (recall, count) in measurement.forms.items():
            total = totals.setdefault((form, engine), [0.0, 0])
            total[0] += recall
            total[1] += count
    forms = sorted({form for form, _engine in totals})
    lines = [
        "| form | queries | " + " | ".join(f"{engine} recall@{TOP}" for engine in engines) + " |",
        "| --- | --: | " + " | ".join("--:" for _engine in engines) + " |",
    ]
    for form in forms:
        cells = " | ".join(f"{totals[form, engine][0] / totals[form, engine][1]:.2f}" for engine in engines)
        lines.append(f"| {form} | {totals[form, engines[0]][1]} | {cells} |")
    return "\n".join(lines)


def misses(results, engine="ours"):
    """The queries of an engine that missed judged pages, one line each."""
    lines = []
    for (language, measured_engine), measurement in results.items():
        if measured_engine != engine:
            continue
        for miss in measurement.misses:
            lines.append(
                f"{language} {miss.text!r} ({miss.form}): missing {list(miss.missing)}, got {list(miss.got)}"
            )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.relevance", description="Recall@5 of the site search over the judged queries."
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild both indexes from the pages first")
    parser.add_argument("--language", action="append", help="only these languages (repeatable)")
    parser.add_argument("--engine", action="append", choices=sorted(ENGINES), help="only these engines")
    parser.add_argument("--misses", action="store_true", help="list the queries that missed judged pages")
    options = parser.parse_args(argv)
    if options.rebuild:
        rebuild()
    engines = tuple(options.engine or ("ours", "baseline"))
    results = measure_all(options.language, engines)
    print(table(results))
    print()
    print(forms_table(results))
    if options.misses:
        for engine in engines:
            print(f"\nMisses of {engine}:\n{misses(results, engine)}")
    return 0
