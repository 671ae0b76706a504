import pytest

from advisory.models import AdvisoryRequest
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    CoordinatorFactory,
    ExpertUserFactory,
    area,
    country,
)


@pytest.fixture
def coordinator(db):
    """A coordinator for Germany."""
    return CoordinatorFactory(countries=["DE"])


@pytest.fixture
def other_coordinator(db):
    """A coordinator for France only."""
    return CoordinatorFactory(countries=["FR"])


@pytest.fixture
def lead(db):
    return CoordinatorFactory(countries=[], lead=True)


@pytest.fixture
def expert_user(db):
    return ExpertUserFactory()


@pytest.fixture
def submitted(db):
    """A German request just submitted."""
    return AdvisoryRequestFactory(state=AdvisoryRequest.State.SUBMITTED)


def valid_submission(**overrides):

    data = {
        "requester_name": "Maria Muster",
        "requester_email": "maria@ministry.example",
        "requester_phone": "+49 30 1234",
        "organisation": "Ministry of Economic Affairs",
        "country": country("DE"),
        "programme_name": "Cluster Excellence Programme",
        "programme_level": "national",
        "service_type": "programme_development",
        "description": "We would like advice on the next funding period.",
        "budget_band": "10k_50k",
        "working_language": "de",
        "expertise_areas": [area("programme-design")],
        "privacy_consent": True,
    }
    data.update(overrides)
    return data
