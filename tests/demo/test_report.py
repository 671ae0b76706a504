"""The demo's one report: counts by kind and outcome, facts, verdict."""

import pytest

from demo.report import Report


def test_counts_are_listed_by_kind_in_the_order_first_seen_then_the_facts():
    report = Report()
    report.add("page", "created", 3)
    report.add("document", "unchanged", 2)
    report.add("page", "unchanged")
    report.add("page", "updated")
    report.facts["overdue"] = "1"
    assert report.lines() == [
        "  page                   3 created, 1 updated, 1 unchanged",
        "  document               2 unchanged",
        "  overdue                1",
    ]
    assert report.changed == 4


def test_the_verdict_says_when_nothing_was_written():
    report = Report(elapsed=1.26)
    report.add("page", "unchanged", 5)
    assert report.verdict() == "Done in 1.3 s: nothing to do, already up to date."
    report.add("topic", "created")
    assert report.verdict() == "Done in 1.3 s: 1 objects written."


def test_an_unknown_outcome_is_refused():
    with pytest.raises(ValueError, match="skipped"):
        Report().add("page", "skipped")


def test_the_time_is_taken_also_when_the_load_fails():
    report = Report()
    with pytest.raises(RuntimeError), report.timed():
        raise RuntimeError("broken demo")
    assert report.elapsed > 0
