"""The demo's segment dictionaries (`demo.site.translations`): complete, current, and loaded.

Spanish, Italian and Polish translate most of the demo through `translations/<language>.py`,
keyed on the English segments wagtail-localize extracts. When the English of a page changes,
its old segment stays behind in the dictionary and the new one goes untranslated: these tests
name both, so the dictionaries follow the content.
"""

import re

import pytest
from django.db import transaction
from wagtail.models import Page

from demo.site import translations
from demo.site.builder import load_site_demo, missing_translations
from demo.site.content import DEMO
from demo.site.specs import ALL_TARGETS
from demo.site.texts import Catalogue

DICTIONARY_LANGUAGES = ("es", "it", "pl")
TAG = re.compile(r"<[^>]+>")


def demo_segments():
    """Every translatable English segment of the demo.

    No language is called "und": what the catalogue misses in it is every segment there is.
    """
    return set(Catalogue().missing("und", DEMO.texts()))


def test_the_demo_has_segments_to_translate():
    # Guards the two tests below against passing on an empty set.
    segments = demo_segments()
    assert "Calls for proposals" in segments
    assert len(segments) > 100


@pytest.mark.parametrize("language", ALL_TARGETS)
def test_every_segment_of_the_demo_is_translated(language):
    assert missing_translations(language) == []


@pytest.mark.parametrize("language", DICTIONARY_LANGUAGES)
def test_dictionary_languages_are_marked_complete(language):
    # COMPLETE makes the language a target of every page and snippet, not only of those
    # whose content.py entry names it.
    assert translations.complete(language)


@pytest.mark.parametrize("language", DICTIONARY_LANGUAGES)
def test_every_dictionary_entry_is_a_segment_of_the_demo(language):
    stale = set(translations.segments(language)) - demo_segments()
    assert not stale, f"{language}: entries for English no longer in the demo: {sorted(stale)}"


@pytest.mark.parametrize("language", DICTIONARY_LANGUAGES)
def test_no_dictionary_entry_is_shadowed_by_a_translation_in_the_content(language):
    # A translation written beside the English in content.py wins over the dictionary's.
    content_only = Catalogue().collect(DEMO.texts())
    shadowed = [s for s in translations.segments(language) if content_only.translate(language, s) is not None]
    assert not shadowed, f"{language}: translated in content.py as well: {shadowed}"


@pytest.mark.parametrize("language", DICTIONARY_LANGUAGES)
def test_translations_keep_the_inline_markup_of_the_english(language):
    # wagtail-localize refuses a rich-text translation whose tags or link ids differ.
    for english, translated in translations.segments(language).items():
        assert sorted(TAG.findall(translated)) == sorted(TAG.findall(english)), (language, english)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The site's demo, loaded once for the module inside a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_site_demo()
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_every_page_is_live_in_every_dictionary_language(loaded):
    def live(language):
        return Page.objects.live().filter(depth__gt=1, locale__language_code=language).count()

    english = live("en")
    assert english > 30
    assert {language: live(language) for language in DICTIONARY_LANGUAGES} == dict.fromkeys(
        DICTIONARY_LANGUAGES, english
    )
