"""The requester's pages render in a number of queries that does not grow with what they show.

The request form (its expertise areas, each shown in the visitor's language), the confirmation,
the page that opens a request from its link, the resend form, and the tracking page of a running
request with 1 and then 3 of everything it lists (team members, results, messages with their
documents, the documents sent with the request, its expertise areas, steps of the timeline), in
English and in German. Each count must be the same at every size and stay under the page's bound:
the count measured when the test was written, plus two (tests/query_counts.py says how).
`pytest tests/advisory/public/test_queries.py -s` prints the counts.
"""

import re

import pytest
from wagtail.models import Locale

from advisory import services
from advisory.choices import AssignmentRole
from advisory.models import AdvisoryRequest, ExpertiseArea
from tests.advisory.conftest import valid_submission
from tests.advisory.factories import CoordinatorFactory, ExpertUserFactory, upload
from tests.advisory.public.conftest import Journey, form_data, open_link, track_url
from tests.query_counts import assert_constant_and_bounded, measure
from workflows.engine import perform

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "de"]
EXTRA_AREA = re.compile(r"\b(?:Extra area|Zusatzgebiet) \d+\b")


@pytest.fixture
def pages(form_page, german_page):
    return {"en": form_page, "de": german_page}


def add_areas(numbers):
    """Expertise areas beyond those of the migrations, each with its German name."""
    german = Locale.objects.get(language_code="de")
    for number in numbers:
        area = ExpertiseArea.objects.create(name=f"Extra area {number}", code=f"extra-area-{number}")
        translated = area.copy_for_translation(german)
        translated.name = f"Zusatzgebiet {number}"
        translated.save()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_request_form(client, pages, language):
    page = pages[language]
    measures = []
    added = 0
    for size in (1, 4):
        add_areas(range(added, size))
        added = size
        found = measure(client, page.url, f"request form [{language}], {size} extra areas")
        # Each area once, in the visitor's language.
        assert len(EXTRA_AREA.findall(found.text)) == size
        measures.append(found)
    # Measured: 22 in English, 23 in German.
    assert_constant_and_bounded(measures, bound=25)


def submit(client, page, email):
    response = client.post(
        page.url, {**form_data(requester_email=email), "attachments": [upload("brief.pdf")]}
    )
    assert response.status_code == 303, response.content.decode()[:2000]
    return response["Location"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_confirmation(client, pages, language):
    page = pages[language]
    # The first confirmation warms the caches; the link shows once, so the second is measured unwarmed.
    client.get(submit(client, page, "first@ministry.example"))
    thanks = submit(client, page, "second@ministry.example")
    found = measure(client, thanks, f"confirmation [{language}]", warm=False)
    assert "/track/#" in found.text  # the first view, with the tracking link
    # Measured: 21 in English, 22 in German.
    assert_constant_and_bounded([found], bound=24)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_without_a_request(client, pages, language):
    """The page that opens a request from its link, and the form that sends the links again."""
    page = pages[language]
    opening = measure(client, track_url(page), f"open your request [{language}]")
    assert 'name="link"' in opening.text
    resend = measure(client, page.url + page.reverse_subpage("resend"), f"resend the link [{language}]")
    assert 'name="email"' in resend.text
    # Measured: 17 and 17 in English, 18 and 18 in German.
    assert_constant_and_bounded([opening], bound=20)
    assert_constant_and_bounded([resend], bound=20)


def running_request(size):
    """A request in progress with `size` of everything the tracking page lists, made as people make it."""
    areas = list(ExpertiseArea.objects.canonical().order_by("code")[:size])
    documents = [upload(f"brief-{number}.pdf") for number in range(size)]
    request, token = services.submit_request(
        valid_submission(expertise_areas=areas), files=documents, language="en"
    )
    journey = Journey(request=request, token=token, owner=CoordinatorFactory(countries=["DE"]))
    journey.screen().accept()
    for number in range(size):
        user = ExpertUserFactory(expert__name=f"Expert {size}-{number}")
        role = AssignmentRole.LEAD if number == 0 else AssignmentRole.MEMBER
        assignment = services.invite_expert(
            journey.fresh(), user.expert_profile, actor=journey.owner, role=role
        )
        perform(assignment, "accept", user, data={"no_conflict": True})
        if number == 0:
            journey.expert_user, journey.assignment = user, assignment
    journey.propose_team().approve_team()
    for number in range(size):
        deliverable = services.upload_deliverable(
            journey.assignment,
            actor=journey.expert_user,
            title=f"Result {number}",
            file=upload(f"result-{number}.pdf"),
        )
        perform(deliverable, "approve", journey.owner)
        services.add_message(
            journey.fresh(),
            actor=journey.owner,
            body=f"Message {number}",
            files=[upload(f"note-{number}.pdf")],
        )
        perform(journey.fresh(), "hold", journey.owner, comment="A pause.")
        perform(journey.fresh(), "resume", journey.owner, comment="Going on.")
    assert journey.fresh().state == AdvisoryRequest.State.IN_PROGRESS
    return journey


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tracking_page(client, pages, language):
    page = pages[language]
    measures = []
    for size in (1, 3):
        journey = running_request(size)
        assert open_link(client, page, journey.token).status_code == 303
        found = measure(client, track_url(page), f"tracking page [{language}], {size} of each")
        text = found.text
        assert text.count('class="team-list__name"') == size
        assert text.count("deliverables/") == size
        assert text.count('class="message__body"') == size
        assert text.count("note-") == size and text.count("brief-") == size
        assert (
            text.count('class="timeline__item"') == 5 + 2 * size
        )  # submitted … team approved, then hold and resume
        measures.append(found)
    # Measured: 29 in English, 30 in German.
    assert_constant_and_bounded(measures, bound=32)
