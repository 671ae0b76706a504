"""French judged queries over the demo (see bench.judged)."""

from . import INFLECTED, MISSPELLED, MULTI_WORD, UNACCENTED, q

NEWS = "/fr/actualites/"
CALLS = "/fr/appels/"
EVENTS = "/fr/evenements/"
PUBLICATIONS = "/fr/publications/"

QUERIES = (
    q(
        "etude innovation croisee",
        UNACCENTED,
        NEWS + "nouvelle-etude-les-clusters-et-linnovation-croisee-entre-industries/",
        PUBLICATIONS + "clusters-et-innovation-croisee-entre-industries-creatives-et/",
        CALLS + "horizon-europe-projets-pilotes-dinnovation-croisee-entre-industries/",
    ),
    q(
        "cooperation mer Baltique",
        UNACCENTED,
        CALLS + "interreg-region-de-la-mer-baltique-fonds-damorcage-pour-la/",
    ),
    q(
        "webinaires",
        INFLECTED,
        EVENTS + "webinaire-se-preparer-au-label-bronze/",
        NEWS + "webinaire-preparer-votre-organisation-de-cluster-au-label-bronze/",
    ),
    q(
        "conférences matchmaking",
        INFLECTED,
        NEWS + "2e-conference-et-matchmaking-cluster-a-cluster-bsr-stars-a-berlin/",
        EVENTS + "2e-conference-et-matchmaking-cluster-a-cluster-bsr-stars/",
    ),
    q(
        "ateliers Bruxelles",
        INFLECTED,
        NEWS + "atelier-des-parties-prenantes-a-bruxelles-sur-lagenda-europeen-de/",
        EVENTS + "faire-avancer-lagenda-politique-europeen-de-lexcellence-des-clusters/",
        PUBLICATIONS + "lexcellence-des-clusters-apres-2014-les-lecons-de-linitiative/",
    ),
    q(
        "evaluation poles de competitivite",
        UNACCENTED,
        PUBLICATIONS + "benchmarking-de-71-organisations-de-clusters-des-poles-de/",
        NEWS + "le-gouvernement-francais-publie-le-benchmarking-esca-de-71/",
    ),
    q("donnees personnelles", UNACCENTED, "/fr/protection-des-donnees/"),
    q(
        "experts de 27 pays",
        MULTI_WORD,
        NEWS + "un-reseau-27-pays-les-experts-derriere-esca/",
        "/fr/reseau/",
    ),
    q(
        "internationalisation des PME",
        MULTI_WORD,
        CALLS + "partenariats-de-clusters-pour-linternationalisation/",
        NEWS + "appel-ouvert-partenariats-de-clusters-pour-linternationalisation/",
    ),
    q(
        "performances des organisations de management",
        INFLECTED,
        NEWS + "nouvelle-etude-ameliorer-la-performance-des-organisations-de/",
        PUBLICATIONS + "nouvelles-approches-pour-ameliorer-la-performance-des-organisations/",
    ),
    q(
        "tendences Allemagne",
        MISSPELLED,
        NEWS + "cluster-monitor-allemagne-tendances-et-perspectives-des-clusters-en/",
        PUBLICATIONS + "cluster-monitor-allemagne-tendances-et-perspectives-des-clusters-en/",
    ),
    q(
        "labellisation COSME",
        MULTI_WORD,
        CALLS + "cosme-programme-pour-lexcellence-des-clusters-2014/",
        NEWS + "nouveau-programme-pour-lexcellence-des-clusters-appel-cosme-ouvert/",
    ),
    q(
        "prochaine generation de programmes",
        UNACCENTED,
        EVENTS + "atelier-concevoir-la-prochaine-generation-de-programmes-de-clusters/",
    ),
    q("fonds d'amorcage", UNACCENTED, CALLS + "interreg-region-de-la-mer-baltique-fonds-damorcage-pour-la/"),
    q("mentions legales editeur", UNACCENTED, "/fr/mentions-legales/"),
    q(
        "gouvernment français benchmarking",
        MISSPELLED,
        NEWS + "le-gouvernement-francais-publie-le-benchmarking-esca-de-71/",
    ),
    # Plurals the pages write in the singular ("Nouvelle étude : ..."); the listing says "nouvelles études".
    q(
        "nouvelles études",
        INFLECTED,
        NEWS + "nouvelle-etude-les-clusters-et-linnovation-croisee-entre-industries/",
        NEWS + "nouvelle-etude-ameliorer-la-performance-des-organisations-de/",
    ),
)
