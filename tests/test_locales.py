"""Every enabled language has a complete, non-fuzzy catalogue of the project's own strings."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALES_DIR = Path(settings.BASE_DIR) / "locales"
MAKEMESSAGES_IGNORE = [f"--ignore={path}" for path in (".venv/*", "var/*", "tests/*", "bench/*")]
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _catalogue(language):
    path = LOCALES_DIR / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"missing catalogue {path.relative_to(settings.BASE_DIR)}"
    return polib.pofile(str(path))


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_is_complete(language):
    catalogue = _catalogue(language)
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_is_compiled_and_current(language):
    po = LOCALES_DIR / language / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{language}: run `python manage.py compilemessages`"
    compiled = {
        entry.msgid for entry in polib.mofile(str(mo)) if entry.msgstr or any(entry.msgstr_plural.values())
    }
    source = {entry.msgid for entry in _catalogue(language).translated_entries()}
    assert source <= compiled, f"{language}: .mo is older than .po"


@pytest.fixture(scope="module")
def marked_strings():
    return _marked_strings()


# One pytest-xdist worker for all languages (`--dist loadgroup`): the extraction writes locales/xx/.
# Without xgettext the test skips; in CI (REQUIRE_INTEGRATION=1) that skip is a failure.
@pytest.mark.xdist_group("locales")
@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext (xgettext) is not installed")
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_covers_every_marked_string(language, marked_strings):
    """A string marked in code but missing from a catalogue fails here, not in production."""
    known = {entry.msgid for entry in _catalogue(language) if not entry.obsolete}
    missing = sorted(marked_strings - known)
    assert not missing, f"{language}: {len(missing)} marked strings not in the catalogue, e.g. {missing[:5]}"


def _marked_strings():
    """The msgids makemessages extracts today, written to a throw-away locale and removed."""
    scratch = LOCALES_DIR / "xx"
    try:
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "--locale=xx", *MAKEMESSAGES_IGNORE],
            cwd=settings.BASE_DIR,
            check=True,
            capture_output=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        )
        return {entry.msgid for entry in polib.pofile(str(scratch / "LC_MESSAGES" / "django.po"))}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
