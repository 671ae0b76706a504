"""The search page's query string, read into what the engine is asked and written back as links.

Parameters: `q` (the words), `lang=all` (every language instead of the page's), `type` (a
SearchDocument kind), `year`, `topic` (a Topic id), `open=1` (calls and events still open) and
`page`. Anything else, or a value that does not parse, is ignored: a hand-edited or stale link
still gives a results page.
"""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from cms.models import SearchDocument

from .engine import PAGE_SIZE, SearchRequest
from .query import MAX_LENGTH

ALL_LANGUAGES = "all"
# Deeper pages are links nobody follows but a crawler or a script; they would make the engine rank
# and skip ever more matches. 50 pages of 10 is more than anyone reads.
MAX_PAGE = 50
# Years outside this range are typing errors or probes, not dates of the site's pages.
YEARS = range(1900, 2200)
# Kinds whose entries can be open (a call's deadline, an event's end): the "open only" filter.
OPENABLE = (SearchDocument.Kind.CALL, SearchDocument.Kind.EVENT)


def _positive(value, upper=None):
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        return None
    number = int(value)
    if number < 1 or (upper is not None and number > upper):
        return None
    return number


@dataclass(frozen=True)
class Params:
    text: str = ""
    all_languages: bool = False
    kind: str = ""
    year: int | None = None
    topic: int | None = None
    open_only: bool = False
    page: int = 1

    @classmethod
    def read(cls, query):
        """From a QueryDict (request.GET)."""
        kind = query.get("type", "")
        year = _positive(query.get("year"))
        return cls(
            text=" ".join(query.get("q", "").split())[:MAX_LENGTH],
            all_languages=query.get("lang", "") == ALL_LANGUAGES,
            kind=kind if kind in SearchDocument.Kind.values else "",
            year=year if year in YEARS else None,
            topic=_positive(query.get("topic")),
            open_only=query.get("open", "") == "1",
            page=_positive(query.get("page"), MAX_PAGE) or 1,
        )

    @property
    def filtered(self):
        return bool(self.kind or self.year or self.topic or self.open_only)

    def request(self, language, page=None):
        """The engine's SearchRequest for `page` (default: this one) of the results."""
        return SearchRequest(
            text=self.text,
            language=None if self.all_languages else language,
            kind=self.kind,
            year=self.year,
            topic=self.topic,
            open_only=self.open_only,
            offset=((page or self.page) - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
        )

    def link(self, **changes):
        """The query string of these parameters with `changes`, back on the first page: "?q=…&type=news"."""
        params = replace(self, page=1, **changes)
        pairs = [
            ("q", params.text),
            ("lang", ALL_LANGUAGES if params.all_languages else ""),
            ("type", params.kind),
            ("year", params.year or ""),
            ("topic", params.topic or ""),
            ("open", "1" if params.open_only else ""),
        ]
        return "?" + urlencode([(key, value) for key, value in pairs if value])
