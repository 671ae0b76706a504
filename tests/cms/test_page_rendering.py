"""Every page type renders in every enabled language, with all its kinds of content.

The site built here (every type, published in every language) is shared by the module's
tests, so it lives apart from the language tests that need missing translations.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.rich_text import RichText

from cms.models import CallIndexPage, EventIndexPage, NewsIndexPage, PublicationIndexPage
from tests.cms.conftest import module_data
from tests.cms.factories import (
    CallPageFactory,
    DocumentFactory,
    EventPageFactory,
    ImageFactory,
    NewsArticlePageFactory,
    ProgrammeFactory,
    PublicationPageFactory,
    PublicationTopicFactory,
    StandardPageFactory,
    english_home,
    index_page,
    translate,
)
from tests.cms.markup import hreflang_links, soup, switcher_languages
from tests.cms.test_languages import LANGUAGES

PAGE_KINDS = [
    "home",
    "standard",
    "news_index",
    "news",
    "call_index",
    "call",
    "event_index",
    "event",
    "publication_index",
    "publication",
]


def build_rich_english_pages():
    """One page of each type, with the content that makes templates work hardest."""
    image = ImageFactory()
    document = DocumentFactory(title="Call guide")
    home = english_home()
    home.intro = "<p>Cluster policy advice for Europe.</p>"
    home.services = [("service", {"title": "Programme design", "text": "We advise.", "page": None})]
    home.save_revision().publish()
    about = StandardPageFactory(
        title="About",
        slug="about",
        body=[
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("paragraph", RichText("<p>Experts from <b>27</b> countries.</p>")),
            ("image", {"image": image, "alt_text": "Meeting", "caption": "Brussels"}),
            ("quote", {"quote": "Clusters grow regions.", "attribution": "A member"}),
            ("call_to_action", {"text": "Contact", "page": None, "url": "https://example.org/"}),
            ("document", {"document": document, "title": ""}),
        ],
        social_image=image,
    )
    news = NewsArticlePageFactory(
        title="Cluster days 2026",
        related=[("page", about), ("document", document)],
    )
    call = CallPageFactory(title="Cluster excellence call", programme=ProgrammeFactory(name="COSME"))
    call.documents = [("document", document)]
    call.eligible_countries = ["DE", "FR", "PL"]
    call.save_revision().publish()
    start = (timezone.now() + timedelta(days=30)).replace(second=0, microsecond=0)
    event = EventPageFactory(
        title="Benchmarking workshop",
        start=start,
        end=start + timedelta(hours=8),
        agenda=[("item", {"time": "09:30", "title": "Welcome", "speaker": "Chair", "description": ""})],
        documents=[("document", document)],
    )
    publication = PublicationPageFactory(title="Cluster study", pdf=DocumentFactory(title="Study PDF"))
    PublicationTopicFactory(page=publication)
    publication.save_revision().publish()
    return {
        "home": home,
        "standard": about,
        "news_index": index_page(NewsIndexPage),
        "news": news,
        "call_index": index_page(CallIndexPage),
        "call": call,
        "event_index": index_page(EventIndexPage),
        "event": event,
        "publication_index": index_page(PublicationIndexPage),
        "publication": publication,
    }


@pytest.fixture(scope="module")
def site_pages(django_db_setup, django_db_blocker):
    """{language: {kind: page}}: every page type, published in every enabled language."""
    with module_data(django_db_blocker):
        english = build_rich_english_pages()
        pages = {settings.LANGUAGE_CODE: english}
        for code in LANGUAGES:
            if code != settings.LANGUAGE_CODE:
                pages[code] = {kind: translate(page, code) for kind, page in english.items()}
        yield pages


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_in_every_language(client, site_pages, language, kind):
    page = site_pages[language][kind]
    assert page.url.startswith(f"/{language}/")
    response = client.get(page.url)
    assert response.status_code == 200
    assert soup(response).html["lang"] == language
    assert page.title in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_fully_translated_page_offers_every_language(client, site_pages, language):
    response = client.get(site_pages[language]["news"].url)
    links = hreflang_links(response)
    assert set(links) == {*LANGUAGES, "x-default"}
    assert links["x-default"] == links["en"]
    assert links[language].endswith(site_pages[language]["news"].url)
    assert switcher_languages(response) == LANGUAGES
