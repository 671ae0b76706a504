"""Events: validation, upcoming and past listings."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import EventIndexPage, EventPage
from tests.cms.admin_forms import add_url, form_errors, page_text, post_page_form
from tests.cms.factories import EventPageFactory, index_page, translate

END_MESSAGE = "An event cannot end before it starts."
REGISTRATION_MESSAGE = "Either give a registration link or mark the event as free participation."


# Building a page looks up its content type in the database.
@pytest.mark.django_db
class TestEventPageClean:
    start = timezone.now()

    def test_ending_before_start_is_refused(self):
        event = EventPage(start=self.start, end=self.start - timedelta(minutes=1))
        with pytest.raises(ValidationError) as error:
            event.clean()
        assert error.value.message_dict == {"end": [END_MESSAGE]}

    def test_ending_when_it_starts_is_accepted(self):
        EventPage(start=self.start, end=self.start).clean()

    def test_registration_link_and_free_participation_exclude_each_other(self):
        event = EventPage(
            start=self.start,
            end=self.start + timedelta(hours=2),
            registration_url="https://register.example.eu/",
            free_participation=True,
        )
        with pytest.raises(ValidationError) as error:
            event.clean()
        assert error.value.message_dict == {"free_participation": [REGISTRATION_MESSAGE]}


# Building a page looks up its content type in the database.
@pytest.mark.django_db
def test_upcoming_until_it_ends():
    start = timezone.now() + timedelta(days=1)
    event = EventPage(start=start, end=start + timedelta(hours=3))
    with time_machine.travel(event.end, tick=False):
        assert event.is_upcoming
    with time_machine.travel(event.end + timedelta(seconds=1), tick=False):
        assert not event.is_upcoming


@pytest.mark.django_db
class TestEventAdmin:
    fields = {
        "title": "Cluster benchmarking workshop",
        "slug": "cluster-benchmarking-workshop",
        "summary": "How benchmarking helps cluster managers.",
        "start": "2026-11-12 09:30",
        "end": "2026-11-12 17:00",
        "city": "Vienna",
        "country": "AT",
    }

    def test_event_ending_before_it_starts_is_refused_with_the_message(self, admin):
        url = add_url(EventPage, index_page(EventIndexPage))
        response = post_page_form(admin, url, EventPage, {**self.fields, "end": "2026-11-12 09:00"})
        assert response.status_code == 200
        assert form_errors(response) == {"end": [END_MESSAGE]}
        assert END_MESSAGE in page_text(response)
        assert not EventPage.objects.exists()

    def test_event_with_agenda_is_created(self, admin):
        agenda = nested_form_data(
            {
                "agenda": streamfield(
                    [
                        ("item", {"time": "09:30", "title": "Welcome", "speaker": "", "description": ""}),
                        (
                            "item",
                            {"time": "10:00", "title": "Benchmarking", "speaker": "", "description": ""},
                        ),
                    ]
                )
            }
        )
        url = add_url(EventPage, index_page(EventIndexPage))
        response = post_page_form(admin, url, EventPage, {**self.fields, **agenda}, publish=True)
        assert response.status_code == 302
        event = EventPage.objects.get(slug="cluster-benchmarking-workshop")
        assert [item.value["title"] for item in event.agenda] == ["Welcome", "Benchmarking"]
        assert timezone.localtime(event.start).strftime("%H:%M") == "09:30"


@pytest.mark.django_db
class TestEventIndexPage:
    def test_upcoming_soonest_first_past_newest_first(self, rf):
        index = index_page(EventIndexPage)
        now = timezone.now()

        def event(name, start_days, hours=6, **kwargs):
            start = now + timedelta(days=start_days)
            return EventPageFactory(
                parent=index, title=name, start=start, end=start + timedelta(hours=hours), **kwargs
            )

        later = event("Later", 30)
        sooner = event("Sooner", 3)
        ongoing = event("Ongoing", -1, hours=48)
        last_month = event("Last month", -30)
        last_week = event("Last week", -7)
        event("Draft", 5, publish=False)
        translate(later, "de")

        context = index.get_context(rf.get(index.url))
        assert context["upcoming_events"] == [ongoing, sooner, later]
        assert list(context["past_events"]) == [last_week, last_month]

    def test_past_events_are_paged(self, rf):
        index = index_page(EventIndexPage)
        now = timezone.now()
        for day in range(11):
            start = now - timedelta(days=day + 2)
            EventPageFactory(parent=index, start=start, end=start + timedelta(hours=1))
        assert len(index.get_context(rf.get(index.url))["past_events"]) == 10
        assert len(index.get_context(rf.get(index.url, {"page": 2}))["past_events"]) == 1
