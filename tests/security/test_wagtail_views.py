"""Wagtail's own generic admin views pointed at our models: no advisory request data for outsiders.

History and log reports, the dashboard, admin search, snippet history, usage, copy and chooser of our
models, bulk actions, the Outbox (workflows' ModelViewSet) and every spreadsheet export, tried by an
expert of another request, an editor and a coordinator of another country.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from advisory.models import AdvisoryRequest, ExpertiseArea
from tests.advisory.factories import area
from tests.security.conftest import SECRETS, client_for, make_outsider
from tests.security.test_id_urls import ADVISORY_NAMESPACES
from workflows.engine import perform
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db

ROLES = ["other_expert", "editor", "other_coordinator", "translator", "admin_access_only"]


@pytest.fixture
def audited(world):
    """The world's request with history (a hold and a resume, audited) and queued e-mails."""
    obj = world["request"]
    obj.expertise_areas.set([area("programme-design")])
    perform(AdvisoryRequest.objects.get(pk=obj.pk), "hold", world["coordinator"], comment="Kranichfeld pause")
    perform(AdvisoryRequest.objects.get(pk=obj.pk), "resume", world["coordinator"], comment="Weiter")
    assert OutboxMessage.objects.filter(recipient=SECRETS["requester_email"]).exists()
    return world


def generic_urls(world):
    obj = world["request"]
    content_type = ContentType.objects.get_for_model(AdvisoryRequest)
    design = ExpertiseArea.objects.get(pk=area("programme-design").pk)
    reference = obj.reference
    return [
        "/admin/",
        f"/admin/search/?q={reference}",
        "/admin/search/?q=Kranichfeld",
        "/admin/reports/site-history/",
        f"/admin/reports/site-history/?content_type={content_type.pk}",
        f"/admin/reports/site-history/results/?content_type={content_type.pk}",
        f"/admin/reports/site-history/?object_type={content_type.pk}",
        "/admin/reports/site-history/?export=csv",
        "/admin/reports/site-history/?export=xlsx",
        f"/admin/reports/site-history/?export=csv&content_type={content_type.pk}",
        reverse("wagtailsnippets_advisory_expertisearea:list") + "?export=csv",
        reverse("wagtailsnippets_advisory_expertisearea:history", args=[design.pk]),
        reverse("wagtailsnippets_advisory_expertisearea:usage", args=[design.pk]),
        reverse("wagtailsnippets_advisory_expertisearea:copy", args=[design.pk]),
        reverse("wagtailsnippetchoosers_advisory_expertisearea:choose") + "?q=Kranichfeld",
        reverse("wagtailsnippetchoosers_advisory_expertisearea:chosen", args=[design.pk]),
        f"/admin/bulk/advisory/advisoryrequest/delete/?id={obj.pk}",
        f"/admin/bulk/advisory/expertisearea/delete/?id={design.pk}",
        f"/admin/bulk/workflows/outboxmessage/delete/?id={OutboxMessage.objects.first().pk}",
        reverse("workflows_outbox:index"),
        reverse("workflows_outbox:index") + "?export=csv",
        reverse("workflows_outbox:index") + "?export=xlsx",
        reverse("workflows_outbox:index_results") + f"?q={SECRETS['requester_email']}",
        reverse("advisory_requests:index"),
        reverse("advisory_requests:index") + f"?q={reference}",
        reverse("advisory_requests:index") + "?export=csv",
        reverse("advisory_requests:index") + "?export=xlsx",
        reverse("advisory_requests:index") + "?state=in_progress&export=csv",
        reverse("advisory_expert:invitations"),
        reverse("advisory_expert:engagements"),
        reverse("privacy:index"),
        "/admin/users/",
        "/admin/pages/search/?q=Kranichfeld",
        "/admin/choose-page/search/?q=Kranichfeld",
    ]


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def test_the_owner_does_find_the_request_in_these_places(audited):
    """The control: the data is there to leak (the owner sees it in the queue and its export)."""
    owner = client_for(audited["coordinator"])
    body = body_of(owner.get(reverse("advisory_requests:index") + "?export=csv"))
    assert audited["request"].reference in body and SECRETS["organisation"] in body


@pytest.mark.parametrize("role", ROLES)
def test_wagtails_generic_views_leak_no_advisory_request_to_an_outsider(audited, role):
    client = client_for(make_outsider(role), raise_request_exception=False)
    words = [*SECRETS.values(), audited["request"].reference, "Kranichfeld pause"]
    for url in generic_urls(audited):
        response = client.get(url)
        assert response.status_code != 500, (role, url)
        body = body_of(response)
        # A word the attacker typed into the URL may be echoed back (the search box): that is no leak.
        found = [word for word in words if word in body and word not in url]
        assert not found, (role, url, response.status_code, found)


@pytest.mark.parametrize("role", ROLES)
def test_bulk_actions_and_copies_posted_by_an_outsider_change_nothing(audited, role):
    client = client_for(make_outsider(role), raise_request_exception=False)
    obj = audited["request"]
    design = area("programme-design")
    before = (AdvisoryRequest.objects.count(), ExpertiseArea.objects.count(), OutboxMessage.objects.count())
    for url in (
        f"/admin/bulk/advisory/advisoryrequest/delete/?id={obj.pk}",
        f"/admin/bulk/advisory/expertisearea/delete/?id={design.pk}",
        f"/admin/bulk/workflows/outboxmessage/delete/?id={OutboxMessage.objects.first().pk}",
        reverse("wagtailsnippets_advisory_expertisearea:copy", args=[design.pk]),
        reverse("wagtailsnippets_advisory_expertisearea:delete", args=[design.pk]),
    ):
        response = client.post(url, {"name": "Copied", "code": "copied"})
        assert response.status_code != 500, (role, url)
    assert (
        AdvisoryRequest.objects.count(),
        ExpertiseArea.objects.count(),
        OutboxMessage.objects.count(),
    ) == before


def test_wagtails_history_report_does_carry_the_requests_entries(audited, superuser):
    """The control for the history views: a superuser finds the request's audited transitions there."""
    content_type = ContentType.objects.get_for_model(AdvisoryRequest)
    response = client_for(superuser).get(f"/admin/reports/site-history/?content_type={content_type.pk}")
    assert response.status_code == 200
    assert audited["request"].reference in body_of(response)


def test_our_models_have_no_revisions_compare_or_preview_views_left_unattacked():
    """Revisions compare and preview would show a model's content to whoever opens them. None of our
    models has them today; if one gains them, this fails so that they join the attacks above."""

    def names(resolver, namespace=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace or namespace
                yield from names(entry, inner)
            elif isinstance(entry, URLPattern):
                yield namespace, entry.name or "", str(entry.pattern)

    ours = [
        (namespace, name, pattern)
        for namespace, name, pattern in names(get_resolver())
        if namespace
        and ("advisory" in namespace or "workflows" in namespace or "privacy" in namespace)
        and namespace not in ADVISORY_NAMESPACES
    ]
    assert any("expertisearea" in namespace for namespace, _n, _p in ours)
    assert any(namespace == "workflows_outbox" for namespace, _n, _p in ours)
    for namespace, name, pattern in ours:
        assert "revisions" not in pattern and "preview" not in pattern and "compare" not in pattern, (
            namespace,
            name,
        )
