"""The coordinators' search boxes: the request queue (reference, organisation, requester, words of the
request) and the experts' list (name, country, language, expertise), accent- and case-insensitive,
every word required, always inside the user's scope; in the admin's language (English and German)."""

import pytest
from django.urls import reverse

from advisory import selectors
from advisory.admin.forms import QueueFilterForm
from advisory.models import AdvisoryRequest
from advisory.search import search_words
from tests.advisory.admin.conftest import prefer_language
from tests.advisory.factories import AdvisoryRequestFactory, ExpertFactory, ExpertUserFactory, country, editor

pytestmark = pytest.mark.django_db

S = AdvisoryRequest.State
QUEUE = reverse("advisory_requests:index")
EXPERTS = reverse("advisory_experts:index")


@pytest.fixture
def login(client):
    def sign_in(user, language="en"):
        prefer_language(user, language)
        client.force_login(user)
        return client

    return sign_in


def found(user, text):
    """The references the queue shows `user` for the search `text` (every state, first page)."""
    return sorted(item.reference for item in selectors.queue(user, {"q": text}).items)


@pytest.fixture
def requests_de(db):
    """Three German requests and a French one sharing their words (outside a German coordinator's scope)."""
    return {
        "cologne": AdvisoryRequestFactory(
            reference="ADV-2026-0042",
            organisation="Wirtschaftsförderung Köln",
            requester_name="José Müller",
            requester_email="jose.mueller@koeln.example",
            programme_name="Clusterinitiative Rheinland",
            description="Wir möchten unsere Förderung für den Ostseeraum neu ausrichten.",
        ),
        "kiel": AdvisoryRequestFactory(
            reference="ADV-2026-0420",
            organisation="Innovationsagentur Kiel",
            requester_name="Anna Schmidt",
            requester_email="anna@kiel.example",
            programme_name="Maritime Cluster",
            description="Benchmarking der Clustermanager im Ostseeraum.",
            state=S.SCREENING,
        ),
        "older": AdvisoryRequestFactory(
            reference="ADV-2025-0042",
            organisation="Land Brandenburg",
            requester_name="Paul Weber",
            requester_email="weber@brandenburg.example",
            programme_name="Regionale Cluster",
            description="Evaluation der Förderperiode.",
            state=S.CLOSED,
        ),
        "french": AdvisoryRequestFactory(
            reference="ADV-2026-0043",
            country=country("FR"),
            organisation="Wirtschaftsförderung Köln (antenne de Strasbourg)",
            requester_name="José Müller",
            requester_email="jose.mueller@strasbourg.example",
            programme_name="Clusterinitiative Rheinland",
            description="Coopération transfrontalière, Ostseeraum.",
        ),
    }


# Words ---------------------------------------------------------------------------------------------


def test_search_words_fold_case_and_accents_drop_punctuation_and_keep_a_bounded_number():
    assert search_words('  "Müller",  KÖLN; (Łódź) jose@koeln.example  ') == [
        "muller",
        "koln",
        "lodz",
        "jose@koeln.example",
    ]
    assert search_words("a\x00b") == ["a", "b"]
    assert search_words("?! -- ...") == []
    assert len(search_words(" ".join(f"w{n}" for n in range(50)))) == 8


# The queue -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ADV-2026-0042", ["ADV-2026-0042"]),
        ("adv-2026-0042", ["ADV-2026-0042"]),
        ("ADV20260042", ["ADV-2026-0042"]),
        ("2026-0042", ["ADV-2026-0042"]),
        ("20260042", ["ADV-2026-0042"]),
        ("ADV-2026-04", ["ADV-2026-0420"]),
        ("adv-2026", ["ADV-2026-0042", "ADV-2026-0420"]),
        ("0042", ["ADV-2025-0042", "ADV-2026-0042"]),
    ],
)
def test_the_reference_matches_in_full_or_from_its_start_with_or_without_prefix_and_dashes(
    coordinator, requests_de, text, expected
):
    assert found(coordinator, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wirtschaftsforderung koln", ["ADV-2026-0042"]),  # organisation, without accents
        ("WIRTSCHAFTSFÖRDERUNG", ["ADV-2026-0042"]),  # organisation, upper case with accents
        ("jose muller", ["ADV-2026-0042"]),  # requester's name, without accents
        ("Schmidt", ["ADV-2026-0420"]),  # requester's name
        ("weber@brandenburg.example", ["ADV-2025-0042"]),  # requester's e-mail in full
        ("anna@kiel", ["ADV-2026-0420"]),  # start of an e-mail
        ("maritime", ["ADV-2026-0420"]),  # programme
        ("ostseeraum", ["ADV-2026-0042", "ADV-2026-0420"]),  # description
        ("foerderung", []),  # no transliteration: ö is o, not oe
        ("forderperiode", ["ADV-2025-0042"]),  # description without its umlaut
    ],
)
def test_organisation_requester_programme_and_description_match_without_case_or_accents(
    coordinator, requests_de, text, expected
):
    assert found(coordinator, text) == expected


def test_every_word_must_match_somewhere_in_any_field(coordinator, requests_de):
    # "köln" is in the organisation of one, "ostseeraum" in the description of two: only one has both.
    assert found(coordinator, "Köln Ostseeraum") == ["ADV-2026-0042"]
    assert found(coordinator, "Kiel Ostseeraum Benchmarking") == ["ADV-2026-0420"]
    assert found(coordinator, "Kiel Brandenburg") == []


def test_short_words_alone_look_in_the_reference_and_beside_a_longer_word_everywhere(coordinator):
    AdvisoryRequestFactory(reference="ADV-2026-0101", organisation="KI Zentrum", description="KI in Kliniken")
    AdvisoryRequestFactory(reference="ADV-2026-0202", organisation="Agentur", description="Robotik")
    assert found(coordinator, "01") == ["ADV-2026-0101"]
    assert found(coordinator, "ki") == []  # not in any reference
    assert found(coordinator, "ki zentrum") == ["ADV-2026-0101"]
    assert found(coordinator, "ki robotik") == []


def test_a_word_does_not_match_across_two_fields(coordinator):
    AdvisoryRequestFactory(reference="ADV-2026-0777", organisation="Alpha", requester_name="Beta")
    assert found(coordinator, "alpha") == ["ADV-2026-0777"]
    assert found(coordinator, "alphabeta") == []
    assert found(coordinator, "alpha beta") == ["ADV-2026-0777"]


def test_a_search_never_reaches_past_the_coordinators_countries(
    coordinator, other_coordinator, lead, requests_de
):
    # The French request matches every one of these words; only the German coordinator's scope stops it.
    for text in ("Wirtschaftsförderung Köln", "jose muller", "ADV-2026-0043", "Rheinland", "Strasbourg"):
        assert "ADV-2026-0043" not in found(coordinator, text), text
    assert found(coordinator, "Strasbourg") == []
    assert found(other_coordinator, "jose muller") == ["ADV-2026-0043"]
    assert found(other_coordinator, "Ostseeraum") == ["ADV-2026-0043"]
    assert found(lead, "jose muller") == ["ADV-2026-0042", "ADV-2026-0043"]


def test_the_export_applies_the_same_search_in_the_same_scope(coordinator, requests_de):
    rows = selectors.export_rows(coordinator, {"q": "köln"})
    assert [row.reference for row in rows] == ["ADV-2026-0042"]


def test_the_counts_per_state_follow_the_search(coordinator, requests_de):
    page = selectors.queue(coordinator, {"q": "ostseeraum"})
    assert page.counts == {S.SUBMITTED: 1, S.SCREENING: 1}
    assert page.total == 2


def test_a_request_not_yet_submitted_is_never_found(coordinator):
    AdvisoryRequestFactory(state=S.NEW, organisation="Entwurf GmbH")
    assert found(coordinator, "Entwurf") == []


def test_the_queue_page_searches_and_says_so_when_nothing_matches_in_english(login, coordinator, requests_de):
    client = login(coordinator)
    response = client.get(QUEUE, {"q": "Ostseeraum köln"})
    assert [item.reference for item in response.context["queue"].items] == ["ADV-2026-0042"]
    html = client.get(QUEUE, {"q": "Strasbourg"}).content.decode()
    assert "No request you may see matches “Strasbourg” under these filters." in html
    assert "Reference, organisation, requester" in html


def test_the_queue_page_says_so_when_nothing_matches_in_german(login, coordinator, requests_de):
    client = login(coordinator, "de")
    html = client.get(QUEUE, {"q": "Strasbourg"}).content.decode()
    assert "Keine Anfrage, die Sie sehen dürfen, passt mit diesen Filtern zu „Strasbourg“." in html
    assert "Referenznummer, Organisation, anfragende Person" in html


def test_a_long_pasted_text_or_a_nul_byte_still_searches(login, coordinator, requests_de):
    client = login(coordinator)
    long = "Kiel " + "x" * 500
    response = client.get(QUEUE, {"q": long})
    assert response.status_code == 200
    assert response.context["filters"].search.startswith("Kiel")
    # The first words count; the run of x's makes one long word nothing contains.
    assert response.context["queue"].items == []
    # A NUL byte in the address is refused politely before any view (400); the form drops it anyway.
    assert client.get(QUEUE, {"q": "Ki\x00el"}).status_code == 400
    form = QueueFilterForm({"q": "Ki\x00el"}, user=coordinator)
    assert form.queue_filters().search == "Kiel"
    assert found(coordinator, form.queue_filters().search) == ["ADV-2026-0420"]


def test_a_search_of_the_queue_stays_within_a_fixed_query_budget(
    login, coordinator, django_assert_max_num_queries
):
    for index in range(40):
        AdvisoryRequestFactory(
            organisation=f"Clusteragentur Nummer {index}",
            description="Förderung im Ostseeraum",
            areas=["programme-design"],
        )
    client = login(coordinator)
    client.get(QUEUE)
    with django_assert_max_num_queries(25):
        response = client.get(QUEUE, {"q": "clusteragentur ostseeraum"})
    assert response.context["queue"].total == 40


# The experts ---------------------------------------------------------------------------------------


@pytest.fixture
def experts(db):
    return {
        "jurgen": ExpertFactory(
            name="Jürgen Äbelmann",
            email="j.abelmann@example.org",
            employer="Clusterberatung Süd",
            home_country=country("DE"),
            languages=["de", "en"],
            areas=["programme-design"],
        ),
        "zofia": ExpertFactory(
            name="Zofia Łukasiewicz",
            email="zofia@example.pl",
            employer="Fundacja Klastrów",
            home_country=country("PL"),
            languages=["pl", "en"],
            areas=["cluster-benchmarking"],
            countries_known=["DE"],
        ),
        "marie": ExpertFactory(
            name="Marie-Hélène Dubois",
            email="mh.dubois@example.fr",
            employer="Conseil Régional",
            home_country=country("FR"),
            languages=["fr"],
            areas=["internationalisation", "programme-design"],
        ),
        "retired": ExpertFactory(
            name="Jürgen Alt",
            email="alt@example.org",
            employer="",
            home_country=country("AT"),
            languages=["de"],
            areas=[],
            active=False,
        ),
    }


def names(user, text):
    return sorted(expert.name for expert in selectors.expert_directory(user, text).object_list)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jurgen", ["Jürgen Alt", "Jürgen Äbelmann"]),  # name without accents
        ("ABELMANN", ["Jürgen Äbelmann"]),
        ("lukasiewicz", ["Zofia Łukasiewicz"]),  # ł folded
        ("helene", ["Marie-Hélène Dubois"]),
        ("mh.dubois@example.fr", ["Marie-Hélène Dubois"]),  # e-mail
        ("beratung sud", ["Jürgen Äbelmann"]),  # employer
        ("Germany", ["Jürgen Äbelmann"]),  # home country by its English name
        ("germ", ["Jürgen Alt", "Jürgen Äbelmann"]),  # the start of Germany, or of German (a language)
        ("DE", ["Jürgen Alt", "Jürgen Äbelmann"]),  # country code DE or language code de
        ("pl", ["Zofia Łukasiewicz"]),
        ("Polish", ["Zofia Łukasiewicz"]),  # language by its English name
        ("French", ["Marie-Hélène Dubois"]),
        ("benchmarking", ["Zofia Łukasiewicz"]),  # expertise area
        ("programme design", ["Jürgen Äbelmann", "Marie-Hélène Dubois"]),
        ("programme-design", ["Jürgen Äbelmann", "Marie-Hélène Dubois"]),  # the area's code
        ("France programme", ["Marie-Hélène Dubois"]),  # every word must match
        ("Germany benchmarking", []),
        ("nobody", []),
    ],
)
def test_experts_are_found_by_name_country_language_and_expertise_in_english(
    coordinator, experts, text, expected
):
    assert names(coordinator, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deutschland", ["Jürgen Äbelmann"]),
        ("Österreich", ["Jürgen Alt"]),
        ("osterreich", ["Jürgen Alt"]),
        ("Germany", ["Jürgen Äbelmann"]),  # the English name works in a German admin too
        ("Polnisch", ["Zofia Łukasiewicz"]),
        ("Französisch", ["Marie-Hélène Dubois"]),
        ("Programmgestaltung", ["Jürgen Äbelmann", "Marie-Hélène Dubois"]),
        ("gestaltung frankreich", ["Marie-Hélène Dubois"]),
    ],
)
def test_experts_are_found_by_country_language_and_expertise_in_german(
    login, coordinator, experts, text, expected
):
    client = login(coordinator, "de")
    response = client.get(EXPERTS, {"q": text})
    assert sorted(row["expert"].name for row in response.context["experts"]) == expected


def test_the_experts_page_shows_areas_in_the_admins_language_and_says_when_nothing_matches(
    login, coordinator, experts
):
    client = login(coordinator, "de")
    html = client.get(EXPERTS, {"q": "Deutschland"}).content.decode()
    assert "Jürgen Äbelmann" in html and "Programmgestaltung" in html and "Deutsch" in html
    html = client.get(EXPERTS, {"q": "Niemand"}).content.decode()
    assert "Keine Expertin und kein Experte passt zu „Niemand“." in html
    client = login(coordinator, "en")
    html = client.get(EXPERTS, {"q": "Nobody"}).content.decode()
    assert "No expert matches “Nobody”." in html


def test_only_coordinators_may_list_experts(login, experts, coordinator):
    expert_user = ExpertUserFactory()
    for user in (expert_user, editor()):
        assert list(selectors.experts_visible_to(user)) == []
        assert login(user).get(EXPERTS, {"q": "jurgen"}).status_code == 403
    assert login(coordinator).get(EXPERTS, {"q": "jurgen"}).status_code == 200


def test_the_experts_search_stays_within_a_fixed_query_budget(
    login, coordinator, django_assert_max_num_queries
):
    for index in range(30):
        ExpertFactory(
            name=f"Expertin {index}",
            home_country=country("DE"),
            languages=["de", "en"],
            areas=["programme-design", "cluster-benchmarking"],
        )
    client = login(coordinator, "de")
    client.get(EXPERTS)
    with django_assert_max_num_queries(25):
        response = client.get(EXPERTS, {"q": "expertin deutschland programmgestaltung"})
    assert response.context["page"].paginator.count == 30
