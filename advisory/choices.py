"""The fixed vocabularies of the advisory domain: codes in the database, labels translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeLevel(models.TextChoices):
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    EU = "eu", _("European Union")


class ServiceType(models.TextChoices):
    PROGRAMME_DEVELOPMENT = "programme_development", _("Programme development advice")
    PROGRAMME_EVALUATION = "programme_evaluation", _("Programme evaluation")
    BENCHMARKING = "benchmarking", _("Cluster benchmarking")
    LABELLING_SUPPORT = "labelling_support", _("Support towards a cluster management label")
    TRAINING = "training", _("Training of cluster managers")
    PEER_REVIEW = "peer_review", _("Peer review of a cluster policy")
    OTHER = "other", _("Other advice")


class BudgetBand(models.TextChoices):
    UNKNOWN = "unknown", _("Not known yet")
    UP_TO_10K = "up_to_10k", _("Up to €10,000")
    UP_TO_50K = "10k_50k", _("€10,000 to €50,000")
    UP_TO_150K = "50k_150k", _("€50,000 to €150,000")
    ABOVE_150K = "above_150k", _("Above €150,000")


class CertificationType(models.TextChoices):
    BENCHMARKER = "benchmarker", _("Cluster benchmarker")
    LABEL_ASSESSOR = "label_assessor", _("Label assessor")
    TRAINER = "trainer", _("Certified cluster manager trainer")
    EVALUATOR = "evaluator", _("Programme evaluator")


class LanguageCode(models.TextChoices):
    """The 24 official languages of the European Union: working languages of an engagement.

    The site's interface languages (settings.LANGUAGES) are a subset of these.
    """

    BG = "bg", _("Bulgarian")
    CS = "cs", _("Czech")
    DA = "da", _("Danish")
    DE = "de", _("German")
    EL = "el", _("Greek")
    EN = "en", _("English")
    ES = "es", _("Spanish")
    ET = "et", _("Estonian")
    FI = "fi", _("Finnish")
    FR = "fr", _("French")
    GA = "ga", _("Irish")
    HR = "hr", _("Croatian")
    HU = "hu", _("Hungarian")
    IT = "it", _("Italian")
    LT = "lt", _("Lithuanian")
    LV = "lv", _("Latvian")
    MT = "mt", _("Maltese")
    NL = "nl", _("Dutch")
    PL = "pl", _("Polish")
    PT = "pt", _("Portuguese")
    RO = "ro", _("Romanian")
    SK = "sk", _("Slovak")
    SL = "sl", _("Slovenian")
    SV = "sv", _("Swedish")


# The certification a service calls for when the request names none: holding it scores in matching.
SERVICE_CERTIFICATION = {
    ServiceType.BENCHMARKING: CertificationType.BENCHMARKER,
    ServiceType.LABELLING_SUPPORT: CertificationType.LABEL_ASSESSOR,
    ServiceType.TRAINING: CertificationType.TRAINER,
    ServiceType.PROGRAMME_EVALUATION: CertificationType.EVALUATOR,
}


class UploaderKind(models.TextChoices):
    REQUESTER = "requester", _("Requester")
    COORDINATOR = "coordinator", _("Coordinator")
    EXPERT = "expert", _("Expert")


class AuthorKind(models.TextChoices):
    REQUESTER = "requester", _("Requester")
    COORDINATOR = "coordinator", _("Coordinator")
    EXPERT = "expert", _("Expert")
    SYSTEM = "system", _("System")


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Internal note")
    SHARED = "shared", _("Shared with the requester")


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Lead expert")
    MEMBER = "member", _("Team member")
    REVIEWER = "reviewer", _("Reviewer")
