""" "What comes next": after every transition the request view says, in one sentence, what the viewer does
next or waits for, and offers that action first as the primary button. Per state of the request and per
viewer: its owner, a coordinator of the country who does not own it, a lead coordinator, the expert."""

import html as html_module
import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.advisory.admin.conftest import S, detail_url, make_request, prefer_language
from tests.advisory.factories import AssignmentFactory, CoordinatorFactory, DeliverableFactory, ExpertFactory

pytestmark = pytest.mark.django_db

# 09:00 UTC on a winter day is 10:00 in Brussels.
DUE = datetime(2030, 3, 14, 9, 0, tzinfo=UTC)
TAG = re.compile(r"<(?:a|button)\b[^>]*>")


def next_step(response):
    """The sentence of the next-step panel, and its first action: (sentence, action, primary?)."""
    page = response.content.decode()
    start = page.index('id="next-step"')
    section = page[start : page.index("</section>", start)]
    text = re.search(r"data-next-step>(.*?)</p>", section, re.S).group(1)
    first = None
    for tag in TAG.findall(section):
        found = re.search(r'data-(\w+)-transition="(\w+)"', tag) or re.search(
            r'data-next-step-link="(\w+)"', tag
        )
        if found:
            classes = re.search(r'class="([^"]*)"', tag).group(1).split()
            first = (found.group(found.lastindex), classes == ["button"])
            break
    return html_module.unescape(text.strip()), first


@pytest.fixture
def colleague(db):
    """Another coordinator for Germany, who does not own the request."""
    return CoordinatorFactory(countries=["DE"], first_name="Chris", last_name="Colleague")


def see(login, client, user, obj):
    client.logout()
    return next_step(login(user).get(detail_url(obj)))


ACT = True  # the first action is the primary button


@pytest.mark.parametrize(
    ("state", "owner_sees", "colleague_sees"),
    [
        (
            S.SUBMITTED,
            None,  # nobody owns it yet: see the next test
            ("Start screening this request: you become its owner and decide on it.", ("screen", ACT)),
        ),
        (
            S.SCREENING,
            (
                "Decide on the request: accept it, ask the requester for information, or decline it.",
                ("accept", ACT),
            ),
            ("Cora Ordinator is screening the request and decides on it.", None),
        ),
        (
            S.AWAITING_INFO,
            (
                "Wait for the requester's answer to the question; the SLA clock waits too.",
                ("withdraw", False),
            ),
            ("Wait for the requester's answer to the question; the SLA clock waits too.", None),
        ),
        (
            S.TEAM_PROPOSED,
            ("Wait for the requester's agreement to the team.", ("withdraw", False)),
            ("Wait for the requester's agreement to the team.", None),
        ),
        (
            S.ON_HOLD,
            ("Resume the engagement once the reason for the hold is resolved.", ("resume", ACT)),
            ("The engagement is on hold until Cora Ordinator resumes it.", None),
        ),
        (
            S.DELIVERED,
            (
                "Close the request once the requester has given feedback; "
                "it closes itself 30 days after delivery.",
                ("close", ACT),
            ),
            ("Wait for the requester's feedback; the request closes 30 days after delivery.", None),
        ),
        (
            S.DECLINED,
            ("The request was declined: nothing more to do.", None),
            ("The request was declined: nothing more to do.", None),
        ),
        (
            S.CLOSED,
            ("The request is closed: nothing more to do.", None),
            ("The request is closed: nothing more to do.", None),
        ),
        (
            S.WITHDRAWN,
            ("The request was withdrawn: nothing more to do.", None),
            ("The request was withdrawn: nothing more to do.", None),
        ),
    ],
)
def test_each_state_says_what_comes_next_to_the_owner_and_to_a_colleague(
    login, client, coordinator, colleague, lead, state, owner_sees, colleague_sees
):
    obj = make_request(state, owner=None if state == S.SUBMITTED else coordinator)
    if owner_sees is not None:
        assert see(login, client, coordinator, obj) == owner_sees
        # A lead coordinator acts as the owner everywhere.
        assert see(login, client, lead, obj) == owner_sees
    assert see(login, client, colleague, obj) == colleague_sees


def test_a_new_request_offers_screening_to_every_coordinator_of_its_country_and_the_lead(
    login, client, coordinator, colleague, lead
):
    obj = make_request(S.SUBMITTED)
    expected = ("Start screening this request: you become its owner and decide on it.", ("screen", ACT))
    for user in (coordinator, colleague, lead):
        assert see(login, client, user, obj) == expected


def test_an_accepted_request_asks_for_a_lead_expert_then_waits_then_proposes_the_team(
    login, client, coordinator, colleague
):
    obj = make_request(S.ACCEPTED, owner=coordinator)
    invite = ("Invite a lead expert from the suggestions below.", ("invite", ACT))
    assert see(login, client, coordinator, obj) == invite
    # Coordinators of the country may invite experts too (the matrix says so).
    assert see(login, client, colleague, obj) == invite
    response = login(coordinator).get(detail_url(obj))
    assert 'href="#suggestions"' in response.content.decode()

    AssignmentFactory(
        request=obj, expert=ExpertFactory(name="Dr. Lena Berg"), role="lead", response_due_at=DUE
    )
    assert see(login, client, coordinator, obj) == (
        "Wait for Dr. Lena Berg to answer the invitation as lead expert; "
        "the answer is due 14/03/2030 10:00 (Brussels time).",
        ("withdraw", False),
    )

    obj = make_request(S.ACCEPTED, owner=coordinator)
    AssignmentFactory(request=obj, role="lead", state="accepted")
    assert see(login, client, coordinator, obj) == (
        "Propose the team to the requester: the lead expert has accepted.",
        ("propose_team", ACT),
    )
    assert see(login, client, colleague, obj) == (
        "Cora Ordinator puts the team together and proposes it to the requester.",
        None,
    )


def test_a_running_engagement_waits_for_deliverables_then_asks_for_a_review_then_for_delivery(
    login, client, coordinator, colleague
):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    assignment = AssignmentFactory(request=obj, role="lead", state="accepted")
    assert see(login, client, coordinator, obj) == (
        "Wait for the experts' deliverables, then review them.",
        ("hold", False),
    )

    report = DeliverableFactory(assignment=assignment, title="Final report", state="submitted")
    assert see(login, client, coordinator, obj) == (
        "Review the deliverable “Final report”: approve it or return it for changes.",
        ("review", ACT),
    )
    assert f'href="#deliverable-{report.pk}"' in login(coordinator).get(detail_url(obj)).content.decode()

    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    DeliverableFactory(assignment__request=obj, state="approved")
    assert see(login, client, coordinator, obj) == (
        "Mark the request as delivered: the requester sees the approved deliverables.",
        ("deliver", ACT),
    )
    assert see(login, client, colleague, obj) == (
        "Cora Ordinator marks the request as delivered once the deliverables are approved.",
        None,
    )


# The expert's side, on their assignment view.


def expert_sees(login, expert_user, assignment):
    return next_step(login(expert_user).get(reverse("advisory_expert:assignment", args=[assignment.pk])))


def test_an_invited_expert_is_asked_to_answer_by_the_due_date(login, expert_user):
    assignment = AssignmentFactory(expert=expert_user.expert_profile, response_due_at=DUE)
    assert expert_sees(login, expert_user, assignment) == (
        "Accept or decline the invitation by 14/03/2030 10:00 (Brussels time). "
        "Accepting, you declare that you have no conflict of interest.",
        ("accept", ACT),
    )


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (S.ACCEPTED, "Wait for the coordinator to propose the team to the requester."),
        (S.TEAM_PROPOSED, "Wait for the requester's agreement to the team; the engagement starts then."),
        (S.ON_HOLD, "The engagement is on hold: wait for the coordinator to resume it."),
        (S.DELIVERED, "The engagement is delivered: nothing more to do."),
        (S.CLOSED, "The engagement is closed: nothing more to do."),
    ],
)
def test_an_expert_on_the_team_is_told_what_they_wait_for(login, expert_user, coordinator, state, expected):
    obj = make_request(state, owner=coordinator)
    assignment = AssignmentFactory(request=obj, expert=expert_user.expert_profile, state="accepted")
    assert expert_sees(login, expert_user, assignment) == (expected, None)


def test_an_expert_uploads_then_waits_for_the_review_then_resubmits_what_came_back(
    login, expert_user, coordinator
):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    assignment = AssignmentFactory(request=obj, expert=expert_user.expert_profile, state="accepted")
    assert expert_sees(login, expert_user, assignment) == (
        "Upload your deliverable: the coordinator reviews it before the requester sees it.",
        ("upload", ACT),
    )

    DeliverableFactory(assignment=assignment, title="Draft report", state="submitted")
    assert expert_sees(login, expert_user, assignment) == (
        "Wait for the coordinator's review of “Draft report”.",
        None,
    )

    DeliverableFactory(assignment=assignment, title="Second draft", state="returned")
    assert expert_sees(login, expert_user, assignment) == (
        "Revise the deliverable “Second draft” as the coordinator asked and submit it again.",
        ("submit", ACT),
    )

    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    assignment = AssignmentFactory(request=obj, expert=expert_user.expert_profile, state="accepted")
    DeliverableFactory(assignment=assignment, state="approved")
    assert expert_sees(login, expert_user, assignment) == (
        "Your deliverable is approved; upload another if the engagement calls for it.",
        ("upload", ACT),
    )


def test_a_completed_part_needs_nothing_more(login, expert_user, coordinator):
    obj = make_request(S.IN_PROGRESS, owner=coordinator)
    assignment = AssignmentFactory(request=obj, expert=expert_user.expert_profile, state="completed")
    assert expert_sees(login, expert_user, assignment) == (
        "Your part is completed: nothing more to do.",
        None,
    )


def test_the_next_step_reads_in_the_users_language(login, client, coordinator):
    obj = make_request(S.SUBMITTED)
    prefer_language(coordinator, "de")
    assert see(login, client, coordinator, obj)[0] == (
        "Beginnen Sie mit der Prüfung dieser Anfrage: Sie übernehmen sie und entscheiden darüber."
    )
    prefer_language(coordinator, "pl")
    assert see(login, client, coordinator, obj)[0] == (
        "Rozpocznij weryfikację tego zgłoszenia: stajesz się jego opiekunem i decydujesz o nim."
    )
