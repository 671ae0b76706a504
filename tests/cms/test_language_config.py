"""Languages are configuration: SITE_LANGUAGES enables any official EU language, no code needed.

A seventh language (Dutch) is enabled the way a deployment would: the settings module read with
SITE_LANGUAGES naming it, a catalogue of its own (written here into a temporary LOCALE_PATHS
entry), `migrate` making its locale and its translators' team, a page translated into it and
served under /nl/ with the interface in Dutch.
"""

import json
import os
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import checks
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from cms.language_sync import sync_languages
from cms.models import LanguageScope
from tests.cms.factories import StandardPageFactory, english_home, translate
from tests.cms.markup import soup

# The official languages of the EU (europa.eu, "EU languages"), as ISO 639-1 codes.
EU_LANGUAGES = {
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
}  # fmt: skip
SIX = ["en", "de", "fr", "es", "it", "pl"]
# A Dutch interface string of the page layout, in the catalogue the tests write.
SKIP_LINK = "Skip to content"
SKIP_LINK_NL = "Naar de inhoud"


def settings_with(**env):
    """The language settings as cms.settings.test builds them with these environment variables."""
    env.setdefault("SITE_LANGUAGES", os.environ.get("SITE_LANGUAGES"))
    script = (
        "import json, django; django.setup(); from django.conf import settings as s;"
        "print(json.dumps({'languages': [[c, str(n)] for c, n in s.LANGUAGES],"
        " 'known': sorted(s.ALL_LANGUAGES), 'og': s.OG_LOCALES}))"
    )
    environment = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    # None: the variable unset.
    environment = {key: value for key, value in environment.items() if value is not None}
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def write_catalogue(root, language, entries):
    """A compiled gettext catalogue of `language` under `root` (a LOCALE_PATHS entry)."""
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": language}
    for msgid, msgstr in entries.items():
        catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    catalogue.save(str(folder / "django.po"))
    catalogue.save_as_mofile(str(folder / "django.mo"))


def with_dutch():
    return [*settings.LANGUAGES, ("nl", "Dutch")]


class TestSettings:
    def test_every_official_eu_language_is_known(self):
        result = settings_with()
        assert result.returncode == 0, result.stderr
        assert set(json.loads(result.stdout)["known"]) == EU_LANGUAGES

    def test_default_is_the_six_languages(self):
        result = settings_with(SITE_LANGUAGES=None)
        assert result.returncode == 0, result.stderr
        assert [code for code, _name in json.loads(result.stdout)["languages"]] == SIX

    def test_site_languages_enables_a_seventh_with_english_first(self):
        result = settings_with(SITE_LANGUAGES="de,fr,es,it,pl,nl")
        assert result.returncode == 0, result.stderr
        values = json.loads(result.stdout)
        assert values["languages"] == [
            ["en", "English"],
            ["de", "German"],
            ["fr", "French"],
            ["es", "Spanish"],
            ["it", "Italian"],
            ["pl", "Polish"],
            ["nl", "Dutch"],
        ]
        assert values["og"]["nl"] == "nl_NL"
        assert values["og"]["en"] == "en_GB"

    def test_english_is_always_on(self):
        result = settings_with(SITE_LANGUAGES="el,mt")
        assert result.returncode == 0, result.stderr
        values = json.loads(result.stdout)
        assert values["languages"] == [["en", "English"], ["el", "Greek"], ["mt", "Maltese"]]
        assert values["og"] == {"en": "en_GB", "el": "el_GR", "mt": "mt_MT"}

    def test_a_language_that_is_not_official_is_refused_by_name(self):
        result = settings_with(SITE_LANGUAGES="de,tr")
        assert result.returncode != 0
        assert "SITE_LANGUAGES names tr" in result.stderr

    def test_maltese_which_django_lacks_has_a_name_and_language_info(self):
        info = translation.get_language_info("mt")
        assert (info["name"], info["name_local"], info["bidi"]) == ("Maltese", "Malti", False)
        with translation.override("de"):
            assert str(settings.ALL_LANGUAGES["mt"]) == "Maltesisch"
            # Django's own names come translated from Django's catalogue.
            assert str(settings.ALL_LANGUAGES["sv"]) == "Schwedisch"


class TestCatalogueCheck:
    def errors(self):
        return [error for error in checks.run_checks() if error.id == "cms.E001"]

    def test_the_enabled_languages_all_have_catalogues(self):
        assert self.errors() == []

    def test_a_language_without_a_catalogue_is_refused(self, settings, tmp_path):
        settings.LANGUAGES = with_dutch()
        settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
        errors = self.errors()
        assert [error.msg for error in errors] == [
            "SITE_LANGUAGES enables 'nl', which has no compiled interface catalogue."
        ]
        assert errors[0].level == checks.ERROR
        assert "makemessages -l nl" in errors[0].hint

    def test_an_uncompiled_catalogue_is_refused_with_the_command_to_compile(self, settings, tmp_path):
        write_catalogue(tmp_path, "nl", {SKIP_LINK: SKIP_LINK_NL})
        (tmp_path / "nl" / "LC_MESSAGES" / "django.mo").unlink()
        settings.LANGUAGES = with_dutch()
        settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
        assert "compilemessages -l nl" in self.errors()[0].hint

    def test_a_compiled_catalogue_satisfies_the_check(self, settings, tmp_path):
        write_catalogue(tmp_path, "nl", {SKIP_LINK: SKIP_LINK_NL})
        settings.LANGUAGES = with_dutch()
        settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
        assert self.errors() == []


@pytest.mark.django_db
class TestSync:
    def test_migrate_creates_the_locale_and_team_of_a_new_language(self, settings):
        assert not Locale.objects.filter(language_code="nl").exists()
        settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = with_dutch()
        call_command("migrate", verbosity=0)

        dutch = Locale.objects.get(language_code="nl")
        team = Group.objects.get(name="Translators (nl)")
        translators = Group.objects.get(name="Translators")
        assert set(team.permissions.all()) == set(translators.permissions.all())
        assert set(team.page_permissions.values_list("page", "permission")) == set(
            translators.page_permissions.values_list("page", "permission")
        )
        assert list(LanguageScope.objects.get(group=team).locales.all()) == [dutch]

    def test_the_sync_is_idempotent_and_keeps_an_administrators_changes(self, settings):
        settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = with_dutch()
        assert sync_languages() == ["locale nl", "group Translators (nl)"]
        team = Group.objects.get(name="Translators (nl)")
        team.permissions.clear()
        assert sync_languages() == []
        assert Locale.objects.filter(language_code="nl").count() == 1
        assert not team.permissions.exists()

    def test_every_enabled_language_has_its_team(self):
        expected = {f"Translators ({code})" for code, _name in settings.LANGUAGES if code != "en"}
        assert expected <= set(Group.objects.values_list("name", flat=True))
        assert not Group.objects.filter(name="Translators (en)").exists()


@pytest.mark.django_db
def test_a_seventh_language_is_served_with_its_interface(client, settings, tmp_path):
    write_catalogue(tmp_path, "nl", {SKIP_LINK: SKIP_LINK_NL})
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = with_dutch()
    call_command("migrate", verbosity=0)

    page = StandardPageFactory(parent=english_home(), title="About us", slug="about")
    translate(page, "nl", title="Over ons", slug="over-ons")

    response = client.get("/nl/over-ons/")
    assert response.status_code == 200
    page_soup = soup(response)
    assert page_soup.html["lang"] == "nl"
    assert "Over ons" in page_soup.title.string
    assert page_soup.select_one(".skip-link").get_text(strip=True) == SKIP_LINK_NL
    # The English page keeps its English interface.
    english = soup(client.get("/en/about/"))
    assert english.select_one(".skip-link").get_text(strip=True) == SKIP_LINK
