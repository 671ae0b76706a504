"""The site search's own index: one row per live, public page, analysed in the page's language.

Wagtail's search index (modelsearch) stays what the admin searches with. The visitors' search needs
what that index cannot hold: the page's language (to search one language without scanning the
others), its kind, date and whether it is still open (ranking and facets), and text analysed with
the page's own language. cms.search.backends keeps both indexes in step: Wagtail calls its search
backend on publish, unpublish, move, delete and translation, and `update_index` rebuilds both.

On PostgreSQL a migration adds two tsvector columns that Django does not model (`vector`: title,
summary and body weighted A, B, C with the language's configuration; `title_vector`: the title
with `cms_simple`, for autocomplete) and their GIN indexes; SQLite compares `title_terms` and
`body_terms`, the Python analysis of the same texts.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        CALL = "call", _("Call for proposals")
        EVENT = "event", _("Event")
        PUBLICATION = "publication", _("Publication")
        PAGE = "page", _("Page")
        # Listings and the home page: found, but ranked below the content they list.
        INDEX = "index", _("Overview")

    page = models.OneToOneField(Page, primary_key=True, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=12)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Python-side analysis (cms.search.analysis) of title, and of summary + body: what SQLite
    # matches, and what PostgreSQL indexes for the languages it does not stem.
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # The date a reader knows the item by (news date, event start, call deadline, publication date,
    # else first publication); its year is a facet.
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # Calls and events: open (deadline, end) until this moment; ranked first while open.
    open_until = models.DateTimeField(null=True, blank=True)
    # Topic ids (cms.Topic of the page's locale), a facet.
    topics = models.JSONField(default=list, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        # No b-tree on language: the planner would take it for a rare word and filter every vector
        # of the language; the GIN index over (language, vector) serves the searches (cms 0006).

    def __str__(self):
        return f"{self.language}: {self.title}"


class SearchTerm(models.Model):
    """The vocabulary of the indexed pages, per language: what "did you mean" proposes.

    Folded words as visitors type them (not stems), with the number of documents holding them, so
    the proposal is a word that exists on the site and the commonest of equally close ones.
    """

    language = models.CharField(max_length=12)
    word = models.CharField(max_length=60)
    documents = models.PositiveIntegerField(default=0)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="cms_searchterm_unique")]

    def __str__(self):
        return f"{self.language}: {self.word}"
