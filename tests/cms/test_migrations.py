"""What migration 0002 leaves behind: a locale per language and the English home as site root."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_a_locale_for_every_enabled_language():
    codes = {code for code, _name in settings.LANGUAGES}
    assert codes == {"en", "de", "fr", "es", "it", "pl"}
    assert set(Locale.objects.values_list("language_code", flat=True)) == codes


def test_english_home_page_is_the_root_of_the_default_site():
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    assert site.root_page_id == home.pk
    assert home.locale.language_code == "en"
    assert home.live
    assert home.depth == 2
    # Wagtail's welcome page is gone: the home page is the only page under the root.
    assert list(Page.get_first_root_node().get_children()) == [home.page_ptr]
    assert home.url == "/en/"
