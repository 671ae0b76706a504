"""Dates in the advisory admin: day first in every language (dots in German and Polish, slashes in
English, French, Spanish and Italian), 24-hour times, in Brussels time and labelled so."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import translation

from advisory.templatetags.advisory_admin import short_date, short_datetime, short_datetime_zoned, short_time
from tests.advisory.admin.conftest import S, detail_url, make_request, prefer_language

pytestmark = pytest.mark.django_db

# 13:05 UTC in July is 15:05 in Brussels (summer time); 23:30 UTC on 31 January is 00:30 on 1 February.
SUMMER = datetime(2026, 7, 3, 13, 5, tzinfo=UTC)
NEW_YEAR_NIGHT = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "03/07/2026 15:05 (Brussels time)"),
        ("de", "03.07.2026 15:05 (Brüsseler Zeit)"),
        ("pl", "03.07.2026 15:05 (czas brukselski)"),
        ("fr", "03/07/2026 15:05 (heure de Bruxelles)"),
        ("es", "03/07/2026 15:05 (hora de Bruselas)"),
        ("it", "03/07/2026 15:05 (ora di Bruxelles)"),
    ],
)
def test_a_time_is_day_first_24_hours_in_brussels_time(language, expected):
    with translation.override(language):
        assert short_datetime_zoned(SUMMER) == expected
        assert short_datetime(SUMMER) == expected.split(" (")[0]


def test_the_date_is_the_date_in_brussels():
    with translation.override("de"):
        assert short_date(NEW_YEAR_NIGHT) == "01.02.2026"
        assert short_datetime(NEW_YEAR_NIGHT) == "01.02.2026 00:30"
        assert short_time(NEW_YEAR_NIGHT) == "00:30"
    assert short_date(None) == "" and short_datetime_zoned(None) == ""


def test_the_request_view_and_the_queue_speak_the_users_format(login, coordinator):
    obj = make_request(S.SCREENING, owner=coordinator, submitted_at=SUMMER, sla_due_at=NEW_YEAR_NIGHT)
    client = login(coordinator)
    html = client.get(detail_url(obj)).content.decode()
    assert "03/07/2026 15:05 (Brussels time)" in html and "01/02/2026 00:30 (Brussels time)" in html
    queue = client.get(reverse("advisory_requests:index")).content.decode()
    # In the queue's narrow columns the time goes under the date; the heading names the zone.
    assert "03/07/2026<br>15:05" in queue and "Submitted (Brussels time)" in queue

    prefer_language(coordinator, "pl")
    html = client.get(detail_url(obj)).content.decode()
    assert "03.07.2026 15:05 (czas brukselski)" in html
    queue = client.get(reverse("advisory_requests:index")).content.decode()
    assert "03.07.2026<br>15:05" in queue
