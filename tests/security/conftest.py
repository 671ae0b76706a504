"""The attacker's world: one confidential request, its owner and expert, and everyone out of its scope.

The request's personal details are distinctive words, so a test can tell from a response body whether
any of them leaked.
"""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from advisory.models import AdvisoryRequest, Attachment, Message
from tests.advisory.factories import (
    PDF_BYTES,
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    DeliverableFactory,
    ExpertUserFactory,
    SuperUserFactory,
    UserFactory,
    editor,
    upload,
)
from tests.advisory.public.conftest import form_page, journey  # noqa: F401 - fixtures of this package too

S = AdvisoryRequest.State

# What must never show to anyone out of scope.
SECRETS = {
    "requester_name": "Wilhelmina Vertraulich",
    "requester_email": "wilhelmina@schattenamt.example",
    "organisation": "Schattenamt Kranichfeld",
    "programme_name": "Programm Nebelwald",
    "description": "Streng vertraulich: Haushaltslage Kranichfeld.",
}
ATTACHMENT_NAME = "nebelwald-haushalt.pdf"
DELIVERABLE_TITLE = "Gutachten Nebelwald"
MESSAGE_BODY = "Interne Notiz zu Kranichfeld"


def leaked(response, world):
    """The confidential words of the world's request that appear in a response's body."""
    body = response.content.decode("utf-8", "replace") if not getattr(response, "streaming", False) else ""
    words = [*SECRETS.values(), world["request"].reference, ATTACHMENT_NAME, DELIVERABLE_TITLE, MESSAGE_BODY]
    return [word for word in words if word in body]


def admin_user(**kwargs):
    """A user who may open the Wagtail admin and has no role at all."""
    user = UserFactory(is_staff=True, **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def coordinator(db):
    return CoordinatorFactory(countries=["DE"], first_name="Cora", last_name="Ordinator")


@pytest.fixture
def expert_user(db):
    return ExpertUserFactory(first_name="Erika", last_name="Expertin")


@pytest.fixture
def world(coordinator, expert_user):
    """A German request in progress, owned by `coordinator`, staffed by `expert_user`, with a file,
    an approved-to-be deliverable and an internal note."""
    obj = AdvisoryRequestFactory(state=S.IN_PROGRESS, owner=coordinator, **SECRETS)
    assignment = AssignmentFactory(request=obj, expert=expert_user.expert_profile, state="accepted")
    deliverable = DeliverableFactory(assignment=assignment, title=DELIVERABLE_TITLE)
    attachment = Attachment.objects.create(
        request=obj,
        file=upload(ATTACHMENT_NAME),
        original_name=ATTACHMENT_NAME,
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by="requester",
    )
    Message.objects.create(
        request=obj, body=MESSAGE_BODY, visibility="internal", author=coordinator, author_kind="coordinator"
    )
    return {
        "request": obj,
        "assignment": assignment,
        "deliverable": deliverable,
        "attachment": attachment,
        "coordinator": coordinator,
        "expert_user": expert_user,
    }


OUTSIDERS = ["other_coordinator", "other_expert", "editor", "translator", "admin_access_only", "anonymous"]


def make_outsider(role):
    """A user of `role` with no business with the world's request (None for an anonymous visitor)."""
    if role == "other_coordinator":
        return CoordinatorFactory(countries=["FR"], first_name="Franz", last_name="Frankreich")
    if role == "other_expert":
        return ExpertUserFactory(first_name="Otto", last_name="Other")
    if role == "editor":
        return editor()
    if role == "translator":
        return UserFactory(is_staff=True, groups=["Translators (de)"])
    if role == "admin_access_only":
        return admin_user()
    assert role == "anonymous"
    return None


def client_for(user, **kwargs):
    """A fresh client, signed in (with two-factor passed) as `user` unless None."""
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def superuser(db):
    return SuperUserFactory()
