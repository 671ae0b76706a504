"""The advisory domain's models, split by concern; import them from `advisory.models`."""

from .assignments import Assignment
from .deliverables import Deliverable
from .expertise import ExpertiseArea
from .experts import Certification, CoordinatorProfile, Expert, Language, UnavailablePeriod
from .geography import NetworkCountry
from .messages import Message
from .requests import AdvisoryRequest, Attachment, ReferenceCounter

__all__ = [
    "AdvisoryRequest",
    "Assignment",
    "Attachment",
    "Certification",
    "CoordinatorProfile",
    "Deliverable",
    "Expert",
    "ExpertiseArea",
    "Language",
    "Message",
    "NetworkCountry",
    "ReferenceCounter",
    "UnavailablePeriod",
]

from .pages import RequestFormPage  # noqa: E402, F401  (the page type that hosts the public request form)
