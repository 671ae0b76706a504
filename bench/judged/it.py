"""Italian judged queries over the demo (see bench.judged)."""

from . import INFLECTED, MISSPELLED, MULTI_WORD, UNACCENTED, q

NEWS = "/it/notizie/"
CALLS = "/it/inviti/"
EVENTS = "/it/eventi/"
PUBLICATIONS = "/it/pubblicazioni/"

QUERIES = (
    q(
        "esperto 27 paesi",
        INFLECTED,
        NEWS + "una-rete-27-paesi-gli-esperti-dietro-esca/",
        "/it/rete/",
    ),
    q(
        "innovazione incrociata",
        MULTI_WORD,
        NEWS + "nuovo-studio-i-cluster-e-l-innovazione-incrociata-tra-industrie/",
        CALLS + "orizzonte-europa-progetti-pilota-di-innovazione-incrociata-tra/",
        PUBLICATIONS + "cluster-e-innovazione-incrociata-tra-industrie-creative-e-tradizionali/",
    ),
    q(
        "conferenze matchmaking",
        INFLECTED,
        NEWS + "2a-conferenza-e-matchmaking-tra-cluster-bsr-stars-a-berlino/",
        EVENTS + "2a-conferenza-e-matchmaking-tra-cluster-bsr-stars/",
    ),
    q(
        "cooperazione Mar Baltico",
        MULTI_WORD,
        CALLS + "interreg-regione-del-mar-baltico-capitale-di-avviamento-per-la/",
    ),
    q(
        "portatore di interesse Bruxelles",
        INFLECTED,
        NEWS + "workshop-con-i-portatori-di-interesse-a-bruxelles-sull-agenda-dell-ue/",
        EVENTS + "portare-avanti-l-agenda-politica-dell-ue-sull-eccellenza-dei-cluster/",
        PUBLICATIONS + "l-eccellenza-dei-cluster-dopo-il-2014-le-lezioni-dell-iniziativa/",
    ),
    q(
        "prestazione organizzazioni di gestione",
        INFLECTED,
        NEWS + "nuovo-studio-migliorare-le-prestazioni-delle-organizzazioni-di/",
        PUBLICATIONS + "nuovi-approcci-per-migliorare-le-prestazioni-delle-organizzazioni-di/",
    ),
    q(
        "internazionalizzazione PMI",
        MULTI_WORD,
        CALLS + "partenariati-tra-cluster-per-l-internazionalizzazione/",
        NEWS + "invito-aperto-partenariati-tra-cluster-per-l-internazionalizzazione/",
    ),
    q(
        "marchi Bronzo webinar",
        INFLECTED,
        EVENTS + "webinar-prepararsi-al-marchio-bronzo/",
        NEWS + "webinar-come-preparare-la-propria-organizzazione-di-cluster-al/",
    ),
    q(
        "tendenza cluster Germania",
        INFLECTED,
        NEWS + "cluster-monitor-germania-tendenze-e-prospettive-dei-cluster-in/",
        PUBLICATIONS + "cluster-monitor-germania-tendenze-e-prospettive-dei-cluster-in/",
    ),
    q(
        "eccelenza COSME",
        MISSPELLED,
        CALLS + "cosme-programma-per-l-eccellenza-dei-cluster-2014/",
        NEWS + "nuovo-programma-per-l-eccellenza-dei-cluster-invito-cosme-aperto-fino/",
    ),
    q("dati personali", MULTI_WORD, "/it/privacy/"),
    q(
        "francese Poles de competitivite",
        UNACCENTED,
        PUBLICATIONS + "benchmarking-di-71-organizzazioni-di-cluster-dei-poles-de/",
        NEWS + "il-governo-francese-pubblica-il-benchmarking-esca-di-71/",
    ),
    q(
        "progettare programmi per i cluster",
        INFLECTED,
        EVENTS + "workshop-progettare-la-prossima-generazione-di-programmi-per-i-cluster/",
    ),
    q(
        "attivita COSME agenda",
        UNACCENTED,
        NEWS + "workshop-con-i-portatori-di-interesse-a-bruxelles-sull-agenda-dell-ue/",
        EVENTS + "portare-avanti-l-agenda-politica-dell-ue-sull-eccellenza-dei-cluster/",
    ),
    q(
        "capitale di aviamento",
        MISSPELLED,
        CALLS + "interreg-regione-del-mar-baltico-capitale-di-avviamento-per-la/",
    ),
    # Plurals the pages write in the singular ("Nuovo studio: ..."); the listing says "nuovi studi".
    q(
        "nuovi studi",
        INFLECTED,
        NEWS + "nuovo-studio-i-cluster-e-l-innovazione-incrociata-tra-industrie/",
        NEWS + "nuovo-studio-migliorare-le-prestazioni-delle-organizzazioni-di/",
    ),
)
