"""Recall@5 of the site search over the judged queries (bench.judged), ours against Wagtail's default.

- "ours": `cms.search.engine.search(SearchRequest(text, language))`, the engine the site runs on
  this database (PostgreSQL full-text search, or the Python engine on SQLite).
- "baseline": what a Wagtail site does out of the box, `Page.objects.live().public()
  .filter(locale=...).search(text)` through Wagtail's stock database backend with its default
  configuration (on PostgreSQL: the server's default text-search configuration, every term
  required), whatever WAGTAILSEARCH_BACKENDS of this project says.

Recall@5 of a query is the share of its judged pages among the first five results; a language's
figure is the mean over its queries. Nothing is loaded here: run it on a database holding the
demo (`manage.py load_demo`). `--rebuild` first rebuilds both indexes from the pages (the site
search's and the stock backend's: afterwards `manage.py update_index` restores the site's own):

    DATABASE_URL=postgres://... python -m bench.relevance --rebuild
"""
