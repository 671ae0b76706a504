"""The organisation's texts in the visitor's language: title, header, home hero, footer (cms.SiteTexts)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site

from cms.models import SiteSettings, SiteTexts
from tests.cms.factories import home_in, locale
from tests.cms.markup import soup

pytestmark = pytest.mark.django_db

ENGLISH = {
    "organisation_name": "European Secretariat for Cluster Analysis",
    "tagline": "Cluster excellence through benchmarking",
    "footer_text": "A network of cluster experts.",
    "address": "Steinplatz 1\n10623 Berlin\nGermany",
    "copyright": "ESCA, all rights reserved",
}
GERMAN = {
    "organisation_name": "Europäisches Sekretariat für Clusteranalyse",
    "tagline": "Clusterexzellenz durch Benchmarking",
    "footer_text": "Ein Netzwerk von Clusterfachleuten.",
    "address": "Steinplatz 1\n10623 Berlin\nDeutschland",
    "copyright": "ESCA, alle Rechte vorbehalten",
}


@pytest.fixture
def site():
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def texts(site):
    english = SiteTexts.objects.create(site=site, locale=locale("en"), **ENGLISH)
    # What wagtail-localize does when a translator translates the snippet: a copy in the locale.
    german = english.copy_for_translation(locale("de"))
    for name, value in GERMAN.items():
        setattr(german, name, value)
    german.save()
    return {"en": english, "de": german}


def render(client, language):
    home_in(language)
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return soup(response)


@pytest.mark.parametrize(("language", "words"), [("en", ENGLISH), ("de", GERMAN)])
def test_every_place_speaks_the_visitors_language(client, texts, language, words):
    page = render(client, language)
    assert page.title.get_text() == words["organisation_name"]  # the home page's own title
    assert page.select_one(".brand__name").get_text() == words["organisation_name"]
    assert page.select_one(".hero__kicker").get_text() == words["tagline"]
    assert page.select_one("#footer-about").get_text() == words["organisation_name"]
    assert words["footer_text"] in page.select_one(".site-footer__about").get_text()
    assert page.select_one(".site-footer address").get_text("\n", strip=True).startswith(words["address"])
    assert page.select_one(".site-footer__bottom").get_text(strip=True).endswith(words["copyright"])
    assert page.select_one('meta[property="og:site_name"]')["content"] == words["organisation_name"]


def test_the_title_of_other_pages_ends_with_the_name_in_their_language(client, texts):
    home_in("de")
    response = client.get("/de/search/")
    assert soup(response).title.get_text().endswith(" | Europäisches Sekretariat für Clusteranalyse")


def test_a_language_without_texts_shows_the_english_ones(client, texts):
    page = render(client, "pl")
    assert page.select_one(".brand__name").get_text() == ENGLISH["organisation_name"]


def test_without_any_texts_the_default_name_shows_and_the_copyright_falls_back_to_it(client):
    page = render(client, "en")
    assert page.select_one(".brand__name").get_text() == "European Secretariat for Cluster Analysis"
    assert (
        page.select_one(".site-footer__bottom")
        .get_text(strip=True)
        .endswith("European Secretariat for Cluster Analysis")
    )


def test_the_texts_are_read_once_per_request_and_language(site, texts):
    site_settings = SiteSettings.for_site(site)
    with CaptureQueriesContext(connection) as queries:
        with translation.override("de"):
            names = {site_settings.organisation_name, site_settings.footer_text, site_settings.copyright_line}
        with translation.override("en"):
            english = site_settings.organisation_name
    assert len(queries) == 2
    assert names == {GERMAN["organisation_name"], GERMAN["footer_text"], GERMAN["copyright"]}
    assert english == ENGLISH["organisation_name"]


def test_one_version_per_site_and_language(site, texts):
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteTexts.objects.create(site=site, locale=locale("de"), organisation_name="Zweites Sekretariat")
