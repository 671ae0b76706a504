"""How the site search orders what it finds: one formula, read by every engine.

    score = (matched terms + TEXT_RANK_WEIGHT × text rank) × kind × openness × recency

- matched terms: how many of the query's words (or phrases) a page holds. Matching is any-term,
  so a pasted 40-word sentence still finds pages; the count puts the pages holding most of the
  words first. It dominates: text rank stays below 1.
- text rank: where the words are, title over summary over body (FIELD_WEIGHTS), squashed into
  [0, 1) as rank / (rank + 1) (PostgreSQL's ts_rank normalisation 32).
- kind: listings and the home page (kind "index") find their way into results, below the content
  they list.
- openness: calls and events still open (deadline or end in the future) above those closed or
  past; pages without a deadline are neutral.
- recency: a mild boost for recent dates of dated content (news, calls, events, publications),
  at most RECENCY_BOOST, halved after RECENCY_DAYS. Standard pages and listings carry their
  publication date, which says nothing of their subject: no boost.

The PostgreSQL engine computes it in SQL (`sql_score`), the Python engine with `score`; both
read these constants, so they rank alike.
"""

import math

# Weights of where a word is found, as PostgreSQL's ts_rank takes them: {D, C, B, A} =
# {unused, body, summary, title}. Title is what a page is about; a summary is written to
# describe it; the body mentions many things in passing.
TITLE_WEIGHT = 1.0
SUMMARY_WEIGHT = 0.4
BODY_WEIGHT = 0.2
FIELD_WEIGHTS = (0.1, BODY_WEIGHT, SUMMARY_WEIGHT, TITLE_WEIGHT)

# Text rank is squashed into [0, 1) and weighs 1: it orders pages holding as many of the words, and
# never lifts a page above one holding one more of them (before the factors below).
TEXT_RANK_WEIGHT = 1.0

# Listings are found but come after what they list: half the score of a content page, so below
# content holding as many of the words, and usually below content holding one fewer.
KIND_FACTORS = {"index": 0.5}

# Open calls and upcoming events first: half again as much; a closed call or past event a
# little less than a page without a deadline, so "call 2014" still finds the 2014 call.
OPEN_FACTOR = 1.5
CLOSED_FACTOR = 0.8

# Recency: 1 + RECENCY_BOOST × RECENCY_DAYS / (RECENCY_DAYS + age in days). An article of today
# gets +10 %, of a year ago +5 %, of ten years ago +1 %: a tie-breaker among equally relevant
# pages, less than the difference between a title and a body mention.
RECENCY_BOOST = 0.1
RECENCY_DAYS = 365.0
RECENCY_KINDS = ("news", "call", "event", "publication")

# Query words shorter than this never match as prefixes ("de" would match half the index).
PREFIX_MIN_LENGTH = 4


def squash(rank):
    """A text rank in [0, 1): rank / (rank + 1), as ts_rank's normalisation 32."""
    return rank / (rank + 1.0) if rank > 0 else 0.0


def kind_factor(kind):
    return KIND_FACTORS.get(kind, 1.0)


def openness_factor(open_until, now):
    if open_until is None:
        return 1.0
    return OPEN_FACTOR if open_until >= now else CLOSED_FACTOR


def recency_factor(date, today, kind):
    if date is None or kind not in RECENCY_KINDS:
        return 1.0
    age = max((today - date).days, 0)
    return 1.0 + RECENCY_BOOST * RECENCY_DAYS / (RECENCY_DAYS + age)


def score(matched, text_rank, kind, open_until, date, now, today):
    """The score of a page holding `matched` query terms with the (unsquashed) `text_rank`."""
    relevance = matched + TEXT_RANK_WEIGHT * squash(text_rank)
    factors = kind_factor(kind) * openness_factor(open_until, now) * recency_factor(date, today, kind)
    return relevance * factors


def python_text_rank(term_counts):
    """The text rank of a page from (title, summary, body) occurrence counts of each matched term.

    A Python stand-in for ts_rank: each occurrence counts with its field's weight, repeated
    occurrences with diminishing returns (logarithm), as ts_rank's own frequency handling does.
    """
    rank = 0.0
    for title, summary, body in term_counts:
        weighted = TITLE_WEIGHT * title + SUMMARY_WEIGHT * summary + BODY_WEIGHT * body
        rank += math.log1p(weighted)
    return rank


def sql_score(matched, text_rank, kind, open_until, date, now, today):
    """The same formula as SQL over column expressions; `now` and `today` are placeholders.

    Every name here is an expression the engine built, never input; the constants are numbers
    from this module.
    """

    def number(value):
        # Double precision, not SQL's numeric: thousands of rows are scored per search.
        return f"{float(value)}::float8"

    kind_cases = " ".join(
        f"WHEN '{kind_name}' THEN {number(factor)}" for kind_name, factor in KIND_FACTORS.items()
    )
    dated = ", ".join(f"'{kind_name}'" for kind_name in RECENCY_KINDS)
    one = number(1)
    return (
        f"(({matched}) + {number(TEXT_RANK_WEIGHT)} * ({text_rank}))"
        f" * (CASE {kind} {kind_cases} ELSE {one} END)"
        f" * (CASE WHEN {open_until} IS NULL THEN {one} WHEN {open_until} >= {now}"
        f" THEN {number(OPEN_FACTOR)} ELSE {number(CLOSED_FACTOR)} END)"
        f" * (CASE WHEN {date} IS NULL OR {kind} NOT IN ({dated}) THEN {one}"
        f" ELSE {one} + {number(RECENCY_BOOST * RECENCY_DAYS)}"
        f" / ({number(RECENCY_DAYS)} + greatest({today} - {date}, 0)) END)"
    )


def sql_weights():
    """ts_rank's weight array literal, {D, C, B, A}."""
    return "'{" + ", ".join(str(weight) for weight in FIELD_WEIGHTS) + "}'::float4[]"
