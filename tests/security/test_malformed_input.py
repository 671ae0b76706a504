"""Malformed input on every public endpoint: never a 500, NUL and control characters refused with 400.

Runs on SQLite here and on PostgreSQL in CI (the whole suite runs there), where a NUL byte that reached
a query used to raise inside the database driver.
"""

import pytest

from advisory.models import AdvisoryRequest, Attachment
from tests.advisory.factories import upload
from tests.advisory.public.conftest import form_data, form_page  # noqa: F401 - a fixture
from tests.cms.factories import EventPageFactory, NewsArticlePageFactory
from tests.cms.markup import soup

pytestmark = pytest.mark.django_db

REFUSED = "This request could not be accepted"


@pytest.fixture
def site(form_page):  # noqa: F811 - the fixture imported above
    """A site with something to find, an event with its calendar file and the request form."""
    NewsArticlePageFactory(title="Cluster excellence in Bavaria")
    event = EventPageFactory(title="Cluster managers day", slug="cluster-managers-day")
    return {"form": form_page, "event": event}


PUBLIC_GETS = [
    "/en/",
    "/en/search/",
    "/en/news/",
    "/en/feeds/news/",
    "/en/feeds/events.ics",
    "/en/feeds/call-deadlines.ics",
    "/sitemap.xml",
    "/robots.txt",
    "/en/events/cluster-managers-day/event.ics",
    "/en/request-advice/",
    "/en/request-advice/track/resend/",
]


@pytest.mark.parametrize("path", PUBLIC_GETS)
@pytest.mark.parametrize("query", ["q=%00", "page=%00", "x=a%00b", "%00"])
def test_a_nul_byte_in_any_query_string_is_refused_with_400(client, site, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert REFUSED in response.content.decode()


@pytest.mark.parametrize("path", PUBLIC_GETS)
@pytest.mark.parametrize(
    "query",
    ["q=%ff%fe", "page=-1", "page=99999999999999999999", "type=%22%3E%3Cscript%3E", "q=" + "a" * 5000],
)
def test_junk_in_query_strings_never_gives_a_500(client, site, path, query):
    assert client.get(f"{path}?{query}").status_code in (200, 404)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        '"unterminated',
        "cluster\"'",
        "a AND OR NOT",
        "NEAR(",
        "*",
        "-",
        "a:b",
        "(((",
        "\\",
        "^",
        "%",
        "_",
        "cluster*",
        "😀",
        "\u202e",
        "x" * 5000,
        "a " * 2000,
        "\ufffd",
    ],
)
def test_malformed_search_queries_give_a_results_page(client, site, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200


def test_search_still_finds_with_quotes_around_a_word(client, site):
    response = client.get("/en/search/", {"q": '"Bavaria"'})
    assert response.status_code == 200
    titles = [link.get_text() for link in soup(response).select(".search-result__title a")]
    assert titles == ["Cluster excellence in Bavaria"]  # the matched word marked inside the title


@pytest.mark.parametrize(
    "path",
    [
        "/en/%ff%fe/",
        "/en/request-advice/track/%ff/",
        "/en/request-advice/track/'%22%3C/",
        "/en/request-advice/track/" + "a" * 3000 + "/",
        "/en/events/cluster-managers-day/%ff/event.ics",
        "/%ff/",
    ],
)
def test_junk_paths_are_not_found_never_a_500(client, site, path):
    assert client.get(path).status_code in (301, 302, 404)


@pytest.mark.parametrize(
    "path", ["/en/request-advice/track/%00/", "/en/%00/", "/en/feeds/news/%00", "/robots.txt%00"]
)
def test_a_nul_byte_in_a_path_is_refused_with_400(client, site, path):
    assert client.get(path).status_code == 400


TEXT_FIELDS = [
    "requester_name",
    "requester_email",
    "requester_phone",
    "organisation",
    "programme_name",
    "description",
    "desired_start",
    "country",
    "service_type",
    "website",
]


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_a_nul_byte_in_any_field_of_the_request_form_is_refused_with_400(client, site, field):
    value = form_data()[field] or "x"
    response = client.post(site["form"].url, form_data(**{field: value + "\x00"}))
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert not AdvisoryRequest.objects.exists()


def test_a_nul_byte_in_a_field_name_is_refused_with_400(client, site):
    response = client.post(site["form"].url, {**form_data(), "extra\x00": "x"})
    assert response.status_code == 400


def test_a_nul_byte_in_a_file_name_never_reaches_storage(client, site):
    response = client.post(site["form"].url, {**form_data(), "attachments": [upload("brief\x00.exe.pdf")]})
    # Django drops unprintable characters from file names; the document is accepted by its content.
    assert response.status_code == 303
    names = list(Attachment.objects.values_list("original_name", flat=True))
    assert names == ["brief.exe.pdf"]


@pytest.mark.parametrize("email", ["a\x00@b.example", "\x00", "x" * 300 + "@b.example", "'\"<>@x"])
def test_malformed_resend_posts_are_refused_never_a_500(client, site, email):
    response = client.post(site["form"].url + "track/resend/", {"email": email})
    assert response.status_code in (200, 400)
    if "\x00" in email:
        assert response.status_code == 400


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_ACCEPT_LANGUAGE": "\x00"},
        {"HTTP_ACCEPT_LANGUAGE": "de;q=abc,,;;"},
        {"HTTP_COOKIE": "csrftoken=\x00; sessionid=\x00"},
        {"HTTP_COOKIE": "sessionid=" + "a" * 5000},
        {"HTTP_COOKIE": "sessionid='\"; DROP TABLE x"},
        {"HTTP_HOST": "example.org\x00"},
        {"HTTP_X_FORWARDED_FOR": "\x00, 1.2.3.4"},
        {"HTTP_USER_AGENT": "\xff\xfe"},
    ],
)
def test_malformed_headers_and_cookies_never_give_a_500(client, site, header):
    for path in ("/en/", "/en/search/?q=cluster", "/en/request-advice/"):
        assert client.get(path, **header).status_code in (200, 400)


def test_a_malformed_content_length_is_refused(client, site):
    response = client.generic("POST", site["form"].url, b"x", CONTENT_LENGTH="abc")
    assert response.status_code == 400
