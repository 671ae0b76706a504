"""The ranking formula both engines share: its factors in the order the issue asks for."""

import datetime

from cms.search import ranking

NOW = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)
TODAY = NOW.date()


def score(matched=1, text_rank=0.5, kind="news", open_until=None, date=None):
    return ranking.score(matched, text_rank, kind, open_until, date, NOW, TODAY)


def test_more_matched_words_beat_a_better_place():
    assert score(matched=2, text_rank=0.01) > score(matched=1, text_rank=100)


def test_title_over_summary_over_body():
    title = ranking.python_text_rank([(1, 0, 0)])
    summary = ranking.python_text_rank([(0, 1, 0)])
    body = ranking.python_text_rank([(0, 0, 1)])
    assert title > summary > body > 0


def test_content_over_listings():
    assert score(kind="news") > score(kind="index")
    assert score(kind="page") == score(kind="news")


def test_open_over_undated_over_closed():
    later = NOW + datetime.timedelta(days=3)
    earlier = NOW - datetime.timedelta(days=3)
    assert score(kind="call", open_until=later) > score(kind="call") > score(kind="call", open_until=earlier)


def test_recency_is_mild_and_only_for_dated_content():
    today = score(date=TODAY)
    year_ago = score(date=TODAY - datetime.timedelta(days=365))
    decade_ago = score(date=TODAY - datetime.timedelta(days=3650))
    assert today > year_ago > decade_ago > score()
    assert today / score() <= 1 + ranking.RECENCY_BOOST
    # A standard page's date is when it was published, not what it is about.
    assert score(kind="page", date=TODAY) == score(kind="page")


def test_text_rank_is_squashed_below_one():
    assert ranking.squash(0) == 0
    assert 0 < ranking.squash(1000) < 1
