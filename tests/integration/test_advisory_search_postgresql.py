"""The coordinators' search on PostgreSQL: folding by `unaccent` in the functions of migration 0009, the
same row texts as the Python versions SQLite uses, the scope, and the trigram indexes actually usable
by the queries the queue and the experts' list run."""

import pytest
from django.db import connection

from advisory import search, selectors
from advisory.models import AdvisoryRequest, Expert
from tests.advisory.factories import AdvisoryRequestFactory, CoordinatorFactory, ExpertFactory, country

pytestmark = [
    pytest.mark.integration,
    # CI (REQUIRE_INTEGRATION=1) fails instead of skipping when PostgreSQL is missing.
    pytest.mark.services("postgresql"),
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (unaccent, pg_trgm)"),
]


@pytest.fixture
def data(db):
    AdvisoryRequestFactory(
        reference="ADV-2026-0042",
        organisation="Wirtschaftsförderung Köln",
        requester_name="José Müller",
        requester_email="jose@koeln.example",
        programme_name="Straßenbahn-Cluster",
        description="Współpraca w regionie Łódź; coopération transfrontalière.",
    )
    AdvisoryRequestFactory(
        reference="ADV-2026-0043",
        country=country("FR"),
        organisation="Wirtschaftsförderung Köln, Strasbourg",
        requester_name="José Müller",
    )
    ExpertFactory(name="Zofia Łukasiewicz", home_country=country("PL"), languages=["pl"])
    ExpertFactory(name="Jürgen Äbelmann", home_country=country("DE"), languages=["de"], employer="Süd GmbH")
    return CoordinatorFactory(countries=["DE"]), CoordinatorFactory(countries=[], lead=True)


def found(user, text):
    return sorted(item.reference for item in selectors.queue(user, {"q": text}).items)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("koln", ["ADV-2026-0042"]),
        ("KÖLN", ["ADV-2026-0042"]),
        ("jose muller", ["ADV-2026-0042"]),
        ("strassenbahn", ["ADV-2026-0042"]),  # ß is ss, as unaccent has it
        ("Straßenbahn", ["ADV-2026-0042"]),
        ("lodz wspolpraca", ["ADV-2026-0042"]),  # Ł and ó folded
        ("cooperation transfrontaliere", ["ADV-2026-0042"]),
        ("adv20260042", ["ADV-2026-0042"]),
        ("2026-004", ["ADV-2026-0042"]),  # the French ADV-2026-0043 is out of scope
        ("strasbourg", []),
    ],
)
def test_the_queue_search_folds_accents_and_case_within_the_scope(data, text, expected):
    coordinator, _lead = data
    assert found(coordinator, text) == expected


def test_a_lead_finds_both_countries(data):
    _coordinator, lead = data
    assert found(lead, "jose muller") == ["ADV-2026-0042", "ADV-2026-0043"]


def test_experts_are_found_without_accents(data):
    coordinator, _lead = data

    def names(text):
        return [expert.name for expert in selectors.expert_directory(coordinator, text).object_list]

    assert names("lukasiewicz") == ["Zofia Łukasiewicz"]
    assert names("abelmann sud") == ["Jürgen Äbelmann"]
    assert names("Poland") == ["Zofia Łukasiewicz"]


def test_the_database_builds_the_same_row_texts_as_python(data):
    """SQLite runs the Python versions; a difference would make a search behave differently there."""
    fields = (
        "reference",
        "organisation",
        "requester_name",
        "requester_email",
        "programme_name",
        "description",
        "scope_summary",
    )
    for row in AdvisoryRequest.objects.annotate(text=search.RequestText()).values("text", *fields):
        assert row["text"] == search.request_text(*(row[name] for name in fields))
    for row in Expert.objects.annotate(text=search.ExpertText()).values("text", "name", "email", "employer"):
        assert row["text"] == search.expert_text(row["name"], row["email"], row["employer"])


def _plan(queryset):
    """The plan PostgreSQL picks when sequential and plain index scans are priced out (a few test rows
    would rather be read whole, or in the order of another index): a bitmap scan of the trigram index
    is possible only if the query's expression is the index's."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    try:
        return queryset.order_by().explain()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = on")
            cursor.execute("SET LOCAL enable_indexscan = on")


def test_the_queue_search_can_use_the_trigram_index(data):
    # The query's expression matches the index's (same function, same columns); with a scope, the
    # planner weighs it against the country index by the data's statistics.
    queryset = search.filter_requests(AdvisoryRequest.objects.all(), "Förderung köln")
    assert "advisory_request_search_trgm" in _plan(queryset)


def test_the_experts_search_can_use_the_trigram_index(data):
    queryset = search.filter_experts(Expert.objects.all(), "lukasiewicz")
    assert "advisory_expert_search_trgm" in _plan(queryset)
