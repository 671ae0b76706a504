"""Who may publish what: translators publish translations only; moderators approve pages."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page

from cms.models import NewsArticlePage
from cms.permissions import LocaleAwarePagePermissionTester
from tests.cms.admin_forms import add_url, edit_url, post_page_form
from tests.cms.factories import NewsArticlePageFactory, SuperUserFactory, UserFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return NewsArticlePageFactory(title="Cluster days")


@pytest.fixture
def german(english):
    return translate(english, "de")


def can_publish(user, page):
    return page.permissions_for_user(user).can_publish()


def test_editorial_groups_exist():
    assert {"Editors", "Moderators", "Translators"} <= set(Group.objects.values_list("name", flat=True))


def test_translators_may_edit_and_publish_pages_and_submit_translations():
    translators = Group.objects.get(name="Translators")
    root = Page.get_first_root_node()
    page_permissions = GroupPagePermission.objects.filter(group=translators, page=root)
    assert set(page_permissions.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "publish_page",
    }
    codenames = set(translators.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation", "change_programme", "change_topic"} <= codenames
    assert "delete_programme" not in codenames


def test_editors_and_moderators_manage_snippets():
    snippet_permissions = Permission.objects.filter(
        content_type__app_label="cms", codename__regex=r"^(add|change|delete)_(programme|topic)$"
    )
    assert snippet_permissions.count() == 6
    for name in ("Editors", "Moderators"):
        assert set(snippet_permissions) <= set(Group.objects.get(name=name).permissions.all())


def test_pages_use_the_locale_aware_tester(english):
    assert isinstance(english.permissions_for_user(UserFactory()), LocaleAwarePagePermissionTester)
    # The admin often holds plain Page objects; Wagtail casts them for the override.
    plain = Page.objects.get(pk=english.pk)
    assert isinstance(plain.permissions_for_user(UserFactory()), LocaleAwarePagePermissionTester)


def test_translator_cannot_publish_english_but_can_publish_german(english, german):
    translator = UserFactory(groups=["Translators"])
    assert not can_publish(translator, english)
    assert can_publish(translator, german)
    assert english.permissions_for_user(translator).can_edit()


def test_translator_cannot_unpublish_english_or_publish_new_english_pages(english, german):
    translator = UserFactory(groups=["Translators"])
    assert not english.permissions_for_user(translator).can_unpublish()
    assert german.permissions_for_user(translator).can_unpublish()
    english_index, german_index = english.get_parent(), german.get_parent()
    assert not english_index.permissions_for_user(translator).can_publish_subpage()
    assert german_index.permissions_for_user(translator).can_publish_subpage()
    assert english_index.permissions_for_user(translator).can_add_subpage()


def test_translator_who_is_also_moderator_publishes_english(english, german):
    user = UserFactory(groups=["Translators", "Moderators"])
    assert can_publish(user, english)
    assert can_publish(user, german)


def test_moderator_publishes_both(english, german):
    moderator = UserFactory(groups=["Moderators"])
    assert can_publish(moderator, english)
    assert can_publish(moderator, german)


def test_editor_publishes_neither(english, german):
    editor = UserFactory(groups=["Editors"])
    assert not can_publish(editor, english)
    assert not can_publish(editor, german)
    assert english.permissions_for_user(editor).can_edit()


def test_superuser_publishes_both(english, german):
    admin = SuperUserFactory()
    assert can_publish(admin, english)
    assert can_publish(admin, german)


def test_inactive_translator_publishes_nothing(german):
    translator = UserFactory(groups=["Translators"], is_active=False)
    assert not can_publish(translator, german)


def test_moderators_approval_workflow_applies_to_every_language(english, german):
    for page in (english, german, german.get_parent(), english.get_parent()):
        workflow = page.get_workflow()
        assert workflow is not None
        assert workflow.name == "Moderators approval"
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=english.get_workflow())
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


class TestPublishingInTheAdmin:
    """The edit view asks the same tester: a translator's "publish" of English saves a draft."""

    def publish(self, client, page, title):
        client.force_login(UserFactory(groups=["Translators"]))
        return post_page_form(client, edit_url(page), type(page), {"title": title}, publish=True)

    def test_translator_publishing_english_only_saves_a_draft(self, client, english):
        response = self.publish(client, english, "Cluster days, updated")
        assert response.status_code == 302
        english.refresh_from_db()
        assert english.title == "Cluster days"
        assert english.has_unpublished_changes
        assert english.get_latest_revision_as_object().title == "Cluster days, updated"

    def test_translator_creating_an_english_page_only_saves_a_draft(self, client, english):
        client.force_login(UserFactory(groups=["Translators"]))
        fields = {"title": "New English article", "slug": "new-english-article", "summary": "New."}
        response = post_page_form(
            client, add_url(NewsArticlePage, english.get_parent()), NewsArticlePage, fields, publish=True
        )
        assert response.status_code == 302
        assert not NewsArticlePage.objects.get(slug="new-english-article").live

    def test_translator_creates_and_publishes_a_german_page(self, client, german):
        client.force_login(UserFactory(groups=["Translators"]))
        fields = {"title": "Neuer Artikel", "slug": "neuer-artikel", "summary": "Neu."}
        response = post_page_form(
            client, add_url(NewsArticlePage, german.get_parent()), NewsArticlePage, fields, publish=True
        )
        assert response.status_code == 302
        assert NewsArticlePage.objects.get(slug="neuer-artikel").live

    def test_translator_cannot_unpublish_english(self, client, english):
        client.force_login(UserFactory(groups=["Translators"]))
        client.post(reverse("wagtailadmin_pages:unpublish", args=(english.pk,)))
        english.refresh_from_db()
        assert english.live

    def test_translator_publishes_german(self, client, german):
        response = self.publish(client, german, "Clustertage")
        assert response.status_code == 302
        german.refresh_from_db()
        assert german.title == "Clustertage"
        assert not german.has_unpublished_changes
