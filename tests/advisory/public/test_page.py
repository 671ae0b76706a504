"""RequestFormPage: where it may live, its routes and URLs, its texts per language."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from advisory.models import RequestFormPage
from cms.models import HomePage
from tests.advisory.factories import AdvisoryRequestFactory, SuperUserFactory
from tests.cms.factories import english_home, home_in

pytestmark = pytest.mark.django_db


def test_one_form_page_per_home_page(form_page):
    assert "advisory.RequestFormPage" in HomePage.subpage_types
    assert RequestFormPage.parent_page_types == ["cms.HomePage"]
    assert not RequestFormPage.can_create_at(english_home())
    assert RequestFormPage.can_create_at(home_in("fr"))


def test_the_form_page_renders_its_texts(client, form_page):
    response = client.get(form_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Ask the network for advice on your cluster programme." in html
    assert "We keep your data for as long as the request runs." in html
    assert 'enctype="multipart/form-data"' in html
    # The form carries a CSRF token: no shared cache may keep it.
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_the_translated_page_is_served_in_its_language_and_switches_languages(client, german_page, form_page):
    response = client.get(german_page.url)
    html = response.content.decode()
    assert german_page.url.startswith("/de/")
    assert '<html lang="de"' in html
    assert "Beratung anfragen" in html
    assert f'href="{form_page.url}"' in html  # the switcher offers the English version


def test_resend_is_a_route_of_its_own_not_a_token(client, form_page, caplog):
    response = client.get(form_page.url + "track/resend/")
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()
    assert not [record for record in caplog.records if record.name == "advisory.security"]


def test_tracking_links_point_to_the_page_in_the_requesters_language(german_page, form_page):
    german = AdvisoryRequestFactory(requester_language="de")
    french = AdvisoryRequestFactory(requester_language="fr")
    assert RequestFormPage.tracking_url_for(german, "abc").endswith("/de/request-advice/track/#abc")
    # No French page: the default language's.
    assert RequestFormPage.tracking_url_for(french, "abc").endswith("/en/request-advice/track/#abc")
    assert RequestFormPage.for_language("pl").locale == Locale.get_default()


def test_tracking_links_are_empty_without_a_page():
    assert RequestFormPage.tracking_url_for(AdvisoryRequestFactory(), "abc") == ""


def test_the_thanks_page_without_a_submission_says_so(client, form_page):
    with translation.override("en"):
        response = client.get(form_page.url + "thanks/")
    assert response.status_code == 200
    assert "Nothing to show here" in response.content.decode()


def test_editors_can_add_the_page_under_a_home_page_in_the_admin(client):
    client.force_login(SuperUserFactory())
    home = english_home()
    response = client.get(f"/admin/pages/add/advisory/requestformpage/{home.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="intro"' in html and 'name="privacy_notice"' in html and 'name="thank_you"' in html


def test_the_admin_preview_shows_the_form(form_page):
    response = form_page.make_preview_request()
    assert response.status_code == 200
    assert 'name="requester_name"' in response.rendered_content
