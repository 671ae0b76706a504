import pytest

pytestmark = pytest.mark.django_db


def test_a_missing_admin_url_is_a_404_of_the_admin_not_a_redirect_into_the_site(admin_client):
    response = admin_client.get("/admin/no-such-view/")
    assert response.status_code == 404


def test_an_unprefixed_site_path_still_redirects_to_its_language(client):
    response = client.get("/news/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert response["Location"].startswith("/de/")
