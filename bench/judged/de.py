"""German judged queries over the demo (see bench.judged)."""

from . import COMPOUND, INFLECTED, MISSPELLED, MULTI_WORD, UNACCENTED, q

NEWS = "/de/aktuelles/"
CALLS = "/de/ausschreibungen/"
EVENTS = "/de/veranstaltungen/"
PUBLICATIONS = "/de/publikationen/"

QUERIES = (
    q(
        "Konferenzen",
        INFLECTED,
        NEWS + "2-bsr-stars-konferenz-und-cluster-matchmaking-in-berlin/",
        EVENTS + "2-bsr-stars-konferenz-mit-cluster-matchmaking/",
    ),
    # "Ostseeraum" is the only word the demo has for the Baltic Sea region.
    q("Ostsee", COMPOUND, CALLS + "interreg-ostseeraum-startkapital-fur-clusterkooperationen/"),
    q(
        "Brussel Workshop",
        UNACCENTED,
        NEWS + "stakeholder-workshop-in-brussel-zur-eu-agenda-fur-clusterexzellenz/",
        EVENTS + "die-eu-agenda-fur-clusterexzellenz-voranbringen/",
    ),
    q(
        "kreative Branchen",
        COMPOUND,
        NEWS + "neue-studie-cluster-und-cross-innovation-zwischen-kreativwirtschaft/",
        CALLS + "horizont-europa-cross-innovation-piloten-zwischen-kreativwirtschaft/",
        PUBLICATIONS + "cluster-und-cross-innovation-zwischen-kreativwirtschaft-und/",
    ),
    q(
        "Lehren Clusterexzellenz",
        INFLECTED,
        PUBLICATIONS + "clusterexzellenz-nach-2014-lehren-aus-der-european-cluster-excellence/",
        NEWS + "stakeholder-workshop-in-brussel-zur-eu-agenda-fur-clusterexzellenz/",
    ),
    q(
        "Partnerschaft Internationalisierung",
        INFLECTED,
        CALLS + "clusterpartnerschaften-fur-die-internationalisierung/",
        NEWS + "ausschreibung-geoffnet-clusterpartnerschaften-fur-die/",
    ),
    q(
        "Startkapital Ostseeraum",
        MULTI_WORD,
        CALLS + "interreg-ostseeraum-startkapital-fur-clusterkooperationen/",
    ),
    q(
        "Webinare Bronze-Label",
        INFLECTED,
        EVENTS + "webinar-vorbereitung-auf-das-bronze-label/",
        NEWS + "webinar-ihre-clusterorganisation-auf-das-bronze-label-vorbereiten/",
    ),
    q(
        "Leistungsfahigkeit Clustermanagementorganisationen",
        UNACCENTED,
        NEWS + "neue-studie-die-leistungsfahigkeit-von/",
        PUBLICATIONS + "neue-ansatze-zur-verbesserung-der-leistungsfahigkeit-von/",
    ),
    q(
        "Fachleute in 27 Ländern",
        MULTI_WORD,
        NEWS + "ein-netzwerk-27-lander-die-fachleute-hinter-esca/",
        "/de/netzwerk/",
    ),
    q(
        "Clustermonitr",
        MISSPELLED,
        NEWS + "clustermonitor-deutschland-trends-und-perspektiven-von-clustern-in/",
        PUBLICATIONS + "clustermonitor-deutschland-trends-und-perspektiven-von-clustern-in/",
    ),
    q("personenbezogene Daten", MULTI_WORD, "/de/datenschutz/"),
    q(
        "franzosische Regierung Benchmarking",
        UNACCENTED,
        NEWS + "franzosische-regierung-veroffentlicht-esca-benchmarking-von-71/",
        PUBLICATIONS + "benchmarking-von-71-clusterorganisationen-der-franzosischen-poles-de/",
    ),
    q(
        "Clusterprogramme gestalten",
        INFLECTED,
        EVENTS + "workshop-die-nachste-generation-von-clusterprogrammen-gestalten/",
    ),
    q(
        "COSME Ausschreibnug",
        MISSPELLED,
        CALLS + "cosme-programm-fur-clusterexzellenz-2014/",
        NEWS + "neues-programm-fur-clusterexzellenz-cosme-ausschreibung-bis-29/",
    ),
    # "ESCA-Gutachter" and "ESCA-Gutachterin" on the services page only.
    q("Gutachter Gold", COMPOUND, "/de/leistungen/"),
    # Plurals the pages write in the singular ("Neue Studie: ..."); the listings say "neue Studien".
    q(
        "neue Studien",
        INFLECTED,
        NEWS + "neue-studie-cluster-und-cross-innovation-zwischen-kreativwirtschaft/",
        NEWS + "neue-studie-die-leistungsfahigkeit-von/",
    ),
    q(
        "Webinare",
        INFLECTED,
        EVENTS + "webinar-vorbereitung-auf-das-bronze-label/",
        NEWS + "webinar-ihre-clusterorganisation-auf-das-bronze-label-vorbereiten/",
    ),
)
