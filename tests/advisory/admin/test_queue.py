"""The coordinator's queue: scope, filters, counts per state, sorting, paging, overdue rows, bounded
queries and the spreadsheet export."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.advisory.admin.conftest import S, make_request
from tests.advisory.factories import AdvisoryRequestFactory, country

pytestmark = pytest.mark.django_db

QUEUE = reverse("advisory_requests:index")


def references(response):
    return [item.reference for item in response.context["queue"].items]


def test_a_coordinator_sees_the_requests_of_their_countries_only(login, coordinator):
    german = make_request(S.SUBMITTED)
    french = make_request(S.SUBMITTED, country=country("FR"))
    new = make_request(S.NEW)
    response = login(coordinator).get(QUEUE)
    assert response.status_code == 200
    assert references(response) == [german.reference]
    html = response.content.decode()
    assert german.reference in html and french.reference not in html and str(new) not in html


def test_a_lead_sees_every_country(login, lead):
    german = make_request(S.SUBMITTED)
    french = make_request(S.SUBMITTED, country=country("FR"))
    assert set(references(login(lead).get(QUEUE))) == {german.reference, french.reference}


def test_the_owner_of_a_request_outside_their_countries_still_sees_it(login, coordinator):
    french = make_request(S.SCREENING, owner=coordinator, country=country("FR"))
    assert references(login(coordinator).get(QUEUE)) == [french.reference]


def test_filters_by_state_country_service_owner_and_overdue(login, lead, coordinator):
    past = timezone.now() - timedelta(days=1)
    mine = make_request(S.SCREENING, owner=lead, service_type="benchmarking")
    theirs = make_request(S.SCREENING, owner=coordinator, sla_due_at=past)
    french = make_request(S.SUBMITTED, country=country("FR"), sla_due_at=past)
    client = login(lead)
    assert set(references(client.get(QUEUE, {"state": "screening"}))) == {mine.reference, theirs.reference}
    assert references(client.get(QUEUE, {"country": "FR"})) == [french.reference]
    assert references(client.get(QUEUE, {"service_type": "benchmarking"})) == [mine.reference]
    assert references(client.get(QUEUE, {"owner": "me"})) == [mine.reference]
    assert references(client.get(QUEUE, {"owner": str(coordinator.pk)})) == [theirs.reference]
    assert references(client.get(QUEUE, {"owner": "none"})) == [french.reference]
    assert set(references(client.get(QUEUE, {"overdue": "1"}))) == {theirs.reference, french.reference}
    assert references(client.get(QUEUE, {"q": french.reference})) == [french.reference]


def test_an_invalid_filter_value_is_ignored(login, coordinator):
    obj = make_request(S.SUBMITTED)
    response = login(coordinator).get(QUEUE, {"state": "<script>", "country": "XX", "ordering": "evil"})
    assert response.status_code == 200
    assert references(response) == [obj.reference]


def test_counts_per_state_are_shown_as_chips_under_the_other_filters(login, coordinator):
    for _ in range(3):
        make_request(S.SUBMITTED)
    make_request(S.SCREENING, owner=coordinator)
    make_request(S.SUBMITTED, country=country("FR"))
    response = login(coordinator).get(QUEUE, {"state": "screening"})
    chips = {str(chip["label"]): chip["count"] for chip in response.context["chips"]}
    assert chips == {"All": 4, "Submitted": 3, "Screening": 1}
    active = [str(chip["label"]) for chip in response.context["chips"] if chip["active"]]
    assert active == ["Screening"]
    html = response.content.decode()
    assert 'aria-current="true"' in html and "?state=submitted" in html


def test_sorting_by_due_date_newest_and_reference(login, coordinator):
    now = timezone.now()
    late = make_request(S.SUBMITTED, sla_due_at=now + timedelta(days=5), submitted_at=now - timedelta(days=3))
    soon = make_request(S.SUBMITTED, sla_due_at=now + timedelta(days=1), submitted_at=now - timedelta(days=1))
    none = make_request(
        S.AWAITING_INFO, owner=coordinator, sla_due_at=None, submitted_at=now - timedelta(days=2)
    )
    client = login(coordinator)
    assert references(client.get(QUEUE)) == [soon.reference, late.reference, none.reference]
    assert references(client.get(QUEUE, {"ordering": "newest"})) == [
        soon.reference,
        none.reference,
        late.reference,
    ]
    # The column headers' sort keys work too.
    assert references(client.get(QUEUE, {"ordering": "-submitted"})) == [
        soon.reference,
        none.reference,
        late.reference,
    ]
    assert references(client.get(QUEUE, {"ordering": "submitted"})) == [
        late.reference,
        none.reference,
        soon.reference,
    ]
    assert references(client.get(QUEUE, {"ordering": "reference"})) == sorted(
        [late.reference, soon.reference, none.reference]
    )


def test_paging(login, coordinator):
    AdvisoryRequestFactory.create_batch(55, state=S.SUBMITTED)
    client = login(coordinator)
    first = client.get(QUEUE)
    assert len(first.context["queue"].items) == 50 and first.context["queue"].num_pages == 2
    assert "p=2" in first.context["pagination"]["next_url"]
    second = client.get(QUEUE, {"p": 2})
    assert len(second.context["queue"].items) == 5
    assert not set(references(first)) & set(references(second))
    assert client.get(QUEUE, {"p": "999"}).context["queue"].page == 2


def test_overdue_rows_are_highlighted_with_their_due_date(login, coordinator):
    overdue = make_request(S.SUBMITTED, sla_due_at=timezone.now() - timedelta(days=2))
    make_request(S.SUBMITTED, sla_due_at=timezone.now() + timedelta(days=2))
    html = login(coordinator).get(QUEUE).content.decode()
    assert html.count('class="advisory-overdue"') == 1
    row = html[html.index('class="advisory-overdue"') :]
    assert overdue.reference in row[: row.index("</tr>")]
    assert "overdue by 2\xa0days" in html and "in 1\xa0day" in html


def _count_queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(queries)


def test_the_queue_runs_the_same_number_of_queries_for_5_and_50_requests(login, coordinator, lead):
    owners = [coordinator, lead, None]
    for index in range(5):
        AdvisoryRequestFactory(state=S.SCREENING, owner=owners[index % 3], areas=["programme-design"])
    client = login(coordinator)
    client.get(QUEUE)  # warm Wagtail's own per-process caches
    few = _count_queue_queries(client)
    for index in range(45):
        AdvisoryRequestFactory(
            state=S.SCREENING, owner=owners[index % 3], areas=["programme-design", "programme-evaluation"]
        )
    many = _count_queue_queries(client)
    print(f"queue queries: {few} for 5 requests, {many} for 50")
    assert few == many


def test_the_queue_stays_within_a_fixed_query_budget(login, coordinator, django_assert_max_num_queries):
    AdvisoryRequestFactory.create_batch(50, state=S.SUBMITTED, areas=["programme-design"])
    client = login(coordinator)
    client.get(QUEUE)
    with django_assert_max_num_queries(25):
        client.get(QUEUE, {"state": "submitted", "overdue": "1", "owner": "me"})


# Export ---------------------------------------------------------------------------------------


def _xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_the_export_holds_the_filtered_queue_of_the_coordinators_scope(login, coordinator):
    past = timezone.now() - timedelta(days=1)
    overdue = make_request(S.SUBMITTED, sla_due_at=past, organisation="Bavarian Cluster Agency")
    make_request(S.SUBMITTED, sla_due_at=timezone.now() + timedelta(days=3))
    make_request(S.SUBMITTED, sla_due_at=past, country=country("FR"))
    response = login(coordinator).get(QUEUE, {"overdue": "1", "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "advisory-requests-" in response["Content-Disposition"]
    rows = _xlsx_rows(response)
    header, *data = rows
    assert header[:4] == ["Reference", "State", "Country", "Organisation"]
    assert "E-mail address" not in header and "Telephone" not in header
    assert [row[0] for row in data] == [overdue.reference]
    row = dict(zip(header, data[0], strict=True))
    assert row["State"] == "Submitted" and row["Country"] == "Germany"
    assert row["Organisation"] == "Bavarian Cluster Agency" and row["Overdue"] == "yes"
    assert row["SLA due (Brussels time)"] is not None


def test_the_csv_export_neutralises_formulas_in_free_text(login, coordinator):
    make_request(S.SUBMITTED, organisation='=HYPERLINK("http://evil.example","x")', programme_name="+1-2")
    response = login(coordinator).get(QUEUE, {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, data = rows[0], rows[1]
    row = dict(zip(header, data, strict=True))
    assert row["Organisation"].startswith("'=") and row["Programme"] == "'+1-2"


def test_the_export_of_a_lead_holds_every_country(login, lead):
    make_request(S.SUBMITTED)
    make_request(S.SUBMITTED, country=country("FR"))
    rows = _xlsx_rows(login(lead).get(QUEUE, {"export": "xlsx"}))
    assert {row[2] for row in rows[1:]} == {"Germany", "France"}
