"""The site search index follows Wagtail: publish, edit, unpublish, delete, translate, restrict, move.

Pages are made and changed the way editors do (revisions published through Wagtail), so every
entry here got there through Wagtail's search backend (cms.search.backends), not by calling the
index. Runs on SQLite and on PostgreSQL (tests/integration/test_search_postgresql.py checks the
vectors PostgreSQL adds).
"""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from cms.management.commands.rebuild_site_search import Progress
from cms.models import PublicationTopic, SearchDocument, SearchTerm
from cms.search import index
from tests.cms.factories import (
    NewsArticlePageFactory,
    PublicationPageFactory,
    StandardPageFactory,
    TopicFactory,
    english_home,
    home_in,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def entry(page):
    return SearchDocument.objects.filter(pk=page.pk).first()


def count(language, word):
    """Documents holding a word according to the vocabulary; 0 when the word is not there."""
    term = SearchTerm.objects.filter(language=language, word=word).first()
    return term.documents if term else 0


def rows():
    return {
        row["page_id"]: row
        for row in SearchDocument.objects.values(
            "page_id", "language", "kind", "title", "summary", "body", "title_terms", "body_terms",
            "date", "year", "open_until", "topics",
        )
    }  # fmt: skip


def vocabulary():
    return {
        (language, word): n
        for language, word, n in SearchTerm.objects.values_list("language", "word", "documents")
    }


# --------------------------------------------------------------------------- publishing


def test_publishing_adds_the_page_with_its_texts_and_words():
    page = StandardPageFactory(
        title="Zephyrine benchmarking workshop", body=body("Managers met in Ljubljana.")
    )
    found = entry(page)
    assert found is not None
    assert (found.language, found.kind, found.title) == ("en", "page", "Zephyrine benchmarking workshop")
    assert "Managers met in Ljubljana." in found.body
    # English analysis: stems, lowercase.
    assert found.title_terms == "zephyrin benchmark workshop"
    assert "ljubljana" in found.body_terms.split()
    # The vocabulary holds the words as typed, folded, not their stems.
    assert count("en", "zephyrine") == 1
    assert count("en", "ljubljana") == 1
    assert count("en", "zephyrin") == 0


def test_a_draft_is_not_indexed_until_published():
    page = StandardPageFactory(title="Quasar draft", publish=False)
    assert entry(page) is None
    assert count("en", "quasar") == 0
    publish(page)
    assert entry(page).title == "Quasar draft"
    assert count("en", "quasar") == 1


def test_editing_and_republishing_updates_texts_and_vocabulary():
    page = StandardPageFactory(title="Obsidian cluster report", body=body("Shared harbour logistics."))
    StandardPageFactory(title="Another harbour page", body=body("Harbour cranes."))
    assert count("en", "harbour") == 2
    assert count("en", "obsidian") == 1

    page.title = "Basalt cluster report"
    page.body = body("Rail freight corridors.")
    publish(page)

    found = entry(page)
    assert found.title == "Basalt cluster report"
    assert "Rail freight corridors." in found.body
    assert "harbour" not in found.body.lower()
    assert count("en", "obsidian") == 0
    assert not SearchTerm.objects.filter(language="en", word="obsidian").exists()
    assert count("en", "basalt") == 1
    assert count("en", "corridors") == 1
    # Still on the other page.
    assert count("en", "harbour") == 1


def test_a_publication_is_indexed_with_the_topics_chosen_in_the_revision_it_was_published_with():
    topic = TopicFactory(name="Circular economy")
    page = PublicationPageFactory(title="Cluster study on reuse", publish=False)
    # As the editor's form does: the topic rows live in the revision until it is published.
    page.topics.add(PublicationTopic(topic=topic))
    publish(page)
    assert list(page.topics.values_list("topic_id", flat=True)) == [topic.pk]
    assert entry(page).topics == [topic.pk]


def test_a_saved_draft_leaves_the_published_entry_as_it_is():
    page = StandardPageFactory(title="Published title of the amethyst page")
    page.title = "Draft title of the garnet page"
    page.save_revision()
    assert entry(page).title == "Published title of the amethyst page"
    assert count("en", "garnet") == 0
    assert count("en", "amethyst") == 1


def test_unpublishing_removes_the_page_and_its_words():
    page = StandardPageFactory(title="Tourmaline workshop")
    page.unpublish()
    assert entry(page) is None
    assert count("en", "tourmaline") == 0


def test_deleting_removes_the_page_its_subpages_and_their_words():
    section = StandardPageFactory(title="Jasper section")
    child = StandardPageFactory(title="Jasper minutes and onyx notes", parent=section)
    assert count("en", "jasper") == 2
    section.delete()
    assert entry(section) is None
    assert entry(child) is None
    assert count("en", "jasper") == 0
    assert count("en", "onyx") == 0


def test_the_root_page_is_never_indexed():
    root = Page.objects.get(depth=1)
    root.save()
    assert index.index_page(root) is None
    assert entry(root) is None
    index.rebuild()
    assert not SearchDocument.objects.filter(page__depth=1).exists()


# --------------------------------------------------------------------------- translations


def test_a_translation_is_indexed_in_its_language_only_once_published():
    english = StandardPageFactory(title="Conferences of cluster managers", body=body("Three conferences."))
    home_in("de")
    german = translate(english, "de", publish=False, title="Konferenzen der Clustermanager")
    assert entry(german) is None
    assert count("de", "konferenzen") == 0

    # The draft's title lives in its revision: the page row keeps the copy's until published.
    german.title = "Konferenzen der Clustermanager"
    german.body = body("Drei Konferenzen im Ostseeraum.")
    publish(german)

    found = entry(german)
    assert found.language == "de"
    # German analysis (Snowball German), not English: "Konferenzen" -> "konferenz".
    assert found.title_terms.split() == ["konferenz", "der", "clustermanag"]
    assert "ostseeraum" in found.body_terms.split()
    assert count("de", "konferenzen") == 1
    assert count("en", "konferenzen") == 0
    # The English entry is untouched.
    assert entry(english).language == "en"
    assert entry(english).title == "Conferences of cluster managers"


def test_a_polish_translation_holds_its_python_analysis():
    english = StandardPageFactory(title="Meeting of experts", body=body("Cooperation of clusters."))
    home_in("pl")
    polish = translate(english, "pl", title="Spotkanie ekspertów", body=body("Współpraca klastrów."))
    found = entry(polish)
    assert found.language == "pl"
    # Lemma (simplemma), then Snowball Polish, then folded.
    assert found.title_terms.split() == ["spotkan", "ekspert"]
    assert found.body_terms.split() == ["wspolprac", "klaster"]
    assert count("pl", "ekspertow") == 1
    assert count("pl", "wspolpraca") == 1


# --------------------------------------------------------------------------- restrictions and moves


def test_a_view_restriction_hides_a_section_and_lifting_it_shows_it_again():
    section = StandardPageFactory(title="Members area")
    minutes = StandardPageFactory(title="Minutes of the peridot board", parent=section)
    outside = StandardPageFactory(title="Public peridot page")
    assert count("en", "peridot") == 2

    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert entry(section) is None
    assert entry(minutes) is None
    assert entry(outside) is not None
    assert count("en", "peridot") == 1

    # Republishing a page below the restriction keeps it out.
    minutes.title = "Minutes of the peridot board, corrected"
    publish(minutes)
    assert entry(minutes) is None

    restriction.delete()
    assert entry(section).title == "Members area"
    assert entry(minutes).title == "Minutes of the peridot board, corrected"
    assert count("en", "peridot") == 2


def test_a_password_restriction_on_the_page_itself_hides_it():
    page = StandardPageFactory(title="Board papers")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x1"
    )
    assert entry(page) is None


def test_moving_a_section_into_and_out_of_a_restricted_one():
    private = StandardPageFactory(title="Private area")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    section = StandardPageFactory(title="Zircon section")
    child = StandardPageFactory(title="Zircon notes", parent=section)

    section.move(private, pos="last-child")
    assert entry(section) is None
    assert entry(child) is None
    assert count("en", "zircon") == 0

    Page.objects.get(pk=section.pk).move(english_home(), pos="last-child")
    assert entry(section) is not None
    assert entry(child) is not None
    assert count("en", "zircon") == 2


# --------------------------------------------------------------------------- rebuild


def test_a_rebuild_gives_what_the_incremental_updates_gave():
    # The home page comes from a migration, written around Wagtail's signals: indexed first.
    index.rebuild()
    news = NewsArticlePageFactory(
        title="Spinel news", date=datetime.date(2025, 5, 4), summary="Spinel summary."
    )
    page = StandardPageFactory(title="Beryl page", body=body("Beryl and spinel."))
    page.title = "Beryl page, second edition"
    publish(page)
    gone = StandardPageFactory(title="Gone page")
    gone.unpublish()
    home_in("de")
    translate(news, "de", title="Spinell-Nachrichten")
    incremental_rows, incremental_vocabulary = rows(), vocabulary()
    assert news.pk in incremental_rows

    # A stale entry and a drifted count, which a rebuild must repair.
    SearchDocument.objects.filter(pk=page.pk).update(title="stale")
    SearchTerm.objects.filter(language="en", word="spinel").update(documents=7)

    written = index.rebuild()
    assert written == len(incremental_rows)
    assert rows() == incremental_rows
    assert vocabulary() == incremental_vocabulary


def test_a_rebuild_deletes_entries_of_pages_no_longer_searchable():
    page = StandardPageFactory(title="Lapis page")
    # Unpublished around Wagtail (as an import script might): the entry stays until a rebuild.
    Page.objects.filter(pk=page.pk).update(live=False)
    assert entry(page) is not None
    index.rebuild()
    assert entry(page) is None
    assert count("en", "lapis") == 0


def test_a_rebuild_of_one_language_leaves_the_others():
    english = StandardPageFactory(title="Agate page")
    home_in("de")
    german = translate(english, "de", title="Achat-Seite")
    SearchDocument.objects.filter(pk=english.pk).update(title="english left as it was")
    SearchDocument.objects.filter(pk=german.pk).update(title="german to be rebuilt")

    written = index.rebuild(language="de")

    assert written == SearchDocument.objects.filter(language="de").count()
    assert entry(german).title == "Achat-Seite"
    assert entry(english).title == "english left as it was"
    assert count("de", "achat") == 1
    assert count("en", "agate") == 1


def test_rebuild_reports_progress_per_batch():
    for n in range(5):
        StandardPageFactory(title=f"Batch page {n}")
    calls = []
    total_live = Page.objects.live().filter(depth__gt=1).count()
    index.rebuild(lambda done, total: calls.append((done, total)), batch_size=2)
    assert calls[-1] == (total_live, total_live)
    assert [done for done, _total in calls] == sorted({done for done, _total in calls})
    assert len(calls) == (total_live + 1) // 2


# --------------------------------------------------------------------------- the command


def test_the_command_rebuilds_and_says_how_many_documents_in_how_long():
    StandardPageFactory(title="Command page one")
    StandardPageFactory(title="Command page two")
    SearchDocument.objects.all().delete()
    out, err = StringIO(), StringIO()
    call_command("rebuild_site_search", stdout=out, stderr=err)
    expected = Page.objects.live().filter(depth__gt=1).count()
    assert SearchDocument.objects.count() == expected
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Site search: {expected} documents indexed in ")
    assert lines[0].endswith(" s")
    # Not a terminal: the progress is a line, here the only one (one batch).
    assert re.fullmatch(rf"{expected}/{expected} pages \(100 %\), \d+ s\n", err.getvalue())


def test_the_command_rebuilds_one_language():
    english = StandardPageFactory(title="Onyx page")
    home_in("de")
    german = translate(english, "de", title="Onyx-Seite")
    SearchDocument.objects.filter(pk=english.pk).update(title="untouched")
    out = StringIO()
    call_command("rebuild_site_search", "--language", "de", stdout=out, stderr=StringIO())
    assert out.getvalue().startswith("Site search (de): ")
    assert entry(german).title == "Onyx-Seite"
    assert entry(english).title == "untouched"


def test_the_command_refuses_an_unknown_language():
    with pytest.raises(CommandError, match="Unknown language 'xx'"):
        call_command("rebuild_site_search", "--language", "xx", stdout=StringIO(), stderr=StringIO())


def test_progress_in_a_log_is_a_line_every_tenth():
    written = []
    progress = Progress(written.append, tty=False)
    for done in range(0, 1001, 50):
        progress(done, 1000)
    shares = [line.split("(")[1].split(")")[0] for line in written]
    assert shares == [f"{n} %" for n in range(10, 101, 10)]
    assert all(line.endswith(" s\n") for line in written)
    assert written[-1].startswith("1000/1000 pages (100 %)")


def test_progress_on_a_terminal_is_one_bar_redrawn_in_place():
    written = []
    progress = Progress(written.append, tty=True)
    progress(250, 1000)
    progress(1000, 1000)
    assert written[0].startswith("\r[" + "#" * 8 + "." * 22 + "]  25% 250/1000 pages")
    assert written[1].startswith("\r[" + "#" * 30 + "] 100% 1000/1000 pages")
    # Only the end of the bar leaves the line.
    assert not written[0].endswith("\n")
    assert written[1].endswith("\n")
