"""The sitemap for people: the visitor's language's live, public pages as a tree (cms.site_map)."""

import pytest
from wagtail.models import PageViewRestriction

from tests.cms.factories import NewsArticlePageFactory, StandardPageFactory, english_home, home_in, translate
from tests.cms.markup import soup

pytestmark = pytest.mark.django_db


def tree(client, language):
    response = client.get(f"/{language}/sitemap/")
    assert response.status_code == 200
    return response, soup(response)


def outline(element):
    """The nested list as (title, [children]) pairs, as a reader sees it."""
    items = []
    for item in element.find_all("li", recursive=False):
        children = item.find("ul", recursive=False)
        items.append((item.find("a", recursive=False).get_text(), outline(children) if children else []))
    return items


@pytest.fixture
def pages():
    home = english_home()
    about = StandardPageFactory(parent=home, title="About us", slug="about")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    StandardPageFactory(parent=about, title="Draft", slug="draft", publish=False)
    private = StandardPageFactory(parent=home, title="Members only", slug="members")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    StandardPageFactory(parent=private, title="Under the private page", slug="under")
    article = NewsArticlePageFactory(title="Cluster days")
    return {"home": home, "about": about, "team": team, "article": article}


def test_the_english_tree_lists_live_public_pages_under_their_parents(client, pages):
    _response, page = tree(client, "en")
    assert page.select_one("h1").get_text() == "Sitemap"
    [root] = outline(page.select_one(".site-map > ul"))
    title, sections = root
    assert title == pages["home"].title
    assert ("About us", [("Team", [])]) in sections
    # The article sits under the news index, whatever that is called.
    assert any(children == [("Cluster days", [])] for _title, children in sections)
    titles = page.select_one(".site-map").get_text()
    assert "Draft" not in titles and "Members only" not in titles and "Under the private page" not in titles
    links = {a.get_text(): a["href"] for a in page.select(".site-map a")}
    assert links["Team"] == pages["team"].url


def test_the_german_tree_lists_the_german_pages_only(client, pages):
    home_in("de")
    translate(pages["about"], "de", title="Über uns")
    _response, page = tree(client, "de")
    assert page.select_one("h1").get_text() == "Sitemap"
    [(_home_title, sections)] = outline(page.select_one(".site-map > ul"))
    assert sections == [("Über uns", [])]
    assert all(a["href"].startswith("/de/") for a in page.select(".site-map a"))


def test_a_language_without_pages_says_so(client):
    _response, page = tree(client, "pl")
    assert page.select_one(".site-map") is None
    assert page.select_one(".empty")


def test_it_links_the_xml_sitemap_and_the_footer_links_it(client, pages):
    _response, page = tree(client, "en")
    assert page.select_one('a[type="application/xml"]')["href"] == "/sitemap.xml"
    home = soup(client.get("/en/"))
    footer_links = [a["href"] for a in home.select(".site-footer a")]
    assert "/en/sitemap/" in footer_links
    assert "/sitemap.xml" not in footer_links
