"""Fixtures of the advisory admin tests: signed-in clients per role and requests in given states."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from advisory.models import AdvisoryRequest
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    ExpertUserFactory,
    SuperUserFactory,
    editor,
)

S = AdvisoryRequest.State


@pytest.fixture
def coordinator(db):
    """A coordinator for Germany."""
    return CoordinatorFactory(countries=["DE"], first_name="Cora", last_name="Ordinator")


@pytest.fixture
def other_coordinator(db):
    """A coordinator for France only."""
    return CoordinatorFactory(countries=["FR"], first_name="Franz", last_name="Frankreich")


@pytest.fixture
def lead(db):
    return CoordinatorFactory(countries=[], lead=True, first_name="Lea", last_name="Lead")


@pytest.fixture
def superuser(db):
    return SuperUserFactory()


@pytest.fixture
def expert_user(db):
    return ExpertUserFactory(first_name="Erika", last_name="Expertin")


@pytest.fixture
def other_expert_user(db):
    return ExpertUserFactory(first_name="Otto", last_name="Other")


@pytest.fixture
def editor_user(db):
    return editor()


@pytest.fixture
def login(client):
    """Sign the test client in as `user` and return it."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def make_request(state=S.SUBMITTED, owner=None, **kwargs):
    """A German request in `state` (built by the factory: no history)."""
    return AdvisoryRequestFactory(state=state, owner=owner, **kwargs)


def detail_url(obj):
    return reverse("advisory_requests:detail", args=[obj.pk])


def transition_url(obj, name):
    return reverse("advisory_requests:transition", args=[obj.pk, name])


def assignment_url(assignment, name):
    return reverse(
        "advisory_requests:assignment_transition", args=[assignment.request_id, assignment.pk, name]
    )


def deliverable_url(deliverable, name):
    return reverse(
        "advisory_requests:deliverable_transition", args=[deliverable.request_id, deliverable.pk, name]
    )


def expert_transition_url(assignment, name):
    return reverse("advisory_expert:transition", args=[assignment.pk, name])


def invitation_for(expert_user, state="invited", **kwargs):
    """An assignment of the expert of `expert_user` (on an accepted German request by default)."""
    return AssignmentFactory(expert=expert_user.expert_profile, state=state, **kwargs)


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def prefer_language(user, language):
    """Set the user's admin language, as they would in their account settings."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
