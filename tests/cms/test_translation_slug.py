"""The slug is translated with the title in wagtail-localize's editor (cms.translation_slugs).

A translator translates the title segment through the editor's own API; the slug segment of the
same page follows, and the page saved from the translation lives at the translated slug.
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.cms.factories import StandardPageFactory, UserFactory, english_home, locale, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client):
    user = UserFactory(is_staff=True, groups=["Translators (de)"])
    client.force_login(user)
    return user


@pytest.fixture
def english():
    translate(english_home(), "de")
    return StandardPageFactory(parent=english_home(), title="About us", slug="about-us")


def start_translation(page, language_code):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale(language_code))
    translation.save_target(publish=False)
    return translation


def segment(translation, path):
    return StringSegment.objects.get(source=translation.source, context__path=path)


def put(client, translation, path, value):
    url = reverse(
        "wagtail_localize:edit_string_translation", args=(translation.pk, segment(translation, path).pk)
    )
    response = client.put(url, urlencode({"value": value}), "application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content
    return response


def slug_translation(translation):
    return StringTranslation.objects.filter(
        translation_of=segment(translation, "slug").string, locale=translation.target_locale
    ).first()


def saved_slug(translation, page):
    translation.save_target(publish=False)
    return page.get_translation(translation.target_locale).slug


def test_translating_the_title_translates_the_slug(client, translator, english):
    translation = start_translation(english, "de")
    assert slug_translation(translation) is None

    put(client, translation, "title", "Über uns")

    assert slug_translation(translation).data == "uber-uns"
    assert saved_slug(translation, english) == "uber-uns"


def test_without_it_the_slug_stays_english():
    """What the module changes: wagtail-localize falls back to the source slug."""
    translate(english_home(), "de")
    page = StandardPageFactory(parent=english_home(), title="About us", slug="about-us")
    translation = start_translation(page, "de")
    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    assert saved_slug(translation, page) == "about-us"


def test_the_slug_follows_a_corrected_title(client, translator, english):
    translation = start_translation(english, "de")
    put(client, translation, "title", "Uber uns")
    put(client, translation, "title", "Über uns")
    assert slug_translation(translation).data == "uber-uns"
    put(client, translation, "title", "Wer wir sind")
    assert slug_translation(translation).data == "wer-wir-sind"


def test_a_slug_the_translator_wrote_is_kept(client, translator, english):
    translation = start_translation(english, "de")
    put(client, translation, "title", "Über uns")
    put(client, translation, "slug", "ueber-uns")
    put(client, translation, "title", "Über das Sekretariat")
    assert slug_translation(translation).data == "ueber-uns"
    assert saved_slug(translation, english) == "ueber-uns"


def test_the_slug_is_unique_among_the_siblings(client, translator, english):
    """wagtail-localize numbers a taken slug from 1 (wagtail.coreutils.find_available_slug)."""
    german_home = english_home().get_translation(locale("de"))
    StandardPageFactory(parent=german_home, title="Über uns", slug="uber-uns")
    translation = start_translation(english, "de")
    put(client, translation, "title", "Über uns")
    assert saved_slug(translation, english) == "uber-uns-1"


def test_a_title_in_greek_gives_a_greek_slug(client, settings, english):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.LANGUAGES, ("el", "Greek")]
    Locale.objects.get_or_create(language_code="el")
    translate(english_home(), "el")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    translation = start_translation(english, "el")
    put(client, translation, "title", "Σχετικά με εμάς")
    assert slug_translation(translation).data == "σχετικά-με-εμάς"
    assert saved_slug(translation, english) == "σχετικά-με-εμάς"
