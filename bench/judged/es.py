"""Spanish judged queries over the demo (see bench.judged)."""

from . import INFLECTED, MISSPELLED, MULTI_WORD, UNACCENTED, q

NEWS = "/es/noticias/"
CALLS = "/es/convocatorias/"
EVENTS = "/es/eventos/"
PUBLICATIONS = "/es/publicaciones/"

QUERIES = (
    q(
        "tendencias clusteres Alemania",
        UNACCENTED,
        NEWS + "cluster-monitor-alemania-tendencias-y-perspectivas-de-los-clusteres/",
        PUBLICATIONS + "cluster-monitor-alemania-tendencias-y-perspectivas-de-los-clusteres/",
    ),
    q(
        "innovacion cruzada",
        UNACCENTED,
        NEWS + "nuevo-estudio-los-clusteres-y-la-innovacion-cruzada-entre-las/",
        CALLS + "horizonte-europa-proyectos-piloto-de-innovacion-cruzada-entre/",
        PUBLICATIONS + "clusteres-e-innovacion-cruzada-entre-industrias-creativas-y/",
    ),
    q(
        "seminarios web",
        INFLECTED,
        EVENTS + "seminario-web-prepararse-para-el-sello-bronce/",
        NEWS + "seminario-web-como-preparar-su-organizacion-de-cluster-para-el-sello/",
    ),
    q(
        "conferencias matchmaking",
        INFLECTED,
        NEWS + "2a-conferencia-y-matchmaking-entre-clusteres-bsr-stars-en-berlin/",
        EVENTS + "2a-conferencia-y-matchmaking-entre-clusteres-bsr-stars/",
    ),
    q(
        "talleres Bruselas",
        INFLECTED,
        NEWS + "taller-de-partes-interesadas-en-bruselas-sobre-la-agenda-de-la-ue/",
        EVENTS + "impulsar-la-agenda-politica-de-la-ue-sobre-la-excelencia-de-los/",
        PUBLICATIONS + "la-excelencia-de-los-clusteres-despues-de-2014-lecciones-de-la/",
    ),
    q(
        "cooperacion mar Baltico",
        UNACCENTED,
        CALLS + "interreg-region-del-mar-baltico-capital-inicial-para-la-cooperacion/",
    ),
    q(
        "internacionalizacion de pymes",
        UNACCENTED,
        CALLS + "asociaciones-de-clusteres-para-la-internacionalizacion/",
        NEWS + "convocatoria-abierta-asociaciones-de-clusteres-para-la/",
    ),
    q(
        "rendimiento organizaciones de gestión",
        MULTI_WORD,
        NEWS + "nuevo-estudio-mejorar-el-rendimiento-de-las-organizaciones-de-gestion/",
        PUBLICATIONS + "nuevos-enfoques-para-mejorar-el-rendimiento-de-las-organizaciones-de/",
    ),
    q(
        "expertos de 27 países",
        MULTI_WORD,
        NEWS + "una-red-27-paises-los-expertos-que-hay-detras-de-esca/",
        "/es/red/",
    ),
    q(
        "exelencia COSME",
        MISSPELLED,
        CALLS + "cosme-programa-de-excelencia-de-clusteres-2014/",
        NEWS + "nuevo-programa-de-excelencia-de-clusteres-convocatoria-de-cosme/",
    ),
    q("datos personales", MULTI_WORD, "/es/privacidad/"),
    q(
        "gobierno frances Poles de competitivite",
        UNACCENTED,
        NEWS + "el-gobierno-frances-publica-el-benchmarking-de-esca-de-71/",
        PUBLICATIONS + "benchmarking-de-71-organizaciones-de-clusteres-de-los-poles-de/",
    ),
    q(
        "disenar programas de clusteres",
        UNACCENTED,
        EVENTS + "taller-disenar-la-proxima-generacion-de-programas-de-clusteres/",
    ),
    q(
        "seminario sellos Bronce",
        INFLECTED,
        EVENTS + "seminario-web-prepararse-para-el-sello-bronce/",
        NEWS + "seminario-web-como-preparar-su-organizacion-de-cluster-para-el-sello/",
    ),
    q(
        "capital incial Baltico",
        MISSPELLED,
        CALLS + "interreg-region-del-mar-baltico-capital-inicial-para-la-cooperacion/",
    ),
    # Plurals the pages write in the singular ("Nuevo estudio: ..."); the listing says "nuevos estudios".
    q(
        "nuevos estudios",
        INFLECTED,
        NEWS + "nuevo-estudio-los-clusteres-y-la-innovacion-cruzada-entre-las/",
        NEWS + "nuevo-estudio-mejorar-el-rendimiento-de-las-organizaciones-de-gestion/",
    ),
)
