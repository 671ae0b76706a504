# Prose in six languages: line length is not worth splitting sentences over.
# ruff: noqa: E501
"""The demo site as data: English texts with German and French translations throughout,
and Spanish, Italian and Polish for the home and About pages.

Facts (dates, places, figures) follow the public ESCA page of 2014 the platform grew from,
told in our own words. Publication dates of the 2014 news follow the order of that page.
Calls and events marked with Rel/RelDate are placed relative to the day of loading so that
the site always shows open, closing and forthcoming calls and upcoming events.
"""

from .specs import (
    ALL_TARGETS,
    BeforeDeadline,
    Demo,
    DocumentSpec,
    PageSpec,
    Rel,
    RelDate,
    SnippetSpec,
    agenda_item,
    brussels,
    cta,
    date,
    deadline,
    document,
    document_block,
    heading,
    page,
    paragraph,
    programme,
    quote,
    related_document,
    related_page,
    service,
    time,
    topic,
)
from .texts import T, same

EU27 = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
]  # fmt: skip
EU28_2014 = sorted([*EU27, "GB"])
BALTIC_SEA_REGION = ["DE", "DK", "EE", "FI", "LT", "LV", "PL", "SE"]

ESCA = same("ESCA")
# Authors of the publications: the acronym stays, the name is said in each language.
ESCA_FULL = T(
    "ESCA – European Secretariat for Cluster Analysis",
    de="ESCA – Europäisches Sekretariat für Clusteranalyse",
    fr="ESCA – Secrétariat européen pour l'analyse des clusters",
    es="ESCA – Secretariado Europeo de Análisis de Clústeres",
    it="ESCA – Segretariato europeo per l'analisi dei cluster",
    pl="ESCA – Europejski Sekretariat Analizy Klastrów",
)
VDI_VDE_IT = same("VDI/VDE Innovation + Technik GmbH")
BERLIN = same("Berlin")
BRUSSELS_CITY = T("Brussels", de="Brüssel", fr="Bruxelles")

# --------------------------------------------------------------------------- snippets

PROGRAMMES = [
    SnippetSpec(
        "cosme",
        "Programme",
        {
            "name": same("COSME"),
            "description": T(
                "The EU programme for the competitiveness of enterprises and SMEs (2014–2020). "
                "It carried the European work on cluster excellence forward after the "
                "Competitiveness and Innovation Programme.",
                de="Das EU-Programm für die Wettbewerbsfähigkeit von Unternehmen und KMU (2014–2020). "
                "Es führte die europäische Arbeit zur Clusterexzellenz nach dem Programm für "
                "Wettbewerbsfähigkeit und Innovation fort.",
                fr="Le programme de l'UE pour la compétitivité des entreprises et des PME (2014-2020). "
                "Il a prolongé le travail européen sur l'excellence des clusters après le "
                "programme pour la compétitivité et l'innovation.",
            ),
            "url": "",
        },
    ),
    SnippetSpec(
        "horizon-europe",
        "Programme",
        {
            "name": same("Horizon Europe"),
            "description": T(
                "The EU's framework programme for research and innovation (2021–2027).",
                de="Das Rahmenprogramm der EU für Forschung und Innovation (2021–2027).",
                fr="Le programme-cadre de l'UE pour la recherche et l'innovation (2021-2027).",
            ),
            "url": "https://research-and-innovation.ec.europa.eu/funding/funding-opportunities/"
            "funding-programmes-and-open-calls/horizon-europe_en",
        },
    ),
    SnippetSpec(
        "interreg",
        "Programme",
        {
            "name": same("Interreg"),
            "description": T(
                "European territorial cooperation: programmes that fund projects across borders, "
                "among them the Interreg Baltic Sea Region programme.",
                de="Europäische territoriale Zusammenarbeit: Programme, die grenzüberschreitende "
                "Projekte fördern, darunter das Programm Interreg Ostseeraum.",
                fr="La coopération territoriale européenne : des programmes qui financent des "
                "projets transfrontaliers, dont le programme Interreg Région de la mer Baltique.",
            ),
            "url": "https://interreg.eu/",
        },
    ),
    SnippetSpec(
        "single-market",
        "Programme",
        {
            "name": T(
                "Single Market Programme",
                de="Binnenmarktprogramm",
                fr="Programme pour le marché unique",
            ),
            "description": T(
                "The EU programme that continues COSME's support for SMEs and clusters since 2021.",
                de="Das EU-Programm, das seit 2021 die Förderung von KMU und Clustern aus COSME fortsetzt.",
                fr="Le programme de l'UE qui poursuit depuis 2021 le soutien de COSME aux PME et aux clusters.",
            ),
            "url": "",
        },
    ),
]

TOPICS = [
    SnippetSpec(
        "excellence",
        "Topic",
        {
            "name": T(
                "Cluster management excellence",
                de="Exzellenz im Clustermanagement",
                fr="Excellence du management de clusters",
            )
        },
    ),
    SnippetSpec(
        "benchmarking",
        "Topic",
        {
            "name": T(
                "Benchmarking and labelling",
                de="Benchmarking und Labelling",
                fr="Benchmarking et labellisation",
            )
        },
    ),
    SnippetSpec(
        "policy",
        "Topic",
        {"name": T("Cluster policy", de="Clusterpolitik", fr="Politique des clusters")},
    ),
    SnippetSpec(
        "cross-innovation",
        "Topic",
        {"name": T("Cross-innovation", de="Cross-Innovation", fr="Innovation croisée")},
    ),
    SnippetSpec(
        "internationalisation",
        "Topic",
        {"name": T("Internationalisation", de="Internationalisierung", fr="Internationalisation")},
    ),
    SnippetSpec(
        "regions",
        "Topic",
        {
            "name": T(
                "Regional development",
                de="Regionalentwicklung",
                fr="Développement régional",
            )
        },
    ),
]

# --------------------------------------------------------------------------- documents

DOCUMENTS = [
    DocumentSpec(
        "french-benchmarking",
        "Benchmarking of 71 cluster organisations of the French Pôles de compétitivité",
        "esca-benchmarking-poles-de-competitivite.pdf",
        (
            "European Secretariat for Cluster Analysis (ESCA)",
            "Prepared in the context of the evaluation of the French cluster programme "
            "Pôles de compétitivité: a benchmarking of 71 cluster organisations supported by the scheme.",
            "Demo document generated by load_demo.",
        ),
    ),
    DocumentSpec(
        "cluster-monitor",
        "Cluster Monitor Germany: trends and prospects of clusters in Germany",
        "cluster-monitor-germany.pdf",
        (
            "VDI/VDE Innovation + Technik GmbH",
            "How cluster organisations in Germany are financed, what they offer their members "
            "and which trends their managers expect.",
            "Demo document generated by load_demo.",
        ),
    ),
    DocumentSpec(
        "cross-innovation",
        "Clusters and cross-innovation between creative and traditional industries",
        "clusters-cross-innovation.pdf",
        (
            "European Secretariat for Cluster Analysis (ESCA)",
            "The role clusters can play in bringing creative industries and traditional sectors together.",
            "Demo document generated by load_demo.",
        ),
    ),
    DocumentSpec(
        "cmo-performance",
        "New approaches to improve the performance of cluster management organisations in Europe",
        "cluster-management-performance.pdf",
        (
            "European Secretariat for Cluster Analysis (ESCA)",
            "What distinguishes the best performing cluster management organisations, and how others "
            "can close the gap.",
            "Demo document generated by load_demo.",
        ),
    ),
    DocumentSpec(
        "policy-brief",
        "Cluster excellence after 2014: lessons from the European Cluster Excellence Initiative",
        "policy-brief-cluster-excellence-2014.pdf",
        (
            "European Secretariat for Cluster Analysis (ESCA)",
            "Policy brief following the stakeholder workshop of 23 September 2014 in Brussels.",
            "Demo document generated by load_demo.",
        ),
    ),
    DocumentSpec(
        "workshop-programme",
        "Stakeholder workshop on cluster excellence, Brussels, 23 September 2014: announcement and programme",
        "stakeholder-workshop-brussels-2014-programme.pdf",
        (
            "European Commission, Directorate-General for Enterprise and Industry",
            "Moving forward the EU policy agenda on cluster excellence: lessons learned and new "
            "challenges at policy and operational level.",
            "Demo document generated by load_demo.",
        ),
    ),
]

# Documents of the calls: generated PDFs whose titles (Wagtail's, one language) visitors never read;
# each page shows the document under the translated title of its block.
CALL_DOCUMENTS = [
    DocumentSpec(
        "cosme-2014-guide",
        "COSME cluster excellence programme 2014: guide for applicants",
        "cosme-cluster-excellence-2014-guide.pdf",
        (
            "COSME cluster excellence programme 2014",
            "Guide for applicants: eligibility, award criteria, budget rules and how to submit a proposal.",
            "Demo document generated by load_demo.",
        ),
    ),
    DocumentSpec(
        "int-guide",
        "Cluster partnerships for internationalisation: guide for applicants",
        "cluster-partnerships-internationalisation-guide.pdf",
        (
            "Cluster partnerships for internationalisation",
            "Guide for applicants: who may apply, what a proposal contains and how it is evaluated.",
            "Demo document generated by load_demo.",
        ),
    ),
    DocumentSpec(
        "int-partnership-declaration",
        "Cluster partnerships for internationalisation: partnership declaration (template)",
        "cluster-partnerships-internationalisation-declaration.pdf",
        (
            "Cluster partnerships for internationalisation",
            "Template of the declaration each partner signs and the lead applicant uploads.",
            "Demo document generated by load_demo.",
        ),
    ),
    DocumentSpec(
        "bsr-seed-guidelines",
        "Interreg Baltic Sea Region seed money: call guidelines",
        "interreg-bsr-seed-money-guidelines.pdf",
        (
            "Interreg Baltic Sea Region: seed money for cluster cooperation",
            "Call guidelines: eligible partners and costs, the application form and the assessment.",
            "Demo document generated by load_demo.",
        ),
    ),
]

# Texts every language's version of a document, deadline or contact shares.
GUIDE_FOR_APPLICANTS = T(
    "Guide for applicants",
    de="Leitfaden für Antragstellende",
    fr="Guide du candidat",
    es="Guía para solicitantes",
    it="Guida per i candidati",
    pl="Przewodnik dla wnioskodawców",
)
CALL_HELPDESK = T(
    "Call helpdesk of the secretariat",
    de="Helpdesk des Sekretariats zur Ausschreibung",
    fr="Service d'assistance du secrétariat pour l'appel",
    es="Servicio de asistencia de la secretaría para la convocatoria",
    it="Helpdesk del segretariato per il bando",
    pl="Punkt informacyjny sekretariatu ds. naboru",
)
INFO_DAY_ONLINE = T(
    "Information day (online)",
    de="Informationstag (online)",
    fr="Journée d'information (en ligne)",
    es="Jornada informativa (en línea)",
    it="Giornata informativa (online)",
    pl="Dzień informacyjny (online)",
)
ORGANISATION_NAME = T(
    "European Secretariat for Cluster Analysis",
    de="Europäisches Sekretariat für Clusteranalyse",
    fr="Secrétariat européen pour l'analyse des clusters",
    es="Secretariado Europeo de Análisis de Clústeres",
    it="Segretariato europeo per l'analisi dei cluster",
    pl="Europejski Sekretariat Analizy Klastrów",
)
EUROPEAN_COMMISSION_DG_ENTR = T(
    "European Commission, Directorate-General for Enterprise and Industry",
    de="Europäische Kommission, Generaldirektion Unternehmen und Industrie",
    fr="Commission européenne, direction générale des entreprises et de l'industrie",
    es="Comisión Europea, Dirección General de Empresa e Industria",
    it="Commissione europea, Direzione generale Imprese e industria",
    pl="Komisja Europejska, Dyrekcja Generalna ds. Przedsiębiorstw i Przemysłu",
)
WORKSHOP_PROGRAMME_TITLE = T(
    "Stakeholder workshop, Brussels, 23 September 2014: announcement and programme",
    de="Stakeholder-Workshop, Brüssel, 23. September 2014: Ankündigung und Programm",
    fr="Atelier des parties prenantes, Bruxelles, 23 septembre 2014 : annonce et programme",
    es="Taller de partes interesadas, Bruselas, 23 de septiembre de 2014: anuncio y programa",
    it="Workshop delle parti interessate, Bruxelles, 23 settembre 2014: annuncio e programma",
    pl="Warsztaty interesariuszy, Bruksela, 23 września 2014 r.: zapowiedź i program",
)
FRENCH_BENCHMARKING_TITLE = T(
    "Benchmarking of 71 cluster organisations of the French Pôles de compétitivité (report)",
    de="Benchmarking von 71 Clusterorganisationen der französischen Pôles de compétitivité (Bericht)",
    fr="Benchmarking de 71 organisations de clusters des Pôles de compétitivité (rapport)",
    es="Evaluación comparativa de 71 organizaciones de clústeres de los Pôles de compétitivité franceses (informe)",
    it="Benchmarking di 71 organizzazioni cluster dei Pôles de compétitivité francesi (rapporto)",
    pl="Benchmarking 71 organizacji klastrowych francuskich Pôles de compétitivité (raport)",
)

# --------------------------------------------------------------------------- standard pages

ABOUT = PageSpec(
    "about",
    "StandardPage",
    title=T(
        "About ESCA",
        de="Über ESCA",
        fr="À propos d'ESCA",
        es="Quiénes somos",
        it="Chi siamo",
        pl="O ESCA",
    ),
    slug=T("about", de="ueber-uns", fr="a-propos", es="quienes-somos", it="chi-siamo", pl="o-nas"),
    locales=ALL_TARGETS,
    show_in_menus=True,
    fields={
        "body": [
            heading(
                T(
                    "From a European initiative to a network",
                    de="Von einer europäischen Initiative zu einem Netzwerk",
                    fr="D'une initiative européenne à un réseau",
                    es="De una iniciativa europea a una red",
                    it="Da un'iniziativa europea a una rete",
                    pl="Od europejskiej inicjatywy do sieci",
                )
            ),
            paragraph(
                T(
                    "<p>In 2009 the European Commission's Directorate-General for Enterprise and Industry "
                    "launched the European Cluster Excellence Initiative. Thirteen partners from nine "
                    "countries, all at home in cluster management and cluster support, agreed on a common "
                    "set of quality indicators for cluster management and built a labelling system on "
                    "them, so that a label earned in one country means the same in any other.</p>",
                    de="<p>2009 startete die Generaldirektion Unternehmen und Industrie der Europäischen "
                    "Kommission die European Cluster Excellence Initiative. Dreizehn Partner aus neun "
                    "Ländern, alle erfahren im Clustermanagement und in der Clusterförderung, einigten sich "
                    "auf gemeinsame Qualitätsindikatoren für das Clustermanagement und bauten darauf ein "
                    "Labelsystem auf: Ein in einem Land erworbenes Label bedeutet in jedem anderen dasselbe.</p>",
                    fr="<p>En 2009, la direction générale Entreprises et industrie de la Commission "
                    "européenne a lancé l'Initiative européenne pour l'excellence des clusters. Treize "
                    "partenaires de neuf pays, tous experts du management et du soutien aux clusters, ont "
                    "défini un ensemble commun d'indicateurs de qualité du management de clusters et bâti "
                    "sur cette base un système de labels : un label obtenu dans un pays a la même valeur "
                    "dans tous les autres.</p>",
                    es="<p>En 2009, la Dirección General de Empresa e Industria de la Comisión Europea puso en "
                    "marcha la Iniciativa Europea de Excelencia de Clústeres. Trece socios de nueve países, "
                    "todos con experiencia en la gestión y el apoyo a clústeres, acordaron un conjunto común "
                    "de indicadores de calidad para la gestión de clústeres y crearon sobre ellos un sistema "
                    "de sellos, de modo que un sello obtenido en un país vale lo mismo en cualquier otro.</p>",
                    it="<p>Nel 2009 la Direzione generale Imprese e industria della Commissione europea ha "
                    "avviato l'Iniziativa europea per l'eccellenza dei cluster. Tredici partner di nove "
                    "paesi, tutti esperti di gestione e sostegno dei cluster, hanno concordato un insieme "
                    "comune di indicatori di qualità per la gestione dei cluster e vi hanno costruito un "
                    "sistema di marchi: un marchio ottenuto in un paese vale lo stesso in ogni altro.</p>",
                    pl="<p>W 2009 roku Dyrekcja Generalna Komisji Europejskiej ds. Przedsiębiorstw i Przemysłu "
                    "uruchomiła Europejską Inicjatywę Doskonałości Klastrów. Trzynastu partnerów z dziewięciu "
                    "krajów, doświadczonych w zarządzaniu klastrami i ich wspieraniu, uzgodniło wspólny "
                    "zestaw wskaźników jakości zarządzania klastrem i oparło na nim system znaków jakości: "
                    "znak zdobyty w jednym kraju znaczy to samo w każdym innym.</p>",
                )
            ),
            paragraph(
                T(
                    "<p>To keep this work going after the initiative ended, one of the partners, "
                    "VDI/VDE Innovation + Technik GmbH in Berlin, founded the European Secretariat for "
                    "Cluster Analysis. ESCA organises the assessment for the cluster management labels and "
                    "brings together cluster experts from <b>27 countries</b>.</p>",
                    de="<p>Damit diese Arbeit nach dem Ende der Initiative weitergeht, gründete einer der "
                    "Partner, die VDI/VDE Innovation + Technik GmbH in Berlin, das Europäische Sekretariat "
                    "für Clusteranalyse. ESCA organisiert die Bewertung für die Clustermanagement-Label und "
                    "vereint Clusterexpertinnen und -experten aus <b>27 Ländern</b>.</p>",
                    fr="<p>Pour poursuivre ce travail après la fin de l'initiative, l'un des partenaires, "
                    "VDI/VDE Innovation + Technik GmbH à Berlin, a fondé le Secrétariat européen pour "
                    "l'analyse des clusters. ESCA organise l'évaluation pour les labels de management de "
                    "clusters et réunit des experts des clusters de <b>27 pays</b>.</p>",
                    es="<p>Para continuar este trabajo tras el final de la iniciativa, uno de los socios, "
                    "VDI/VDE Innovation + Technik GmbH, con sede en Berlín, fundó el Secretariado Europeo de "
                    "Análisis de Clústeres. ESCA organiza la evaluación para los sellos de gestión de "
                    "clústeres y reúne a expertos en clústeres de <b>27 países</b>.</p>",
                    it="<p>Per proseguire questo lavoro dopo la fine dell'iniziativa, uno dei partner, "
                    "VDI/VDE Innovation + Technik GmbH di Berlino, ha fondato il Segretariato europeo per "
                    "l'analisi dei cluster. ESCA organizza la valutazione per i marchi di gestione dei "
                    "cluster e riunisce esperti di cluster di <b>27 paesi</b>.</p>",
                    pl="<p>Aby kontynuować tę pracę po zakończeniu inicjatywy, jeden z partnerów, "
                    "VDI/VDE Innovation + Technik GmbH z Berlina, założył Europejski Sekretariat Analizy "
                    "Klastrów. ESCA organizuje ocenę na potrzeby znaków jakości zarządzania klastrami i "
                    "skupia ekspertów ds. klastrów z <b>27 krajów</b>.</p>",
                )
            ),
            quote(
                T(
                    "A cluster is never finished. It changes with its members, its markets and its region, "
                    "and its management has to change with it.",
                    de="Ein Cluster ist nie fertig. Er verändert sich mit seinen Mitgliedern, seinen Märkten "
                    "und seiner Region, und sein Management muss sich mit ihm verändern.",
                    fr="Un cluster n'est jamais achevé. Il évolue avec ses membres, ses marchés et sa région, "
                    "et son management doit évoluer avec lui.",
                    es="Un clúster nunca está terminado. Cambia con sus miembros, sus mercados y su región, "
                    "y su gestión tiene que cambiar con él.",
                    it="Un cluster non è mai finito. Cambia con i suoi membri, i suoi mercati e la sua "
                    "regione, e la sua gestione deve cambiare con lui.",
                    pl="Klaster nigdy nie jest gotowy. Zmienia się wraz ze swoimi członkami, rynkami i "
                    "regionem, a zarządzanie nim musi zmieniać się razem z nim.",
                ),
                T(
                    "ESCA secretariat",
                    de="ESCA-Sekretariat",
                    fr="Secrétariat d'ESCA",
                    es="Secretariado de ESCA",
                    it="Segretariato di ESCA",
                    pl="Sekretariat ESCA",
                ),
            ),
            heading(
                T(
                    "What we do",
                    de="Was wir tun",
                    fr="Ce que nous faisons",
                    es="Qué hacemos",
                    it="Cosa facciamo",
                    pl="Czym się zajmujemy",
                )
            ),
            paragraph(
                T(
                    "<ul><li>Benchmarking and quality labelling of cluster management organisations</li>"
                    "<li>Advice to cluster policy makers and programme owners</li>"
                    "<li>Studies on clusters and cluster policy in Europe</li></ul>",
                    de="<ul><li>Benchmarking und Qualitätslabel für Clustermanagementorganisationen</li>"
                    "<li>Beratung für Clusterpolitik und Programmverantwortliche</li>"
                    "<li>Studien zu Clustern und Clusterpolitik in Europa</li></ul>",
                    fr="<ul><li>Benchmarking et labellisation des organisations de management de clusters</li>"
                    "<li>Conseil aux décideurs des politiques de clusters et aux responsables de "
                    "programmes</li><li>Études sur les clusters et les politiques de clusters en Europe</li></ul>",
                    es="<ul><li>Benchmarking y sellos de calidad para organizaciones de gestión de clústeres</li>"
                    "<li>Asesoramiento a responsables políticos y gestores de programas de clústeres</li>"
                    "<li>Estudios sobre clústeres y políticas de clústeres en Europa</li></ul>",
                    it="<ul><li>Benchmarking e marchi di qualità per le organizzazioni di gestione dei "
                    "cluster</li><li>Consulenza ai decisori politici e ai titolari dei programmi per i "
                    "cluster</li><li>Studi sui cluster e sulle politiche per i cluster in Europa</li></ul>",
                    pl="<ul><li>Benchmarking i znaki jakości dla organizacji zarządzających klastrami</li>"
                    "<li>Doradztwo dla twórców polityki klastrowej i operatorów programów</li>"
                    "<li>Analizy dotyczące klastrów i polityki klastrowej w Europie</li></ul>",
                )
            ),
            cta(
                T(
                    "Meet the network",
                    de="Das Netzwerk kennenlernen",
                    fr="Découvrir le réseau",
                    es="Conozca la red",
                    it="Scopri la rete",
                    pl="Poznaj sieć",
                ),
                to=page("network"),
            ),
        ]
    },
)

SERVICES = PageSpec(
    "services",
    "StandardPage",
    title=T("Services", de="Leistungen", fr="Services"),
    slug=T("services", de="leistungen", fr="services"),
    show_in_menus=True,
    fields={
        "body": [
            heading(
                T(
                    "Benchmarking and labelling",
                    de="Benchmarking und Labelling",
                    fr="Benchmarking et labellisation",
                )
            ),
            paragraph(
                T(
                    "<p>A cluster organisation that wants to know where it stands is compared with "
                    "organisations across Europe that were assessed with the same indicators: structure, "
                    "governance, financing, services, and the results achieved for the cluster members. "
                    "Three labels mark the steps towards excellence:</p>",
                    de="<p>Eine Clusterorganisation, die wissen will, wo sie steht, wird mit Organisationen "
                    "in ganz Europa verglichen, die nach denselben Indikatoren bewertet wurden: Struktur, "
                    "Governance, Finanzierung, Leistungen und die für die Clustermitglieder erzielten "
                    "Ergebnisse. Drei Label markieren die Stufen auf dem Weg zur Exzellenz:</p>",
                    fr="<p>Une organisation de cluster qui veut savoir où elle en est est comparée à des "
                    "organisations de toute l'Europe évaluées selon les mêmes indicateurs : structure, "
                    "gouvernance, financement, services et résultats obtenus pour les membres du cluster. "
                    "Trois labels jalonnent le chemin vers l'excellence :</p>",
                )
            ),
            paragraph(
                T(
                    "<ul><li><b>Bronze</b>: a benchmarking of the cluster management against its European "
                    "peers, with a report on strengths and room for improvement.</li>"
                    "<li><b>Silver</b>: a second benchmarking that shows the progress made on the "
                    "recommendations.</li>"
                    "<li><b>Gold</b>: a full assessment against the quality indicators of cluster "
                    "management excellence, including a visit on site by ESCA assessors.</li></ul>",
                    de="<ul><li><b>Bronze</b>: ein Benchmarking des Clustermanagements im Vergleich mit "
                    "europäischen Organisationen, mit einem Bericht über Stärken und Verbesserungspotenzial.</li>"
                    "<li><b>Silber</b>: ein zweites Benchmarking, das die Fortschritte bei der Umsetzung der "
                    "Empfehlungen zeigt.</li>"
                    "<li><b>Gold</b>: eine vollständige Bewertung anhand der Qualitätsindikatoren für "
                    "Exzellenz im Clustermanagement, mit einem Besuch vor Ort durch ESCA-Gutachter.</li></ul>",
                    fr="<ul><li><b>Bronze</b> : un benchmarking du management du cluster par rapport à ses "
                    "homologues européens, avec un rapport sur ses points forts et ses marges de progrès.</li>"
                    "<li><b>Argent</b> : un second benchmarking qui montre les progrès réalisés sur les "
                    "recommandations.</li>"
                    "<li><b>Or</b> : une évaluation complète selon les indicateurs de qualité de "
                    "l'excellence du management de clusters, avec une visite sur place d'évaluateurs ESCA.</li></ul>",
                )
            ),
            heading(
                T(
                    "Advice on cluster programmes",
                    de="Beratung zu Clusterprogrammen",
                    fr="Conseil sur les programmes de clusters",
                )
            ),
            paragraph(
                T(
                    "<p>Ministries and regional agencies call on us when they design a new cluster "
                    "programme, review one that is running or prepare its evaluation. A coordinator puts "
                    "together a small team of network experts who know the country and the policy field, "
                    "and stays your contact from the first request to the final report.</p>",
                    de="<p>Ministerien und regionale Agenturen wenden sich an uns, wenn sie ein neues "
                    "Clusterprogramm entwerfen, ein laufendes überprüfen oder seine Evaluation vorbereiten. "
                    "Eine Koordinatorin oder ein Koordinator stellt ein kleines Team von Fachleuten aus dem "
                    "Netzwerk zusammen, die das Land und das Politikfeld kennen, und bleibt von der ersten "
                    "Anfrage bis zum Abschlussbericht Ihr Ansprechpartner.</p>",
                    fr="<p>Les ministères et les agences régionales font appel à nous lorsqu'ils conçoivent "
                    "un nouveau programme de clusters, réexaminent un programme en cours ou préparent son "
                    "évaluation. Un coordinateur réunit une petite équipe d'experts du réseau qui "
                    "connaissent le pays et le domaine, et reste votre interlocuteur de la première demande "
                    "jusqu'au rapport final.</p>",
                )
            ),
            quote(
                T(
                    "Benchmarking tells a cluster manager where to start; the label shows the members "
                    "that the work pays off.",
                    de="Das Benchmarking zeigt dem Clustermanagement, wo es ansetzen kann; das Label zeigt "
                    "den Mitgliedern, dass sich die Arbeit lohnt.",
                    fr="Le benchmarking indique au manager du cluster par où commencer ; le label montre "
                    "aux membres que le travail porte ses fruits.",
                ),
                T("ESCA assessor", de="ESCA-Gutachterin", fr="Évaluatrice ESCA"),
            ),
            cta(
                T(
                    "Read our publications",
                    de="Unsere Publikationen lesen",
                    fr="Lire nos publications",
                ),
                to=page("publications"),
            ),
        ]
    },
)

NETWORK = PageSpec(
    "network",
    "StandardPage",
    title=T("Network", de="Netzwerk", fr="Réseau"),
    slug=T("network", de="netzwerk", fr="reseau"),
    show_in_menus=True,
    fields={
        "body": [
            heading(
                T(
                    "Cluster experts in 27 countries",
                    de="Clusterexpertinnen und -experten in 27 Ländern",
                    fr="Des experts des clusters dans 27 pays",
                )
            ),
            paragraph(
                T(
                    "<p>Our experts are cluster managers, consultants and researchers who have worked with "
                    "cluster organisations for many years. Each of them is trained in the ESCA benchmarking "
                    "method, and many also assess organisations for the Gold label.</p>",
                    de="<p>Unsere Fachleute sind Clustermanagerinnen und -manager, Beraterinnen und Berater "
                    "sowie Forschende, die seit vielen Jahren mit Clusterorganisationen arbeiten. Alle sind "
                    "in der ESCA-Benchmarking-Methode geschult, viele bewerten zudem Organisationen für das "
                    "Gold-Label.</p>",
                    fr="<p>Nos experts sont des managers de clusters, des consultants et des chercheurs qui "
                    "travaillent depuis de nombreuses années avec des organisations de clusters. Tous sont "
                    "formés à la méthode de benchmarking d'ESCA, et beaucoup évaluent aussi des "
                    "organisations pour le label Or.</p>",
                )
            ),
            paragraph(
                T(
                    "<p>The network covers the member states of the European Union and neighbouring "
                    "countries. Requests for advice go to experts who know the country's language, its "
                    "institutions and its cluster programmes.</p>",
                    de="<p>Das Netzwerk umfasst die Mitgliedstaaten der Europäischen Union und ihre "
                    "Nachbarländer. Beratungsanfragen gehen an Fachleute, die Sprache, Institutionen und "
                    "Clusterprogramme des jeweiligen Landes kennen.</p>",
                    fr="<p>Le réseau couvre les États membres de l'Union européenne et les pays voisins. "
                    "Les demandes de conseil sont confiées à des experts qui connaissent la langue, les "
                    "institutions et les programmes de clusters du pays.</p>",
                )
            ),
            quote(
                T(
                    "Advice is useful when it comes from someone who knows the programme from the inside.",
                    de="Beratung ist dann nützlich, wenn sie von jemandem kommt, der das Programm von innen "
                    "kennt.",
                    fr="Un conseil est utile lorsqu'il vient de quelqu'un qui connaît le programme de "
                    "l'intérieur.",
                ),
                T("ESCA network expert", de="Experte im ESCA-Netzwerk", fr="Expert du réseau ESCA"),
            ),
            cta(
                T("See upcoming events", de="Kommende Veranstaltungen", fr="Voir les prochains événements"),
                to=page("events"),
            ),
        ]
    },
)

PRIVACY = PageSpec(
    "privacy",
    "StandardPage",
    title=T(
        "Privacy",
        de="Datenschutz",
        fr="Protection des données",
        es="Privacidad",
        it="Privacy",
        pl="Prywatność",
    ),
    slug=T(
        "privacy",
        de="datenschutz",
        fr="protection-des-donnees",
        es="privacidad",
        it="privacy",
        pl="prywatnosc",
    ),
    locales=ALL_TARGETS,
    fields={
        "body": [
            heading(
                T(
                    "What we collect",
                    de="Welche Daten wir erheben",
                    fr="Les données que nous collectons",
                    es="Qué datos recogemos",
                    it="Quali dati raccogliamo",
                    pl="Jakie dane zbieramy",
                )
            ),
            paragraph(
                T(
                    "<p>You can read this website without giving us any personal data. When you register "
                    "for an event or send us a request for advice, we keep the data you enter only for "
                    "that purpose and only as long as it is needed.</p>",
                    de="<p>Sie können diese Website lesen, ohne uns personenbezogene Daten mitzuteilen. Wenn "
                    "Sie sich zu einer Veranstaltung anmelden oder uns eine Beratungsanfrage senden, "
                    "speichern wir Ihre Angaben nur für diesen Zweck und nur so lange wie nötig.</p>",
                    fr="<p>Vous pouvez consulter ce site sans nous communiquer de données personnelles. "
                    "Lorsque vous vous inscrivez à un événement ou nous envoyez une demande de conseil, "
                    "nous conservons les données saisies uniquement à cette fin et seulement le temps "
                    "nécessaire.</p>",
                    es="<p>Puede leer este sitio web sin facilitarnos ningún dato personal. Cuando se "
                    "inscribe en un evento o nos envía una solicitud de asesoramiento, conservamos los datos "
                    "que introduce solo para ese fin y solo el tiempo necesario.</p>",
                    it="<p>Può consultare questo sito senza fornirci alcun dato personale. Quando si iscrive "
                    "a un evento o ci invia una richiesta di consulenza, conserviamo i dati inseriti solo "
                    "per tale scopo e solo per il tempo necessario.</p>",
                    pl="<p>Z tej strony można korzystać bez podawania nam jakichkolwiek danych osobowych. "
                    "Gdy zapisują się Państwo na wydarzenie lub przesyłają nam wniosek o doradztwo, "
                    "przechowujemy wprowadzone dane wyłącznie w tym celu i tylko tak długo, jak to "
                    "konieczne.</p>",
                )
            ),
            heading(
                T(
                    "How long we keep it",
                    de="Wie lange wir sie aufbewahren",
                    fr="Combien de temps nous les conservons",
                    es="Cuánto tiempo los conservamos",
                    it="Per quanto tempo li conserviamo",
                    pl="Jak długo je przechowujemy",
                )
            ),
            paragraph(
                T(
                    "<p>Five years after a request for advice has ended, we remove your name, contact "
                    "details, texts and files from it. Only its reference, dates, country and the service "
                    "concerned remain, for our statistics.</p>",
                    de="<p>Fünf Jahre nach dem Ende einer Beratungsanfrage entfernen wir daraus Ihren "
                    "Namen, Ihre Kontaktdaten, Texte und Dateien. Nur Aktenzeichen, Daten, Land und die "
                    "betreffende Leistung bleiben für unsere Statistik erhalten.</p>",
                    fr="<p>Cinq ans après la fin d'une demande de conseil, nous en supprimons votre nom, vos "
                    "coordonnées, vos textes et vos fichiers. Seuls sa référence, ses dates, le pays et le "
                    "service concerné restent, pour nos statistiques.</p>",
                    es="<p>Cinco años después de finalizar una solicitud de asesoramiento, eliminamos de ella "
                    "su nombre, sus datos de contacto, sus textos y sus archivos. Solo quedan su referencia, "
                    "sus fechas, el país y el servicio correspondiente, para nuestras estadísticas.</p>",
                    it="<p>Cinque anni dopo la conclusione di una richiesta di consulenza, ne eliminiamo il "
                    "suo nome, i suoi recapiti, i testi e i file. Restano solo il riferimento, le date, il "
                    "paese e il servizio interessato, per le nostre statistiche.</p>",
                    pl="<p>Pięć lat po zakończeniu wniosku o doradztwo usuwamy z niego imię i nazwisko, dane "
                    "kontaktowe, teksty i pliki. Zostają jedynie jego numer, daty, kraj i dotycząca go "
                    "usługa – na potrzeby naszych statystyk.</p>",
                )
            ),
            heading(
                T(
                    "Your rights",
                    de="Ihre Rechte",
                    fr="Vos droits",
                    es="Sus derechos",
                    it="I suoi diritti",
                    pl="Państwa prawa",
                )
            ),
            paragraph(
                T(
                    "<p>You may ask us at any time for a copy of the data we hold about you, have it "
                    "corrected or erased, and object to its use. The tracking page of your request has a "
                    "form for a copy or the erasure; you may also write to the secretariat.</p>",
                    de="<p>Sie können jederzeit eine Kopie der bei uns gespeicherten Daten verlangen, sie "
                    "berichtigen oder löschen lassen und ihrer Verwendung widersprechen. Die Seite zur "
                    "Verfolgung Ihrer Anfrage enthält ein Formular für Kopie oder Löschung; Sie können "
                    "auch an das Sekretariat schreiben.</p>",
                    fr="<p>Vous pouvez à tout moment nous demander une copie des données que nous détenons "
                    "sur vous, les faire rectifier ou effacer et vous opposer à leur utilisation. La page de "
                    "suivi de votre demande propose un formulaire pour la copie ou l'effacement ; vous "
                    "pouvez aussi écrire au secrétariat.</p>",
                    es="<p>Puede pedirnos en cualquier momento una copia de los datos que tenemos sobre "
                    "usted, su rectificación o supresión, y oponerse a su uso. La página de seguimiento de "
                    "su solicitud incluye un formulario para la copia o la supresión; también puede "
                    "escribir a la secretaría.</p>",
                    it="<p>Può chiederci in qualsiasi momento una copia dei dati che conserviamo su di lei, "
                    "farli rettificare o cancellare e opporsi al loro utilizzo. La pagina di monitoraggio "
                    "della richiesta contiene un modulo per la copia o la cancellazione; può anche scrivere "
                    "alla segreteria.</p>",
                    pl="<p>W każdej chwili mogą Państwo poprosić o kopię przechowywanych przez nas danych, "
                    "ich sprostowanie lub usunięcie oraz wnieść sprzeciw wobec ich wykorzystania. Strona "
                    "śledzenia wniosku zawiera formularz prośby o kopię lub usunięcie; można też napisać do "
                    "sekretariatu.</p>",
                )
            ),
        ]
    },
)

IMPRINT = PageSpec(
    "imprint",
    "StandardPage",
    title=T("Imprint", de="Impressum", fr="Mentions légales"),
    slug=T("imprint", de="impressum", fr="mentions-legales"),
    fields={
        "body": [
            heading(T("Publisher", de="Herausgeber", fr="Éditeur")),
            paragraph(
                T(
                    "<p>European Secretariat for Cluster Analysis (ESCA)<br/>c/o VDI/VDE Innovation + "
                    "Technik GmbH<br/>Steinplatz 1, 10623 Berlin, Germany</p>"
                    "<p>E-mail: secretariat@cluster-analysis.example</p>",
                    de="<p>Europäisches Sekretariat für Clusteranalyse (ESCA)<br/>c/o VDI/VDE Innovation + "
                    "Technik GmbH<br/>Steinplatz 1, 10623 Berlin, Deutschland</p>"
                    "<p>E-Mail: secretariat@cluster-analysis.example</p>",
                    fr="<p>Secrétariat européen pour l'analyse des clusters (ESCA)<br/>c/o VDI/VDE "
                    "Innovation + Technik GmbH<br/>Steinplatz 1, 10623 Berlin, Allemagne</p>"
                    "<p>Courriel : secretariat@cluster-analysis.example</p>",
                )
            ),
            heading(T("Content of this website", de="Inhalt dieser Website", fr="Contenu de ce site")),
            paragraph(
                T(
                    "<p>We prepare the content of this website with care but cannot guarantee that it is "
                    "complete and up to date. Links to other websites are given for information; their "
                    "owners are responsible for what they publish.</p>",
                    de="<p>Wir erstellen die Inhalte dieser Website mit Sorgfalt, können aber nicht "
                    "garantieren, dass sie vollständig und aktuell sind. Links zu anderen Websites dienen "
                    "der Information; für deren Inhalte sind ihre Betreiber verantwortlich.</p>",
                    fr="<p>Nous préparons le contenu de ce site avec soin, sans pouvoir garantir qu'il soit "
                    "complet et à jour. Les liens vers d'autres sites sont donnés à titre d'information ; "
                    "leurs éditeurs sont responsables de ce qu'ils publient.</p>",
                )
            ),
        ]
    },
)

# --------------------------------------------------------------------------- news

NEWS_ARTICLES = [
    PageSpec(
        "news-stakeholder-workshop",
        "NewsArticlePage",
        title=T(
            "Stakeholder workshop in Brussels on the EU agenda for cluster excellence",
            de="Stakeholder-Workshop in Brüssel zur EU-Agenda für Clusterexzellenz",
            fr="Atelier des parties prenantes à Bruxelles sur l'agenda européen de l'excellence des clusters",
        ),
        fields={
            "date": date(2014, 9, 8),
            "category": "event",
            "summary": T(
                "DG Enterprise and Industry invites cluster stakeholders to Brussels on 23 September 2014 to "
                "discuss what the European Cluster Excellence Initiative has taught us and what should "
                "follow under COSME.",
                de="Die GD Unternehmen und Industrie lädt Cluster-Akteure am 23. September 2014 nach Brüssel "
                "ein, um die Lehren aus der European Cluster Excellence Initiative und die nächsten "
                "Schritte unter COSME zu diskutieren.",
                fr="La DG Entreprises et industrie invite les acteurs des clusters à Bruxelles le "
                "23 septembre 2014 pour tirer les leçons de l'Initiative européenne pour l'excellence des "
                "clusters et discuter de la suite sous COSME.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>Between 2009 and 2012 the European Cluster Excellence Initiative, co-financed by "
                        "the Competitiveness and Innovation Programme, made professional cluster management "
                        "a key part of the EU strategy for more world-class clusters. In the programming "
                        "period 2014–2020, COSME continues this work: new calls for proposals will give "
                        "more cluster organisations access to the initiative's results on benchmarking and "
                        "on the training of cluster managers.</p>",
                        de="<p>Von 2009 bis 2012 machte die European Cluster Excellence Initiative, "
                        "kofinanziert aus dem Programm für Wettbewerbsfähigkeit und Innovation, "
                        "professionelles Clustermanagement zu einem zentralen Element der EU-Strategie für "
                        "mehr Cluster von Weltrang. In der Förderperiode 2014–2020 setzt COSME diese Arbeit "
                        "fort: Neue Ausschreibungen sollen mehr Clusterorganisationen Zugang zu den "
                        "Ergebnissen der Initiative beim Benchmarking und bei der Qualifizierung von "
                        "Clustermanagern geben.</p>",
                        fr="<p>De 2009 à 2012, l'Initiative européenne pour l'excellence des clusters, "
                        "cofinancée par le programme pour la compétitivité et l'innovation, a fait du "
                        "management professionnel des clusters un élément clé de la stratégie de l'UE pour "
                        "davantage de clusters de classe mondiale. Pour la période de programmation "
                        "2014-2020, COSME poursuit ce travail : de nouveaux appels à propositions ouvriront "
                        "à davantage d'organisations de clusters les résultats de l'initiative en matière de "
                        "benchmarking et de formation des managers de clusters.</p>",
                    )
                ),
                paragraph(
                    T(
                        "<p>The workshop asks which further activities on cluster excellence are worth "
                        "exploring under COSME, both at policy and at operational level. Participation is "
                        "free; the announcement and programme can be downloaded from the event page.</p>",
                        de="<p>Der Workshop fragt, welche weiteren Aktivitäten zur Clusterexzellenz unter "
                        "COSME verfolgt werden sollten, auf politischer wie auf operativer Ebene. Die "
                        "Teilnahme ist kostenlos; Ankündigung und Programm stehen auf der "
                        "Veranstaltungsseite zum Download bereit.</p>",
                        fr="<p>L'atelier examinera quelles nouvelles activités en faveur de l'excellence des "
                        "clusters mériteraient d'être menées sous COSME, au niveau politique comme au niveau "
                        "opérationnel. La participation est gratuite ; l'annonce et le programme sont "
                        "téléchargeables sur la page de l'événement.</p>",
                    )
                ),
            ],
            "related": [
                related_page("event-stakeholder-workshop"),
                related_document("workshop-programme", WORKSHOP_PROGRAMME_TITLE),
            ],
        },
    ),
    PageSpec(
        "news-cluster-monitor",
        "NewsArticlePage",
        title=T(
            "Cluster Monitor Germany: trends and prospects of clusters in Germany",
            de="Clustermonitor Deutschland: Trends und Perspektiven von Clustern in Deutschland",
            fr="Cluster Monitor Allemagne : tendances et perspectives des clusters en Allemagne",
        ),
        fields={
            "date": date(2014, 9, 1),
            "category": "study",
            "summary": T(
                "A new study takes stock of Germany's cluster organisations: how they are financed, what "
                "they offer their members and where their managers see them heading.",
                de="Eine neue Studie zieht Bilanz über die Clusterorganisationen in Deutschland: wie sie "
                "finanziert sind, was sie ihren Mitgliedern bieten und wohin sie sich aus Sicht ihrer "
                "Managements entwickeln.",
                fr="Une nouvelle étude dresse le bilan des organisations de clusters en Allemagne : leur "
                "financement, leur offre aux membres et l'évolution qu'en attendent leurs managers.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>Based on a survey of cluster managements and their members across Germany, the "
                        "Cluster Monitor describes the state of the country's cluster landscape and the "
                        "trends expected for the coming years, from internationalisation to new services "
                        "for small and medium-sized enterprises.</p>",
                        de="<p>Auf Grundlage einer bundesweiten Befragung von Clustermanagements und ihren "
                        "Mitgliedern beschreibt der Clustermonitor den Stand der deutschen Clusterlandschaft "
                        "und die für die kommenden Jahre erwarteten Trends, von der Internationalisierung "
                        "bis zu neuen Angeboten für kleine und mittlere Unternehmen.</p>",
                        fr="<p>Fondé sur une enquête menée dans toute l'Allemagne auprès des équipes de "
                        "management des clusters et de leurs membres, le Cluster Monitor décrit l'état du "
                        "paysage des clusters du pays et les tendances attendues pour les prochaines "
                        "années, de l'internationalisation à de nouveaux services pour les petites et "
                        "moyennes entreprises.</p>",
                    )
                ),
            ],
            "related": [related_page("pub-cluster-monitor")],
        },
    ),
    PageSpec(
        "news-cosme-call-2014",
        "NewsArticlePage",
        title=T(
            "New cluster excellence programme: COSME call open until 29 October 2014",
            de="Neues Programm für Clusterexzellenz: COSME-Ausschreibung bis 29. Oktober 2014 geöffnet",
            fr="Nouveau programme pour l'excellence des clusters : appel COSME ouvert jusqu'au 29 octobre 2014",
        ),
        fields={
            "date": date(2014, 8, 20),
            "category": "call",
            "summary": T(
                "The European Commission has opened a COSME call for proposals that supports the labelling "
                "of cluster organisations by ESCA. Proposals can be submitted until 29 October 2014.",
                de="Die Europäische Kommission hat eine COSME-Ausschreibung eröffnet, die das Labelling von "
                "Clusterorganisationen durch ESCA unterstützt. Anträge können bis zum 29. Oktober 2014 "
                "eingereicht werden.",
                fr="La Commission européenne a ouvert un appel à propositions COSME qui soutient la "
                "labellisation des organisations de clusters par ESCA. Les propositions peuvent être "
                "déposées jusqu'au 29 octobre 2014.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>The call funds partnerships of cluster organisations that want to improve their "
                        "management through benchmarking, labelling and the training of cluster managers. "
                        "The ESCA labels – Bronze, Silver and Gold – are the yardstick for the progress "
                        "made.</p>",
                        de="<p>Die Ausschreibung fördert Partnerschaften von Clusterorganisationen, die ihr "
                        "Management durch Benchmarking, Labelling und die Qualifizierung von "
                        "Clustermanagern verbessern wollen. Die ESCA-Label – Bronze, Silber und Gold – sind "
                        "der Maßstab für die erzielten Fortschritte.</p>",
                        fr="<p>L'appel finance des partenariats d'organisations de clusters qui souhaitent "
                        "améliorer leur management par le benchmarking, la labellisation et la formation "
                        "des managers de clusters. Les labels ESCA – Bronze, Argent et Or – servent "
                        "d'étalon pour mesurer les progrès accomplis.</p>",
                    )
                ),
            ],
            "related": [related_page("call-cosme-2014")],
        },
    ),
    PageSpec(
        "news-cross-innovation",
        "NewsArticlePage",
        title=T(
            "New study: clusters and cross-innovation between creative and traditional industries",
            de="Neue Studie: Cluster und Cross-Innovation zwischen Kreativwirtschaft und traditionellen Branchen",
            fr="Nouvelle étude : les clusters et l'innovation croisée entre industries créatives et "
            "traditionnelles",
        ),
        fields={
            "date": date(2014, 7, 28),
            "category": "study",
            "summary": T(
                "How can clusters bring creative industries together with traditional sectors? A new study "
                "looks at the part clusters can play in cross-innovation.",
                de="Wie können Cluster die Kreativwirtschaft mit traditionellen Branchen zusammenbringen? "
                "Eine neue Studie untersucht die Rolle von Clustern bei der Cross-Innovation.",
                fr="Comment les clusters peuvent-ils rapprocher les industries créatives des secteurs "
                "traditionnels ? Une nouvelle étude examine leur rôle dans l'innovation croisée.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>Design, media and software companies often find new uses for their ideas in "
                        "traditional industries such as engineering, textiles or food. The study shows how "
                        "cluster organisations can broker these contacts and which support instruments "
                        "help them do so.</p>",
                        de="<p>Design-, Medien- und Softwareunternehmen finden für ihre Ideen oft neue "
                        "Anwendungen in traditionellen Branchen wie dem Maschinenbau, der Textil- oder der "
                        "Lebensmittelindustrie. Die Studie zeigt, wie Clusterorganisationen diese Kontakte "
                        "vermitteln können und welche Förderinstrumente dabei helfen.</p>",
                        fr="<p>Les entreprises du design, des médias et du logiciel trouvent souvent de "
                        "nouveaux usages pour leurs idées dans des industries traditionnelles comme la "
                        "mécanique, le textile ou l'agroalimentaire. L'étude montre comment les "
                        "organisations de clusters peuvent faciliter ces contacts et quels instruments de "
                        "soutien les y aident.</p>",
                    )
                ),
            ],
            "related": [related_page("pub-cross-innovation")],
        },
    ),
    PageSpec(
        "news-cmo-performance",
        "NewsArticlePage",
        title=T(
            "New study: improving the performance of cluster management organisations in Europe",
            de="Neue Studie: die Leistungsfähigkeit von Clustermanagementorganisationen in Europa verbessern",
            fr="Nouvelle étude : améliorer la performance des organisations de management de clusters en Europe",
        ),
        fields={
            "date": date(2014, 7, 10),
            "category": "study",
            "summary": T(
                "New approaches to make cluster management organisations in Europe more effective, drawn "
                "from the results of benchmarking.",
                de="Neue Ansätze, um Clustermanagementorganisationen in Europa wirksamer zu machen, "
                "abgeleitet aus den Ergebnissen des Benchmarkings.",
                fr="De nouvelles approches pour rendre les organisations de management de clusters en "
                "Europe plus efficaces, tirées des résultats du benchmarking.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>The authors use the benchmarking of cluster organisations across Europe to find "
                        "out what sets the best performers apart and which measures help the others close "
                        "the gap, from strategy development to the training of cluster managers.</p>",
                        de="<p>Die Autorinnen und Autoren nutzen das Benchmarking von Clusterorganisationen "
                        "in ganz Europa, um herauszufinden, was die leistungsstärksten auszeichnet und "
                        "welche Maßnahmen den anderen helfen, aufzuholen, von der Strategieentwicklung bis "
                        "zur Qualifizierung von Clustermanagern.</p>",
                        fr="<p>Les auteurs s'appuient sur le benchmarking d'organisations de clusters de "
                        "toute l'Europe pour identifier ce qui distingue les plus performantes et quelles "
                        "mesures aident les autres à combler l'écart, de l'élaboration de la stratégie à la "
                        "formation des managers de clusters.</p>",
                    )
                ),
            ],
            "related": [related_page("pub-cmo-performance")],
        },
    ),
    PageSpec(
        "news-bsr-stars",
        "NewsArticlePage",
        title=T(
            "2nd BSR Stars cluster-to-cluster conference and matchmaking in Berlin",
            de="2. BSR-Stars-Konferenz und Cluster-Matchmaking in Berlin",
            fr="2e conférence et matchmaking cluster-à-cluster BSR Stars à Berlin",
        ),
        fields={
            "date": date(2014, 6, 30),
            "category": "conference",
            "summary": T(
                "On 18 and 19 September 2014 the BSR Stars cluster-to-cluster conference and matchmaking "
                "comes to Berlin under the motto “Towards New Horizons”.",
                de="Am 18. und 19. September 2014 kommt die BSR-Stars-Konferenz mit Cluster-Matchmaking "
                "unter dem Motto „Towards New Horizons“ nach Berlin.",
                fr="Les 18 et 19 septembre 2014, la conférence et le matchmaking cluster-à-cluster de "
                "BSR Stars se tiennent à Berlin sous la devise « Towards New Horizons ».",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>The event pairs clusters and SME networks with each other and helps them find "
                        "funding for international activities, for example through BSR Innovation Express "
                        "and Horizon 2020. Its 2013 edition was Europe's largest cluster matchmaking event: "
                        "<b>170 participants</b> from more than <b>70 clusters</b> in <b>15 countries</b> "
                        "held <b>225 cluster-to-cluster meetings</b>.</p>",
                        de="<p>Die Veranstaltung bringt Cluster und KMU-Netzwerke zusammen und hilft ihnen, "
                        "Fördermittel für internationale Aktivitäten zu finden, etwa über BSR Innovation "
                        "Express und Horizont 2020. Die Ausgabe 2013 war das größte Cluster-Matchmaking "
                        "Europas: <b>170 Teilnehmende</b> aus mehr als <b>70 Clustern</b> in "
                        "<b>15 Ländern</b> führten <b>225 Cluster-zu-Cluster-Gespräche</b>.</p>",
                        fr="<p>L'événement met en relation des clusters et des réseaux de PME et les aide à "
                        "trouver des financements pour leurs activités internationales, par exemple via "
                        "BSR Innovation Express et Horizon 2020. Son édition 2013 a été le plus grand "
                        "matchmaking de clusters d'Europe : <b>170 participants</b> venus de plus de "
                        "<b>70 clusters</b> dans <b>15 pays</b> ont tenu <b>225 rendez-vous "
                        "cluster-à-cluster</b>.</p>",
                    )
                ),
                paragraph(
                    T(
                        "<p>This year the programme puts more weight on the opportunities for clusters in "
                        "Horizon 2020 and moves to Berlin to open up wider collaboration. The organisers "
                        "are go-cluster (Germany), BSR Stars' Innovation in the Baltic Sea Region, "
                        "TCI Network and Netmatch (Denmark).</p>",
                        de="<p>In diesem Jahr legt das Programm mehr Gewicht auf die Chancen für Cluster in "
                        "Horizont 2020 und zieht nach Berlin, um breitere Kooperationen zu ermöglichen. "
                        "Veranstalter sind go-cluster (Deutschland), BSR Stars' Innovation in the Baltic Sea "
                        "Region, TCI Network und Netmatch (Dänemark).</p>",
                        fr="<p>Cette année, le programme met davantage l'accent sur les possibilités "
                        "offertes aux clusters par Horizon 2020 et s'installe à Berlin pour ouvrir la voie "
                        "à des collaborations plus larges. Les organisateurs sont go-cluster (Allemagne), "
                        "BSR Stars' Innovation in the Baltic Sea Region, TCI Network et Netmatch "
                        "(Danemark).</p>",
                    )
                ),
            ],
            "related": [related_page("event-bsr-stars")],
        },
    ),
    PageSpec(
        "news-french-benchmarking",
        "NewsArticlePage",
        title=T(
            "French government publishes ESCA benchmarking of 71 cluster organisations",
            de="Französische Regierung veröffentlicht ESCA-Benchmarking von 71 Clusterorganisationen",
            fr="Le gouvernement français publie le benchmarking ESCA de 71 organisations de clusters",
        ),
        fields={
            "date": date(2014, 6, 2),
            "category": "report",
            "summary": T(
                "For the evaluation of the French cluster programme “Pôles de compétitivité”, ESCA "
                "benchmarked 71 of the cluster organisations it supports. The report is now public.",
                de="Für die Evaluation des französischen Clusterprogramms „Pôles de compétitivité“ hat ESCA "
                "71 der geförderten Clusterorganisationen einem Benchmarking unterzogen. Der Bericht ist "
                "jetzt veröffentlicht.",
                fr="Dans le cadre de l'évaluation du programme français « Pôles de compétitivité », ESCA "
                "a réalisé le benchmarking de 71 des organisations de clusters soutenues. Le rapport est "
                "désormais public.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>The benchmarking looked at how the cluster organisations are set up, governed "
                        "and financed, which services they offer their members and what they achieve. It "
                        "gives the programme owner a view of the whole portfolio and each organisation a "
                        "comparison with its European peers.</p>",
                        de="<p>Das Benchmarking untersuchte Aufbau, Governance und Finanzierung der "
                        "Clusterorganisationen, ihre Leistungen für die Mitglieder und ihre Ergebnisse. Es "
                        "gibt dem Programmträger einen Überblick über das gesamte Portfolio und jeder "
                        "Organisation einen Vergleich mit europäischen Partnern.</p>",
                        fr="<p>Le benchmarking a porté sur l'organisation, la gouvernance et le financement "
                        "des structures d'animation des pôles, sur les services offerts aux membres et sur "
                        "leurs résultats. Il donne au responsable du programme une vue de l'ensemble et à "
                        "chaque organisation une comparaison avec ses homologues européens.</p>",
                    )
                ),
            ],
            "related": [
                related_page("pub-french-benchmarking"),
                related_document("french-benchmarking", FRENCH_BENCHMARKING_TITLE),
            ],
        },
    ),
    PageSpec(
        "news-network",
        "NewsArticlePage",
        title=T(
            "One network, 27 countries: the experts behind ESCA",
            de="Ein Netzwerk, 27 Länder: die Fachleute hinter ESCA",
            fr="Un réseau, 27 pays : les experts derrière ESCA",
        ),
        fields={
            "date": RelDate(-30),
            "category": "news",
            "summary": T(
                "ESCA started with 13 partners in nine countries. Today its network brings together cluster "
                "experts from 27 countries.",
                de="ESCA begann mit 13 Partnern in neun Ländern. Heute vereint das Netzwerk "
                "Clusterexpertinnen und -experten aus 27 Ländern.",
                fr="ESCA a commencé avec 13 partenaires dans neuf pays. Son réseau réunit aujourd'hui des "
                "experts des clusters de 27 pays.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>The experts combine hands-on experience of cluster management with training in "
                        "the ESCA method. For each request for advice, a coordinator picks experts who know "
                        "the country, its language and its cluster programmes.</p>",
                        de="<p>Die Fachleute verbinden praktische Erfahrung im Clustermanagement mit einer "
                        "Schulung in der ESCA-Methode. Für jede Beratungsanfrage wählt eine Koordinatorin "
                        "oder ein Koordinator Fachleute aus, die das Land, seine Sprache und seine "
                        "Clusterprogramme kennen.</p>",
                        fr="<p>Les experts allient une expérience concrète du management de clusters à une "
                        "formation à la méthode ESCA. Pour chaque demande de conseil, un coordinateur "
                        "choisit des experts qui connaissent le pays, sa langue et ses programmes de "
                        "clusters.</p>",
                    )
                ),
            ],
            "related": [related_page("network")],
        },
    ),
    PageSpec(
        "news-internationalisation-call",
        "NewsArticlePage",
        title=T(
            "Call open: cluster partnerships for internationalisation",
            de="Ausschreibung geöffnet: Clusterpartnerschaften für die Internationalisierung",
            fr="Appel ouvert : partenariats de clusters pour l'internationalisation",
        ),
        fields={
            "date": RelDate(-18),
            "category": "call",
            "summary": T(
                "A new call under the Single Market Programme supports cluster partnerships that help their "
                "SMEs go international. The deadline is shown in our calls section.",
                de="Eine neue Ausschreibung im Binnenmarktprogramm fördert Clusterpartnerschaften, die ihren "
                "KMU den Weg in internationale Märkte ebnen. Die Frist finden Sie in unserer Rubrik "
                "Ausschreibungen.",
                fr="Un nouvel appel du programme pour le marché unique soutient les partenariats de clusters "
                "qui aident leurs PME à s'internationaliser. La date limite figure dans notre rubrique "
                "des appels.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>Partnerships of at least three cluster organisations from different countries "
                        "can apply. Benchmarking results and labels help show the quality of the cluster "
                        "management behind a proposal.</p>",
                        de="<p>Antragsberechtigt sind Partnerschaften aus mindestens drei "
                        "Clusterorganisationen aus verschiedenen Ländern. Benchmarking-Ergebnisse und Label "
                        "helfen, die Qualität des Clustermanagements hinter einem Antrag zu belegen.</p>",
                        fr="<p>Les partenariats d'au moins trois organisations de clusters de pays "
                        "différents peuvent candidater. Les résultats de benchmarking et les labels aident "
                        "à démontrer la qualité du management de cluster qui porte une proposition.</p>",
                    )
                ),
            ],
            "related": [related_page("call-internationalisation")],
        },
    ),
    PageSpec(
        "news-bronze-webinar",
        "NewsArticlePage",
        title=T(
            "Webinar: preparing your cluster organisation for the Bronze label",
            de="Webinar: Ihre Clusterorganisation auf das Bronze-Label vorbereiten",
            fr="Webinaire : préparer votre organisation de cluster au label Bronze",
        ),
        fields={
            "date": RelDate(-5),
            "category": "event",
            "summary": T(
                "In a free online session, ESCA experts explain how the benchmarking for the Bronze label "
                "works and what cluster managers should prepare.",
                de="In einer kostenlosen Online-Veranstaltung erklären ESCA-Fachleute, wie das Benchmarking "
                "für das Bronze-Label abläuft und was Clustermanagements vorbereiten sollten.",
                fr="Lors d'une session en ligne gratuite, des experts d'ESCA expliquent le déroulement du "
                "benchmarking pour le label Bronze et ce que les managers de clusters doivent préparer.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>The webinar walks through the benchmarking interview, the figures to have at "
                        "hand and the report you receive. There is time for questions at the end.</p>",
                        de="<p>Das Webinar führt durch das Benchmarking-Interview, die bereitzuhaltenden "
                        "Kennzahlen und den Bericht, den Sie erhalten. Am Ende bleibt Zeit für Fragen.</p>",
                        fr="<p>Le webinaire présente l'entretien de benchmarking, les chiffres à préparer et "
                        "le rapport que vous recevrez. Une séance de questions est prévue à la fin.</p>",
                    )
                ),
            ],
            "related": [related_page("event-bronze-webinar")],
        },
    ),
]

# --------------------------------------------------------------------------- calls

CALLS = [
    PageSpec(
        "call-cosme-2014",
        "CallPage",
        title=T(
            "COSME: cluster excellence programme 2014",
            de="COSME: Programm für Clusterexzellenz 2014",
            fr="COSME : programme pour l'excellence des clusters 2014",
        ),
        fields={
            "programme": programme("cosme"),
            "summary": T(
                "Support for partnerships of cluster organisations that improve their management through "
                "benchmarking, ESCA labelling and the training of cluster managers.",
                de="Förderung für Partnerschaften von Clusterorganisationen, die ihr Management durch "
                "Benchmarking, ESCA-Labelling und die Qualifizierung von Clustermanagern verbessern.",
                fr="Soutien aux partenariats d'organisations de clusters qui améliorent leur management par "
                "le benchmarking, la labellisation ESCA et la formation des managers de clusters.",
            ),
            "opens_at": brussels(2014, 8, 19, 9, 0),
            "closes_at": brussels(2014, 10, 29, 17, 0),
            "eligible_countries": EU28_2014,
            "how_to_apply": T(
                "<p>Partnerships submitted one proposal through the Commission's electronic submission "
                "system. The guide for applicants lists the documents a proposal needed and how proposals "
                "were evaluated.</p>",
                de="<p>Partnerschaften reichten einen Antrag über das elektronische Einreichungssystem der "
                "Kommission ein. Der Leitfaden für Antragstellende nennt die erforderlichen Unterlagen und "
                "beschreibt die Bewertung der Anträge.</p>",
                fr="<p>Les partenariats déposaient une proposition via le système électronique de soumission "
                "de la Commission. Le guide du candidat précise les documents requis et la manière dont les "
                "propositions étaient évaluées.</p>",
                es="<p>Las asociaciones presentaban una propuesta a través del sistema electrónico de "
                "presentación de la Comisión. La guía para solicitantes indica los documentos necesarios y "
                "cómo se evaluaban las propuestas.</p>",
                it="<p>I partenariati presentavano una proposta tramite il sistema elettronico di "
                "presentazione della Commissione. La guida per i candidati indica i documenti richiesti e "
                "come venivano valutate le proposte.</p>",
                pl="<p>Partnerstwa składały jeden wniosek za pośrednictwem elektronicznego systemu Komisji. "
                "Przewodnik dla wnioskodawców wymienia wymagane dokumenty i opisuje sposób oceny "
                "wniosków.</p>",
            ),
            "documents": [document_block("cosme-2014-guide", GUIDE_FOR_APPLICANTS)],
            "further_deadlines": [
                deadline(
                    T(
                        "Information day in Brussels",
                        de="Informationstag in Brüssel",
                        fr="Journée d'information à Bruxelles",
                        es="Jornada informativa en Bruselas",
                        it="Giornata informativa a Bruxelles",
                        pl="Dzień informacyjny w Brukseli",
                    ),
                    brussels(2014, 9, 23, 9, 30),
                ),
            ],
            "contact_name": CALL_HELPDESK,
            "contact_email": "cosme-clusters@cluster-analysis.example",
            "body": T(
                "<p>The call builds on the results of the European Cluster Excellence Initiative. Funded "
                "partnerships are expected to:</p><ul><li>have their cluster organisations benchmarked and, "
                "where ready, labelled by ESCA;</li><li>train their cluster managers;</li><li>share what "
                "they learn with other cluster organisations in Europe.</li></ul>",
                de="<p>Die Ausschreibung baut auf den Ergebnissen der European Cluster Excellence Initiative "
                "auf. Geförderte Partnerschaften sollen:</p><ul><li>ihre Clusterorganisationen einem "
                "Benchmarking unterziehen und, wo möglich, von ESCA labeln lassen;</li><li>ihre "
                "Clustermanager qualifizieren;</li><li>ihre Erfahrungen mit anderen Clusterorganisationen in "
                "Europa teilen.</li></ul>",
                fr="<p>L'appel s'appuie sur les résultats de l'Initiative européenne pour l'excellence des "
                "clusters. Les partenariats financés doivent :</p><ul><li>faire réaliser le benchmarking de "
                "leurs organisations de clusters et, le cas échéant, leur labellisation par ESCA ;</li><li>"
                "former leurs managers de clusters ;</li><li>partager leurs enseignements avec d'autres "
                "organisations de clusters en Europe.</li></ul>",
            ),
        },
    ),
    PageSpec(
        "call-internationalisation",
        "CallPage",
        title=T(
            "Cluster partnerships for internationalisation",
            de="Clusterpartnerschaften für die Internationalisierung",
            fr="Partenariats de clusters pour l'internationalisation",
        ),
        fields={
            "programme": programme("single-market"),
            "call_identifier": "SMP-COSME-CLUSTER-INT",
            "summary": T(
                "Funding for partnerships of cluster organisations that develop joint strategies and "
                "services to take their SMEs to markets outside Europe.",
                de="Förderung für Partnerschaften von Clusterorganisationen, die gemeinsame Strategien und "
                "Angebote entwickeln, um ihre KMU auf Märkte außerhalb Europas zu bringen.",
                fr="Financement de partenariats d'organisations de clusters qui élaborent des stratégies et "
                "des services communs pour conduire leurs PME vers des marchés hors d'Europe.",
            ),
            "opens_at": Rel(-20, 9, 0),
            "closes_at": Rel(45, 17, 0),
            "budget": "4000000.00",
            "eligible_countries": EU27,
            "how_to_apply": T(
                "<p>The lead applicant registers the partnership's intent first, then submits the full "
                "proposal with a signed partnership declaration from every partner.</p><p>Proposals are "
                "written in English. Send questions to the helpdesk at least a week before the deadline; "
                "answers are published for all applicants.</p>",
                de="<p>Die federführende Antragstellerin registriert zuerst die Absicht der Partnerschaft und "
                "reicht dann den vollständigen Antrag mit einer unterschriebenen Partnerschaftserklärung "
                "jedes Partners ein.</p><p>Anträge werden auf Englisch verfasst. Fragen richten Sie "
                "spätestens eine Woche vor der Frist an den Helpdesk; die Antworten werden für alle "
                "Antragstellenden veröffentlicht.</p>",
                fr="<p>Le chef de file enregistre d'abord l'intention du partenariat, puis dépose la "
                "proposition complète avec une déclaration de partenariat signée par chaque partenaire.</p>"
                "<p>Les propositions sont rédigées en anglais. Adressez vos questions au service "
                "d'assistance au moins une semaine avant la date limite ; les réponses sont publiées pour "
                "tous les candidats.</p>",
                es="<p>El solicitante principal registra primero la intención de la asociación y después "
                "presenta la propuesta completa con una declaración de asociación firmada por cada "
                "socio.</p><p>Las propuestas se redactan en inglés. Envíe sus preguntas al servicio de "
                "asistencia al menos una semana antes del plazo; las respuestas se publican para todos los "
                "solicitantes.</p>",
                it="<p>Il capofila registra prima l'intenzione del partenariato, poi presenta la proposta "
                "completa con una dichiarazione di partenariato firmata da ciascun partner.</p><p>Le "
                "proposte sono redatte in inglese. Inviate le domande all'helpdesk almeno una settimana "
                "prima della scadenza; le risposte sono pubblicate per tutti i candidati.</p>",
                pl="<p>Wnioskodawca wiodący najpierw rejestruje zamiar partnerstwa, a następnie składa pełny "
                "wniosek wraz z podpisaną deklaracją partnerstwa każdego partnera.</p><p>Wnioski "
                "sporządza się w języku angielskim. Pytania prosimy kierować do punktu informacyjnego co "
                "najmniej tydzień przed terminem; odpowiedzi są publikowane dla wszystkich "
                "wnioskodawców.</p>",
            ),
            "documents": [
                document_block("int-guide", GUIDE_FOR_APPLICANTS),
                document_block(
                    "int-partnership-declaration",
                    T(
                        "Partnership declaration (template)",
                        de="Partnerschaftserklärung (Vorlage)",
                        fr="Déclaration de partenariat (modèle)",
                        es="Declaración de asociación (modelo)",
                        it="Dichiarazione di partenariato (modello)",
                        pl="Deklaracja partnerstwa (wzór)",
                    ),
                ),
            ],
            "further_deadlines": [
                deadline(INFO_DAY_ONLINE, BeforeDeadline(30, 10, 0)),
                deadline(
                    T(
                        "Registration of intent (stage 1)",
                        de="Registrierung der Antragsabsicht (Stufe 1)",
                        fr="Enregistrement de l'intention (étape 1)",
                        es="Registro de la intención (fase 1)",
                        it="Registrazione dell'intenzione (fase 1)",
                        pl="Rejestracja zamiaru (etap 1)",
                    ),
                    BeforeDeadline(14, 17, 0),
                ),
            ],
            "contact_name": CALL_HELPDESK,
            "contact_email": "internationalisation@cluster-analysis.example",
            "contact_phone": "+49 30 310078 0",
            "body": T(
                "<p>Partnerships of at least three cluster organisations from three eligible countries may "
                "apply. Proposals describe a joint internationalisation strategy, the services planned for "
                "member SMEs and the target markets.</p><p>Applicants with a cluster management label can "
                "refer to their benchmarking report to show the quality of their management.</p>",
                de="<p>Antragsberechtigt sind Partnerschaften aus mindestens drei Clusterorganisationen aus "
                "drei förderfähigen Ländern. Die Anträge beschreiben eine gemeinsame "
                "Internationalisierungsstrategie, die geplanten Angebote für die Mitglieds-KMU und die "
                "Zielmärkte.</p><p>Antragstellende mit einem Clustermanagement-Label können sich auf ihren "
                "Benchmarking-Bericht stützen, um die Qualität ihres Managements zu belegen.</p>",
                fr="<p>Peuvent candidater les partenariats d'au moins trois organisations de clusters de "
                "trois pays éligibles. Les propositions décrivent une stratégie commune "
                "d'internationalisation, les services prévus pour les PME membres et les marchés "
                "visés.</p><p>Les candidats titulaires d'un label de management de cluster peuvent "
                "s'appuyer sur leur rapport de benchmarking pour démontrer la qualité de leur "
                "management.</p>",
            ),
        },
    ),
    PageSpec(
        "call-bsr-seed-money",
        "CallPage",
        title=T(
            "Interreg Baltic Sea Region: seed money for cluster cooperation",
            de="Interreg Ostseeraum: Startkapital für Clusterkooperationen",
            fr="Interreg Région de la mer Baltique : fonds d'amorçage pour la coopération entre clusters",
        ),
        fields={
            "programme": programme("interreg"),
            "call_identifier": "BSR-SEED-CLUSTERS",
            "summary": T(
                "Small grants for clusters around the Baltic Sea that want to prepare a larger "
                "transnational cooperation project.",
                de="Kleine Zuschüsse für Cluster im Ostseeraum, die ein größeres transnationales "
                "Kooperationsprojekt vorbereiten wollen.",
                fr="De petites subventions pour les clusters autour de la mer Baltique qui souhaitent "
                "préparer un projet de coopération transnationale plus ambitieux.",
            ),
            "opens_at": Rel(-60, 9, 0),
            "closes_at": Rel(6, 17, 0),
            "budget": "500000.00",
            "eligible_countries": BALTIC_SEA_REGION,
            "how_to_apply": T(
                "<p>Applications are submitted by the lead partner in the programme's online monitoring "
                "system, using the application form described in the call guidelines.</p>",
                de="<p>Anträge reicht der Lead-Partner im Online-Monitoringsystem des Programms ein, mit dem "
                "in den Ausschreibungsleitlinien beschriebenen Antragsformular.</p>",
                fr="<p>Les candidatures sont déposées par le chef de file dans le système de suivi en ligne "
                "du programme, avec le formulaire décrit dans les lignes directrices de l'appel.</p>",
                es="<p>El socio principal presenta la solicitud en el sistema de seguimiento en línea del "
                "programa, con el formulario descrito en las directrices de la convocatoria.</p>",
                it="<p>Le domande sono presentate dal partner capofila nel sistema di monitoraggio online "
                "del programma, con il modulo descritto nelle linee guida del bando.</p>",
                pl="<p>Wnioski składa partner wiodący w internetowym systemie monitorowania programu, "
                "korzystając z formularza opisanego w wytycznych naboru.</p>",
            ),
            "documents": [
                document_block(
                    "bsr-seed-guidelines",
                    T(
                        "Call guidelines",
                        de="Ausschreibungsleitlinien",
                        fr="Lignes directrices de l'appel",
                        es="Directrices de la convocatoria",
                        it="Linee guida del bando",
                        pl="Wytyczne naboru",
                    ),
                )
            ],
            "further_deadlines": [
                deadline(INFO_DAY_ONLINE, BeforeDeadline(20, 10, 0)),
                deadline(
                    T(
                        "Last day for questions",
                        de="Letzter Tag für Fragen",
                        fr="Dernier jour pour poser des questions",
                        es="Último día para enviar preguntas",
                        it="Ultimo giorno per le domande",
                        pl="Ostatni dzień na pytania",
                    ),
                    BeforeDeadline(3, 12, 0),
                ),
            ],
            "contact_name": T(
                "Joint Secretariat of the Interreg Baltic Sea Region programme",
                de="Gemeinsames Sekretariat des Programms Interreg Ostseeraum",
                fr="Secrétariat conjoint du programme Interreg Région de la mer Baltique",
                es="Secretaría Conjunta del programa Interreg Región del Mar Báltico",
                it="Segretariato congiunto del programma Interreg Regione del Mar Baltico",
                pl="Wspólny Sekretariat Programu Interreg Region Morza Bałtyckiego",
            ),
            "contact_email": "seed-money@cluster-analysis.example",
            "body": T(
                "<p>Seed money covers the work of bringing partners together, analysing needs and drafting "
                "a full project application. Partners from at least three countries of the region are "
                "required.</p>",
                de="<p>Das Startkapital deckt die Arbeit, Partner zusammenzubringen, den Bedarf zu "
                "analysieren und einen vollständigen Projektantrag zu entwerfen. Erforderlich sind Partner "
                "aus mindestens drei Ländern der Region.</p>",
                fr="<p>Le fonds d'amorçage couvre le travail de mise en relation des partenaires, l'analyse "
                "des besoins et la rédaction d'une demande de projet complète. Des partenaires d'au moins "
                "trois pays de la région sont requis.</p>",
            ),
        },
    ),
    PageSpec(
        "call-cross-innovation-pilots",
        "CallPage",
        title=T(
            "Horizon Europe: cross-innovation pilots between creative and traditional industries",
            de="Horizont Europa: Cross-Innovation-Piloten zwischen Kreativwirtschaft und traditionellen "
            "Branchen",
            fr="Horizon Europe : projets pilotes d'innovation croisée entre industries créatives et "
            "traditionnelles",
        ),
        fields={
            "programme": programme("horizon-europe"),
            "call_identifier": "HORIZON-CL-XINNO-PILOT",
            "summary": T(
                "Pilot projects in which clusters connect creative businesses with manufacturers to develop "
                "new products and services together.",
                de="Pilotprojekte, in denen Cluster Kreativunternehmen mit Herstellern zusammenbringen, um "
                "gemeinsam neue Produkte und Dienstleistungen zu entwickeln.",
                fr="Des projets pilotes dans lesquels des clusters mettent en relation entreprises créatives "
                "et industriels pour développer ensemble de nouveaux produits et services.",
            ),
            "opens_at": Rel(30, 9, 0),
            "closes_at": Rel(120, 17, 0),
            "budget": "6000000.00",
            "eligible_countries": sorted([*EU27, "IS", "NO"]),
            "body": T(
                "<p>The call will open soon. It follows up on the findings of studies on cross-innovation, "
                "which show that clusters are well placed to broker collaboration between sectors that "
                "rarely meet.</p>",
                de="<p>Die Ausschreibung wird in Kürze geöffnet. Sie knüpft an Studien zur Cross-Innovation "
                "an, die zeigen, dass Cluster gut geeignet sind, die Zusammenarbeit zwischen Branchen zu "
                "vermitteln, die selten aufeinandertreffen.</p>",
                fr="<p>L'appel ouvrira prochainement. Il fait suite aux études sur l'innovation croisée, qui "
                "montrent que les clusters sont bien placés pour favoriser la collaboration entre des "
                "secteurs qui se rencontrent rarement.</p>",
            ),
        },
    ),
]

# --------------------------------------------------------------------------- events

EVENTS = [
    PageSpec(
        "event-stakeholder-workshop",
        "EventPage",
        title=T(
            "Moving forward the EU policy agenda on cluster excellence",
            de="Die EU-Agenda für Clusterexzellenz voranbringen",
            fr="Faire avancer l'agenda politique européen de l'excellence des clusters",
        ),
        fields={
            "summary": T(
                "Stakeholder workshop of DG Enterprise and Industry: lessons learned and new challenges at "
                "policy and operational level.",
                de="Stakeholder-Workshop der GD Unternehmen und Industrie: Erfahrungen und neue "
                "Herausforderungen auf politischer und operativer Ebene.",
                fr="Atelier des parties prenantes de la DG Entreprises et industrie : enseignements et "
                "nouveaux défis au niveau politique et opérationnel.",
            ),
            "start": brussels(2014, 9, 23, 9, 30),
            "end": brussels(2014, 9, 23, 16, 30),
            "venue": T("European Commission", de="Europäische Kommission", fr="Commission européenne"),
            "city": BRUSSELS_CITY,
            "country": "BE",
            "organisers": T(
                "European Commission, DG Enterprise and Industry",
                de="Europäische Kommission, GD Unternehmen und Industrie",
                fr="Commission européenne, DG Entreprises et industrie",
            ),
            "free_participation": True,
            "body": T(
                "<p>The European Cluster Excellence Initiative, co-financed by the Competitiveness and "
                "Innovation Programme from 2009 to 2012, put cluster management at the heart of the EU "
                "strategy for world-class clusters. The workshop discusses the next EU agenda on cluster "
                "excellence and which activities COSME should take up.</p>",
                de="<p>Die European Cluster Excellence Initiative, von 2009 bis 2012 aus dem Programm für "
                "Wettbewerbsfähigkeit und Innovation kofinanziert, stellte das Clustermanagement in den "
                "Mittelpunkt der EU-Strategie für Cluster von Weltrang. Der Workshop diskutiert die nächste "
                "EU-Agenda zur Clusterexzellenz und die Aktivitäten, die COSME aufgreifen sollte.</p>",
                fr="<p>L'Initiative européenne pour l'excellence des clusters, cofinancée par le programme "
                "pour la compétitivité et l'innovation de 2009 à 2012, a placé le management des clusters "
                "au cœur de la stratégie de l'UE pour des clusters de classe mondiale. L'atelier débat du "
                "prochain agenda européen de l'excellence des clusters et des activités que COSME devrait "
                "reprendre.</p>",
            ),
            "agenda": [
                agenda_item(
                    time(9, 30),
                    T(
                        "Welcome and introduction",
                        de="Begrüßung und Einführung",
                        fr="Accueil et introduction",
                    ),
                    T(
                        "DG Enterprise and Industry",
                        de="GD Unternehmen und Industrie",
                        fr="DG Entreprises et industrie",
                    ),
                ),
                agenda_item(
                    time(10, 0),
                    T(
                        "Lessons learned from the European Cluster Excellence Initiative",
                        de="Erfahrungen aus der European Cluster Excellence Initiative",
                        fr="Les enseignements de l'Initiative européenne pour l'excellence des clusters",
                    ),
                    ESCA,
                    T(
                        "Benchmarking, labelling and the training of cluster managers, 2009–2012.",
                        de="Benchmarking, Labelling und Qualifizierung von Clustermanagern, 2009–2012.",
                        fr="Benchmarking, labellisation et formation des managers de clusters, 2009-2012.",
                    ),
                ),
                agenda_item(
                    time(11, 30),
                    T(
                        "Panel: cluster excellence under COSME",
                        de="Podium: Clusterexzellenz unter COSME",
                        fr="Table ronde : l'excellence des clusters sous COSME",
                    ),
                ),
                agenda_item(
                    time(14, 0),
                    T(
                        "Working groups: policy level and operational level",
                        de="Arbeitsgruppen: politische und operative Ebene",
                        fr="Groupes de travail : niveau politique et niveau opérationnel",
                    ),
                ),
                agenda_item(
                    time(16, 0),
                    T(
                        "Conclusions and next steps",
                        de="Fazit und nächste Schritte",
                        fr="Conclusions et suites",
                    ),
                ),
            ],
            "documents": [document_block("workshop-programme", WORKSHOP_PROGRAMME_TITLE)],
        },
    ),
    PageSpec(
        "event-bsr-stars",
        "EventPage",
        title=T(
            "2nd BSR Stars cluster-to-cluster conference and matchmaking",
            de="2. BSR-Stars-Konferenz mit Cluster-Matchmaking",
            fr="2e conférence et matchmaking cluster-à-cluster BSR Stars",
        ),
        fields={
            "summary": T(
                "Two days to meet other clusters and SME networks and to learn about funding for "
                "international cluster cooperation: “Towards New Horizons”.",
                de="Zwei Tage, um andere Cluster und KMU-Netzwerke zu treffen und mehr über die Förderung "
                "internationaler Clusterkooperation zu erfahren: „Towards New Horizons“.",
                fr="Deux jours pour rencontrer d'autres clusters et réseaux de PME et découvrir les "
                "financements de la coopération internationale entre clusters : « Towards New Horizons ».",
            ),
            "start": brussels(2014, 9, 18, 9, 0),
            "end": brussels(2014, 9, 19, 16, 0),
            "city": BERLIN,
            "country": "DE",
            "organisers": same("go-cluster, BSR Stars, TCI Network, Netmatch"),
            "body": T(
                "<p>In 2013 the event brought together 170 participants from more than 70 clusters in "
                "15 countries for 225 cluster-to-cluster meetings. The 2014 edition focuses on the "
                "opportunities for clusters in Horizon 2020.</p>",
                de="<p>2013 kamen 170 Teilnehmende aus mehr als 70 Clustern in 15 Ländern zu 225 "
                "Cluster-zu-Cluster-Gesprächen zusammen. Die Ausgabe 2014 stellt die Chancen für Cluster in "
                "Horizont 2020 in den Mittelpunkt.</p>",
                fr="<p>En 2013, l'événement a réuni 170 participants de plus de 70 clusters dans 15 pays "
                "pour 225 rendez-vous cluster-à-cluster. L'édition 2014 met l'accent sur les possibilités "
                "offertes aux clusters par Horizon 2020.</p>",
            ),
            "agenda": [
                agenda_item(
                    time(9, 0),
                    T(
                        "Day 1: funding for cluster collaboration – BSR Innovation Express and Horizon 2020",
                        de="Tag 1: Förderung für Clusterkooperation – BSR Innovation Express und Horizont 2020",
                        fr="Jour 1 : financer la coopération entre clusters – BSR Innovation Express et "
                        "Horizon 2020",
                    ),
                ),
                agenda_item(
                    time(14, 0),
                    T(
                        "Day 1: cluster-to-cluster matchmaking meetings",
                        de="Tag 1: Cluster-zu-Cluster-Matchmaking",
                        fr="Jour 1 : rendez-vous de matchmaking cluster-à-cluster",
                    ),
                ),
                agenda_item(
                    time(9, 30),
                    T(
                        "Day 2: matchmaking meetings and follow-up",
                        de="Tag 2: Matchmaking-Gespräche und nächste Schritte",
                        fr="Jour 2 : rendez-vous de matchmaking et suites à donner",
                    ),
                ),
            ],
        },
    ),
    PageSpec(
        "event-bronze-webinar",
        "EventPage",
        title=T(
            "Webinar: preparing for the Bronze label",
            de="Webinar: Vorbereitung auf das Bronze-Label",
            fr="Webinaire : se préparer au label Bronze",
        ),
        fields={
            "summary": T(
                "How the benchmarking for the Bronze label works, what to prepare and what you get: a free "
                "online session for cluster managers.",
                de="Wie das Benchmarking für das Bronze-Label abläuft, was vorzubereiten ist und was Sie "
                "erhalten: eine kostenlose Online-Veranstaltung für Clustermanagements.",
                fr="Le déroulement du benchmarking pour le label Bronze, ce qu'il faut préparer et ce que "
                "vous obtenez : une session en ligne gratuite pour les managers de clusters.",
            ),
            "start": Rel(21, 10, 0),
            "end": Rel(21, 11, 30),
            "venue": T("Online", de="Online", fr="En ligne"),
            "online_link": "https://meet.cluster-analysis.example/bronze-label",
            "organisers": ESCA,
            "registration_url": "https://events.cluster-analysis.example/register/bronze-label-webinar",
            "body": T(
                "<p>Two ESCA benchmarkers walk through the interview, the figures you need and the report "
                "you receive, and answer your questions.</p>",
                de="<p>Zwei ESCA-Benchmarker erläutern das Interview, die benötigten Kennzahlen und den "
                "Bericht, den Sie erhalten, und beantworten Ihre Fragen.</p>",
                fr="<p>Deux experts du benchmarking ESCA présentent l'entretien, les chiffres nécessaires et "
                "le rapport que vous recevrez, puis répondent à vos questions.</p>",
            ),
            "agenda": [
                agenda_item(
                    time(10, 0),
                    T(
                        "The benchmarking method in brief",
                        de="Die Benchmarking-Methode im Überblick",
                        fr="La méthode de benchmarking en bref",
                    ),
                ),
                agenda_item(
                    time(10, 40),
                    T(
                        "Preparing the interview: figures and documents",
                        de="Das Interview vorbereiten: Kennzahlen und Unterlagen",
                        fr="Préparer l'entretien : chiffres et documents",
                    ),
                ),
                agenda_item(
                    time(11, 10),
                    T("Questions and answers", de="Fragen und Antworten", fr="Questions et réponses"),
                ),
            ],
        },
    ),
    PageSpec(
        "event-programme-design-workshop",
        "EventPage",
        title=T(
            "Workshop: designing the next generation of cluster programmes",
            de="Workshop: die nächste Generation von Clusterprogrammen gestalten",
            fr="Atelier : concevoir la prochaine génération de programmes de clusters",
        ),
        fields={
            "summary": T(
                "For ministries and regional agencies: how to set goals, select cluster organisations and "
                "measure results in a cluster programme.",
                de="Für Ministerien und regionale Agenturen: Ziele setzen, Clusterorganisationen auswählen "
                "und Ergebnisse messen in einem Clusterprogramm.",
                fr="Pour les ministères et les agences régionales : fixer des objectifs, sélectionner les "
                "organisations de clusters et mesurer les résultats d'un programme de clusters.",
            ),
            "start": Rel(60, 9, 30),
            "end": Rel(60, 17, 0),
            "venue": VDI_VDE_IT,
            "city": BERLIN,
            "country": "DE",
            "organisers": ESCA,
            "free_participation": True,
            "body": T(
                "<p>Programme owners share their experience and work with ESCA experts on the building "
                "blocks of a cluster programme. The number of places is limited.</p>",
                de="<p>Programmverantwortliche tauschen Erfahrungen aus und arbeiten mit ESCA-Fachleuten an "
                "den Bausteinen eines Clusterprogramms. Die Zahl der Plätze ist begrenzt.</p>",
                fr="<p>Des responsables de programmes partagent leur expérience et travaillent avec des "
                "experts d'ESCA sur les éléments constitutifs d'un programme de clusters. Le nombre de "
                "places est limité.</p>",
            ),
            "agenda": [
                agenda_item(
                    time(9, 30),
                    T(
                        "Why cluster programmes succeed or fail",
                        de="Warum Clusterprogramme gelingen oder scheitern",
                        fr="Pourquoi les programmes de clusters réussissent ou échouent",
                    ),
                    ESCA,
                ),
                agenda_item(
                    time(11, 0),
                    T(
                        "Selecting and funding cluster organisations",
                        de="Clusterorganisationen auswählen und fördern",
                        fr="Sélectionner et financer les organisations de clusters",
                    ),
                ),
                agenda_item(
                    time(14, 0),
                    T(
                        "Monitoring and evaluation with benchmarking",
                        de="Monitoring und Evaluation mit Benchmarking",
                        fr="Suivi et évaluation par le benchmarking",
                    ),
                ),
                agenda_item(
                    time(16, 30),
                    T("Wrap-up", de="Zusammenfassung", fr="Synthèse"),
                ),
            ],
        },
    ),
]

# --------------------------------------------------------------------------- publications

PUBLICATIONS = [
    PageSpec(
        "pub-french-benchmarking",
        "PublicationPage",
        title=T(
            "Benchmarking of 71 cluster organisations of the French “Pôles de compétitivité”",
            de="Benchmarking von 71 Clusterorganisationen der französischen „Pôles de compétitivité“",
            fr="Benchmarking de 71 organisations de clusters des « Pôles de compétitivité »",
        ),
        fields={
            "publication_type": "benchmarking_report",
            "authors": ESCA_FULL,
            "publisher": ORGANISATION_NAME,
            "date": date(2014, 6, 2),
            "abstract": T(
                "<p>Prepared for the evaluation of the French cluster programme, this report compares 71 "
                "cluster organisations supported by the scheme with each other and with European peers.</p>",
                de="<p>Der für die Evaluation des französischen Clusterprogramms erstellte Bericht vergleicht "
                "71 geförderte Clusterorganisationen untereinander und mit europäischen Partnern.</p>",
                fr="<p>Préparé pour l'évaluation du programme français de clusters, ce rapport compare "
                "71 organisations soutenues par le dispositif entre elles et avec leurs homologues "
                "européens.</p>",
            ),
            "pdf": document("french-benchmarking"),
            "topics": [topic("benchmarking"), topic("policy")],
            "countries_covered": ["FR"],
        },
    ),
    PageSpec(
        "pub-cluster-monitor",
        "PublicationPage",
        title=T(
            "Cluster Monitor Germany: trends and prospects of clusters in Germany",
            de="Clustermonitor Deutschland: Trends und Perspektiven von Clustern in Deutschland",
            fr="Cluster Monitor Allemagne : tendances et perspectives des clusters en Allemagne",
        ),
        fields={
            "publication_type": "study",
            "authors": VDI_VDE_IT,
            "publisher": VDI_VDE_IT,
            "date": date(2014, 9, 1),
            "abstract": T(
                "<p>A survey-based picture of cluster organisations in Germany: their financing, their "
                "services for members and the trends their managers expect.</p>",
                de="<p>Ein auf einer Befragung beruhendes Bild der Clusterorganisationen in Deutschland: "
                "ihre Finanzierung, ihre Leistungen für Mitglieder und die von ihren Managements erwarteten "
                "Trends.</p>",
                fr="<p>Un panorama, fondé sur une enquête, des organisations de clusters en Allemagne : leur "
                "financement, leurs services aux membres et les tendances qu'anticipent leurs "
                "managers.</p>",
            ),
            "pdf": document("cluster-monitor"),
            "topics": [topic("policy"), topic("excellence")],
            "countries_covered": ["DE"],
        },
    ),
    PageSpec(
        "pub-cross-innovation",
        "PublicationPage",
        title=T(
            "Clusters and cross-innovation between creative and traditional industries",
            de="Cluster und Cross-Innovation zwischen Kreativwirtschaft und traditionellen Branchen",
            fr="Clusters et innovation croisée entre industries créatives et traditionnelles",
        ),
        fields={
            "publication_type": "study",
            "authors": ESCA_FULL,
            "publisher": ORGANISATION_NAME,
            "date": date(2014, 7, 28),
            "abstract": T(
                "<p>What role clusters can play in bringing creative industries together with traditional "
                "sectors, with examples of instruments that support such cross-innovation.</p>",
                de="<p>Welche Rolle Cluster dabei spielen können, die Kreativwirtschaft mit traditionellen "
                "Branchen zusammenzubringen, mit Beispielen für Instrumente, die solche Cross-Innovation "
                "fördern.</p>",
                fr="<p>Le rôle que les clusters peuvent jouer pour rapprocher les industries créatives des "
                "secteurs traditionnels, avec des exemples d'instruments qui soutiennent cette innovation "
                "croisée.</p>",
            ),
            "pdf": document("cross-innovation"),
            "topics": [topic("cross-innovation"), topic("regions")],
        },
    ),
    PageSpec(
        "pub-cmo-performance",
        "PublicationPage",
        title=T(
            "New approaches to improve the performance of cluster management organisations in Europe",
            de="Neue Ansätze zur Verbesserung der Leistungsfähigkeit von Clustermanagementorganisationen in "
            "Europa",
            fr="Nouvelles approches pour améliorer la performance des organisations de management de "
            "clusters en Europe",
        ),
        fields={
            "publication_type": "study",
            "authors": ESCA_FULL,
            "publisher": ORGANISATION_NAME,
            "date": date(2014, 7, 10),
            "abstract": T(
                "<p>Drawing on benchmarking results from across Europe, the study identifies what sets "
                "high-performing cluster management organisations apart and how others can catch up.</p>",
                de="<p>Gestützt auf Benchmarking-Ergebnisse aus ganz Europa zeigt die Studie, was "
                "leistungsstarke Clustermanagementorganisationen auszeichnet und wie andere aufholen "
                "können.</p>",
                fr="<p>S'appuyant sur des résultats de benchmarking de toute l'Europe, l'étude identifie ce "
                "qui distingue les organisations de management de clusters les plus performantes et comment "
                "les autres peuvent les rattraper.</p>",
            ),
            "pdf": document("cmo-performance"),
            "topics": [topic("excellence"), topic("benchmarking"), topic("internationalisation")],
            "countries_covered": EU28_2014,
        },
    ),
    PageSpec(
        "pub-policy-brief",
        "PublicationPage",
        title=T(
            "Cluster excellence after 2014: lessons from the European Cluster Excellence Initiative",
            de="Clusterexzellenz nach 2014: Lehren aus der European Cluster Excellence Initiative",
            fr="L'excellence des clusters après 2014 : les leçons de l'Initiative européenne pour "
            "l'excellence des clusters",
        ),
        fields={
            "publication_type": "policy_brief",
            "authors": ESCA_FULL,
            "publisher": EUROPEAN_COMMISSION_DG_ENTR,
            "date": date(2014, 10, 15),
            "abstract": T(
                "<p>A short brief for policy makers, written after the Brussels stakeholder workshop of "
                "23 September 2014: what worked in the initiative and what COSME should build on.</p>",
                de="<p>Ein kurzes Papier für die Politik, verfasst nach dem Brüsseler Stakeholder-Workshop "
                "vom 23. September 2014: was sich in der Initiative bewährt hat und worauf COSME aufbauen "
                "sollte.</p>",
                fr="<p>Une note brève pour les décideurs, rédigée après l'atelier des parties prenantes du "
                "23 septembre 2014 à Bruxelles : ce qui a fonctionné dans l'initiative et ce sur quoi COSME "
                "devrait s'appuyer.</p>",
            ),
            "pdf": document("policy-brief"),
            "topics": [topic("policy"), topic("excellence")],
        },
    ),
]

# --------------------------------------------------------------------------- tree


def index_page(key, model, title, slug, intro):
    return PageSpec(key, model, title=title, slug=slug, show_in_menus=True, fields={"intro": intro})


NEWS = index_page(
    "news",
    "NewsIndexPage",
    T("News", de="Aktuelles", fr="Actualités"),
    T("news", de="aktuelles", fr="actualites"),
    T(
        "<p>News from the network, new studies and reports, calls for proposals and events on clusters "
        "and cluster policy in Europe.</p>",
        de="<p>Neues aus dem Netzwerk, neue Studien und Berichte, Ausschreibungen und Veranstaltungen "
        "rund um Cluster und Clusterpolitik in Europa.</p>",
        fr="<p>Les nouvelles du réseau, les nouvelles études et les nouveaux rapports, les appels à "
        "propositions et les événements sur les clusters et les politiques de clusters en Europe.</p>",
    ),
)
NEWS.children = NEWS_ARTICLES

CALLS_INDEX = index_page(
    "calls",
    "CallIndexPage",
    T("Calls for proposals", de="Ausschreibungen", fr="Appels à propositions"),
    T("calls", de="ausschreibungen", fr="appels"),
    T(
        "<p>Funding opportunities for cluster organisations and their members. All deadlines are given "
        "in Brussels time.</p>",
        de="<p>Fördermöglichkeiten für Clusterorganisationen und ihre Mitglieder. Alle Fristen sind in "
        "Brüsseler Zeit angegeben.</p>",
        fr="<p>Les possibilités de financement pour les organisations de clusters et leurs membres. "
        "Toutes les dates limites sont exprimées à l'heure de Bruxelles.</p>",
    ),
)
CALLS_INDEX.children = CALLS

EVENTS_INDEX = index_page(
    "events",
    "EventIndexPage",
    T("Events", de="Veranstaltungen", fr="Événements"),
    T("events", de="veranstaltungen", fr="evenements"),
    T(
        "<p>Workshops, conferences and webinars organised by ESCA and its partners.</p>",
        de="<p>Workshops, Konferenzen und Webinare von ESCA und seinen Partnern.</p>",
        fr="<p>Ateliers, conférences et webinaires organisés par ESCA et ses partenaires.</p>",
    ),
)
EVENTS_INDEX.children = EVENTS

PUBLICATIONS_INDEX = index_page(
    "publications",
    "PublicationIndexPage",
    T("Publications", de="Publikationen", fr="Publications"),
    T("publications", de="publikationen", fr="publications"),
    T(
        "<p>Studies, benchmarking reports and policy briefs by ESCA and its experts, free to download.</p>",
        de="<p>Studien, Benchmarking-Berichte und Policy Briefs von ESCA und seinen Fachleuten, kostenlos "
        "zum Download.</p>",
        fr="<p>Études, rapports de benchmarking et notes de politique d'ESCA et de ses experts, en "
        "téléchargement gratuit.</p>",
    ),
)
PUBLICATIONS_INDEX.children = PUBLICATIONS

# The page hosting the public advisory request form, in every language.
REQUEST_ADVICE = PageSpec(
    "request_advice",
    "advisory.RequestFormPage",
    title=T(
        "Request advice",
        de="Beratung anfragen",
        fr="Demander un conseil",
        es="Solicitar asesoramiento",
        it="Richiedi una consulenza",
        pl="Poproś o doradztwo",
    ),
    slug=T(
        "request-advice",
        de="beratung-anfragen",
        fr="demander-un-conseil",
        es="solicitar-asesoramiento",
        it="richiedi-una-consulenza",
        pl="popros-o-doradztwo",
    ),
    locales=ALL_TARGETS,
    show_in_menus=True,
    fields={
        "intro": T(
            "<p>Ministries, regional agencies and programme owners can ask our network for advice on "
            "designing, running or evaluating a cluster programme. Tell us what you need: a coordinator "
            "for your country answers within two working days and proposes experts who know your region "
            "and speak your language.</p>",
            de="<p>Ministerien, regionale Agenturen und Programmträger können unser Netzwerk zur "
            "Gestaltung, Umsetzung oder Evaluierung eines Clusterprogramms um Rat fragen. Beschreiben Sie "
            "Ihr Anliegen: Eine Koordinatorin oder ein Koordinator für Ihr Land antwortet innerhalb von "
            "zwei Arbeitstagen und schlägt Expertinnen und Experten vor, die Ihre Region kennen und Ihre "
            "Sprache sprechen.</p>",
            fr="<p>Les ministères, agences régionales et responsables de programmes peuvent solliciter "
            "notre réseau pour concevoir, mettre en œuvre ou évaluer un programme de clusters. Décrivez "
            "votre besoin : un coordinateur pour votre pays répond sous deux jours ouvrés et vous propose "
            "des experts qui connaissent votre région et parlent votre langue.</p>",
            es="<p>Ministerios, agencias regionales y responsables de programas pueden pedir asesoramiento "
            "a nuestra red para diseñar, ejecutar o evaluar un programa de clústeres. Cuéntenos qué "
            "necesita: un coordinador de su país responde en dos días hábiles y le propone expertos que "
            "conocen su región y hablan su idioma.</p>",
            it="<p>Ministeri, agenzie regionali e titolari di programmi possono chiedere alla nostra rete "
            "una consulenza per progettare, attuare o valutare un programma per i cluster. Descriva la sua "
            "esigenza: un coordinatore per il suo paese risponde entro due giorni lavorativi e propone "
            "esperti che conoscono la sua regione e parlano la sua lingua.</p>",
            pl="<p>Ministerstwa, agencje regionalne i operatorzy programów mogą poprosić naszą sieć o "
            "doradztwo przy projektowaniu, realizacji lub ewaluacji programu klastrowego. Prosimy opisać "
            "swoje potrzeby: koordynator dla Państwa kraju odpowie w ciągu dwóch dni roboczych i "
            "zaproponuje ekspertów, którzy znają region i mówią w Państwa języku.</p>",
        ),
        # Five years: the default retention (ADVISORY_RETENTION_YEARS).
        "privacy_notice": T(
            "<p>We use your details only to handle your request and keep them for five years after it "
            "ends.</p>",
            de="<p>Wir verwenden Ihre Angaben nur zur Bearbeitung Ihrer Anfrage und bewahren sie fünf "
            "Jahre nach deren Abschluss auf.</p>",
            fr="<p>Nous utilisons vos données uniquement pour traiter votre demande et les conservons "
            "cinq ans après sa clôture.</p>",
            es="<p>Utilizamos sus datos solo para tramitar su solicitud y los conservamos cinco años "
            "después de su cierre.</p>",
            it="<p>Utilizziamo i suoi dati solo per gestire la richiesta e li conserviamo per cinque anni "
            "dopo la sua conclusione.</p>",
            pl="<p>Wykorzystujemy Państwa dane wyłącznie do obsługi zapytania i przechowujemy je przez "
            "pięć lat po jego zakończeniu.</p>",
        ),
        "privacy_page": page("privacy"),
        "thank_you": T(
            "<p>Thank you. Keep the link to your tracking page: it shows where your request stands and lets "
            "you write to us and answer our questions.</p>",
            de="<p>Vielen Dank. Bewahren Sie den Link zu Ihrer Statusseite auf: Sie zeigt den Stand Ihrer "
            "Anfrage und ermöglicht Ihnen, uns zu schreiben und unsere Fragen zu beantworten.</p>",
            fr="<p>Merci. Conservez le lien vers votre page de suivi : elle indique où en est votre demande "
            "et vous permet de nous écrire et de répondre à nos questions.</p>",
            es="<p>Gracias. Conserve el enlace a su página de seguimiento: muestra el estado de su solicitud "
            "y le permite escribirnos y responder a nuestras preguntas.</p>",
            it="<p>Grazie. Conservi il link alla Sua pagina di monitoraggio: mostra lo stato della richiesta "
            "e Le permette di scriverci e di rispondere alle nostre domande.</p>",
            pl="<p>Dziękujemy. Prosimy zachować link do strony śledzenia zapytania: pokazuje ona stan "
            "zapytania i umożliwia napisanie do nas oraz odpowiedź na nasze pytania.</p>",
        ),
    },
)


HOME = PageSpec(
    "home",
    "HomePage",
    title=T(
        "European Secretariat for Cluster Analysis",
        de="Europäisches Sekretariat für Clusteranalyse",
        fr="Secrétariat européen pour l'analyse des clusters",
        es="Secretariado Europeo de Análisis de Clústeres",
        it="Segretariato europeo per l'analisi dei cluster",
        pl="Europejski Sekretariat Analizy Klastrów",
    ),
    slug=T("home", de="home-de", fr="home-fr", es="home-es", it="home-it", pl="home-pl"),
    locales=ALL_TARGETS,
    fields={
        "intro": T(
            "<p>ESCA grew out of the European Cluster Excellence Initiative (ECEI), which the European "
            "Commission started in 2009 under the Competitiveness and Innovation Programme. When the "
            "initiative ended, VDI/VDE Innovation + Technik GmbH, one of its 13 partners from nine "
            "countries, set up ESCA to carry the work forward. Today ESCA is a network of cluster experts "
            "from <b>27 countries</b>.</p>"
            "<p>Strong clusters turn a region's potential for innovation and business into growth: new "
            "companies, products, jobs and research. Professional cluster management makes that happen. "
            "We help cluster organisations, and the public bodies that support them, do it better.</p>",
            de="<p>ESCA ist aus der European Cluster Excellence Initiative (ECEI) hervorgegangen, die die "
            "Europäische Kommission 2009 im Rahmen des Programms für Wettbewerbsfähigkeit und Innovation "
            "gestartet hat. Nach dem Ende der Initiative gründete die VDI/VDE Innovation + Technik GmbH, "
            "einer der 13 Partner aus neun Ländern, ESCA, um die Arbeit fortzuführen. Heute ist ESCA ein "
            "Netzwerk von Clusterexpertinnen und -experten aus <b>27 Ländern</b>.</p>"
            "<p>Starke Cluster verwandeln das Innovations- und Geschäftspotenzial einer Region in Wachstum: "
            "neue Unternehmen, Produkte, Arbeitsplätze und Forschung. Professionelles Clustermanagement "
            "macht das möglich. Wir helfen Clusterorganisationen und den öffentlichen Stellen, die sie "
            "fördern, dabei, noch besser zu werden.</p>",
            fr="<p>ESCA est issu de l'Initiative européenne pour l'excellence des clusters (ECEI), lancée en "
            "2009 par la Commission européenne dans le cadre du programme pour la compétitivité et "
            "l'innovation. À la fin de l'initiative, VDI/VDE Innovation + Technik GmbH, l'un de ses "
            "13 partenaires issus de neuf pays, a créé ESCA pour poursuivre le travail. ESCA est "
            "aujourd'hui un réseau d'experts des clusters de <b>27 pays</b>.</p>"
            "<p>Des clusters solides transforment le potentiel d'innovation et d'affaires d'une région en "
            "croissance : nouvelles entreprises, nouveaux produits, emplois et recherche. Un management "
            "professionnel des clusters le rend possible. Nous aidons les organisations de clusters, et les "
            "pouvoirs publics qui les soutiennent, à progresser.</p>",
            es="<p>ESCA nació de la Iniciativa Europea de Excelencia de Clústeres (ECEI), que la Comisión "
            "Europea puso en marcha en 2009 dentro del Programa para la Competitividad y la Innovación. Al "
            "concluir la iniciativa, VDI/VDE Innovation + Technik GmbH, uno de sus 13 socios de nueve "
            "países, creó ESCA para continuar el trabajo. Hoy ESCA es una red de expertos en clústeres de "
            "<b>27 países</b>.</p>"
            "<p>Los clústeres sólidos convierten el potencial innovador y empresarial de una región en "
            "crecimiento: nuevas empresas, productos, empleos e investigación. Una gestión profesional del "
            "clúster lo hace posible. Ayudamos a las organizaciones de clústeres, y a las administraciones "
            "que las apoyan, a hacerlo mejor.</p>",
            it="<p>ESCA è nato dall'Iniziativa europea per l'eccellenza dei cluster (ECEI), avviata dalla "
            "Commissione europea nel 2009 nell'ambito del Programma per la competitività e l'innovazione. "
            "Alla conclusione dell'iniziativa, VDI/VDE Innovation + Technik GmbH, uno dei suoi 13 partner "
            "di nove paesi, ha fondato ESCA per proseguirne il lavoro. Oggi ESCA è una rete di esperti di "
            "cluster di <b>27 paesi</b>.</p>"
            "<p>I cluster forti trasformano il potenziale di innovazione e di impresa di una regione in "
            "crescita: nuove imprese, prodotti, posti di lavoro e ricerca. Una gestione professionale del "
            "cluster lo rende possibile. Aiutiamo le organizzazioni dei cluster, e gli enti pubblici che le "
            "sostengono, a fare meglio.</p>",
            pl="<p>ESCA wyrosła z Europejskiej Inicjatywy Doskonałości Klastrów (ECEI), którą Komisja "
            "Europejska uruchomiła w 2009 roku w ramach Programu na rzecz konkurencyjności i innowacji. Po "
            "zakończeniu inicjatywy VDI/VDE Innovation + Technik GmbH, jeden z jej 13 partnerów z "
            "dziewięciu krajów, powołał ESCA, aby kontynuować tę pracę. Dziś ESCA to sieć ekspertów ds. "
            "klastrów z <b>27 krajów</b>.</p>"
            "<p>Silne klastry przekształcają potencjał innowacyjny i gospodarczy regionu we wzrost: nowe "
            "firmy, produkty, miejsca pracy i badania. Umożliwia to profesjonalne zarządzanie klastrem. "
            "Pomagamy organizacjom klastrowym oraz wspierającym je instytucjom publicznym działać "
            "lepiej.</p>",
        ),
        "services": [
            service(
                T(
                    "Benchmarking and quality labels for cluster management",
                    de="Benchmarking und Qualitätslabel für das Clustermanagement",
                    fr="Benchmarking et labels de qualité pour le management de clusters",
                    es="Benchmarking y sellos de calidad para la gestión de clústeres",
                    it="Benchmarking e marchi di qualità per la gestione dei cluster",
                    pl="Benchmarking i znaki jakości dla zarządzania klastrami",
                ),
                T(
                    "We compare cluster management organisations with their peers across Europe and award "
                    "the Bronze, Silver and Gold labels of the European Cluster Excellence Initiative, which "
                    "mandated ESCA to organise the assessment.",
                    de="Wir vergleichen Clustermanagementorganisationen mit ähnlichen Organisationen in ganz "
                    "Europa und vergeben die Label Bronze, Silber und Gold der European Cluster Excellence "
                    "Initiative, die ESCA mit der Organisation der Bewertung beauftragt hat.",
                    fr="Nous comparons les organisations de management de clusters à leurs homologues "
                    "européens et décernons les labels Bronze, Argent et Or de l'Initiative européenne pour "
                    "l'excellence des clusters, qui a confié à ESCA l'organisation de l'évaluation.",
                    es="Comparamos las organizaciones de gestión de clústeres con sus homólogas de toda "
                    "Europa y concedemos los sellos Bronce, Plata y Oro de la Iniciativa Europea de "
                    "Excelencia de Clústeres, que encomendó a ESCA la organización de la evaluación.",
                    it="Confrontiamo le organizzazioni di gestione dei cluster con le loro omologhe in tutta "
                    "Europa e rilasciamo i marchi Bronzo, Argento e Oro dell'Iniziativa europea per "
                    "l'eccellenza dei cluster, che ha incaricato ESCA di organizzare la valutazione.",
                    pl="Porównujemy organizacje zarządzające klastrami z podobnymi organizacjami w całej "
                    "Europie i przyznajemy znaki Brązowy, Srebrny i Złoty Europejskiej Inicjatywy "
                    "Doskonałości Klastrów, która powierzyła ESCA organizację oceny.",
                ),
                to=page("services"),
            ),
            service(
                T(
                    "Advice on cluster programmes",
                    de="Beratung zu Clusterprogrammen",
                    fr="Conseil sur les programmes de clusters",
                    es="Asesoramiento sobre programas de clústeres",
                    it="Consulenza sui programmi per i cluster",
                    pl="Doradztwo w zakresie programów klastrowych",
                ),
                T(
                    "We advise cluster policy makers and programme owners – ministries and regional "
                    "agencies – on designing, running and evaluating cluster programmes, with experts from "
                    "our network who know their country.",
                    de="Wir beraten Clusterpolitik und Programmverantwortliche – Ministerien und regionale "
                    "Agenturen – bei Konzeption, Umsetzung und Evaluation von Clusterprogrammen, mit "
                    "Fachleuten aus unserem Netzwerk, die ihr Land kennen.",
                    fr="Nous conseillons les décideurs des politiques de clusters et les responsables de "
                    "programmes – ministères et agences régionales – pour concevoir, mettre en œuvre et "
                    "évaluer leurs programmes, avec des experts de notre réseau qui connaissent leur pays.",
                    es="Asesoramos a los responsables de las políticas de clústeres y a los gestores de "
                    "programas – ministerios y agencias regionales – en el diseño, la gestión y la "
                    "evaluación de programas de clústeres, con expertos de nuestra red que conocen su país.",
                    it="Offriamo consulenza ai decisori delle politiche per i cluster e ai titolari dei "
                    "programmi – ministeri e agenzie regionali – nella progettazione, gestione e valutazione "
                    "dei programmi, con esperti della nostra rete che conoscono il loro paese.",
                    pl="Doradzamy twórcom polityki klastrowej i operatorom programów – ministerstwom i "
                    "agencjom regionalnym – w projektowaniu, realizacji i ewaluacji programów klastrowych, "
                    "korzystając z ekspertów naszej sieci, którzy znają swój kraj.",
                ),
                to=page("services"),
            ),
        ],
    },
    children=[
        ABOUT,
        SERVICES,
        NETWORK,
        NEWS,
        CALLS_INDEX,
        EVENTS_INDEX,
        PUBLICATIONS_INDEX,
        # Before the request form, whose privacy_page points at it.
        PRIVACY,
        REQUEST_ADVICE,
        IMPRINT,
    ],
)

SITE_SETTINGS = {
    "short_name": "ESCA",
    "contact_email": "secretariat@cluster-analysis.example",
}

# The organisation's texts of the header and footer, one version per language (cms.SiteTexts).
SITE_TEXTS = SnippetSpec(
    "site-texts",
    "SiteTexts",
    {
        "organisation_name": ORGANISATION_NAME,
        "tagline": T(
            "Cluster excellence through benchmarking, labelling and advice",
            de="Clusterexzellenz durch Benchmarking, Labelling und Beratung",
            fr="L'excellence des clusters par le benchmarking, la labellisation et le conseil",
            es="Excelencia de los clústeres mediante evaluación comparativa, etiquetado y asesoramiento",
            it="Eccellenza dei cluster attraverso benchmarking, etichettatura e consulenza",
            pl="Doskonałość klastrów dzięki benchmarkingowi, certyfikacji i doradztwu",
        ),
        "footer_text": T(
            "ESCA is a network of cluster experts from 27 countries, hosted by "
            "VDI/VDE Innovation + Technik GmbH in Berlin.",
            de="ESCA ist ein Netzwerk von Clusterexpertinnen und -experten aus 27 Ländern mit Sitz bei "
            "der VDI/VDE Innovation + Technik GmbH in Berlin.",
            fr="L'ESCA est un réseau d'experts des clusters de 27 pays, hébergé par "
            "VDI/VDE Innovation + Technik GmbH à Berlin.",
            es="ESCA es una red de expertos en clústeres de 27 países, con sede en "
            "VDI/VDE Innovation + Technik GmbH en Berlín.",
            it="ESCA è una rete di esperti di cluster di 27 paesi, ospitata da "
            "VDI/VDE Innovation + Technik GmbH a Berlino.",
            pl="ESCA to sieć ekspertów ds. klastrów z 27 krajów, działająca przy "
            "VDI/VDE Innovation + Technik GmbH w Berlinie.",
        ),
        "address": T(
            "c/o VDI/VDE Innovation + Technik GmbH\nSteinplatz 1\n10623 Berlin\nGermany",
            de="c/o VDI/VDE Innovation + Technik GmbH\nSteinplatz 1\n10623 Berlin\nDeutschland",
            fr="c/o VDI/VDE Innovation + Technik GmbH\nSteinplatz 1\n10623 Berlin\nAllemagne",
            es="c/o VDI/VDE Innovation + Technik GmbH\nSteinplatz 1\n10623 Berlín\nAlemania",
            it="c/o VDI/VDE Innovation + Technik GmbH\nSteinplatz 1\n10623 Berlino\nGermania",
            pl="c/o VDI/VDE Innovation + Technik GmbH\nSteinplatz 1\n10623 Berlin\nNiemcy",
        ),
        "copyright": T(
            "European Secretariat for Cluster Analysis. Texts may be quoted with the source.",
            de="Europäisches Sekretariat für Clusteranalyse. Texte dürfen mit Quellenangabe zitiert werden.",
            fr="Secrétariat européen pour l'analyse des clusters. Les textes peuvent être cités avec "
            "mention de la source.",
            es="Secretariado Europeo de Análisis de Clústeres. Los textos pueden citarse indicando la "
            "fuente.",
            it="Segretariato europeo per l'analisi dei cluster. I testi possono essere citati indicando "
            "la fonte.",
            pl="Europejski Sekretariat Analizy Klastrów. Teksty można cytować z podaniem źródła.",
        ),
    },
    locales=ALL_TARGETS,
)

DEMO = Demo(
    programmes=PROGRAMMES,
    topics=TOPICS,
    documents=DOCUMENTS + CALL_DOCUMENTS,
    home=HOME,
    site_settings=SITE_SETTINGS,
    site_texts=SITE_TEXTS,
)
