"""The demo's privacy page: in every language, linked from the request form and the other public forms."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from advisory.models import RequestFormPage

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "de", "fr", "es", "it", "pl")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


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
