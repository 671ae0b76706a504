"""The site's demo content (`demo.site`, loaded by `manage.py load_demo`)."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from advisory.models import RequestFormPage
from cms.models import (
    CallPage,
    CallStatus,
    EventPage,
    HomePage,
    Programme,
    PublicationPage,
    SiteSettings,
    SiteTexts,
    Topic,
)
from demo.pdf import make_pdf
from demo.site.builder import DemoBuilder
from demo.site.content import DEMO
from demo.site.texts import Catalogue, T, segments_of
from workflows.uploads import is_pdf

pytestmark = pytest.mark.django_db

TARGETS = ("de", "fr")
EXTRA = ("es", "it", "pl")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction rolled back afterwards."""
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock(), transaction.atomic():
        patch.delenv("DEMO_PASSWORD", raising=False)  # a generated password is shown
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def english_demo_pages():
    home = HomePage.objects.get(locale__language_code="en")
    return [page.specific for page in Page.objects.descendant_of(home, inclusive=True).order_by("path")]


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "page log entries": PageLogEntry.objects.count(),
        "documents": get_document_model().objects.count(),
        "programmes": Programme.objects.count(),
        "topics": Topic.objects.count(),
        "site texts": SiteTexts.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
    }


# --------------------------------------------------------------------------- load_demo


def test_load_demo_prints_a_summary(demo):
    assert "Demo content" in demo
    assert re.search(r"page\s+\d+ created", demo)
    assert re.search(r"live pages\s+en \d+, de \d+, fr \d+, es \d+, it \d+, pl \d+", demo)
    assert "Advisory demo" in demo
    assert re.search(r"requests by state\s+submitted \d+, screening \d+", demo)
    assert len(re.findall(r"Done in \d+\.\d s: \d+ objects written\.", demo)) == 2
    # No DEMO_PASSWORD in the test environment: the generated password is shown, in the box, last.
    assert re.search(r"\| Password: \S{16,}  \(the same for every demo login\)", demo)
    assert demo.rstrip().endswith("+")


def test_a_quiet_load_prints_nothing_but_a_new_password(demo):
    out = StringIO()
    call_command("load_demo", verbosity=0, stdout=out)
    assert out.getvalue() == ""

    get_user_model().objects.filter(username="expert-it").delete()
    out = StringIO()
    call_command("load_demo", verbosity=0, stdout=out)
    box = out.getvalue().splitlines()
    assert box[0].startswith("+-") and box[-1].startswith("+-")
    assert any(line.startswith("| expert-it ") for line in box)


def test_every_demo_page_is_published_through_a_revision(demo):
    pages = english_demo_pages()
    assert len(pages) == sum(1 for _ in DEMO.home.walk())
    for page in pages:
        assert page.live, page
        assert page.live_revision_id is not None, page
        assert not page.has_unpublished_changes, page
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists(), page


def test_every_page_is_live_in_german_and_french(demo):
    catalogue = Catalogue().collect(DEMO.texts())
    for page in english_demo_pages():
        for code in TARGETS:
            translated = page.get_translation(Locale.objects.get(language_code=code))
            assert translated.live, (code, page)
            assert translated.live_revision_id is not None
            expected = catalogue.translate(code, StringValue.from_plaintext(page.title).data)
            assert StringValue.from_plaintext(translated.title).data == expected


def test_home_and_about_are_live_in_spanish_italian_and_polish(demo, client):
    home = HomePage.objects.get(locale__language_code="en")
    about = home.get_children().get(slug="about")
    for code in EXTRA:
        locale = Locale.objects.get(language_code=code)
        translated_home = home.get_translation(locale)
        assert translated_home.live and translated_home.depth == home.depth
        assert translated_home.title != home.title
        assert about.get_translation(locale).live
        assert client.get(f"/{code}/").status_code == 200


def test_the_site_is_served_in_all_six_languages(demo, client):
    for code in ("en", *TARGETS, *EXTRA):
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert response.context["page"].locale.language_code == code


def test_calls_cover_every_status(demo):
    english = CallPage.objects.live().filter(locale__language_code="en")
    statuses = {call.status for call in english}
    assert {CallStatus.OPEN, CallStatus.CLOSING_SOON, CallStatus.FORTHCOMING, CallStatus.CLOSED} <= statuses
    assert any(call.is_open for call in english)
    for code in TARGETS:
        translated = CallPage.objects.live().filter(locale__language_code=code)
        assert any(call.is_open for call in translated)
        # Programme snippets follow the page into the target language.
        assert all(call.programme.locale.language_code == code for call in translated)


def test_the_2014_cosme_call_is_closed_at_its_real_deadline(demo):
    call = CallPage.objects.get(locale__language_code="en", slug__startswith="cosme-cluster-excellence")
    assert call.status == CallStatus.CLOSED
    deadline = timezone.localtime(call.closes_at)
    assert (deadline.year, deadline.month, deadline.day, deadline.hour) == (2014, 10, 29, 17)
    assert call.programme.name == "COSME"


def test_events_past_and_upcoming(demo):
    events = EventPage.objects.live().filter(locale__language_code="en")
    assert any(event.is_upcoming for event in events)
    berlin = events.get(start__date="2014-09-18")
    assert (berlin.city, berlin.country.code, timezone.localtime(berlin.end).day) == ("Berlin", "DE", 19)
    brussels = events.get(start__date="2014-09-23")
    assert brussels.free_participation and len(brussels.agenda) >= 3


def test_publications_have_real_pdfs_in_the_demo_collection(demo):
    Document = get_document_model()
    documents = Document.objects.filter(collection__name="Demo")
    assert documents.count() == len(DEMO.documents)
    for document in documents:
        assert is_pdf(document.file)
        assert document.file_size > 0 and document.file_hash
    for publication in PublicationPage.objects.filter(locale__language_code__in=("en", *TARGETS)):
        assert publication.pdf is not None and publication.pdf.collection.name == "Demo"
        assert publication.topics.count() >= 1
        # PublicationTopic is not translatable, so wagtail-localize copies the rows as they are
        # (pointing to the English topics); each topic has a translation for `.localized`.
        for row in publication.topics.all():
            assert row.topic.get_translation_or_none(publication.locale) is not None


def test_every_string_segment_of_the_demo_is_translated(demo):
    translations = Translation.objects.select_related("source", "target_locale")
    assert translations.count() > 0
    for translation in translations:
        segments = StringSegment.objects.filter(source=translation.source)
        for segment in segments.select_related("string", "context"):
            done = StringTranslation.objects.filter(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                has_error=False,
            )
            assert done.exists(), (translation.target_locale, segment.string.data)


def test_site_settings(demo):
    site_settings = SiteSettings.objects.get()
    assert "Berlin" in site_settings.address
    assert site_settings.contact_email


# The organisation's name and the country of its address, as each language writes them.
ORGANISATION = {
    "en": ("European Secretariat for Cluster Analysis", "Germany"),
    "de": ("Europäisches Sekretariat für Clusteranalyse", "Deutschland"),
    "fr": ("Secrétariat européen pour l'analyse des clusters", "Allemagne"),
    "es": ("Secretariado Europeo de Análisis de Clústeres", "Alemania"),
    "it": ("Segretariato europeo per l'analisi dei cluster", "Germania"),
    "pl": ("Europejski Sekretariat Analizy Klastrów", "Niemcy"),
}


@pytest.mark.parametrize("language", list(ORGANISATION))
def test_the_site_texts_are_translated_into_every_language(demo, client, language):
    name, country = ORGANISATION[language]
    texts = SiteTexts.objects.get(locale__language_code=language)
    assert texts.organisation_name == name
    assert texts.address.splitlines()[-1] == country
    assert texts.tagline and texts.footer_text and texts.copyright
    page = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    assert page.select_one(".brand__name").get_text() == name
    assert page.select_one(".site-footer address p").get_text("\n").splitlines()[-1] == country


def test_calls_say_how_to_apply_in_german(demo):
    calls = [
        call
        for call in CallPage.objects.live().filter(locale__language_code="de")
        if call.further_deadlines and call.documents and call.has_contact
    ]
    assert len(calls) >= 2
    for call in calls:
        english = call.get_translation(Locale.objects.get(language_code="en")).specific
        assert call.how_to_apply and call.how_to_apply != english.how_to_apply
        deadlines = call.deadlines()
        assert 2 <= len(deadlines) <= 3 and deadlines[-1].final
        # Translated labels, the English dates and block ids (one calendar UID for both languages).
        assert [d.key for d in deadlines] == [d.key for d in english.deadlines()]
        assert [d.at for d in deadlines] == [d.at for d in english.deadlines()]
        assert {d.label for d in deadlines[:-1]}.isdisjoint({d.label for d in english.deadlines()[:-1]})
        assert all(block.value["title"] for block in call.documents)
        assert [b.value["title"] for b in call.documents] != [b.value["title"] for b in english.documents]


def test_a_second_run_changes_nothing(demo):
    before = counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == before
    assert "nothing to do" in out.getvalue()


def test_relative_dates_hold_until_the_page_stops_showing_what_it_should(demo):
    now = timezone.now()
    closing = CallPage.objects.get(
        locale__language_code="en", slug="interreg-baltic-sea-region-seed-money-for-cluster-cooperation"
    )
    deadline = closing.closes_at

    # A day later nothing moves: the call is still closing soon.
    report = DemoBuilder(now=now + timedelta(days=1)).run()
    assert report.changed == 0
    closing.refresh_from_db()
    assert closing.closes_at == deadline

    # Once the call would have closed, its dates move forward, in every language.
    later = now + timedelta(days=8)
    report = DemoBuilder(now=later).run()
    assert report.changed > 0
    closing.refresh_from_db()
    assert closing.closes_at > later
    german = closing.get_translation(Locale.objects.get(language_code="de"))
    assert german.closes_at == closing.closes_at and german.live


def test_a_missing_translation_fails_loudly(demo, monkeypatch):
    original = Catalogue.translate

    def forgetful(self, language, source):
        if language == "fr" and source == "Network":
            return None
        return original(self, language, source)

    monkeypatch.setattr(Catalogue, "translate", forgetful)
    with pytest.raises(CommandError, match="Network"):
        call_command("load_demo", stdout=StringIO())


# --------------------------------------------------------------------------- pieces


def test_catalogue_pairs_rich_text_segments():
    text = T(
        "<p>One <b>bold</b> <a href='https://example.org'>link</a>.</p><ul><li>Two</li></ul>",
        de="<p>Eins <b>fett</b> <a href='https://example.org'>Link</a>.</p><ul><li>Zwei</li></ul>",
    )
    catalogue = Catalogue().collect([text])
    first, second = segments_of(text.en)
    assert catalogue.translate("de", first) == 'Eins <b>fett</b> <a id="a1">Link</a>.'
    assert catalogue.translate("de", second) == "Zwei"
    assert catalogue.translate("fr", second) is None


def test_catalogue_rejects_mismatched_translations():
    with pytest.raises(ValueError, match="segments"):
        Catalogue().collect([T("<p>One</p><p>Two</p>", de="<p>Eins und zwei</p>")])
    with pytest.raises(ValueError, match="two translations"):
        Catalogue().collect([T("Home", de="Start"), T("Home", de="Startseite")])


def test_generated_pdf_is_well_formed():
    data = make_pdf("Pôles de compétitivité (report)", ["A line with a backslash \\ and (brackets)."])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref_at = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[xref_at:].startswith(b"xref")
    offsets = re.findall(rb"(\d{10}) 00000 n ", data[xref_at:])
    for number, offset in enumerate(offsets, start=1):
        assert data[int(offset) :].startswith(f"{number} 0 obj".encode())
    assert make_pdf("Same") == make_pdf("Same")


# --------------------------------------------------------------------------- the privacy page
# On the same loaded demo: one load of the whole demo serves the module (it is the slow part).

LANGUAGES = ("en", "de", "fr", "es", "it", "pl")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_request_form_resend_and_open_pages_link_the_privacy_page_in_their_language(
    demo, client, language
):
    form = RequestFormPage.objects.live().get(locale__language_code=language)
    privacy = form.privacy_page.get_translation(form.locale)
    assert privacy.live and privacy.locale.language_code == language
    link = f'href="{privacy.url}"'
    assert privacy.url.startswith(f"/{language}/")
    for route in ("", form.reverse_subpage("resend"), form.reverse_subpage("track")):
        response = client.get(form.url + route)
        assert response.status_code == 200, route
        assert link in response.content.decode(), (language, route)


def test_the_notice_beside_the_consent_box_states_the_default_retention(demo, settings):
    assert settings.ADVISORY_RETENTION_YEARS == 5
    english = RequestFormPage.objects.live().get(locale__language_code="en")
    assert "five years" in english.privacy_notice
