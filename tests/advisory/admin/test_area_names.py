"""The expertise areas on the admin screens: named in the reader's admin language, in a number of queries
that does not grow with the areas or the invitations (see tests/query_counts.py for the rule)."""

from django.urls import reverse

from tests.advisory.admin.conftest import S, detail_url, invitation_for, make_request, prefer_language
from tests.query_counts import assert_constant_and_bounded, measure

FEW = ["programme-design"]
MANY = ["programme-design", "cluster-benchmarking", "internationalisation", "smart-specialisation"]
# The Polish names as the reference data gives them (migration 0008), not as the views compute them.
POLISH = {
    "programme-design": "Projektowanie programów",
    "cluster-benchmarking": "Benchmarking klastrów",
    "internationalisation": "Internacjonalizacja",
    "smart-specialisation": "Inteligentna specjalizacja",
}
ENGLISH = {"programme-design": "Programme design", "cluster-benchmarking": "Cluster benchmarking"}


def test_the_request_view_names_the_areas_in_polish_in_constant_queries(login, coordinator):
    prefer_language(coordinator, "pl")
    client = login(coordinator)
    few = make_request(owner=coordinator, areas=FEW)
    many = make_request(owner=coordinator, areas=MANY)
    measures = [
        measure(client, detail_url(few), "1 area"),
        measure(client, detail_url(many), "4 areas"),
    ]
    for code in MANY:
        assert POLISH[code] in measures[1].text
    assert ENGLISH["cluster-benchmarking"] not in measures[1].text
    assert_constant_and_bounded(measures, bound=35)


def test_the_expert_screens_name_the_areas_in_polish_in_constant_queries(login, expert_user):
    prefer_language(expert_user, "pl")
    client = login(expert_user)
    first = invitation_for(expert_user, request=make_request(state=S.ACCEPTED, areas=FEW))
    invitations = reverse("advisory_expert:invitations")
    one = measure(client, invitations, "1 invitation, 1 area")
    for _ in range(3):
        invitation_for(expert_user, request=make_request(state=S.ACCEPTED, areas=MANY))
    four = measure(client, invitations, "4 invitations, 4 areas each")
    assert POLISH["programme-design"] in one.text
    for code in MANY:
        assert POLISH[code] in four.text
    assert_constant_and_bounded([one, four], bound=20)

    page = reverse("advisory_expert:assignment", args=[first.pk])
    other = invitation_for(expert_user, request=make_request(state=S.ACCEPTED, areas=MANY))
    pages = [
        measure(client, page, "assignment, 1 area"),
        measure(client, reverse("advisory_expert:assignment", args=[other.pk]), "assignment, 4 areas"),
    ]
    assert POLISH["smart-specialisation"] in pages[1].text
    assert_constant_and_bounded(pages, bound=32)
