"""The network dashboard in the admin: who may open it, what each reader's scope shows, the CSV of
every chart (scoped, safe in a spreadsheet), the filters, the menu item and home panel, the languages,
and a number of queries that does not grow with the requests."""

import csv
import io

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from advisory.models import Assignment
from tests.advisory.admin.conftest import S, make_request
from tests.advisory.factories import AssignmentFactory, ExpertFactory, country
from tests.query_counts import assert_constant_and_bounded, measure

pytestmark = pytest.mark.django_db

URL = reverse("advisory_dashboard:index")
HOME = reverse("wagtailadmin_home")
CHARTS = ("countries", "months", "states", "service-levels", "times", "experts")


@pytest.fixture
def requests_in_two_countries(db):
    german = [make_request(S.SUBMITTED), make_request(S.SCREENING), make_request(S.CLOSED)]
    french = [
        make_request(S.SUBMITTED, country=country("FR")),
        make_request(S.DECLINED, country=country("FR")),
    ]
    return german, french


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_a_coordinator_sees_the_figures_of_their_countries(login, coordinator, requests_in_two_countries):
    response = login(coordinator).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for key in CHARTS:
        assert f'id="chart-{key}-heading"' in html
        assert f"export={key}" in html
    assert html.count('role="img"') == len(CHARTS)
    assert html.count("<table") >= len(CHARTS) and html.count("<details") == len(CHARTS)
    countries = dict(row[:3:2] for row in rows_of(login(coordinator).get(URL, {"export": "countries"}))[1:])
    assert countries == {"Germany": "3"}
    # The country filter offers the countries in scope only.
    assert [label for _value, label in response.context["filter_form"].fields["country"].choices][1:] == [
        "Germany"
    ]


def test_a_lead_sees_the_whole_network(login, lead, requests_in_two_countries):
    rows = rows_of(login(lead).get(URL, {"export": "countries"}))
    by_country = {row[0]: row[2] for row in rows[1:]}
    assert by_country["Germany"] == "3" and by_country["France"] == "2" and by_country["Italy"] == "0"
    states = {row[0]: row[1] for row in rows_of(login(lead).get(URL, {"export": "states"}))[1:]}
    assert (states["Submitted"], states["Screening"], states["Closed"], states["Declined"]) == (
        "2",
        "1",
        "1",
        "1",
    )


def test_a_superuser_may_open_it(login, superuser):
    assert login(superuser).get(URL).status_code == 200


@pytest.mark.parametrize("who", ["expert_user", "editor_user"])
def test_experts_and_editors_are_refused(request, login, who, requests_in_two_countries):
    client = login(request.getfixturevalue(who))
    for params in ({}, {"export": "countries"}):
        response = client.get(URL, params)
        assert response.status_code == 403
        assert "Germany" not in response.content.decode()


def test_each_csv_is_scoped_and_safe_in_a_spreadsheet(login, coordinator, other_coordinator):
    german = make_request(S.IN_PROGRESS)
    french = make_request(S.IN_PROGRESS, country=country("FR"))
    formula = ExpertFactory(name='=HYPERLINK("http://evil.example")')
    AssignmentFactory(request=german, expert=formula, state=Assignment.State.ACCEPTED)
    AssignmentFactory(
        request=french, expert=ExpertFactory(name="Françoise Fremde"), state=Assignment.State.INVITED
    )
    response = login(coordinator).get(URL, {"export": "experts"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="network-experts-' in response["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0] == ["Expert", "Accepted", "Invited", "Open in total", "Capacity"]
    assert rows[1:] == [['\'=HYPERLINK("http://evil.example")', "1", "0", "1", "2"]]
    french_rows = rows_of(login(other_coordinator).get(URL, {"export": "experts"}))[1:]
    assert french_rows == [["Françoise Fremde", "0", "1", "1", "2"]]


def test_every_chart_has_its_csv(login, lead, requests_in_two_countries):
    client = login(lead)
    for key in CHARTS:
        response = client.get(URL, {"export": key, "period": "3"})
        assert response["Content-Type"].startswith("text/csv"), key
        # A heading row always; no expert has an assignment here, every other chart has rows.
        assert len(rows_of(response)) >= (1 if key == "experts" else 2), key
    months = rows_of(client.get(URL, {"export": "months", "period": "3"}))
    assert len(months) == 1 + 3
    assert months[-1][-1] == "5"  # every request was submitted this month


def test_a_country_filter_narrows_the_figures(login, lead, requests_in_two_countries):
    france = country("FR")
    response = login(lead).get(URL, {"country": france.pk})
    assert response.context["selected_country"] == france
    rows = rows_of(login(lead).get(URL, {"country": france.pk, "export": "countries"}))
    assert rows[1:] == [["France", "FR", "2"]]


def test_a_country_outside_the_scope_is_refused_with_a_message(login, coordinator, requests_in_two_countries):
    response = login(coordinator).get(URL, {"country": country("FR").pk, "period": "7"})
    assert response.status_code == 200
    form = response.context["filter_form"]
    assert "country" in form.errors and "period" in form.errors
    assert response.context["selected_country"] is None
    html = response.content.decode()
    assert "Select a valid choice" in html
    rows = rows_of(login(coordinator).get(URL, {"country": country("FR").pk, "export": "countries"}))
    assert rows[1:] == [["Germany", "DE", "3"]]


def test_labels_and_dates_in_the_readers_language(login, coordinator, requests_in_two_countries):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "de"
    profile.save()
    rows = rows_of(login(coordinator).get(URL, {"export": "countries"}))
    assert rows[1][0] == "Deutschland"
    months = rows_of(login(coordinator).get(URL, {"export": "months", "period": "12"}))
    month_names = " ".join(row[0] for row in months[1:])
    assert any(name in month_names for name in ("Januar", "Februar", "März", "Juni", "Dezember"))


def test_the_menu_item_and_home_panel_are_for_coordinators_only(login, coordinator, expert_user, editor_user):
    html = login(coordinator).get(HOME).content.decode()
    assert "advisory-network-dashboard" in html and URL in html
    for user in (expert_user, editor_user):
        html = login(user).get(HOME).content.decode()
        assert "advisory-network-dashboard" not in html and URL not in html


def test_the_queries_do_not_grow_with_the_requests(login, lead):
    client = login(lead)
    measures, made = [], 0
    for size in (1, 4, 12):
        while made < size:
            request = make_request(S.ACCEPTED, country=country(("DE", "FR", "IT", "PL")[made % 4]))
            AssignmentFactory(request=request)
            made += 1
        measures.append(measure(client, URL, f"{size} requests"))
    # 22 measured, the admin's frame included, + 2.
    assert_constant_and_bounded(measures, bound=24)
