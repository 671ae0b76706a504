"""Fixtures of the translation tests: an English news article translated into German, its team."""

import pytest
from wagtail.users.models import UserProfile

from tests.cms.factories import NewsArticlePageFactory, UserFactory
from tests.translations.helpers import GERMAN_TEAM, localize


@pytest.fixture
def article(db):
    return NewsArticlePageFactory(title="Cluster days in Brussels", summary="Clusters met.")


@pytest.fixture
def german(article):
    """The wagtail-localize Translation of the article into German, published."""
    return localize(article, "de")


@pytest.fixture
def translator(db):
    """A German translator whose admin speaks German."""
    user = UserFactory(username="anna", email="anna@example.org", groups=[GERMAN_TEAM])
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "de"})
    return user


@pytest.fixture
def editor(db):
    return UserFactory(username="eddie", email="eddie@example.org", groups=["Moderators"])
