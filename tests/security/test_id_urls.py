"""Every advisory URL that takes an id, tried by every role without business with the request.

The URLs come from the resolver, so a URL added to the advisory admin is attacked without anyone
adding it here. Each attempt must be refused by a check (403, 404, or the login page for anonymous
visitors), show nothing of the request, change nothing, and never be a 500.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from advisory.models import Attachment, Deliverable, Message, RequestFormPage
from tests.advisory.public.conftest import open_link
from tests.security.conftest import OUTSIDERS, S, client_for, leaked, make_outsider
from workflows.engine import perform

pytestmark = pytest.mark.django_db

ADVISORY_NAMESPACES = ("advisory_requests", "advisory_expert", "advisory_files")

# A transition each URL group would accept from someone in scope, so that a refusal is about scope.
TRANSITIONS = {
    "advisory_requests:transition": "hold",
    "advisory_requests:assignment_transition": "release",
    "advisory_requests:deliverable_transition": "approve",
    "advisory_expert:transition": "complete",
    "advisory_expert:deliverable_transition": "submit",
}


def advisory_patterns(resolver=None, namespace=""):
    """(qualified name, pattern) of every URL in the advisory admin namespaces."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace
            yield from advisory_patterns(entry, inner or namespace)
        elif isinstance(entry, URLPattern) and namespace in ADVISORY_NAMESPACES and entry.name:
            yield f"{namespace}:{entry.name}", entry


def id_urls(world):
    """Every advisory URL that takes an id, filled in with the world's objects."""
    urls = []
    for name, pattern in advisory_patterns():
        params = set(pattern.pattern.converters)
        if not params & {"pk", "assignment", "deliverable"}:
            continue
        kwargs = {}
        for param in params:
            if param == "pk":
                kwargs["pk"] = {
                    "advisory_files:attachment": world["attachment"].pk,
                    "advisory_files:deliverable": world["deliverable"].pk,
                }.get(name, world["request"].pk)
            elif param == "assignment":
                kwargs["assignment"] = world["assignment"].pk
            elif param == "deliverable":
                kwargs["deliverable"] = world["deliverable"].pk
            elif param == "transition":
                kwargs["transition"] = TRANSITIONS[name]
            else:
                raise AssertionError(f"{name}: no value for the URL parameter {param!r}")
        urls.append((name, reverse(name, kwargs=kwargs)))
    return urls


def snapshot(world):
    obj = world["request"]
    obj.refresh_from_db()
    world["assignment"].refresh_from_db()
    world["deliverable"].refresh_from_db()
    return (
        obj.state,
        obj.owner_id,
        obj.tracking_token_hash,
        world["assignment"].state,
        world["deliverable"].state,
        Message.objects.count(),
        Deliverable.objects.count(),
        Attachment.objects.count(),
        obj.assignments.count(),
    )


def test_the_url_walk_finds_every_known_advisory_url_with_an_id(world):
    names = {name for name, _url in id_urls(world)}
    assert {
        "advisory_requests:detail",
        "advisory_requests:message",
        "advisory_requests:invite",
        "advisory_requests:rotate_tracking_link",
        "advisory_requests:transition",
        "advisory_requests:assignment_transition",
        "advisory_requests:deliverable_transition",
        "advisory_expert:assignment",
        "advisory_expert:message",
        "advisory_expert:upload",
        "advisory_expert:transition",
        "advisory_expert:deliverable_transition",
        "advisory_files:attachment",
        "advisory_files:deliverable",
    } <= names
    assert "advisory_requests:index" not in names


def test_the_owner_and_the_expert_do_reach_the_urls_the_outsiders_are_refused(world):
    """The refusals below are about scope: the same URLs open for the people in scope."""
    owner = client_for(world["coordinator"])
    expert = client_for(world["expert_user"])
    for name, url in id_urls(world):
        if name.startswith("advisory_expert:") or name == "advisory_files:deliverable":
            client = expert
        else:
            client = owner
        if name in ("advisory_requests:detail", "advisory_expert:assignment") or name.startswith(
            "advisory_files"
        ):
            assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("role", OUTSIDERS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_outsider_opening_any_advisory_id_url_is_refused_and_sees_nothing(world, role, method):
    client = client_for(make_outsider(role), raise_request_exception=False)
    before = snapshot(world)
    urls = id_urls(world)
    assert urls
    for name, url in urls:
        data = {
            "body": "hijack",
            "comment": "hijack",
            "expected_state": S.IN_PROGRESS,
            "visibility": "shared",
        }
        response = client.get(url) if method == "get" else client.post(url, data)
        where = (role, method, name, response.status_code)
        if role == "anonymous":
            assert response.status_code == 302, where
            assert response["Location"].startswith("/admin/login/"), where
        elif response.status_code == 405:
            # A view refuses a method it does not serve before it looks at the object.
            assert method.upper() not in response["Allow"], where
        else:
            assert response.status_code in (403, 404), where
        assert not leaked(response, world), where
    assert snapshot(world) == before


# The requester's side: routes of the request form page that take an id --------------------------


def page_id_routes(page, world):
    """Every route of the request form page with an id in it, filled in with the world's files."""

    routes = []
    for pattern in RequestFormPage.get_subpage_urls():
        params = set(pattern.pattern.converters)
        if "pk" not in params:
            continue
        for pk in (world["attachment"].pk, world["deliverable"].pk):
            kwargs = {"pk": pk}
            if "token" in params:
                kwargs["token"] = "A" * 43  # a token of the right shape that opens nothing
            routes.append((pattern.name, page.url + page.reverse_subpage(pattern.name, kwargs=kwargs)))
    return routes


@pytest.fixture
def approved(world):
    """The deliverable approved and the request delivered: what the requester could download."""

    perform(world["deliverable"], "approve", world["coordinator"])
    return world


def test_the_route_walk_finds_the_download_routes(form_page, world):
    names = {name for name, _url in page_id_routes(form_page, world)}
    assert {"deliverable", "attachment", "legacy_deliverable", "legacy_attachment"} <= names


def test_a_stranger_without_a_tracking_session_downloads_nothing(client, form_page, approved):
    for name, url in page_id_routes(form_page, approved):
        for response in (client.get(url), client.post(url)):
            assert response.status_code in (403, 404), (name, response.status_code)
            assert not leaked(response, approved), name
            assert not response.get("Content-Disposition"), name


def test_another_requester_downloads_nothing_of_this_request(client, form_page, approved, journey):
    """A requester signed in to their own request tries the ids of someone else's files."""
    mine = journey("submitted", requester_email="mallory@attacker.example", organisation="Mallory Ltd")
    assert open_link(client, form_page, mine.token).status_code == 303
    for name, url in page_id_routes(form_page, approved):
        if name.startswith("legacy"):
            continue
        response = client.get(url)
        assert response.status_code == 404, (name, response.status_code)
        assert not response.get("Content-Disposition"), name
        assert not leaked(response, approved), name
