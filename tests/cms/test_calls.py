"""Calls for proposals: status from the clock in Brussels time, validation, index order."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import CallIndexPage, CallPage, CallStatus
from cms.models.calls import call_status
from tests.cms.admin_forms import add_url, form_errors, page_text, post_page_form
from tests.cms.factories import CallPageFactory, index_page, translate
from tests.cms.markup import soup

BRUSSELS = ZoneInfo("Europe/Brussels")
DEADLINE_MESSAGE = "The deadline must be after the opening date."


def brussels(*args):
    return datetime(*args, tzinfo=BRUSSELS)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


class TestCallStatus:
    opens = brussels(2026, 3, 1, 9, 0)
    closes = brussels(2026, 6, 30, 17, 0)

    def status_at(self, now, **kwargs):
        return call_status(self.opens, self.closes, now=now, **kwargs)

    def test_forthcoming_until_the_opening_minute(self):
        assert self.status_at(self.opens - timedelta(seconds=1)) == CallStatus.FORTHCOMING
        assert self.status_at(self.opens) == CallStatus.OPEN

    def test_open_between_opening_and_the_closing_soon_window(self):
        assert self.status_at(brussels(2026, 4, 15, 12, 0)) == CallStatus.OPEN

    def test_closing_soon_one_second_before_the_deadline(self):
        assert self.status_at(self.closes - timedelta(seconds=1)) == CallStatus.CLOSING_SOON

    def test_closed_at_the_deadline_minute_exactly(self):
        assert self.status_at(self.closes) == CallStatus.CLOSED
        assert self.status_at(self.closes + timedelta(days=300)) == CallStatus.CLOSED

    def test_without_opening_date_a_call_is_never_forthcoming(self):
        assert call_status(None, self.closes, now=brussels(2020, 1, 1)) == CallStatus.OPEN

    @pytest.mark.parametrize("days", [14, 3, 30])
    def test_closing_soon_window_follows_the_setting(self, settings, days):
        settings.CALL_CLOSING_SOON_DAYS = days
        window_start = self.closes - timedelta(days=days)
        assert self.status_at(window_start - timedelta(seconds=1)) == CallStatus.OPEN
        assert self.status_at(window_start) == CallStatus.CLOSING_SOON

    def test_explicit_window_overrides_the_setting(self, settings):
        settings.CALL_CLOSING_SOON_DAYS = 14
        now = self.closes - timedelta(days=5)
        assert self.status_at(now) == CallStatus.CLOSING_SOON
        assert self.status_at(now, closing_soon_days=2) == CallStatus.OPEN

    def test_default_now_is_the_clock(self):
        with time_machine.travel(self.closes - timedelta(seconds=1), tick=False):
            assert call_status(self.opens, self.closes) == CallStatus.CLOSING_SOON
        with time_machine.travel(self.closes, tick=False):
            assert call_status(self.opens, self.closes) == CallStatus.CLOSED


# Building a page looks up its content type in the database.
@pytest.mark.django_db
class TestDaylightSavingTime:
    """Deadlines are Brussels wall-clock minutes, whatever the UTC offset of the day."""

    def test_deadline_on_the_day_clocks_go_back(self):
        # 25 October 2026: 03:00 CEST becomes 02:00 CET, so that day has 25 hours.
        deadline = brussels(2026, 10, 25, 12, 0)
        call = CallPage(opens_at=brussels(2026, 9, 1, 9, 0), closes_at=deadline)
        assert deadline.astimezone(UTC) == utc(2026, 10, 25, 11, 0)

        with time_machine.travel(brussels(2026, 10, 25, 0, 0), tick=False):
            assert call.closes_at - timezone.now() == timedelta(hours=13)
            assert call.status == CallStatus.CLOSING_SOON
        # 11:30 in Brussels: still open, although 10:30 UTC is past noon at summer offset.
        with time_machine.travel(utc(2026, 10, 25, 10, 30), tick=False):
            assert call.is_open
        with time_machine.travel(utc(2026, 10, 25, 10, 59, 59), tick=False):
            assert call.status == CallStatus.CLOSING_SOON
        with time_machine.travel(utc(2026, 10, 25, 11, 0), tick=False):
            assert call.status == CallStatus.CLOSED
            assert not call.is_open

    def test_deadline_on_the_day_clocks_go_forward(self):
        # 28 March 2027: 02:00 CET becomes 03:00 CEST, so that day has 23 hours.
        deadline = brussels(2027, 3, 28, 12, 0)
        call = CallPage(opens_at=brussels(2027, 1, 10, 9, 0), closes_at=deadline)
        assert deadline.astimezone(UTC) == utc(2027, 3, 28, 10, 0)

        with time_machine.travel(brussels(2027, 3, 28, 0, 0), tick=False):
            assert call.closes_at - timezone.now() == timedelta(hours=11)
        with time_machine.travel(utc(2027, 3, 28, 9, 59, 59), tick=False):
            assert call.status == CallStatus.CLOSING_SOON
        with time_machine.travel(utc(2027, 3, 28, 10, 0), tick=False):
            assert call.status == CallStatus.CLOSED

    @pytest.mark.django_db
    def test_stored_deadline_keeps_its_brussels_minute(self):
        deadline = brussels(2026, 10, 25, 12, 0)
        page = CallPageFactory(opens_at=brussels(2026, 9, 1, 9, 0), closes_at=deadline)
        page = CallPage.objects.get(pk=page.pk)
        assert page.closes_at == deadline
        assert timezone.localtime(page.closes_at).strftime("%Y-%m-%d %H:%M %Z") == "2026-10-25 12:00 CET"


# Building a page looks up its content type in the database.
@pytest.mark.django_db
class TestCallPageClean:
    def test_deadline_before_opening_is_refused(self):
        call = CallPage(opens_at=brussels(2026, 5, 1, 9, 0), closes_at=brussels(2026, 4, 1, 9, 0))
        with pytest.raises(ValidationError) as error:
            call.clean()
        assert error.value.message_dict == {"closes_at": [DEADLINE_MESSAGE]}

    def test_deadline_equal_to_opening_is_refused(self):
        moment = brussels(2026, 5, 1, 9, 0)
        with pytest.raises(ValidationError):
            CallPage(opens_at=moment, closes_at=moment).clean()

    def test_deadline_after_opening_is_accepted(self):
        CallPage(opens_at=brussels(2026, 5, 1, 9, 0), closes_at=brussels(2026, 5, 1, 9, 1)).clean()


@pytest.mark.django_db
class TestCallAdmin:
    fields = {
        "title": "Cluster excellence call",
        "slug": "cluster-excellence-call",
        "summary": "Support for cluster organisations.",
        "opens_at": "2026-10-01 09:00",
        "closes_at": "2026-10-25 12:00",
    }

    def test_deadline_before_opening_is_refused_with_the_message(self, admin):
        url = add_url(CallPage, index_page(CallIndexPage))
        response = post_page_form(admin, url, CallPage, {**self.fields, "closes_at": "2026-09-30 12:00"})
        assert response.status_code == 200
        assert form_errors(response) == {"closes_at": [DEADLINE_MESSAGE]}
        assert DEADLINE_MESSAGE in page_text(response)
        assert not CallPage.objects.filter(slug="cluster-excellence-call").exists()

    def test_deadline_is_entered_in_brussels_time(self, admin):
        url = add_url(CallPage, index_page(CallIndexPage))
        response = post_page_form(admin, url, CallPage, self.fields, publish=True)
        assert response.status_code == 302
        call = CallPage.objects.get(slug="cluster-excellence-call")
        assert call.live
        assert call.closes_at == utc(2026, 10, 25, 11, 0)
        assert call.opens_at == utc(2026, 10, 1, 7, 0)


@pytest.mark.django_db
class TestCallIndexPage:
    @pytest.fixture
    def calls(self):
        now = timezone.now()
        index = index_page(CallIndexPage)

        def call(name, opens, closes, **kwargs):
            return CallPageFactory(
                parent=index,
                title=name,
                opens_at=now + timedelta(days=opens),
                closes_at=now + timedelta(days=closes),
                **kwargs,
            )

        return {
            "closed_long_ago": call("Closed long ago", -90, -60),
            "closed_yesterday": call("Closed yesterday", -40, -1),
            "open_late": call("Open, late deadline", -10, 60),
            "open_soon": call("Open, deadline soon", -10, 5),
            "forthcoming": call("Forthcoming", 10, 40),
            "draft": call("Draft", -10, 20, publish=False),
        }

    def context(self, rf, index, **params):
        return index.get_context(rf.get(index.url, params))

    def test_open_and_forthcoming_first_by_deadline_then_closed_newest_first(self, rf, calls):
        context = self.context(rf, index_page(CallIndexPage))
        # Forthcoming calls are not put after open ones: the deadline alone decides.
        assert context["current_calls"] == [calls["open_soon"], calls["forthcoming"], calls["open_late"]]
        assert list(context["closed_calls"]) == [calls["closed_yesterday"], calls["closed_long_ago"]]

    def test_calls_of_other_languages_are_not_listed(self, rf, calls):
        german = translate(calls["open_late"], "de")
        german_index = german.get_parent().specific
        context = self.context(rf, german_index)
        assert context["current_calls"] == [german]
        assert list(context["closed_calls"]) == []
        assert german not in self.context(rf, index_page(CallIndexPage))["current_calls"]

    def test_closed_calls_are_paged(self, rf):
        index = index_page(CallIndexPage)
        now = timezone.now()
        for day in range(12):
            CallPageFactory(
                parent=index,
                opens_at=now - timedelta(days=100),
                closes_at=now - timedelta(days=day + 1),
            )
        assert len(self.context(rf, index)["closed_calls"]) == 10
        second = self.context(rf, index, page=2)["closed_calls"]
        assert len(second) == 2
        assert second.number == 2
        assert self.context(rf, index, page="junk")["closed_calls"].number == 1
        assert self.context(rf, index, page=99)["closed_calls"].number == 2

    def test_index_lists_calls_with_their_status(self, calls):
        assert calls["open_soon"].status == CallStatus.CLOSING_SOON
        assert calls["open_late"].status == CallStatus.OPEN
        assert calls["forthcoming"].status == CallStatus.FORTHCOMING
        assert calls["closed_yesterday"].status == CallStatus.CLOSED
        assert [c.is_open for c in (calls["open_soon"], calls["forthcoming"])] == [True, False]


@pytest.mark.django_db
class TestCallPageRendering:
    """The page shows the status of the moment and the deadline in Brussels wall-clock time."""

    @pytest.fixture
    def call(self):
        return CallPageFactory(
            slug="cluster-call",
            opens_at=brussels(2026, 9, 1, 9, 0),
            closes_at=brussels(2026, 10, 25, 12, 0),
        )

    def badge(self, client, call):
        response = client.get(call.url)
        assert response.status_code == 200
        page = soup(response)
        return page.select_one(".badge").get_text(" ", strip=True), page

    def test_status_flips_at_the_deadline_minute(self, client, call):
        with time_machine.travel(brussels(2026, 10, 25, 11, 59, 59), tick=False):
            text, _page = self.badge(client, call)
            assert "Closing soon" in text
        with time_machine.travel(brussels(2026, 10, 25, 12, 0), tick=False):
            text, _page = self.badge(client, call)
            assert "Closed" in text
        with time_machine.travel(brussels(2026, 8, 31, 12, 0), tick=False):
            text, _page = self.badge(client, call)
            assert "Forthcoming" in text

    def test_deadline_is_shown_in_brussels_time(self, client, call):
        _text, page = self.badge(client, call)
        datetimes = [time["datetime"] for time in page.select("time[datetime]")]
        assert "2026-10-25T12:00:00+01:00" in datetimes
        assert "2026-09-01T09:00:00+02:00" in datetimes
