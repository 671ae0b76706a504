"""The demo's advisory requests, each with the story that brings it to its state.

A story is a list of steps at moments before the day of loading; the loader plays each step
through the real services and the process engine at that moment, so audit entries, deadlines
and outbox messages are what they would be had it all happened then. Moments are business days
back (`At(-6, 10, 15)`: six business days ago at 10:15) or hours back (`HoursAgo(2)`).

Requesters, organisations and programmes are invented. A request is found again by its
requester's e-mail address and programme name.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class At:
    days: int  # business days before the day of loading (negative)
    hour: int
    minute: int = 0


@dataclass(frozen=True)
class HoursAgo:
    hours: float


@dataclass(frozen=True)
class Step:
    when: At | HoursAgo
    action: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    """A small PDF made on the fly: its file name, title and lines of text."""

    filename: str
    title: str
    lines: tuple = ()


def submit(when, attachment=None):
    return Step(when, "submit", {"attachment": attachment})


def screen(when):
    return Step(when, "screen")


def note(when, text):
    """An internal note by the owner."""
    return Step(when, "note", {"text": text})


def message(when, author, text):
    """A message shared with the requester; `author` is "owner", "requester" or an expert's key."""
    return Step(when, "message", {"author": author, "text": text})


def ask_info(when, question):
    return Step(when, "ask_info", {"question": question})


def provide_info(when, answer, attachment=None):
    return Step(when, "provide_info", {"answer": answer, "attachment": attachment})


def accept(when, scope, service=None):
    return Step(when, "accept", {"scope": scope, "service": service})


def decline(when, reason):
    return Step(when, "decline", {"reason": reason})


def invite(when, expert, role):
    return Step(when, "invite", {"expert": expert, "role": role})


def says_yes(when, expert, statement=""):
    return Step(when, "says_yes", {"expert": expert, "statement": statement})


def says_no(when, expert, reason):
    return Step(when, "says_no", {"expert": expert, "reason": reason})


def withdraw_invitation(when, expert, comment):
    return Step(when, "withdraw_invitation", {"expert": expert, "comment": comment})


def expire(when, expert):
    return Step(when, "expire", {"expert": expert})


def propose_team(when):
    return Step(when, "propose_team")


def approve_team(when):
    return Step(when, "approve_team")


def object_team(when, reason):
    return Step(when, "object_team", {"reason": reason})


def hold(when, reason):
    return Step(when, "hold", {"reason": reason})


def upload(when, expert, document, description=""):
    return Step(when, "upload", {"expert": expert, "document": document, "description": description})


def approve_deliverable(when, title, comment=""):
    return Step(when, "approve_deliverable", {"title": title, "comment": comment})


def return_deliverable(when, title, comment):
    return Step(when, "return_deliverable", {"title": title, "comment": comment})


def resubmit(when, expert, title):
    return Step(when, "resubmit", {"expert": expert, "title": title})


def deliver(when):
    return Step(when, "deliver")


def complete(when, expert):
    return Step(when, "complete", {"expert": expert})


def feedback(when, score, comment):
    return Step(when, "feedback", {"score": score, "comment": comment})


def close(when, by="owner"):
    return Step(when, "close", {"by": by})


def withdraw(when, reason, by="requester"):
    return Step(when, "withdraw", {"reason": reason, "by": by})


@dataclass(frozen=True)
class RequestSpec:
    requester_name: str
    requester_email: str
    requester_phone: str
    language: str  # the site language the requester wrote in
    organisation: str
    country: str
    programme_name: str
    programme_level: str
    service_type: str
    description: str
    working_language: str
    areas: tuple
    budget_band: str
    owner: str  # username of the coordinator who screens it
    story: tuple
    required_certification: str = ""
    # The desired engagement: starts this many days after submission and lasts this many days.
    desired: tuple = (45, 120)


REQUESTS = (
    # ------------------------------------------------------------------ submitted
    RequestSpec(
        requester_name="Dr. Stefan Krüger",
        requester_email="stefan.krueger@wirtschaft-thueringen.example",
        requester_phone="+49 361 555 0142",
        language="de",
        organisation="Thüringer Landesministerium für Wirtschaft",
        country="DE",
        programme_name="Clusterstrategie Thüringen 2030",
        programme_level="regional",
        service_type="programme_development",
        description=(
            "Wir überarbeiten unsere Clusterstrategie für die Förderperiode ab 2028. Uns interessiert, "
            "wie andere Regionen die Förderkriterien für Clustermanagementorganisationen gestaltet haben "
            "und wie wir die Clusterförderung enger mit unserer Regionalen Innovationsstrategie (RIS3) "
            "verzahnen können. Gewünscht sind ein Workshop mit dem Fachreferat und eine kurze schriftliche "
            "Empfehlung."
        ),
        working_language="de",
        areas=("programme-design", "smart-specialisation"),
        budget_band="10k_50k",
        owner="coordinator",
        # Never screened: its screening deadline has passed, so the queue shows it overdue.
        story=(submit(At(-6, 10, 15)),),
    ),
    RequestSpec(
        requester_name="Magdalena Wójcik",
        requester_email="m.wojcik@pomorskie-rozwoj.example",
        requester_phone="+48 58 555 0190",
        language="pl",
        organisation="Urząd Marszałkowski Województwa Pomorskiego",
        country="PL",
        programme_name="Pomorskie Klastry Kluczowe",
        programme_level="regional",
        service_type="programme_evaluation",
        description=(
            "Od 2021 roku wspieramy sześć klastrów kluczowych regionu. Przed kolejną edycją programu "
            "chcemy zlecić niezależną ocenę: czy kryteria wyboru i wskaźniki rezultatu były właściwe, "
            "jak klastry rozwinęły swoje usługi dla członków i co warto zmienić w systemie monitorowania."
        ),
        working_language="pl",
        areas=("programme-evaluation", "cluster-benchmarking"),
        budget_band="50k_150k",
        owner="coordinator-east",
        story=(submit(HoursAgo(2)),),
    ),
    RequestSpec(
        requester_name="Alessandro Conti",
        requester_email="a.conti@regione-marche-innovazione.example",
        requester_phone="+39 071 555 0133",
        language="it",
        organisation="Regione Marche – Servizio Innovazione e Ricerca",
        country="IT",
        programme_name="Rete regionale dei cluster tecnologici",
        programme_level="regional",
        service_type="benchmarking",
        description=(
            "La Regione intende valutare la qualità della gestione dei cinque cluster tecnologici regionali "
            "prima di rinnovare le convenzioni. Chiediamo un benchmarking delle organizzazioni di gestione "
            "secondo la metodologia europea, con un confronto con cluster simili di altre regioni."
        ),
        working_language="it",
        areas=("cluster-benchmarking", "cluster-management-excellence"),
        budget_band="10k_50k",
        owner="coordinator-south",
        required_certification="benchmarker",
        story=(submit(At(-1, 16, 40)),),
    ),
    # ------------------------------------------------------------------ screening
    RequestSpec(
        requester_name="Nathalie Garnier",
        requester_email="nathalie.garnier@occitanie-innovation.example",
        requester_phone="+33 5 55 01 23 45",
        language="fr",
        organisation="Région Occitanie – Direction de l'innovation",
        country="FR",
        programme_name="Programme régional des pôles et clusters",
        programme_level="regional",
        service_type="programme_evaluation",
        description=(
            "La Région soutient quatorze pôles et clusters. Nous souhaitons une évaluation à mi-parcours "
            "du programme : pertinence des critères de financement, effets sur les PME adhérentes et "
            "articulation avec la stratégie régionale de spécialisation intelligente."
        ),
        working_language="fr",
        areas=("programme-evaluation", "cluster-management-excellence"),
        budget_band="50k_150k",
        owner="coordinator-south",
        # Screening started but no decision yet: the decision deadline has passed (overdue).
        story=(
            submit(At(-13, 11, 20)),
            screen(At(-11, 9, 45)),
            note(
                At(-11, 10),
                "Large evaluation, fourteen clusters. Check whether Claire Dubois and Sophie Laurent are "
                "free in the autumn before accepting.",
            ),
        ),
    ),
    RequestSpec(
        requester_name="Mag. Barbara Steiner",
        requester_email="barbara.steiner@kaernten-wirtschaft.example",
        requester_phone="+43 463 555 0177",
        language="de",
        organisation="Amt der Kärntner Landesregierung – Abteilung Wirtschaft",
        country="AT",
        programme_name="Kärntner Clusterprogramm 2027",
        programme_level="regional",
        service_type="labelling_support",
        description=(
            "Unsere drei Landescluster sollen bis 2027 das Silber-Label der Europäischen "
            "Clusterexzellenz-Initiative erreichen. Wir suchen Unterstützung bei der Vorbereitung: eine "
            "Standortbestimmung der Clustermanagements und ein Schulungsprogramm für die Teams."
        ),
        working_language="de",
        areas=("cluster-management-excellence", "cluster-manager-training"),
        budget_band="10k_50k",
        owner="coordinator",
        story=(
            submit(At(-3, 8, 50)),
            screen(At(-2, 9, 30)),
            note(At(-2, 9, 40), "Passt gut zu Thomas Becker oder Markus Gruber (beide Label-Assessoren)."),
        ),
    ),
    RequestSpec(
        requester_name="Ferenc Balogh",
        requester_email="ferenc.balogh@ngm-hungary.example",
        requester_phone="+36 1 555 0166",
        language="en",
        organisation="Ministry for National Economy – Department of Industrial Policy",
        country="HU",
        programme_name="Accredited Innovation Cluster scheme",
        programme_level="national",
        service_type="peer_review",
        description=(
            "Hungary has accredited innovation clusters since 2008. We are redesigning the accreditation "
            "criteria and would welcome a peer review of the draft by experts who have run similar schemes "
            "in other member states, including a one-day workshop in Budapest."
        ),
        working_language="en",
        areas=("programme-design", "cluster-management-excellence"),
        budget_band="up_to_10k",
        owner="coordinator-east",
        story=(submit(At(-2, 13, 5)), screen(At(-1, 10, 20))),
    ),
    # ------------------------------------------------------------------ awaiting information
    RequestSpec(
        requester_name="Pablo Jiménez",
        requester_email="pablo.jimenez@murcia-innovacion.example",
        requester_phone="+34 968 555 014",
        language="es",
        organisation="Consejería de Empresa e Innovación de la Región de Murcia",
        country="ES",
        programme_name="Programa de Agrupaciones Empresariales Innovadoras",
        programme_level="regional",
        service_type="programme_development",
        description=(
            "Queremos rediseñar el programa regional de apoyo a las agrupaciones empresariales innovadoras "
            "para favorecer proyectos entre sectores (agroalimentario, agua, energía). Buscamos "
            "asesoramiento sobre la lógica de intervención y los indicadores."
        ),
        working_language="es",
        areas=("programme-design", "cross-sector-innovation"),
        budget_band="10k_50k",
        owner="coordinator-south",
        story=(
            submit(At(-7, 12, 10)),
            screen(At(-6, 9, 15)),
            ask_info(
                At(-5, 11),
                "Gracias por su solicitud. ¿Podrían enviarnos el borrador de las bases del programa y "
                "decirnos cuántas agrupaciones participan actualmente?",
            ),
        ),
    ),
    RequestSpec(
        requester_name="Maarten Visser",
        requester_email="m.visser@brabant-economie.example",
        requester_phone="+31 73 555 0128",
        language="en",
        organisation="Provincie Noord-Brabant – Economic Affairs",
        country="NL",
        programme_name="Brabant Cluster Accelerator",
        programme_level="regional",
        service_type="peer_review",
        description=(
            "The province funds five cluster organisations through the Brabant Cluster Accelerator. Before "
            "the mid-term review we would like a peer review of how the programme links to the regional "
            "smart specialisation strategy and to international partnerships."
        ),
        working_language="en",
        areas=("smart-specialisation", "internationalisation"),
        budget_band="up_to_10k",
        owner="coordinator",
        story=(
            submit(At(-4, 14, 30)),
            screen(At(-3, 10)),
            ask_info(
                At(-2, 15, 10),
                "Thank you for your request. Could you tell us when the mid-term review is due, and whether "
                "the peer review should also look at the selection of the five clusters?",
            ),
        ),
    ),
    # ------------------------------------------------------------------ accepted
    RequestSpec(
        requester_name="Dr. Claudia Neumann",
        requester_email="claudia.neumann@strukturentwicklung-sachsen.example",
        requester_phone="+49 351 555 0161",
        language="de",
        organisation="Sächsische Agentur für Strukturentwicklung",
        country="DE",
        programme_name="Innovationscluster Lausitz",
        programme_level="regional",
        service_type="programme_development",
        description=(
            "Im Strukturwandel der Lausitz wollen wir ein Förderprogramm für branchenübergreifende "
            "Innovationscluster (Energie, Chemie, Kunststoffe) aufbauen. Wir bitten um Beratung zur "
            "Programmarchitektur, zu Auswahlkriterien und zur Governance mit den Kammern."
        ),
        working_language="de",
        areas=("programme-design", "cross-sector-innovation", "smart-specialisation"),
        budget_band="50k_150k",
        owner="coordinator",
        story=(
            submit(
                At(-9, 10, 5),
                Document(
                    "Eckpunkte_Innovationscluster_Lausitz.pdf",
                    "Innovationscluster Lausitz: Eckpunkte",
                    ("Entwurf der Förderrichtlinie, Stand Frühjahr.", "Budget: 12 Mio. EUR über vier Jahre."),
                ),
            ),
            screen(At(-8, 9, 30)),
            ask_info(
                At(-8, 14),
                "Vielen Dank für Ihre Anfrage. Welche Rolle sollen die Kammern in der Auswahl der Cluster "
                "spielen, und gibt es bereits einen Zeitplan für den ersten Aufruf?",
            ),
            provide_info(
                At(-6, 11, 20),
                "Die Kammern sollen im Auswahlgremium sitzen, aber nicht selbst antragsberechtigt sein. Der "
                "erste Aufruf ist für den Herbst geplant; den Zeitplan haben wir beigefügt.",
                Document(
                    "Zeitplan_erster_Aufruf.pdf",
                    "Zeitplan des ersten Aufrufs",
                    ("Veröffentlichung im September, Frist Ende November, Auswahl im Januar.",),
                ),
            ),
            accept(
                At(-4, 10),
                "Beratung zur Programmarchitektur des Förderprogramms Innovationscluster Lausitz: "
                "Auswahlkriterien, Governance mit den Kammern, zwei Workshops in Cottbus.",
            ),
            invite(At(-4, 10, 30), "katrin-wagner", "member"),
            invite(At(-4, 10, 35), "expert-pl", "lead"),
            says_no(
                At(-3, 16),
                "expert-pl",
                "Ich leite bis zum Sommer eine andere Begleitung in der Region und hätte nicht genug Zeit.",
            ),
            withdraw_invitation(
                At(-2, 9, 10), "katrin-wagner", "Das Team wird neu zusammengestellt: erst die Leitung."
            ),
            note(
                At(-2, 9, 15),
                "Jonas Schneider scheidet aus (arbeitet bei der Agentur). Lena Hoffmann als Leitung fragen.",
            ),
            # The demo expert's open invitation: answer it as `expert`.
            invite(At(-1, 11, 45), "expert", "lead"),
        ),
    ),
    RequestSpec(
        requester_name="Johan Berg",
        requester_email="johan.berg@vastra-gotaland-naringsliv.example",
        requester_phone="+46 31 555 0150",
        language="en",
        organisation="Region Västra Götaland – Business Development",
        country="SE",
        programme_name="West Sweden Cluster Programme",
        programme_level="regional",
        service_type="programme_evaluation",
        description=(
            "We are evaluating the West Sweden Cluster Programme (2019–2025) before designing its "
            "successor. We need an external evaluation team that can assess effects on SMEs and the "
            "programme's international dimension, working in English and reading Swedish documents."
        ),
        working_language="en",
        areas=("programme-evaluation", "internationalisation"),
        budget_band="50k_150k",
        owner="coordinator-north",
        story=(
            submit(At(-25, 9, 40)),
            screen(At(-24, 10, 15)),
            accept(
                At(-22, 14),
                "External evaluation of the West Sweden Cluster Programme 2019–2025: effects on SMEs, "
                "international activities, recommendations for the successor programme.",
            ),
            invite(At(-22, 14, 30), "expert-se", "lead"),
            says_yes(At(-21, 9, 10), "expert-se"),
            propose_team(At(-20, 16)),
            object_team(
                At(-18, 10, 30),
                "We appreciate Erik Lindqvist's experience, but we would like a second evaluator from "
                "outside Sweden, for an outside view on our regions.",
            ),
            invite(At(-18, 15), "anna-virtanen", "member"),
            expire(At(-13, 15, 5), "anna-virtanen"),
            note(
                At(-13, 15, 30),
                "Anna Virtanen did not answer in time. Sanne de Vries is free again soon: invite her.",
            ),
            invite(At(-2, 11), "expert-nl", "member"),
        ),
    ),
    # ------------------------------------------------------------------ declined
    RequestSpec(
        requester_name="Ing. Pavel Dvořák",
        requester_email="pavel.dvorak@strojirny-ostrava.example",
        requester_phone="+420 59 555 0112",
        language="en",
        organisation="Strojírny Ostrava a.s.",
        country="CZ",
        programme_name="Supplier development plan",
        programme_level="regional",
        service_type="other",
        description=(
            "Our company wants to join the regional engineering cluster and needs help preparing the "
            "quality certification our customers ask for."
        ),
        working_language="cs",
        areas=("cluster-management-excellence",),
        budget_band="up_to_10k",
        owner="coordinator-east",
        story=(
            submit(At(-12, 8, 30)),
            screen(At(-11, 13)),
            decline(
                At(-10, 11),
                "The network advises public owners of cluster programmes; the certification of a single "
                "company is outside its remit. The Moravian-Silesian regional innovation centre can help "
                "you, and the regional cluster can tell you how to join.",
            ),
        ),
    ),
    RequestSpec(
        requester_name="Rui Almeida",
        requester_email="rui.almeida@ae-altominho.example",
        requester_phone="+351 258 555 013",
        language="en",
        organisation="Associação Empresarial do Alto Minho",
        country="PT",
        programme_name="Alto Minho cross-border cluster",
        programme_level="regional",
        service_type="programme_evaluation",
        description=(
            "We would like an evaluation of the cross-border cooperation between our cluster and Galician "
            "partners financed by the Interreg programme."
        ),
        working_language="pt",
        areas=("programme-evaluation", "internationalisation"),
        budget_band="unknown",
        owner="coordinator-south",
        story=(
            submit(At(-30, 15, 20)),
            screen(At(-29, 9)),
            ask_info(At(-29, 9, 30), "Is the Interreg programme's own evaluation already under way?"),
            provide_info(At(-27, 17), "Yes, the joint secretariat has commissioned one for this year."),
            decline(
                At(-26, 10, 15),
                "The programme's own evaluation covers the same questions this year; a second evaluation "
                "would duplicate it. We will gladly advise on its follow-up once the results are out.",
            ),
        ),
    ),
    # ------------------------------------------------------------------ team proposed
    RequestSpec(
        requester_name="Valérie Lejeune",
        requester_email="valerie.lejeune@wallonie-economie.example",
        requester_phone="+32 81 55 01 47",
        language="fr",
        organisation="Service public de Wallonie – Économie et Recherche",
        country="BE",
        programme_name="Pôles de compétitivité wallons – évaluation à mi-parcours",
        programme_level="regional",
        service_type="programme_evaluation",
        description=(
            "La Wallonie finance six pôles de compétitivité. Nous souhaitons une évaluation à mi-parcours "
            "de leur gouvernance et de leurs services aux entreprises, comparée à des politiques similaires "
            "en France et aux Pays-Bas."
        ),
        working_language="fr",
        areas=("programme-evaluation", "cluster-benchmarking"),
        budget_band="50k_150k",
        owner="coordinator",
        story=(
            submit(At(-10, 10, 40)),
            screen(At(-9, 9, 5)),
            accept(
                At(-7, 11),
                "Évaluation à mi-parcours des six pôles de compétitivité : gouvernance, services aux "
                "entreprises, comparaison avec la France et les Pays-Bas.",
            ),
            invite(At(-7, 11, 30), "expert-fr", "lead"),
            says_yes(At(-6, 8, 40), "expert-fr"),
            invite(At(-6, 10), "expert-es", "member"),
            says_yes(
                At(-5, 14, 20),
                "expert-es",
                "J'ai évalué un pôle wallon en 2019 pour un autre programme ; aucun lien actuel.",
            ),
            propose_team(At(-1, 10, 10)),
        ),
    ),
    RequestSpec(
        requester_name="Tomasz Zieliński",
        requester_email="tomasz.zielinski@mrit-innowacje.example",
        requester_phone="+48 22 555 0175",
        language="pl",
        organisation="Ministerstwo Rozwoju i Technologii – Departament Innowacji",
        country="PL",
        programme_name="Krajowe Klastry Kluczowe – nowa edycja",
        programme_level="national",
        service_type="benchmarking",
        description=(
            "Przygotowujemy nowy nabór do programu Krajowych Klastrów Kluczowych. Prosimy o wsparcie w "
            "benchmarkingu organizacji zarządzających klastrami zgodnie z metodologią europejską oraz o "
            "rekomendacje dotyczące kryteriów statusu."
        ),
        working_language="pl",
        areas=("cluster-benchmarking", "cluster-management-excellence"),
        budget_band="above_150k",
        owner="coordinator-east",
        required_certification="benchmarker",
        story=(
            submit(
                At(-15, 9, 15),
                Document(
                    "Kryteria_KKK_projekt.pdf",
                    "Krajowe Klastry Kluczowe: projekt kryteriów",
                    ("Projekt kryteriów nadawania statusu, wersja do konsultacji.",),
                ),
            ),
            screen(At(-14, 8, 55)),
            ask_info(At(-14, 9, 20), "Ile klastrów ma zostać objętych benchmarkingiem w tej edycji?"),
            provide_info(
                At(-12, 12, 40), "Około dwudziestu klastrów, w tym wszystkie obecne klastry kluczowe."
            ),
            accept(
                At(-11, 10),
                "Benchmarking ok. 20 organizacji zarządzających klastrami; rekomendacje do kryteriów.",
            ),
            invite(At(-11, 10, 20), "expert-pl", "lead"),
            says_yes(At(-10, 8, 30), "expert-pl"),
            invite(At(-10, 9), "piotr-nowak", "member"),
            withdraw_invitation(At(-8, 9, 30), "piotr-nowak", "A reviewer is enough alongside the lead."),
            invite(At(-8, 9, 45), "expert-cz", "reviewer"),
            says_yes(At(-7, 15, 10), "expert-cz"),
            propose_team(At(-2, 14)),
        ),
    ),
    # ------------------------------------------------------------------ in progress
    RequestSpec(
        requester_name="Henrike Lange",
        requester_email="henrike.lange@innovation-niedersachsen-ost.example",
        requester_phone="+49 531 555 0138",
        language="de",
        organisation="Innovationsagentur Niedersachsen-Ost",
        country="DE",
        programme_name="Clusterinitiative Mobilität & Logistik",
        programme_level="regional",
        service_type="programme_evaluation",
        description=(
            "Die Clusterinitiative Mobilität & Logistik läuft seit fünf Jahren. Wir möchten wissen, was sie "
            "für die Mitgliedsunternehmen bewirkt hat und wie das Clustermanagement professioneller werden "
            "kann, bevor das Land über die Anschlussfinanzierung entscheidet."
        ),
        working_language="de",
        areas=("programme-evaluation", "cluster-management-excellence"),
        budget_band="10k_50k",
        owner="coordinator",
        desired=(20, 150),
        story=(
            submit(At(-30, 9)),
            screen(At(-29, 10, 30)),
            accept(
                At(-27, 11),
                "Bewertung der Clusterinitiative (Wirkung bei den Mitgliedern, Professionalität des "
                "Clustermanagements) und Empfehlungen für die Anschlussfinanzierung.",
            ),
            invite(At(-27, 11, 15), "expert", "lead"),
            says_yes(At(-26, 9, 20), "expert"),
            invite(At(-26, 10), "expert-nl", "member"),
            says_yes(At(-25, 13), "expert-nl"),
            propose_team(At(-24, 9)),
            approve_team(At(-22, 16, 45)),
            message(
                At(-20, 10),
                "expert",
                "Guten Tag Frau Lange, wir schlagen den Auftakt am Dienstag in Braunschweig vor und bitten "
                "vorab um die Mitgliederliste und die Jahresberichte seit 2021.",
            ),
            message(At(-19, 8, 40), "requester", "Gern, die Unterlagen kommen bis Freitag. Dienstag passt."),
            note(At(-15, 17), "Auftakt gut gelaufen; Befragung der Mitglieder läuft bis Monatsende."),
            upload(
                At(-10, 14),
                "expert",
                Document(
                    "Zwischenbericht_Bestandsaufnahme.pdf",
                    "Zwischenbericht: Bestandsaufnahme der Clusterinitiative",
                    ("Ergebnisse der Mitgliederbefragung (62 Antworten).", "Interviews mit acht Partnern."),
                ),
            ),
            approve_deliverable(
                At(-9, 10), "Zwischenbericht: Bestandsaufnahme der Clusterinitiative", "Danke, sehr klar."
            ),
            # Waiting for the coordinator's review: approve it as `coordinator`.
            upload(
                At(-1, 15, 30),
                "expert",
                Document(
                    "Entwurf_Empfehlungen.pdf",
                    "Entwurf: Empfehlungen zur Anschlussfinanzierung",
                    ("Fünf Empfehlungen zu Zielen, Budget und Governance.",),
                ),
                "Bitte um Durchsicht vor dem Abschlussworkshop.",
            ),
        ),
    ),
    RequestSpec(
        requester_name="Laura Mäkinen",
        requester_email="laura.makinen@keskisuomi-liitto.example",
        requester_phone="+358 14 555 0144",
        language="en",
        organisation="Regional Council of Central Finland",
        country="FI",
        programme_name="Central Finland Ecosystem Agreement",
        programme_level="regional",
        service_type="peer_review",
        description=(
            "Our ecosystem agreement with the state funds innovation ecosystems around the university city. "
            "We would like a peer review of how the agreement supports cluster-like cooperation across "
            "sectors, and what other European regions have learnt."
        ),
        working_language="en",
        areas=("smart-specialisation", "cross-sector-innovation"),
        budget_band="10k_50k",
        owner="coordinator-north",
        story=(
            submit(At(-35, 13)),
            screen(At(-34, 9, 40)),
            accept(
                At(-32, 10),
                "Peer review of the ecosystem agreement, with a learning visit and a short report.",
            ),
            invite(At(-32, 10, 30), "expert-se", "lead"),
            says_yes(At(-31, 11), "expert-se"),
            propose_team(At(-30, 15)),
            object_team(
                At(-29, 9, 50),
                "Could the team include someone who has worked with ecosystem agreements outside the Nordic "
                "countries?",
            ),
            invite(At(-28, 10), "expert-nl", "member"),
            says_yes(At(-27, 16, 30), "expert-nl"),
            propose_team(At(-27, 17)),
            approve_team(At(-25, 9, 15)),
            upload(
                At(-12, 11),
                "expert-se",
                Document(
                    "Peer_review_draft.pdf",
                    "Peer review of the Central Finland Ecosystem Agreement (draft)",
                    ("Findings of the learning visit.", "Comparison with three regions."),
                ),
            ),
            return_deliverable(
                At(-11, 14),
                "Peer review of the Central Finland Ecosystem Agreement (draft)",
                "Please add the comparison with the Dutch regional deals that Sanne mentioned.",
            ),
            resubmit(
                At(-8, 10), "expert-se", "Peer review of the Central Finland Ecosystem Agreement (draft)"
            ),
            approve_deliverable(
                At(-7, 9, 30), "Peer review of the Central Finland Ecosystem Agreement (draft)"
            ),
            message(
                At(-6, 10),
                "requester",
                "Thank you for the draft. Our board discusses it next month; the final version can follow.",
            ),
        ),
    ),
    # ------------------------------------------------------------------ on hold
    RequestSpec(
        requester_name="Valentina Greco",
        requester_email="valentina.greco@regione-puglia-sviluppo.example",
        requester_phone="+39 080 555 0121",
        language="it",
        organisation="Regione Puglia – Dipartimento Sviluppo Economico",
        country="IT",
        programme_name="Distretti tecnologici pugliesi – nuovo modello di governance",
        programme_level="regional",
        service_type="programme_development",
        description=(
            "Vogliamo rivedere il modello di governance dei distretti tecnologici regionali e il loro "
            "finanziamento, prendendo spunto dalle buone pratiche europee di gestione dei cluster."
        ),
        working_language="it",
        areas=("programme-design", "cluster-management-excellence"),
        budget_band="10k_50k",
        owner="coordinator-south",
        story=(
            submit(At(-40, 10)),
            screen(At(-39, 11)),
            accept(
                At(-37, 9, 30), "Proposta di un nuovo modello di governance e finanziamento dei distretti."
            ),
            invite(At(-37, 10), "expert-it", "lead"),
            says_yes(At(-36, 12), "expert-it"),
            propose_team(At(-35, 9)),
            approve_team(At(-34, 11, 30)),
            message(At(-30, 15), "expert-it", "Abbiamo concluso le interviste con i sei distretti."),
            hold(
                At(-6, 12),
                "Elezioni regionali: la nuova Giunta deve confermare il mandato. Ripresa tra due mesi.",
            ),
        ),
    ),
    # ------------------------------------------------------------------ delivered
    RequestSpec(
        requester_name="Søren Kristensen",
        requester_email="soren.kristensen@regionsyddanmark-vaekst.example",
        requester_phone="+45 76 55 01 39",
        language="en",
        organisation="Region of Southern Denmark – Regional Development",
        country="DK",
        programme_name="Southern Denmark Cluster Strategy",
        programme_level="regional",
        service_type="programme_evaluation",
        description=(
            "We would like an evaluation of how our regional cluster strategy has worked with the national "
            "cluster reform, and recommendations for the region's role from next year."
        ),
        working_language="en",
        areas=("programme-evaluation", "internationalisation"),
        budget_band="10k_50k",
        owner="coordinator",
        story=(
            submit(At(-45, 11)),
            screen(At(-44, 9, 10)),
            accept(At(-42, 14), "Evaluation of the regional cluster strategy after the national reform."),
            invite(At(-42, 14, 10), "expert-se", "lead"),
            says_yes(At(-41, 10), "expert-se"),
            propose_team(At(-40, 9)),
            approve_team(At(-39, 13)),
            upload(
                At(-8, 16),
                "expert-se",
                Document(
                    "Evaluation_report_Southern_Denmark.pdf",
                    "Evaluation of the Southern Denmark Cluster Strategy",
                    ("Final report with seven recommendations.",),
                ),
            ),
            approve_deliverable(At(-6, 10), "Evaluation of the Southern Denmark Cluster Strategy"),
            deliver(At(-5, 9)),
            complete(At(-5, 9, 10), "expert-se"),
        ),
    ),
    RequestSpec(
        requester_name="Marta Sánchez",
        requester_email="marta.sanchez@aragon-fomento.example",
        requester_phone="+34 976 555 018",
        language="es",
        organisation="Instituto de Fomento Regional de Aragón",
        country="ES",
        programme_name="Plan de Clústeres de Aragón 2025",
        programme_level="regional",
        service_type="training",
        description=(
            "Necesitamos un programa de formación para los equipos de gestión de los doce clústeres "
            "aragoneses: planificación estratégica, servicios a socios y financiación."
        ),
        working_language="es",
        areas=("cluster-manager-training", "cluster-management-excellence"),
        budget_band="10k_50k",
        owner="coordinator-south",
        required_certification="trainer",
        story=(
            submit(At(-50, 12)),
            screen(At(-49, 10)),
            accept(At(-47, 11), "Programa de formación de tres módulos para gestores de clústeres."),
            invite(At(-47, 11, 20), "expert-es", "lead"),
            says_yes(At(-46, 9), "expert-es"),
            propose_team(At(-45, 10)),
            approve_team(At(-44, 12)),
            upload(
                At(-10, 13),
                "expert-es",
                Document(
                    "Programa_formacion_gestores.pdf",
                    "Programa de formación para gestores de clústeres",
                    ("Tres módulos, materiales y evaluación de los participantes.",),
                ),
            ),
            approve_deliverable(At(-9, 9, 30), "Programa de formación para gestores de clústeres"),
            deliver(At(-3, 10)),
            complete(At(-3, 10, 5), "expert-es"),
            feedback(At(-2, 18), 5, "Formación muy práctica; los gerentes piden una segunda edición."),
        ),
    ),
    # ------------------------------------------------------------------ closed
    RequestSpec(
        requester_name="Florian Moser",
        requester_email="florian.moser@innovation-vorarlberg.example",
        requester_phone="+43 5574 555 012",
        language="de",
        organisation="Landesagentur für Innovation Vorarlberg",
        country="AT",
        programme_name="Clusterprogramm Vorarlberg – Halbzeitbewertung",
        programme_level="regional",
        service_type="programme_evaluation",
        description=(
            "Zur Halbzeit des Clusterprogramms möchten wir eine externe Bewertung mit einem Vergleich zu "
            "ähnlichen Programmen in der Schweiz, Süddeutschland und Norditalien."
        ),
        working_language="de",
        areas=("programme-evaluation", "cluster-benchmarking"),
        budget_band="10k_50k",
        owner="coordinator",
        story=(
            submit(At(-90, 10)),
            screen(At(-89, 9)),
            accept(At(-86, 10), "Halbzeitbewertung mit Vergleich zu drei Nachbarregionen."),
            invite(At(-86, 10, 30), "expert", "lead"),
            says_yes(At(-85, 14), "expert"),
            propose_team(At(-84, 9)),
            approve_team(At(-82, 10)),
            upload(
                At(-60, 15),
                "expert",
                Document(
                    "Halbzeitbewertung_Vorarlberg.pdf",
                    "Halbzeitbewertung des Clusterprogramms Vorarlberg",
                    ("Bewertung und zwölf Empfehlungen.",),
                ),
            ),
            approve_deliverable(At(-58, 11), "Halbzeitbewertung des Clusterprogramms Vorarlberg"),
            deliver(At(-57, 9)),
            complete(At(-57, 9, 5), "expert"),
            feedback(At(-55, 10), 5, "Sehr praxisnahe Empfehlungen, die wir direkt übernehmen konnten."),
            close(At(-54, 9)),
        ),
    ),
    RequestSpec(
        requester_name="Aoife Byrne",
        requester_email="aoife.byrne@southernassembly.example",
        requester_phone="+353 51 555 014",
        language="en",
        organisation="Southern Regional Assembly",
        country="IE",
        programme_name="Regional Enterprise Cluster Pilot",
        programme_level="regional",
        service_type="labelling_support",
        description=(
            "Three regional clusters in our pilot want to work towards the Bronze label. We need an expert "
            "to assess where they stand and coach their managers."
        ),
        working_language="en",
        areas=("cluster-management-excellence", "cluster-manager-training"),
        budget_band="up_to_10k",
        owner="coordinator-north",
        story=(
            submit(At(-120, 11)),
            screen(At(-119, 10)),
            accept(
                At(-117, 9), "Readiness assessment and coaching of three cluster managements for the label."
            ),
            invite(At(-117, 9, 30), "expert-cz", "lead"),
            says_yes(At(-116, 13), "expert-cz"),
            propose_team(At(-115, 10)),
            approve_team(At(-113, 15)),
            upload(
                At(-80, 10),
                "expert-cz",
                Document(
                    "Label_readiness_assessment.pdf",
                    "Label readiness of three Irish regional clusters",
                    ("Assessment against the label's indicators, with a coaching plan.",),
                ),
            ),
            approve_deliverable(At(-78, 12), "Label readiness of three Irish regional clusters"),
            deliver(At(-76, 9)),
            complete(At(-76, 9, 10), "expert-cz"),
            # Nobody closed it: the system did, when the auto-close deadline came.
            close(At(-56, 9, 15), by="system"),
            feedback(At(-50, 11), 4, "Useful and well organised; we would have liked a fourth coaching day."),
        ),
    ),
    RequestSpec(
        requester_name="Mark Zammit",
        requester_email="mark.zammit@gozo-development.example",
        requester_phone="+356 2155 0123",
        language="en",
        organisation="Gozo Regional Development Authority",
        country="MT",
        programme_name="Gozo Blue Economy Cluster",
        programme_level="regional",
        service_type="peer_review",
        description=(
            "We are setting up a small blue economy cluster on Gozo and would like a peer review of our "
            "plan by someone who has managed clusters in island or coastal regions."
        ),
        working_language="en",
        areas=("programme-design", "internationalisation"),
        budget_band="up_to_10k",
        owner="lead",
        story=(
            submit(At(-70, 10, 30)),
            screen(At(-69, 9)),
            accept(At(-67, 10), "Peer review of the cluster plan and one day on Gozo."),
            invite(At(-67, 10, 30), "expert-it", "lead"),
            says_yes(At(-66, 15), "expert-it"),
            propose_team(At(-65, 9)),
            approve_team(At(-64, 10)),
            upload(
                At(-45, 12),
                "expert-it",
                Document("Peer_review_Gozo.pdf", "Peer review of the Gozo Blue Economy Cluster plan"),
            ),
            approve_deliverable(At(-44, 9), "Peer review of the Gozo Blue Economy Cluster plan"),
            deliver(At(-43, 9)),
            complete(At(-43, 9, 10), "expert-it"),
            close(At(-30, 10)),
        ),
    ),
    # ------------------------------------------------------------------ withdrawn
    RequestSpec(
        requester_name="Georgios Nikolaidis",
        requester_email="g.nikolaidis@kentriki-makedonia.example",
        requester_phone="+30 2310 555 012",
        language="en",
        organisation="Region of Central Macedonia – Development Planning",
        country="GR",
        programme_name="Agri-food cluster support scheme",
        programme_level="regional",
        service_type="programme_development",
        description="We would like advice on a support scheme for agri-food clusters in the region.",
        working_language="el",
        areas=("programme-design",),
        budget_band="unknown",
        owner="coordinator-north",
        story=(
            submit(At(-20, 10)),
            screen(At(-19, 11)),
            ask_info(At(-18, 10), "Which managing authority would fund the scheme, and on what timetable?"),
            provide_info(At(-16, 9, 30), "The regional programme; the call should open early next year."),
            withdraw(At(-14, 12), "Our managing authority has decided to prepare the scheme in-house."),
        ),
    ),
    RequestSpec(
        requester_name="Mihai Stan",
        requester_email="mihai.stan@adr-nordest.example",
        requester_phone="+40 233 555 019",
        language="en",
        organisation="North-East Regional Development Agency",
        country="RO",
        programme_name="Cluster support in the Regional Programme",
        programme_level="regional",
        service_type="programme_development",
        description=(
            "We would like advice on the cluster support measure of our regional programme: eligible "
            "costs, selection criteria and monitoring."
        ),
        working_language="ro",
        areas=("programme-design", "cluster-management-excellence"),
        budget_band="10k_50k",
        owner="coordinator-east",
        story=(
            submit(At(-28, 14)),
            screen(At(-27, 9, 30)),
            accept(At(-25, 10), "Advice on the design of the cluster support measure."),
            invite(At(-25, 10, 30), "andrei-popescu", "lead"),
            message(
                At(-22, 9),
                "requester",
                "We are sorry: the measure has been dropped from the programme's revision, so we no longer "
                "need the advice.",
            ),
            withdraw_invitation(At(-22, 11), "andrei-popescu", "The requester no longer needs the advice."),
            withdraw(
                At(-22, 11, 10),
                "Withdrawn on the requester's behalf: the measure was dropped from the regional programme.",
                by="owner",
            ),
        ),
    ),
)
