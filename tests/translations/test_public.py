"""The visitor's notice on a translated page that may be behind the English version, if the site wants it."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.translations.helpers import fill_in, publish_source, target_of
from translations.models import TranslationSettings

pytestmark = pytest.mark.django_db

NOTICE = "Diese Übersetzung ist möglicherweise nicht auf dem Stand der englischen Fassung."


def notice_on(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    found = BeautifulSoup(response.content, "html.parser").select_one("main .notice")
    return found


def tell_visitors(on=True):
    site = Site.objects.get(is_default_site=True)
    TranslationSettings.objects.update_or_create(site=site, defaults={"visitor_notice": on})


def test_an_outdated_translation_tells_visitors_and_links_to_the_english_page(client, article, german):
    tell_visitors()
    publish_source(article, summary="Clusters met again.")

    notice = notice_on(client, target_of(german))

    assert notice is not None
    assert NOTICE in notice.get_text()
    link = notice.find("a")
    assert link["href"] == article.url
    assert link["hreflang"] == "en"


def test_no_notice_unless_the_site_asks_for_it(client, article, german):
    publish_source(article, summary="Clusters met again.")
    assert notice_on(client, target_of(german)) is None


def test_no_notice_on_a_current_translation_nor_on_the_english_page(client, article, german):
    tell_visitors()
    assert notice_on(client, target_of(german)) is None
    publish_source(article, summary="Clusters met again.")
    assert notice_on(client, article) is None


def test_the_notice_goes_once_the_translation_is_current_again(client, article, german):
    tell_visitors()
    publish_source(article, summary="Clusters met again.")
    assert notice_on(client, target_of(german)) is not None

    fill_in(german)
    german.save_target(publish=False)
    target_of(german).get_latest_revision().publish()

    assert notice_on(client, target_of(german)) is None


def test_a_page_that_is_not_outdated_asks_no_query_for_the_notice(client, article, german):
    tell_visitors()
    page = target_of(german)
    client.get(page.url)  # warm: the set of outdated pages is cached
    with CaptureQueriesContext(connection) as captured:
        client.get(page.url)
    touched = [query["sql"] for query in captured.captured_queries if "translations_" in query["sql"]]
    assert touched == []


def test_the_tag_renders_nothing_without_a_page():
    request = RequestFactory().get("/en/search/")
    rendered = Template("{% load page_notices %}[{% page_notices page %}]").render(
        Context({"request": request})
    )
    assert rendered == "[]"


def test_the_notice_goes_when_the_translation_leaves_the_translation_editor(client, article, german):
    tell_visitors()
    publish_source(article, summary="Clusters met again.")
    assert notice_on(client, target_of(german)) is not None

    german.enabled = False
    german.save(update_fields=["enabled"])

    assert notice_on(client, target_of(german)) is None
