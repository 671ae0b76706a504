"""NUL bytes and malformed input on every public endpoint of a small site: never a 500.

The endpoints are walked, not listed: every live page of a demo tree built with the factories (in
English and German), every route of the request form page, and the site-wide views (search, feeds,
sitemap, robots). Each gets junk in its query string, path, headers and (for the forms) fields.
"""

import pytest
from django.test import Client
from wagtail.models import Page

from advisory.models import RequestFormPage
from tests.cms.factories import (
    CallPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    PublicationPageFactory,
    StandardPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db

POLITE = {200, 301, 302, 303, 400, 403, 404, 405, 413, 429}
SITE_WIDE = [
    "/en/search/",
    "/en/feeds/news/",
    "/en/feeds/events.ics",
    "/en/feeds/call-deadlines.ics",
    "/sitemap.xml",
    "/robots.txt",
    "/de/search/",
]

QUERIES = [
    "q=%00",
    "%00=%00",
    "q=%ff%fe",
    "q=%",
    "q=%zz",
    "page=" + "9" * 400,
    "page=%00",
    "q=" + "a" * 20_000,
    "q=%E2%80%AE%E2%80%8B",
    "&&&==&",
]
SUFFIXES = [
    "%00",
    "%00/",
    "%ff%fe/",
    "%c0%af/",
    "a" * 2000 + "/",
    "..%2f..%2fetc%2fpasswd",
    "%0d%0aSet-Cookie:x=1",
]
HEADERS = [
    {"HTTP_USER_AGENT": "\x00"},
    {"HTTP_USER_AGENT": "x" * 20_000},
    {"HTTP_ACCEPT_LANGUAGE": "\x00"},
    {"HTTP_ACCEPT_LANGUAGE": "de-" * 3000},
    {"HTTP_ACCEPT_LANGUAGE": "%ff%fe;q=x"},
    {"HTTP_COOKIE": "sessionid=\x00; csrftoken=\x00"},
    {"HTTP_COOKIE": "sessionid=%ff%fe; django_language=\x00"},
    {"HTTP_COOKIE": "django_language=../../etc; sessionid=" + "a" * 8000},
    {"HTTP_REFERER": "javascript:\x00"},
    {"HTTP_X_FORWARDED_FOR": "\x00, ::1, 999.1.1.1"},
]


@pytest.fixture
def site(form_page):
    """A small tree: a page of each type, the form page in English and German."""
    StandardPageFactory(title="About the network")
    NewsArticlePageFactory(title="Cluster excellence in Bavaria")
    EventPageFactory(title="Cluster managers day", slug="cluster-managers-day")
    CallPageFactory(title="Call for cluster partnerships")
    PublicationPageFactory(title="Cluster benchmarking study")
    translate(form_page, "de", title="Beratung anfragen")
    return form_page


def public_urls(page):
    urls = set(SITE_WIDE)
    for live in Page.objects.live().public().specific():
        url = live.get_url()
        if url:
            urls.add(url)
    for form_page in RequestFormPage.objects.live():
        for pattern in RequestFormPage.get_subpage_urls():
            kwargs = {name: ("A" * 43 if name == "token" else 1) for name in pattern.pattern.converters}
            urls.add(form_page.url + form_page.reverse_subpage(pattern.name, kwargs=kwargs or None))
    return sorted(urls)


def test_the_walk_covers_every_kind_of_public_endpoint(site):
    urls = public_urls(site)
    for expected in (
        "/en/",
        "/de/",
        "/en/request-advice/",
        "/en/request-advice/track/",
        "/de/request-advice/",
        "/en/events/cluster-managers-day/",
        "/sitemap.xml",
        "/en/feeds/news/",
    ):
        assert any(url == expected or url.startswith(expected) for url in urls), expected
    assert len(urls) >= 20


def polite(response, where):
    assert response.status_code in POLITE, (where, response.status_code)
    if response.status_code == 400:
        assert b"<html" in response.content.lower() or not response.content.strip(), where


def test_junk_query_strings_on_every_public_endpoint_never_give_a_500(site):
    client = Client(raise_request_exception=False)
    for url in public_urls(site):
        for query in QUERIES:
            polite(client.get(f"{url}?{query}"), (url, query[:40]))


def test_junk_paths_under_every_public_endpoint_never_give_a_500(site):
    client = Client(raise_request_exception=False)
    for url in public_urls(site):
        for suffix in SUFFIXES:
            polite(client.get(url.rstrip("/") + "/" + suffix), (url, suffix[:40]))


def test_junk_headers_on_every_public_endpoint_never_give_a_500(site):
    client = Client(raise_request_exception=False)
    for url in public_urls(site):
        for headers in HEADERS:
            polite(client.get(url, **headers), (url, str(headers)[:60]))


FIELDS = [
    "requester_name",
    "requester_email",
    "organisation",
    "programme_name",
    "description",
    "email",
    "link",
    "action",
    "kind",
    "state",
    "comment",
    "csrfmiddlewaretoken",
    "country",
    "expertise_areas",
]


@pytest.mark.parametrize("value", ["\x00", "%00", "%ff%fe", "x" * 200_000, "\u202e\u200b", "\r\n\r\n"])
def test_junk_in_any_field_posted_to_any_public_endpoint_never_gives_a_500(site, value):
    client = Client(raise_request_exception=False)
    data = dict.fromkeys(FIELDS, value)
    data.update(
        {
            f"{action}-{field}": value
            for action in ("provide_info", "withdraw", "feedback", "object_team")
            for field in ("state", "comment", "score")
        }
    )
    for url in public_urls(site):
        polite(client.post(url, data), (url, repr(value[:10])))


def test_raw_undecodable_bodies_never_give_a_500(site):
    client = Client(raise_request_exception=False)
    for url in (site.url, site.url + "track/open/", site.url + "track/resend/", site.url + "track/"):
        for body, content_type in (
            (b"requester_name=%ff%fe&email=\xff\xfe", "application/x-www-form-urlencoded"),
            (b"\x00\x01\x02", "application/x-www-form-urlencoded"),
            (
                b'--x\r\nContent-Disposition: form-data; name="a\x00"\r\n\r\nb\r\n--x--',
                "multipart/form-data; boundary=x",
            ),
            (b"--broken", "multipart/form-data; boundary="),
            (b"{}", "application/json"),
        ):
            polite(client.generic("POST", url, body, content_type=content_type), (url, body[:20]))
