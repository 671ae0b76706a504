"""Counting the database queries of a public page, and the rule each page keeps.

A page is measured with more and more content behind it (`Measure`s of one page at several
sizes). The rule: every measure stays under the page's bound, and every measure costs the same
number of queries, so that nothing on the page queries once per item. The sizes must straddle
what the page shows at most (a list capped at three cards is measured with fewer, exactly three
and more), or a per-item query hides behind the cap. `pytest -s` prints the counts.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class Measure:
    label: str
    queries: tuple[str, ...]
    response: HttpResponse

    @property
    def count(self) -> int:
        return len(self.queries)

    @property
    def text(self) -> str:
        return self.response.content.decode()


def measure(client: Client, url: str, label: str, *, warm: bool = True) -> Measure:
    """The queries of one GET of `url`, after a first one has warmed the caches (unless `warm=False`).

    A warm request is what a visitor meets on a running site: compiled templates, the site's root
    paths and content types are cached by then.
    """
    if warm:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{label}: {url} answered {response.status_code}"
    queries = tuple(query["sql"] for query in captured.captured_queries)
    print(f"\n{label}: {len(queries)} queries")
    return Measure(label, queries, response)


# Literals differ between otherwise equal queries (ids, dates, keys): the diff compares their shapes.
_LITERAL = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")
_LIST = re.compile(r"\((?:\?, )+\?\)")


def _shape(sql: str) -> str:
    return _LIST.sub("(?)", _LITERAL.sub("?", sql))


def _short(sql: str) -> str:
    # The selected columns are long and alike; the table and the WHERE clause tell queries apart.
    return sql if len(sql) <= 400 else f"{sql[:120]} … {sql[-260:]}"


def _listing(queries: Counter[str]) -> str:
    return "\n".join(f"  {times} × {_short(sql)}" for sql, times in queries.items())


def assert_constant_and_bounded(measures: list[Measure], *, bound: int) -> None:
    """All measures the same count (checked first: it names the extra queries), each within `bound`."""
    least = min(measures, key=lambda found: found.count)
    most = max(measures, key=lambda found: found.count)
    if least.count != most.count:
        extra = Counter(map(_shape, most.queries)) - Counter(map(_shape, least.queries))
        counts = ", ".join(f"{found.label}: {found.count}" for found in measures)
        raise AssertionError(
            f"The number of queries grows with the content ({counts}); "
            f"queries of “{most.label}” that “{least.label}” did not need:\n{_listing(extra)}"
        )
    assert most.count <= bound, (
        f"{most.label}: {most.count} queries, more than the bound of {bound}:\n"
        + _listing(Counter(most.queries))
    )
