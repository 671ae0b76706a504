"""What the benchmarks share: bench data builders, percentiles and query counts.

The data are bench data only: rows are written with `bulk_create` (and many-to-many rows through
their through models), states included, without the process engine, so that 100,000 requests take
seconds to build. Nothing here is a fixture of the test suite; `pytest` alone never collects bench/.

BENCH_SCALE (default 1.0) multiplies the sizes, e.g. BENCH_SCALE=0.1 for a quick run on SQLite.
The recorded figures come from PostgreSQL at scale 1.0 (see RESULTS.md).
"""

import math
import os
import random
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advisory.choices import AssignmentRole, BudgetBand, CertificationType, ProgrammeLevel, ServiceType
from advisory.models import (
    AdvisoryRequest,
    Assignment,
    CoordinatorProfile,
    Expert,
    ExpertiseArea,
    Language,
    NetworkCountry,
    UnavailablePeriod,
)
from advisory.roles import COORDINATORS, LEAD_COORDINATORS

SCALE = float(os.environ.get("BENCH_SCALE", "1.0"))
SEED = 20260101
EXPERT_DOMAIN = "@experts.example"
BATCH = 2000

NATIVE_LANGUAGE = {
    "AT": "de", "BE": "nl", "BG": "bg", "CY": "el", "CZ": "cs", "DE": "de", "DK": "da", "EE": "et",
    "ES": "es", "FI": "fi", "FR": "fr", "GR": "el", "HR": "hr", "HU": "hu", "IE": "en", "IT": "it",
    "LT": "lt", "LU": "fr", "LV": "lv", "MT": "mt", "NL": "nl", "PL": "pl", "PT": "pt", "RO": "ro",
    "SE": "sv", "SI": "sl", "SK": "sk",
}  # fmt: skip


def scaled(n):
    return max(1, round(n * SCALE))


# --------------------------------------------------------------------------- measuring


def percentile(data, share):
    """The nearest-rank percentile of `data` (seconds), e.g. share=0.95 for p95."""
    ordered = sorted(data)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def record_percentiles(benchmark):
    """Put p50 and p95 (milliseconds) of the rounds just measured into the benchmark's extra_info."""
    data = benchmark.stats.stats.data
    benchmark.extra_info["p50_ms"] = round(percentile(data, 0.50) * 1000, 2)
    benchmark.extra_info["p95_ms"] = round(percentile(data, 0.95) * 1000, 2)
    benchmark.extra_info["mean_ms"] = round(sum(data) / len(data) * 1000, 2)
    benchmark.extra_info["rounds"] = len(data)


def count_queries(function, *args, **kwargs):
    """The number of SQL queries one call makes, and its result."""
    with CaptureQueriesContext(connection) as captured:
        result = function(*args, **kwargs)
    return len(captured.captured_queries), result


def vacuum_analyze(*models):
    """After a bulk load, what autovacuum soon does on a live database: statistics for the planner and
    the visibility map for index-only scans (PostgreSQL; needs autocommit, as module fixtures have)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f'VACUUM ANALYZE "{model._meta.db_table}"')


def bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


# --------------------------------------------------------------------------- matching data


@dataclass
class MatchingData:
    request: AdvisoryRequest
    experts: int
    open_assignments: int
    request_ids: list

    def delete(self):
        """Remove what `build_matching_data` wrote, so the queue benchmark counts only its own requests."""
        Assignment.objects.filter(request_id__in=self.request_ids).delete()
        AdvisoryRequest.objects.filter(pk__in=self.request_ids).delete()
        Expert.objects.filter(email__endswith=EXPERT_DOMAIN).delete()


def build_matching_data(n_experts):
    """`n_experts` experts across the network, a workload of open assignments, and one request to staff."""
    rng = random.Random(SEED)
    countries = list(NetworkCountry.objects.all())
    areas = list(ExpertiseArea.objects.canonical())
    languages = list(Language.objects.values_list("code", flat=True))
    certifications = list(CertificationType.values)
    employers = [f"Bench Consultancy {i:03d}" for i in range(500)]
    germany = next(country for country in countries if country.code == "DE")

    experts = bulk(
        Expert,
        [
            Expert(
                name=f"Bench Expert {i:05d}",
                email=f"bench.expert{i}{EXPERT_DOMAIN}",
                home_country=rng.choice(countries),
                employer=rng.choice(employers),
                capacity=rng.choice((1, 2, 2, 3)),
                active=rng.random() > 0.05,
            )
            for i in range(n_experts)
        ],
    )
    language_rows, area_rows, certification_rows, country_rows = [], [], [], []
    for expert in experts:
        spoken = {NATIVE_LANGUAGE[expert.home_country.code]}
        if rng.random() < 0.85:
            spoken.add("en")
        spoken.update(rng.sample(languages, rng.randint(0, 2)))
        language_rows += [Expert.languages.through(expert_id=expert.pk, language_id=code) for code in spoken]
        area_rows += [
            Expert.expertise_areas.through(expert_id=expert.pk, expertisearea_id=area.pk)
            for area in rng.sample(areas, rng.randint(1, 4))
        ]
        certification_rows += [
            Expert.certifications.through(expert_id=expert.pk, certification_id=code)
            for code in rng.sample(certifications, rng.choice((0, 0, 1, 1, 2)))
        ]
        country_rows += [
            Expert.countries_known.through(expert_id=expert.pk, networkcountry_id=country.pk)
            for country in rng.sample(countries, rng.randint(0, 3))
            if country.pk != expert.home_country_id
        ]
    bulk(Expert.languages.through, language_rows)
    bulk(Expert.expertise_areas.through, area_rows)
    bulk(Expert.certifications.through, certification_rows)
    bulk(Expert.countries_known.through, country_rows)

    today = timezone.localdate()
    start, end = today + timedelta(days=30), today + timedelta(days=150)
    bulk(
        UnavailablePeriod,
        [
            UnavailablePeriod(
                expert=expert,
                start=start + timedelta(days=rng.randint(-60, 100)),
                end=start + timedelta(days=rng.randint(101, 200)),
                note="bench",
            )
            for expert in rng.sample(experts, len(experts) // 30)
        ],
    )

    # The workload: running engagements elsewhere, so capacity is computed over real rows.
    now = timezone.now()
    running = bulk(
        AdvisoryRequest,
        [
            # References far above the queue benchmark's, so both data sets can share a database.
            _request(
                rng, 800_000 + i, countries, now, state=rng.choice(("accepted", "in_progress", "on_hold"))
            )
            for i in range(max(1, len(experts) // 10))
        ],
    )
    assignments = []
    for request in running:
        for expert in rng.sample(experts, 3):
            assignments.append(
                Assignment(
                    request=request,
                    expert=expert,
                    role=AssignmentRole.MEMBER,
                    state=rng.choice(("invited", "accepted", "accepted")),
                )
            )
    bulk(Assignment, assignments)

    # The request to staff: German, two areas, an evaluation (which counts the evaluator certificate).
    request = AdvisoryRequest(
        **_fields(rng, 999_999, germany, now, state="accepted"),
        organisation=employers[7],
        working_language="de",
        service_type=ServiceType.PROGRAMME_EVALUATION,
        desired_start=start,
        desired_end=end,
    )
    request.save()
    request.expertise_areas.set(
        [area for area in areas if area.code in ("programme-evaluation", "smart-specialisation")]
    )
    here = rng.sample(experts, 30)
    bulk(
        Assignment,
        [
            Assignment(request=request, expert=expert, role=AssignmentRole.MEMBER, state=state)
            for expert, state in zip(
                here, ["declined"] * 10 + ["expired"] * 10 + ["invited"] * 10, strict=True
            )
        ],
    )
    vacuum_analyze(
        Expert,
        Expert.languages.through,
        Expert.expertise_areas.through,
        Expert.certifications.through,
        Expert.countries_known.through,
        UnavailablePeriod,
        AdvisoryRequest,
        Assignment,
    )
    return MatchingData(
        request=request,
        experts=len(experts),
        open_assignments=len(assignments) + 10,
        request_ids=[r.pk for r in running] + [request.pk],
    )


# --------------------------------------------------------------------------- queue data

# How 100,000 requests of a network a few years old spread over the states.
STATE_WEIGHTS = {
    "submitted": 3,
    "screening": 3,
    "awaiting_info": 2,
    "accepted": 3,
    "team_proposed": 2,
    "in_progress": 8,
    "on_hold": 1,
    "delivered": 3,
    "declined": 10,
    "closed": 55,
    "withdrawn": 10,
}
OPEN_WITH_SLA = ("submitted", "screening")


def _fields(rng, i, country, now, state):
    submitted = now - timedelta(
        days=rng.uniform(0, 60) if state in AdvisoryRequest.OPEN_STATES else rng.uniform(0, 3 * 365)
    )
    return {
        "reference": f"ADV-{submitted.year}-{i:06d}",
        "state": state,
        "requester_name": "Bench Requester",
        "requester_email": f"requester{i % 20000}@bench.example",
        "country": country,
        "programme_name": f"Bench Programme {i}",
        "programme_level": rng.choice(ProgrammeLevel.values),
        "budget_band": rng.choice(BudgetBand.values),
        "description": "A request written for the benchmark.",
        "privacy_consent_at": submitted,
        "submitted_at": submitted,
        "created_at": submitted,
        # The SLA runs while a request waits for screening or a decision: some are past it.
        "sla_due_at": submitted + timedelta(days=14) if state in OPEN_WITH_SLA else None,
        "closed_at": submitted + timedelta(days=90) if state in AdvisoryRequest.TERMINAL_STATES else None,
    }


def _request(rng, i, countries, now, state, owners=()):
    return AdvisoryRequest(
        **_fields(rng, i, rng.choice(countries), now, state),
        organisation=f"Bench Organisation {i % 3000}",
        service_type=rng.choice(ServiceType.values),
        working_language="en",
        owner=rng.choice(owners) if owners and state != "submitted" else None,
    )


@dataclass
class QueueData:
    lead: object
    coordinator: object
    requests: int


def _coordinator(username, codes, lead=False):
    user = get_user_model().objects.create_user(username=username, email=f"{username}@bench.example")
    user.groups.add(Group.objects.get(name=LEAD_COORDINATORS if lead else COORDINATORS))
    profile = CoordinatorProfile.objects.create(user=user, is_lead=lead)
    profile.countries.set(NetworkCountry.objects.filter(country__in=codes))
    return user


def build_queue_data(n_requests):
    """`n_requests` requests in every state across the network, owned by five coordinators."""
    rng = random.Random(SEED + 1)
    countries = list(NetworkCountry.objects.all())
    areas = list(ExpertiseArea.objects.canonical())
    lead = _coordinator("bench-lead", [], lead=True)
    coordinator = _coordinator("bench-coordinator", ["DE", "AT", "BE", "DK", "LU", "NL"])
    owners = [lead, coordinator] + [_coordinator(f"bench-coordinator-{n}", []) for n in range(3)]
    states = rng.choices(list(STATE_WEIGHTS), weights=list(STATE_WEIGHTS.values()), k=n_requests)
    now = timezone.now()
    Through = AdvisoryRequest.expertise_areas.through
    for first in range(0, n_requests, 10 * BATCH):
        chunk = bulk(
            AdvisoryRequest,
            [
                _request(rng, i, countries, now, states[i], owners)
                for i in range(first, min(first + 10 * BATCH, n_requests))
            ],
        )
        bulk(
            Through,
            [
                Through(advisoryrequest_id=request.pk, expertisearea_id=area.pk)
                for request in chunk
                for area in rng.sample(areas, rng.randint(1, 2))
            ],
        )
    vacuum_analyze(AdvisoryRequest, Through)
    return QueueData(lead=lead, coordinator=coordinator, requests=n_requests)
