"""English judged queries over the demo (see bench.judged)."""

from . import INFLECTED, MISSPELLED, MULTI_WORD, UNACCENTED, q

NEWS = "/en/news/"
CALLS = "/en/calls/"
EVENTS = "/en/events/"
PUBLICATIONS = "/en/publications/"

QUERIES = (
    q(
        "webinars",
        INFLECTED,
        EVENTS + "webinar-preparing-for-the-bronze-label/",
        NEWS + "webinar-preparing-your-cluster-organisation-for-the-bronze-label/",
    ),
    q(
        "matchmaking conferences",
        INFLECTED,
        NEWS + "2nd-bsr-stars-cluster-to-cluster-conference-and-matchmaking-in-berlin/",
        EVENTS + "2nd-bsr-stars-cluster-to-cluster-conference-and-matchmaking/",
    ),
    q(
        "Baltic seed money",
        MULTI_WORD,
        CALLS + "interreg-baltic-sea-region-seed-money-for-cluster-cooperation/",
    ),
    q(
        "creative industry",
        INFLECTED,
        NEWS + "new-study-clusters-and-cross-innovation-between-creative-and/",
        CALLS + "horizon-europe-cross-innovation-pilots-between-creative-and/",
        PUBLICATIONS + "clusters-and-cross-innovation-between-creative-and-traditional/",
    ),
    q(
        "internationalization partnerships",
        MISSPELLED,
        CALLS + "cluster-partnerships-for-internationalisation/",
        NEWS + "call-open-cluster-partnerships-for-internationalisation/",
    ),
    q(
        "Poles de competitivite",
        UNACCENTED,
        PUBLICATIONS + "benchmarking-of-71-cluster-organisations-of-the-french-poles-de/",
        NEWS + "french-government-publishes-esca-benchmarking-of-71-cluster/",
    ),
    q(
        "cluster monitr",
        MISSPELLED,
        NEWS + "cluster-monitor-germany-trends-and-prospects-of-clusters-in-germany/",
        PUBLICATIONS + "cluster-monitor-germany-trends-and-prospects-of-clusters-in-germany/",
    ),
    q(
        "stakeholder workshops Brussels",
        INFLECTED,
        NEWS + "stakeholder-workshop-in-brussels-on-the-eu-agenda-for-cluster/",
        EVENTS + "moving-forward-the-eu-policy-agenda-on-cluster-excellence/",
    ),
    q("personal data", MULTI_WORD, "/en/privacy/"),
    q(
        "experts in 27 countries",
        MULTI_WORD,
        NEWS + "one-network-27-countries-the-experts-behind-esca/",
        "/en/network/",
    ),
    q(
        "designing cluster programmes",
        INFLECTED,
        EVENTS + "workshop-designing-the-next-generation-of-cluster-programmes/",
    ),
    q(
        "improving performance of cluster management organisations",
        MULTI_WORD,
        NEWS + "new-study-improving-the-performance-of-cluster-management/",
        PUBLICATIONS + "new-approaches-to-improve-the-performance-of-cluster-management/",
    ),
    q(
        "COSME call 2014",
        MULTI_WORD,
        CALLS + "cosme-cluster-excellence-programme-2014/",
        NEWS + "new-cluster-excellence-programme-cosme-call-open-until-29-october-2014/",
    ),
    q("Gold label assessors", INFLECTED, "/en/services/"),
    q(
        "benchmarkng French government",
        MISSPELLED,
        NEWS + "french-government-publishes-esca-benchmarking-of-71-cluster/",
    ),
    # Plurals the pages write in the singular ("New study: ..."); the listings say "new studies".
    q(
        "new studies",
        INFLECTED,
        NEWS + "new-study-clusters-and-cross-innovation-between-creative-and/",
        NEWS + "new-study-improving-the-performance-of-cluster-management/",
    ),
)
