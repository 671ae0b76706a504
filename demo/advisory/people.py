"""The people of the demo network: coordinators with their country scopes, and 60 experts.

All names are invented. Experts are found again by e-mail address, logins by username, so a
second load recognises everyone. Codes in the tables below:

- areas: PD programme design, PE programme evaluation, CB cluster benchmarking, CM cluster
  management excellence, IN internationalisation, S3 smart specialisation, CS cross-sector
  innovation, TR cluster manager training;
- certifications: B benchmarker, L label assessor, T trainer, E programme evaluator.
"""

import unicodedata
from dataclasses import dataclass

from django.utils.text import slugify

STAFF_DOMAIN = "cluster-analysis.example"

AREAS = {
    "PD": "programme-design",
    "PE": "programme-evaluation",
    "CB": "cluster-benchmarking",
    "CM": "cluster-management-excellence",
    "IN": "internationalisation",
    "S3": "smart-specialisation",
    "CS": "cross-sector-innovation",
    "TR": "cluster-manager-training",
}
CERTIFICATIONS = {"B": "benchmarker", "L": "label_assessor", "T": "trainer", "E": "evaluator"}

# The language of the e-mails a person from this country receives (the site's languages only).
SITE_LANGUAGE_OF = {
    "DE": "de",
    "AT": "de",
    "FR": "fr",
    "BE": "fr",
    "LU": "fr",
    "ES": "es",
    "IT": "it",
    "PL": "pl",
}


@dataclass(frozen=True)
class EditorialLogin:
    """A login of the site's editorial side: an editor, a moderator, a translation team's member."""

    username: str
    first_name: str
    last_name: str
    language: str  # the admin's language (Wagtail's profile)
    group: str
    what: str

    @property
    def email(self):
        return f"{ascii_name(self.first_name)}.{ascii_name(self.last_name)}@{STAFF_DOMAIN}"


# Editors write, moderators approve, translators translate their own language only.
EDITORIAL_LOGINS = (
    EditorialLogin("editor", "Sophie", "Lambert", "en", "Editors", "editor, writes pages"),
    EditorialLogin("moderator", "Jonas", "Berg", "en", "Moderators", "moderator, approves and publishes"),
    EditorialLogin("translator-de", "Katrin", "Vogel", "de", "Translators (de)", "translator, German"),
    EditorialLogin("translator-pl", "Tomasz", "Nowak", "pl", "Translators (pl)", "translator, Polish"),
)


@dataclass(frozen=True)
class Coordinator:
    username: str
    first_name: str
    last_name: str
    language: str
    countries: tuple = ()
    lead: bool = False

    @property
    def email(self):
        return f"{ascii_name(self.first_name)}.{ascii_name(self.last_name)}@{STAFF_DOMAIN}"

    @property
    def scope(self):
        return "lead coordinator, every country" if self.lead else "coordinator: " + ", ".join(self.countries)


COORDINATORS = (
    Coordinator("coordinator", "Julia", "Richter", "de", ("DE", "AT", "BE", "DK", "LU", "NL")),
    Coordinator("coordinator-south", "Lucia", "Ferrari", "it", ("FR", "ES", "IT", "MT", "PT")),
    Coordinator(
        "coordinator-east", "Marta", "Zielińska", "pl", ("BG", "CZ", "HR", "HU", "PL", "RO", "SI", "SK")
    ),
    Coordinator(
        "coordinator-north", "Henrik", "Aalto", "en", ("CY", "EE", "FI", "GR", "IE", "LT", "LV", "SE")
    ),
    Coordinator("lead", "Elisabeth", "Maurer", "en", lead=True),
)


@dataclass(frozen=True)
class ExpertSpec:
    name: str
    country: str
    employer: str
    languages: str
    areas: str
    certifications: str
    capacity: int
    known: str = ""
    username: str = ""  # a Wagtail login in the Experts group
    active: bool = True

    @property
    def key(self):
        """How requests' stories name the expert: the username, or the slug of the name."""
        return self.username or slugify(self.name)

    @property
    def email(self):
        first, *rest = self.name.split(" ")
        domain = "-".join(slugify(self.employer).split("-")[:3])
        return f"{ascii_name(first)}.{ascii_name(''.join(rest))}@{domain}.example"

    @property
    def language(self):
        return SITE_LANGUAGE_OF.get(self.country, "en")

    def area_codes(self):
        return [AREAS[code] for code in self.areas.split()]

    def certification_codes(self):
        return [CERTIFICATIONS[code] for code in self.certifications.split()]


def ascii_name(value):
    """`Zielińska` -> `zielinska`: for e-mail addresses."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c == "-")).lower()


E = ExpertSpec
EXPERTS = (
    # The experts with a login: they answer invitations and run engagements in the demo.
    E(
        "Lena Hoffmann",
        "DE",
        "Nordlicht Innovationsberatung",
        "de en fr",
        "PD PE S3 CM CS",
        "E",
        3,
        "AT LU",
        username="expert",
    ),
    E(
        "Claire Dubois",
        "FR",
        "Institut d'économie régionale de Lyon",
        "fr en",
        "PE CB IN",
        "E B",
        3,
        "BE LU",
        username="expert-fr",
    ),
    E(
        "Javier Martínez",
        "ES",
        "Clusterlab Consultores",
        "es en pt",
        "TR CM PE",
        "T",
        2,
        "PT",
        username="expert-es",
    ),
    E(
        "Agnieszka Kowalska",
        "PL",
        "Instytut Polityki Innowacyjnej",
        "pl en de",
        "CB CM PD",
        "B L",
        2,
        "CZ SK",
        username="expert-pl",
    ),
    E(
        "Tomáš Novák",
        "CZ",
        "Central European Cluster Partners",
        "cs sk en",
        "CB CM TR",
        "B L",
        2,
        "SK PL AT",
        username="expert-cz",
    ),
    E(
        "Erik Lindqvist",
        "SE",
        "Nordic Cluster Policy Institute",
        "sv en da",
        "PE S3 IN CS",
        "E",
        2,
        "FI DK EE",
        username="expert-se",
    ),
    E(
        "Sanne de Vries",
        "NL",
        "Rijnmond Innovation Advisory",
        "nl en de",
        "PE S3 CS IN",
        "",
        3,
        "BE DE",
        username="expert-nl",
    ),
    E(
        "Giulia Romano",
        "IT",
        "Centro Studi Distretti e Cluster",
        "it en fr",
        "PD CM IN",
        "L",
        2,
        "MT",
        username="expert-it",
    ),
    # Germany and its neighbours.
    E("Jonas Schneider", "DE", "Sächsische Agentur für Strukturentwicklung", "de en", "PD S3", "", 2),
    E("Katrin Wagner", "DE", "Hochschule Rhein-Neckar", "de en", "PE CB", "E", 2, "AT"),
    E("Thomas Becker", "DE", "Clusterkontor Nord", "de en da", "CM TR", "T L", 3, "DK"),
    E("Markus Gruber", "AT", "Innovationsbüro Alpenraum", "de en it", "PD CM", "L", 2, "DE IT SI"),
    E("Sabine Huber", "AT", "Universität für Regionalentwicklung Graz", "de en", "PE S3", "E", 1),
    E("Pieter Claes", "BE", "Flanders Cluster Academy", "nl fr en", "TR CM", "T", 2, "NL"),
    E("Isabelle Lambert", "BE", "Conseil en pôles Wallonie", "fr en nl", "PD PE", "E", 3, "FR LU"),
    E("Claude Weber", "LU", "Luxinnovation Partners", "fr de en", "IN CS", "", 2, "BE DE FR"),
    E("Anne Schmit", "LU", "Université du Luxembourg Sud", "fr de en", "S3 PE", "E", 1),
    E("Mette Jensen", "DK", "Cluster Excellence Denmark Consult", "da en sv", "CM CB", "B", 2, "SE"),
    E("Lars Nielsen", "DK", "Aarhus Innovation Policy Lab", "da en de", "PD S3", "", 2, "DE"),
    E("Bram Jansen", "NL", "Delta Clusters Consultancy", "nl en", "CB IN", "B", 2, "BE"),
    # France, the Iberian peninsula, Italy and Malta.
    E("Julien Moreau", "FR", "Agence régionale d'innovation Grand Est", "fr de en", "PD CM", "L", 2, "DE"),
    E("Sophie Laurent", "FR", "Pôles & Territoires Conseil", "fr en es", "PE TR", "T E", 3, "ES"),
    E("Lucía Fernández", "ES", "Universidad de Innovación Regional de Valencia", "es en", "S3 PE", "E", 2),
    E("Carmen Ruiz", "ES", "Agrupaciones Consultoría Estratégica", "es en fr", "PD CM", "", 2, "PT FR"),
    E("João Silva", "PT", "Instituto de Clusters do Norte", "pt es en", "CM CB", "B", 2, "ES"),
    E("Inês Costa", "PT", "Universidade de Aveiro Sul", "pt en", "PE S3", "E", 1),
    E("Marco Bianchi", "IT", "Agenzia Regionale per l'Innovazione Lombarda", "it en", "PD S3", "", 2),
    E("Francesca Ricci", "IT", "Università di Bologna Est", "it en es", "PE CB", "E B", 2),
    E("Joseph Camilleri", "MT", "Malta Cluster Forum", "mt en it", "IN CM", "", 1, "IT"),
    E("Roberta Borg", "MT", "Borg & Grech Advisory", "mt en", "PD", "", 1, active=False),
    # Central and eastern Europe.
    E("Piotr Nowak", "PL", "Fundacja Klastrów Pomorza", "pl en", "CB CM", "B", 2, "LT"),
    E("Katarzyna Wiśniewska", "PL", "Politechnika Regionalna Łódź", "pl en de", "PE S3", "E", 2),
    E("Petra Svobodová", "CZ", "Czech Cluster Network Advisory", "cs en de", "PD TR", "T", 2, "SK"),
    E("Martin Horváth", "SK", "Slovak Innovation Policy Centre", "sk cs hu en", "PE PD", "E", 2, "CZ HU"),
    E("Zuzana Kováčová", "SK", "Univerzita Technológií Košice", "sk en", "S3 CS", "", 1),
    E("Zsófia Nagy", "HU", "Pannon Cluster Consulting", "hu en de", "CM CB", "B L", 2, "AT SK"),
    E("Gábor Kiss", "HU", "Budapest Institute for Regional Policy", "hu en", "PE S3", "E", 2),
    E("Maja Novak", "SI", "Slovenian Cluster Academy", "sl en hr it", "TR CM", "T", 2, "HR"),
    E("Luka Kranjc", "SI", "Inovacijsko svetovanje Kranjc", "sl en de", "PD IN", "", 1, "AT"),
    E("Ivana Horvat", "HR", "Adriatic Cluster Partners", "hr en it", "IN CS", "", 2, "SI"),
    E("Marko Kovačević", "HR", "Sveučilište Regionalnog Razvoja Split", "hr en", "PE", "E", 1),
    E("Andrei Popescu", "RO", "Carpathian Innovation Consulting", "ro en fr", "PD CM", "", 2, "BG"),
    E("Ioana Ionescu", "RO", "Universitatea de Politici Regionale Iași", "ro en", "PE S3", "E", 2),
    E("Dimitar Petrov", "BG", "Balkan Cluster Development", "bg en ro", "CM TR", "T", 2, "RO GR"),
    E("Elena Georgieva", "BG", "Sofia Policy Lab", "bg en de", "S3 PE", "E", 1),
    # The north, the Baltic states, Ireland, Greece and Cyprus.
    E("Karin Johansson", "SE", "Mälardalen Cluster Office", "sv en", "PE CM", "E", 2, "FI"),
    E("Anna Virtanen", "FI", "Ecosystem Agreements Advisory", "fi sv en", "S3 CS PE", "E", 2, "SE EE"),
    E("Mikko Korhonen", "FI", "Tampere Cluster Institute", "fi en", "CB", "B", 2, active=False),
    E("Kadri Tamm", "EE", "Estonian Cluster Consultancy", "et en fi", "IN CM", "", 2, "LV FI"),
    E("Martin Saar", "EE", "Tartu Innovation Policy Centre", "et en fi", "PE S3", "E", 1),
    E("Ilze Bērziņa", "LV", "Baltic Cluster Excellence", "lv en lt", "CM CB", "B L", 2, "LT EE"),
    E("Jānis Ozols", "LV", "Riga Regional Development Consultants", "lv en", "PD", "", 1),
    E("Rūta Kazlauskienė", "LT", "Lithuanian Innovation Advisory", "lt en pl", "PD PE", "E", 2, "LV PL"),
    E("Tomas Petrauskas", "LT", "Kaunas Cluster Hub", "lt en", "TR IN", "T", 2),
    E("Siobhán Murphy", "IE", "Atlantic Cluster Advisory", "en ga", "PE PD", "E", 2),
    E("Conor Walsh", "IE", "Cork Innovation Policy Unit", "en fr", "CB CM", "B L", 3, "MT"),
    E(
        "Nikos Papadopoulos",
        "GR",
        "Hellenic Cluster Consultants",
        "el en",
        "PD IN",
        "",
        2,
        "CY",
        active=False,
    ),
    E("Eleni Konstantinou", "GR", "Aristotle Regional Policy Institute", "el en fr", "PE S3", "E", 2, "CY"),
    E("Andreas Georgiou", "CY", "Cyprus Cluster Initiative Consulting", "el en", "CM IN", "", 2, "GR"),
    E("Maria Christodoulou", "CY", "Nicosia Innovation Advisory", "el en", "S3 CS", "", 1, "GR"),
)

# Days (calendar, relative to the day of loading) an expert cannot take work: (first, last, note).
UNAVAILABLE = {
    "sabine-huber": (-20, 60, "Parental leave"),
    "pieter-claes": (40, 100, "Sabbatical"),
    "bram-jansen": (10, 24, "Leading a peer review abroad"),
    "elena-georgieva": (-90, -60, "Secondment to the national ministry"),
}
