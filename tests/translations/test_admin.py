"""The admin shows an outdated translation: explorer, status panel, dashboard, the translator's queue."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.advisory.factories import ExpertUserFactory
from tests.cms.factories import (
    NewsArticlePageFactory,
    ProgrammeFactory,
    UserFactory,
    locale,
)
from tests.translations.helpers import fill_in, localize, publish_source, submit, target_of
from translations.queue import queue_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def outdated(article, german):
    publish_source(article, summary="Clusters met again.")
    return target_of(german)


def html(response):
    assert response.status_code == 200, response
    return BeautifulSoup(response.content, "html.parser")


def explorer_row(soup, page):
    checkbox = soup.find("input", attrs={"name": "id", "value": str(page.pk)}) or soup.find(
        attrs={"data-object-id": str(page.pk)}
    )
    return checkbox.find_parent("tr") if checkbox else None


# The explorer ---------------------------------------------------------------------------------------


def test_the_explorer_tags_the_outdated_translation_and_no_other_page(client, translator, outdated):
    current = target_of(localize(NewsArticlePageFactory(title="Smart specialisation"), "de"))
    client.force_login(translator)

    soup = html(client.get(reverse("wagtailadmin_explore", args=[outdated.get_parent().pk])))

    tagged = [tag.find_parent("tr") for tag in soup.select(".translations-outdated")]
    assert len(tagged) == 1
    assert outdated.title in tagged[0].get_text()
    assert current.title not in tagged[0].get_text()
    # The translator's admin speaks German.
    assert "Veraltet" in tagged[0].get_text()


def test_the_explorer_tags_cost_no_query_per_row(client, translator, outdated):
    """The tags come from an annotation of the listing's own query (wagtail-localize's buttons, not ours,
    still ask a few queries per row)."""
    client.force_login(translator)
    url = reverse("wagtailadmin_explore", args=[outdated.get_parent().pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(3):
        page = NewsArticlePageFactory(title=f"Cluster talks {number}")
        localize(page, "de")
        publish_source(page, summary="Changed.")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(html(response).select(".translations-outdated")) == 4
    # The listing's query and its paginator's count carry the annotation; nothing else reads the table.
    assert ours(many) == ours(few) == 2


def ours(captured):
    return sum("translations_outdatedtranslation" in query["sql"] for query in captured.captured_queries)


# The status side panel -----------------------------------------------------------------------------


def test_the_translation_editors_status_panel_counts_the_passages_left(client, translator, outdated):
    client.force_login(translator)
    soup = html(client.get(reverse("wagtailadmin_pages:edit", args=[outdated.pk])))

    status = soup.select_one(".translations-status")
    assert status is not None
    assert "1 Textstelle muss noch übersetzt werden." in " ".join(status.get_text().split())


def test_the_status_panel_of_a_current_translation_says_nothing_of_it(client, translator, german):
    client.force_login(translator)
    soup = html(client.get(reverse("wagtailadmin_pages:edit", args=[target_of(german).pk])))
    assert soup.select_one(".translations-status") is None


def test_a_snippet_translation_editor_shows_the_outdated_status_too(client, translator):
    programme = ProgrammeFactory(name="Interreg Europe", description="Cooperation between regions.")
    german = localize(programme, "de")
    programme.description = "Cooperation between regions and cities."
    programme.save()
    client.force_login(translator)

    target = target_of(german)
    soup = html(client.get(reverse("wagtailsnippets_cms_programme:edit", args=[target.pk])))

    assert soup.select_one(".translations-status") is not None


# The dashboard ------------------------------------------------------------------------------------


def test_the_dashboard_lists_outdated_translations_of_the_translators_languages(client, translator, outdated):
    polish = localize(NewsArticlePageFactory(title="Cluster excellence"), "pl")
    publish_source(polish.source.get_source_instance(), summary="Changed.")
    client.force_login(translator)

    soup = html(client.get(reverse("wagtailadmin_home")))

    panel = soup.select_one("#translations-outdated-section")
    assert panel is not None
    links = {link["href"] for link in panel.select("a")}
    assert reverse("wagtailadmin_pages:edit", args=[outdated.pk]) in links
    assert reverse("translations:queue") in links
    assert "Cluster excellence" not in panel.get_text()


def test_the_dashboard_of_a_translator_with_nothing_outdated(client, translator, german):
    client.force_login(translator)
    panel = html(client.get(reverse("wagtailadmin_home"))).select_one("#translations-outdated-section")
    assert "Keine Übersetzung in Ihren Sprachen ist veraltet." in panel.get_text()


# The queue -------------------------------------------------------------------------------------------


def titles(items):
    return [item.title for item in items]


def test_the_queue_sorts_work_into_outdated_review_and_translation(translator, article, outdated):
    never = NewsArticlePageFactory(title="Never translated")
    draft = submit(NewsArticlePageFactory(title="Draft only"), "de")
    draft.save_target(publish=False)
    disabled = localize(NewsArticlePageFactory(title="Kept by hand"), "de")
    disabled.enabled = False
    disabled.save(update_fields=["enabled"])
    ProgrammeFactory(name="Horizon Europe")

    queue = queue_for(locale("de"))

    assert titles(queue.outdated) == [outdated.title]
    assert queue.outdated[0].untranslated == 1
    assert queue.outdated[0].url == reverse("wagtailadmin_pages:edit", args=[outdated.pk])
    assert titles(queue.to_review) == [target_of(draft).title]
    # Submitted but nothing translated yet: every passage of it waits.
    assert queue.to_review[0].untranslated == 4
    waiting = {item.title: item for item in queue.to_translate}
    assert {never.title, target_of(disabled).title, "Horizon Europe"} <= set(waiting)
    assert waiting[never.title].untranslated is None
    assert waiting[never.title].url == reverse("wagtail_localize:submit_page_translation", args=[never.pk])
    assert "Horizon Europe" in {item.title for item in queue.to_translate if item.type_name == "Programme"}


def test_the_queue_takes_the_same_number_of_queries_whatever_the_number_of_pages(
    translator, outdated, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as first:
        queue_for(locale("de"))
    for number in range(3):
        localize(NewsArticlePageFactory(title=f"Translated {number}"), "de")
        NewsArticlePageFactory(title=f"Untranslated {number}")
        draft = submit(NewsArticlePageFactory(title=f"Draft {number}"), "de")
        fill_in(draft)
        draft.save_target(publish=False)
        ProgrammeFactory(name=f"Programme {number}")
    outdated_more = localize(NewsArticlePageFactory(title="Outdated too"), "de")
    publish_source(outdated_more.source.get_source_instance(), summary="Changed.")

    with django_assert_num_queries(len(first)):
        queue = queue_for(locale("de"))
    assert len(queue.outdated) == 2
    assert len(queue.to_review) == 3


def test_the_translator_opens_the_queue_of_their_language_from_the_menu(client, translator, outdated):
    client.force_login(translator)
    home = html(client.get(reverse("wagtailadmin_home")))
    assert reverse("translations:queue") in str(home)

    soup = html(client.get(reverse("translations:queue")))

    outdated_section = soup.select_one("#outdated")
    assert outdated.title in outdated_section.get_text()
    assert soup.select_one(".translations-queue__languages nav") is None


def test_a_translator_asking_for_another_language_gets_their_own(client, translator, outdated):
    client.force_login(translator)
    response = client.get(reverse("translations:queue"), {"language": "pl"}, follow=True)
    soup = html(response)
    assert outdated.title in soup.select_one("#outdated").get_text()
    assert "Die Liste dieser Sprache können Sie nicht öffnen" in soup.get_text()


def test_a_moderator_chooses_any_language(client, editor, outdated):
    client.force_login(editor)
    soup = html(client.get(reverse("translations:queue"), {"language": "pl"}))
    chosen = soup.select_one('.translations-queue__languages a[aria-current="page"]')
    assert chosen["href"] == "?language=pl"
    codes = [link["href"] for link in soup.select(".translations-queue__languages a")]
    assert codes == [f"?language={code}" for code in ("de", "fr", "es", "it", "pl")]


def test_staff_outside_the_editorial_team_neither_see_nor_open_the_queue(client):
    expert = ExpertUserFactory()
    client.force_login(expert)
    assert reverse("translations:queue") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("translations:queue")).status_code == 403


def test_a_translator_of_no_team_is_told_so(client):
    # "Translators" grants page permissions at the root, but in no language.
    client.force_login(UserFactory(username="newcomer", groups=["Translators"]))
    soup = html(client.get(reverse("translations:queue")))
    assert soup.select_one(".translations-summary") is None
    assert "Sie gehören noch keinem Übersetzungsteam an" not in soup.get_text()  # the admin speaks English
    assert "You belong to no translation team yet" in soup.get_text()
