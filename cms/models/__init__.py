"""Content models of the public site, split by concern."""

from .calls import CallIndexPage, CallPage, CallStatus, Deadline
from .events import EventIndexPage, EventPage
from .home import HomePage
from .languages import LanguageScope
from .news import NewsArticlePage, NewsCategory, NewsIndexPage
from .pages import StandardPage
from .publications import PublicationIndexPage, PublicationPage, PublicationTopic, PublicationType
from .search import SearchDocument, SearchTerm
from .settings import SiteSettings
from .site_texts import SiteTexts
from .snippets import Programme, Topic

__all__ = [
    "CallIndexPage",
    "CallPage",
    "CallStatus",
    "Deadline",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "LanguageScope",
    "NewsArticlePage",
    "NewsCategory",
    "NewsIndexPage",
    "Programme",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationTopic",
    "PublicationType",
    "SearchDocument",
    "SearchTerm",
    "SiteSettings",
    "SiteTexts",
    "StandardPage",
    "Topic",
]
