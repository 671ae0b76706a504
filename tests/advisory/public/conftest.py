"""Fixtures of the public advisory pages: the form page in English and German, requests in every
state the requester can act in, each reached through the services and the workflow engine."""

from dataclasses import dataclass

import pytest
from wagtail.models import Locale

from advisory import services
from advisory.choices import AssignmentRole
from advisory.models import AdvisoryRequest, ExpertiseArea, RequestFormPage
from tests.advisory.conftest import valid_submission
from tests.advisory.factories import CoordinatorFactory, ExpertUserFactory, area, country, upload
from tests.cms.factories import english_home, translate
from workflows.actors import Actor
from workflows.engine import perform


@pytest.fixture
def form_page(db):
    """The English request form page, published under the English home page."""
    page = RequestFormPage(
        title="Request advice",
        slug="request-advice",
        intro="<p>Ask the network for advice on your cluster programme.</p>",
        privacy_notice="<p>We keep your data for as long as the request runs.</p>",
        thank_you="<p>We will be in touch within two working days.</p>",
    )
    english_home().add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def german_page(form_page):
    """Its German version (copied for translation and published), with a German expertise area."""
    german_locale = Locale.objects.get(language_code="de")
    design = area("programme-design")
    if not ExpertiseArea.objects.filter(
        translation_key=design.translation_key, locale=german_locale
    ).exists():
        translated = design.copy_for_translation(german_locale)
        translated.name = "Programmgestaltung"
        translated.save()
    return translate(form_page, "de", title="Beratung anfragen")


def form_data(**overrides):
    """What a person fills in on the form (as the browser posts it)."""
    data = {
        "requester_name": "Maria Muster",
        "requester_email": "maria@ministry.example",
        "requester_phone": "+49 30 1234",
        "organisation": "Ministry of Economic Affairs",
        "country": str(country("DE").pk),
        "programme_name": "Cluster Excellence Programme",
        "programme_level": "national",
        "service_type": "programme_development",
        "description": "We would like advice on the next funding period.",
        "expertise_areas": [str(area("programme-design").pk)],
        "working_language": "de",
        "budget_band": "10k_50k",
        "desired_start": "",
        "desired_end": "",
        "privacy_consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def track_url(page):
    """The tracking page: no token in it; a browser sees a request once it has opened its link."""
    return page.url + page.reverse_subpage("track")


def legacy_url(page, token, rest=""):
    """A link as e-mailed before tokens moved to the URL fragment."""
    return f"{page.url}track/{token}/{rest}"


def open_link(client, page, code):
    """What the tracking page's script does with the link's fragment: post it to the open form."""
    return client.post(page.url + page.reverse_subpage("track_open"), {"link": code})


def open_tracking(client, page, code):
    """Open a request with its link's code, and return the tracking page that follows."""
    response = open_link(client, page, code)
    assert response.status_code == 303, response.status_code
    return client.get(response["Location"])


@dataclass
class Journey:
    """One request carried through the process by the people who would do it."""

    request: AdvisoryRequest
    token: str
    owner: object
    expert_user: object = None
    assignment: object = None

    @property
    def requester(self):
        return Actor.requester(self.request)

    def fresh(self):
        self.request = AdvisoryRequest.objects.get(pk=self.request.pk)
        return self.request

    def screen(self):
        perform(self.fresh(), "screen", self.owner)
        return self

    def ask_info(self, question="Which regions does the programme cover?"):
        perform(self.fresh(), "ask_info", self.owner, comment=question)
        return self

    def accept(self):
        perform(
            self.fresh(),
            "accept",
            self.owner,
            data={"service_type": "programme_development", "scope_summary": "Advice on the next period."},
        )
        return self

    def staff(self, name="Erika Expertin"):
        self.expert_user = ExpertUserFactory(expert__name=name)
        expert = self.expert_user.expert_profile
        self.assignment = services.invite_expert(
            self.fresh(), expert, role=AssignmentRole.LEAD, actor=self.owner
        )
        perform(self.assignment, "accept", self.expert_user, data={"no_conflict": True})
        return self

    def propose_team(self):
        perform(self.fresh(), "propose_team", self.owner)
        return self

    def approve_team(self):
        perform(self.fresh(), "approve_team", self.requester)
        return self

    def deliver(self, title="Final report"):
        deliverable = services.upload_deliverable(
            self.assignment, actor=self.expert_user, title=title, file=upload("final-report.pdf")
        )
        perform(deliverable, "approve", self.owner)
        perform(self.fresh(), "deliver", self.owner)
        self.deliverable = deliverable
        return self

    def to(self, state):
        """Walk the happy path until the request is in `state`."""
        steps = {
            "screening": ["screen"],
            "awaiting_info": ["screen", "ask_info"],
            "accepted": ["screen", "accept"],
            "team_proposed": ["screen", "accept", "staff", "propose_team"],
            "in_progress": ["screen", "accept", "staff", "propose_team", "approve_team"],
            "delivered": ["screen", "accept", "staff", "propose_team", "approve_team", "deliver"],
        }
        for step in steps.get(state, []):
            getattr(self, step)()
        assert self.fresh().state == state
        return self


@pytest.fixture
def journey(db):
    """A factory: `journey("team_proposed")` is a request submitted through the service, then walked there."""

    def make(state="submitted", **overrides):
        owner = CoordinatorFactory(countries=["DE"])
        request, token = services.submit_request(valid_submission(**overrides), files=[], language="en")
        return Journey(request=request, token=token, owner=owner).to(state)

    return make
