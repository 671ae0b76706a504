"""The network's figures (advisory.statistics), on requests taken through the engine at known moments:
counts per country, state and month, times to each step against the service levels, the experts'
load; each within the reader's scope, refused to experts and editors, in a fixed number of queries.

The expected figures are worked out by hand below from the calendar (Belgian business days:
Ascension on 14 May 2026 and Whit Monday on 25 May 2026 are holidays).
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advisory import services, statistics
from advisory.models import AdvisoryRequest, Assignment
from tests.advisory.conftest import valid_submission
from tests.advisory.factories import (
    AssignmentFactory,
    CoordinatorFactory,
    ExpertFactory,
    ExpertUserFactory,
    UserFactory,
    country,
    editor,
)
from workflows.engine import perform

BRUSSELS = ZoneInfo("Europe/Brussels")
S = AdvisoryRequest.State
NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=BRUSSELS)  # a Monday
pytestmark = pytest.mark.django_db


def at(month, day, hour=9, minute=0, year=2026):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
def people(db):
    return {
        "lead": CoordinatorFactory(countries=[], lead=True),
        "de": CoordinatorFactory(countries=["DE"]),
        "fr": CoordinatorFactory(countries=["FR"]),
    }


@pytest.fixture
def network(people, time_machine):
    """A: DE, screened and accepted in time. B: DE, screened late, declined late. C: FR, never screened,
    past its screening deadline. D: DE, more than a year old. Expert X: accepted on A, invited on C;
    expert Y: invited on B (ended, so not counted)."""
    lead = people["lead"]

    def submit(moment, code):
        time_machine.move_to(moment, tick=False)
        request, _token = services.submit_request(valid_submission(country=country(code)), language="en")
        return request

    def step(moment, request, name, **kwargs):
        time_machine.move_to(moment, tick=False)
        perform(request, name, lead, **kwargs)

    accept = {"data": {"service_type": "programme_development", "scope_summary": "Scope."}}
    d = submit(at(1, 12, year=2025), "DE")
    step(at(1, 13, year=2025), d, "screen")
    b = submit(at(5, 4), "DE")
    step(at(5, 8), b, "screen")
    step(at(5, 25), b, "decline", comment="Out of the network's remit.")
    a = submit(at(6, 1), "DE")
    step(at(6, 2, 10), a, "screen")
    step(at(6, 5, 10), a, "accept", **accept)
    c = submit(at(6, 10), "FR")
    time_machine.move_to(NOW, tick=False)
    x, y = ExpertFactory(name="Xenia Expert"), ExpertFactory(name="Yusuf Expert")
    AssignmentFactory(request=a, expert=x, state=Assignment.State.ACCEPTED)
    AssignmentFactory(request=c, expert=x, state=Assignment.State.INVITED)
    AssignmentFactory(request=b, expert=y, state=Assignment.State.INVITED)
    return {"a": a, "b": b, "c": c, "d": d, "x": x, "y": y}


def test_a_period_is_whole_months_up_to_the_current_one():
    period = statistics.Period.last(12, today=datetime.date(2026, 6, 15))
    assert period.first_month == datetime.date(2025, 7, 1)
    assert period.month_starts()[-1] == datetime.date(2026, 6, 1)
    assert len(period.month_starts()) == 12
    assert period.end == datetime.datetime(2026, 7, 1, tzinfo=BRUSSELS)
    assert statistics.Period.last(3, today=datetime.date(2026, 1, 31)).first_month == datetime.date(
        2025, 11, 1
    )


def test_the_lead_sees_the_whole_network_per_country_state_and_month(people, network):
    figures = statistics.network_statistics(people["lead"], statistics.Period.last(12), now=NOW)
    assert figures.by_country == {country("DE").pk: 2, country("FR").pk: 1}
    assert figures.by_state == {S.ACCEPTED: 1, S.DECLINED: 1, S.SUBMITTED: 1}
    assert figures.by_month[datetime.date(2026, 5, 1)] == {"ended": 1}
    assert figures.by_month[datetime.date(2026, 6, 1)] == {"staffing": 1, "screening": 1}
    assert sum(sum(phases.values()) for phases in figures.by_month.values()) == 3
    assert len(figures.by_month) == 12


def test_times_to_each_step_against_the_service_levels(people, network):
    steps = {step.key: step for step in statistics.network_statistics(people["lead"], now=NOW).milestones}
    screening = steps["screening"]
    # A: 25 hours (due 3 June, in time); B: 4 days (due 6 May, late); C: due 12 June, still waiting.
    assert (screening.reached, screening.met, screening.missed, screening.waiting_overdue) == (2, 1, 1, 1)
    assert screening.average == datetime.timedelta(hours=(25 + 96) / 2)
    assert screening.average_days == 2.5
    assert screening.sla_business_days == 2
    decision = steps["decision"]
    # A: accepted after 4 days 1 hour (due 15 June); B: declined after 21 days (due 19 May).
    assert (decision.reached, decision.met, decision.missed, decision.waiting_overdue) == (2, 1, 1, 0)
    assert decision.average_days == 12.5
    assert decision.sla_business_days == 10
    assert steps["staffing"].reached == 0 and steps["staffing"].average is None
    assert not steps["staffing"].has_sla and not steps["delivery"].has_sla


def test_a_coordinator_sees_their_countries_only(people, network):
    figures = statistics.network_statistics(people["de"], now=NOW)
    assert figures.by_country == {country("DE").pk: 2}
    assert figures.total == 2
    screening = figures.milestones[0]
    assert (screening.met, screening.missed, screening.waiting_overdue) == (1, 1, 0)
    assert [(e.name, e.accepted, e.invited) for e in figures.expert_load] == [("Xenia Expert", 1, 0)]
    assert list(statistics.countries_in_scope(people["de"])) == [country("DE")]
    french = statistics.network_statistics(people["fr"], now=NOW)
    assert french.by_country == {country("FR").pk: 1}
    assert [(e.name, e.accepted, e.invited) for e in french.expert_load] == [("Xenia Expert", 0, 1)]


def test_the_experts_load_counts_open_assignments_on_open_requests(people, network):
    load = statistics.network_statistics(people["lead"], now=NOW).expert_load
    assert [(e.name, e.accepted, e.invited, e.open) for e in load] == [("Xenia Expert", 1, 1, 2)]


def test_a_country_filter_and_a_longer_period(people, network):
    lead = people["lead"]
    french = statistics.network_statistics(lead, country=country("FR"), now=NOW)
    assert french.by_country == {country("FR").pk: 1}
    assert [(e.accepted, e.invited) for e in french.expert_load] == [(0, 1)]
    two_years = statistics.network_statistics(lead, statistics.Period.last(24), now=NOW)
    assert two_years.by_country[country("DE").pk] == 3


@pytest.mark.parametrize("who", ["expert", "editor", "nobody"])
def test_experts_and_editors_get_no_figures(people, who):
    user = {"expert": ExpertUserFactory, "editor": editor, "nobody": UserFactory}[who]()
    assert not statistics.may_view(user)
    with pytest.raises(PermissionDenied):
        statistics.network_statistics(user)
    with pytest.raises(PermissionDenied):
        statistics.countries_in_scope(user)


def test_three_queries_whatever_the_number_of_requests(people, network, time_machine):
    lead = people["lead"]
    statistics.network_statistics(lead)  # roles and content types cached, as on any admin page
    with CaptureQueriesContext(connection) as few:
        statistics.network_statistics(lead)
    for code in ("IT", "PL", "ES", "DE"):
        request, _token = services.submit_request(valid_submission(country=country(code)), language="en")
        perform(request, "screen", lead)
        AssignmentFactory(request=request, state=Assignment.State.INVITED)
    with CaptureQueriesContext(connection) as more:
        figures = statistics.network_statistics(lead)
    assert figures.total == 7
    assert len(few.captured_queries) == len(more.captured_queries) == 3
