"""The search box's suggestions: GET /<lang>/search/autocomplete/?q=… -> {"results": [{"title", "url"}]}."""

import pytest

from cms.search.index import rebuild
from tests.cms.conftest import module_data
from tests.cms.factories import NewsArticlePageFactory, StandardPageFactory, home_in, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Ten English "Zeppelin" pages, a German version of one, a draft and a page about something else."""
    with module_data(django_db_blocker):
        home_in("de")
        pages = [StandardPageFactory(title=f"Zeppelin hangar {number}") for number in range(10)]
        german = translate(pages[0], "de", title="Zeppelinhalle in Friedrichshafen")
        NewsArticlePageFactory(title="Zeppelin draft", publish=False)
        StandardPageFactory(title="Privacy")
        rebuild()
        yield {"pages": pages, "german": german}


def suggest(client, language, text):
    response = client.get(f"/{language}/search/autocomplete/", {"q": text})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response


def test_titles_and_urls_of_the_url_s_language_at_most_eight(client, site):
    results = suggest(client, "en", "zepp").json()["results"]
    assert len(results) == 8
    english = {page.title: page.url for page in site["pages"]}
    for result in results:
        assert set(result) == {"title", "url"}
        assert english[result["title"]] == result["url"]
        assert result["url"].startswith("/en/")


def test_german_suggests_the_german_version(client, site):
    assert suggest(client, "de", "zepp").json() == {
        "results": [{"title": "Zeppelinhalle in Friedrichshafen", "url": site["german"].url}]
    }


def test_a_word_after_the_first_is_completed_too(client, site):
    titles = {result["title"] for result in suggest(client, "de", "zeppelinhalle frie").json()["results"]}
    assert titles == {"Zeppelinhalle in Friedrichshafen"}


def test_drafts_are_not_suggested(client, site):
    titles = [result["title"] for result in suggest(client, "en", "zeppelin d").json()["results"]]
    assert "Zeppelin draft" not in titles


def test_answers_may_be_cached_briefly(client, site):
    response = suggest(client, "en", "zepp")
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=60"}


@pytest.mark.parametrize(
    "text",
    ["", " ", "z", "!!", '"', "-", "' OR 1=1 --", "<script>", "%_", "x" * 5000, "\u202e", "😀"],
)
def test_too_little_or_junk_gives_an_empty_list(client, site, text):
    assert suggest(client, "en", text).json() == {"results": []}


def test_only_get(client, site):
    assert client.post("/en/search/autocomplete/", {"q": "zepp"}).status_code == 405
