"""Who may change what: translators their own languages only, pages and snippets alike; moderators approve."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.models import HomePage, LanguageScope, NewsArticlePage, Programme
from cms.permissions import LocaleAwarePagePermissionTester
from tests.cms.admin_forms import add_url, edit_url, post_page_form
from tests.cms.factories import (
    NewsArticlePageFactory,
    ProgrammeFactory,
    SuperUserFactory,
    UserFactory,
    locale,
    translate,
)

pytestmark = pytest.mark.django_db

GERMAN_TRANSLATOR = "Translators (de)"


@pytest.fixture
def english():
    return NewsArticlePageFactory(title="Cluster days")


@pytest.fixture
def german(english):
    return translate(english, "de")


@pytest.fixture
def french(english):
    return translate(english, "fr")


@pytest.fixture
def translator():
    return UserFactory(groups=[GERMAN_TRANSLATOR])


def can_publish(user, page):
    return page.permissions_for_user(user).can_publish()


def refused(response):
    """Wagtail answers a PermissionDenied with a 403, or a redirect to the dashboard; ours is a 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


# The groups, as the migrations make them ----------------------------------------------------------


def test_editorial_groups_and_a_translation_team_per_language_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Translators"} <= names
    assert {
        "Translators (de)",
        "Translators (fr)",
        "Translators (es)",
        "Translators (it)",
        "Translators (pl)",
    } <= names
    assert "Translators (en)" not in names


def test_each_translation_team_is_scoped_to_its_language_and_translators_to_none():
    scope = LanguageScope.objects.get(group__name="Translators (fr)")
    assert list(scope.locales.values_list("language_code", flat=True)) == ["fr"]
    assert not LanguageScope.objects.get(group__name="Translators").locales.exists()
    assert not LanguageScope.objects.filter(group__name__in=["Editors", "Moderators"]).exists()


def test_a_translation_team_may_edit_and_publish_pages_and_submit_translations():
    team = Group.objects.get(name=GERMAN_TRANSLATOR)
    root = Page.get_first_root_node()
    page_permissions = GroupPagePermission.objects.filter(group=team, page=root)
    assert set(page_permissions.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "publish_page",
    }
    codenames = set(team.permissions.values_list("codename", flat=True))
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


# The page permission tester ------------------------------------------------------------------------


def test_german_translator_may_change_nothing_of_an_english_page(translator, english, german):
    tester = english.permissions_for_user(translator)
    assert not tester.can_edit()
    assert not tester.can_delete()
    assert not tester.can_move()
    assert not tester.can_copy()
    assert not tester.can_publish()
    assert not tester.can_unpublish()
    assert not tester.can_lock()
    assert not english.get_parent().permissions_for_user(translator).can_add_subpage()


def test_german_translator_may_change_nothing_of_a_french_page(translator, german, french):
    tester = french.permissions_for_user(translator)
    assert not (tester.can_edit() or tester.can_delete() or tester.can_publish() or tester.can_unpublish())


def test_german_translator_edits_publishes_and_unpublishes_german(translator, german):
    tester = german.permissions_for_user(translator)
    assert tester.can_edit() and tester.can_publish() and tester.can_unpublish()
    assert german.get_parent().permissions_for_user(translator).can_publish_subpage()


def test_german_translator_cannot_move_a_german_page_into_the_english_tree(translator, english, german):
    assert not german.permissions_for_user(translator).can_move_to(english.get_parent())
    assert not german.permissions_for_user(translator).can_copy_to(english.get_parent())


def test_a_translator_without_a_language_changes_nothing(english, german):
    user = UserFactory(groups=["Translators"])
    for page in (english, german):
        assert not page.permissions_for_user(user).can_edit()


def test_translator_who_is_also_moderator_publishes_english(english, german):
    user = UserFactory(groups=[GERMAN_TRANSLATOR, "Moderators"])
    assert can_publish(user, english)
    assert can_publish(user, german)


def test_translator_who_is_also_editor_edits_english_but_publishes_only_german(english, german):
    user = UserFactory(groups=[GERMAN_TRANSLATOR, "Editors"])
    assert english.permissions_for_user(user).can_edit()
    assert not can_publish(user, english)
    assert can_publish(user, german)


def test_moderator_publishes_and_deletes_every_language(english, german):
    moderator = UserFactory(groups=["Moderators"])
    for page in (english, german):
        assert can_publish(moderator, page)
        assert page.permissions_for_user(moderator).can_delete()


def test_editor_edits_every_language_and_publishes_none(english, german):
    editor = UserFactory(groups=["Editors"])
    for page in (english, german):
        assert page.permissions_for_user(editor).can_edit()
        assert not can_publish(editor, page)


def test_superuser_publishes_both(english, german):
    admin = SuperUserFactory()
    assert can_publish(admin, english)
    assert can_publish(admin, german)


def test_inactive_translator_publishes_nothing(german):
    translator = UserFactory(groups=[GERMAN_TRANSLATOR], is_active=False)
    assert not can_publish(translator, german)


def test_moderators_approval_workflow_applies_to_every_language(english, german):
    for page in (english, german, german.get_parent(), english.get_parent()):
        workflow = page.get_workflow()
        assert workflow is not None
        assert workflow.name == "Moderators approval"
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=english.get_workflow())
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


# The admin's page views, as a German translator uses them --------------------------------------------


class TestTranslatorInThePageAdmin:
    @pytest.fixture
    def admin(self, client, translator):
        client.force_login(translator)
        return client

    def test_translator_cannot_delete_a_live_english_page(self, admin, english, german):
        response = admin.post(reverse("wagtailadmin_pages:delete", args=(english.pk,)))
        assert refused(response)
        assert Page.objects.filter(pk=english.pk, live=True).exists()

    def test_translator_cannot_move_a_live_english_page(self, admin, english, german):
        destination = english.get_parent().get_parent()
        response = admin.post(reverse("wagtailadmin_pages:move_confirm", args=(english.pk, destination.pk)))
        assert refused(response)
        english.refresh_from_db()
        assert english.get_parent().pk != destination.pk

    def test_translator_cannot_edit_an_english_page(self, admin, english):
        response = admin.get(edit_url(english))
        assert refused(response)
        response = admin.post(edit_url(english), {"title": "Hijacked", "slug": english.slug})
        assert refused(response)
        english.refresh_from_db()
        assert english.title == "Cluster days"
        assert not english.has_unpublished_changes

    def test_translator_cannot_unpublish_english(self, admin, english):
        response = admin.post(reverse("wagtailadmin_pages:unpublish", args=(english.pk,)))
        assert refused(response)
        english.refresh_from_db()
        assert english.live

    def test_translator_cannot_copy_an_english_page(self, admin, english):
        response = admin.post(
            reverse("wagtailadmin_pages:copy", args=(english.pk,)),
            {"new_title": "Copy", "new_slug": "copy", "new_parent_page": english.get_parent().pk},
        )
        assert refused(response)
        assert not Page.objects.filter(slug="copy").exists()

    def test_translator_cannot_create_an_english_page(self, admin, english):
        response = admin.get(add_url(NewsArticlePage, english.get_parent()))
        assert refused(response)
        assert not NewsArticlePage.objects.filter(locale__language_code="en").exclude(pk=english.pk).exists()

    def test_translator_cannot_add_a_home_page_at_the_root(self, admin, english):
        response = admin.get(add_url(HomePage, Page.get_first_root_node()) + "?locale=en")
        assert refused(response)

    def test_translator_cannot_edit_a_french_page(self, admin, french):
        response = admin.post(edit_url(french), {"title": "Journées", "slug": french.slug})
        assert refused(response)
        french.refresh_from_db()
        assert not french.has_unpublished_changes

    def test_translator_publishes_german(self, admin, german):
        response = post_page_form(
            admin, edit_url(german), NewsArticlePage, {"title": "Clustertage"}, publish=True
        )
        assert response.status_code == 302
        german.refresh_from_db()
        assert german.title == "Clustertage"
        assert not german.has_unpublished_changes

    def test_translator_creates_and_publishes_a_german_page(self, admin, german):
        fields = {"title": "Neuer Artikel", "slug": "neuer-artikel", "summary": "Neu."}
        response = post_page_form(
            admin, add_url(NewsArticlePage, german.get_parent()), NewsArticlePage, fields, True
        )
        assert response.status_code == 302
        assert NewsArticlePage.objects.get(slug="neuer-artikel").live

    def test_translator_unpublishes_german(self, admin, german):
        response = admin.post(reverse("wagtailadmin_pages:unpublish", args=(german.pk,)))
        assert response.status_code == 302
        german.refresh_from_db()
        assert not german.live

    def test_translator_cannot_delete_an_english_page_through_the_admin_api(self, admin, english, german):
        url = reverse("wagtailadmin_api:pages:action", args=(english.pk, "delete"))
        response = admin.post(url, {}, content_type="application/json")
        assert response.status_code == 403
        assert Page.objects.filter(pk=english.pk, live=True).exists()


class TestTranslatorBulkActions:
    def bulk(self, client, action, *pages):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
        query = "&".join(f"id={page.pk}" for page in pages)
        return client.post(f"{url}?{query}", {})

    def test_bulk_delete_leaves_english_pages_alone(self, client, translator, english, german):
        client.force_login(translator)
        self.bulk(client, "delete", english)
        assert Page.objects.filter(pk=english.pk, live=True).exists()

    def test_bulk_unpublish_leaves_english_pages_live(self, client, translator, english, german):
        client.force_login(translator)
        self.bulk(client, "unpublish", english)
        english.refresh_from_db()
        assert english.live

    def test_bulk_unpublish_of_german_works(self, client, translator, german):
        client.force_login(translator)
        response = self.bulk(client, "unpublish", german)
        assert response.status_code == 302
        german.refresh_from_db()
        assert not german.live

    def test_a_bulk_unpublish_mixing_languages_acts_on_german_only(self, client, translator, english, german):
        client.force_login(translator)
        self.bulk(client, "unpublish", english, german)
        english.refresh_from_db()
        german.refresh_from_db()
        assert english.live
        assert not german.live

    def test_the_bulk_screen_lists_english_pages_as_out_of_reach(self, client, translator, english, german):
        client.force_login(translator)
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
        response = client.get(f"{url}?id={english.pk}&id={german.pk}")
        assert [item["item"].pk for item in response.context["items_with_no_access"]] == [english.pk]
        assert [item["item"].pk for item in response.context["items"]] == [german.pk]

    def test_moderator_bulk_unpublishes_english(self, client, english):
        client.force_login(UserFactory(groups=["Moderators"]))
        self.bulk(client, "unpublish", english)
        english.refresh_from_db()
        assert not english.live


# wagtail-localize's screens ------------------------------------------------------------------------------


class TestTranslating:
    def submit(self, client, page, language_code):
        url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
        return client.post(url, {"locales": [locale(language_code).pk]})

    def test_german_translator_translates_into_german(self, client, translator, english):
        client.force_login(translator)
        response = self.submit(client, english, "de")
        assert response.status_code == 302
        assert english.get_translation_or_none(locale("de")) is not None

    def test_german_translator_cannot_translate_into_french(self, client, translator, english):
        client.force_login(translator)
        response = self.submit(client, english, "fr")
        assert response.status_code == 403
        assert english.get_translation_or_none(locale("fr")) is None

    def test_german_translator_cannot_sync_a_source_into_french(self, client, translator, english):
        source, _ = TranslationSource.get_or_create_from_instance(english)
        for code in ("de", "fr"):
            translate(english.get_parent(), code)
            Translation.objects.create(source=source, target_locale=locale(code)).save_target()
        english.title = "Cluster days 2027"
        english.save_revision().publish()
        client.force_login(translator)
        url = reverse("wagtail_localize:update_translations", args=(source.pk,))
        response = client.post(url, {"publish_translations": "on"})
        assert response.status_code == 403
        assert english.get_translation(locale("fr")).title == "Cluster days"

    def test_translation_editor_of_a_snippet_takes_own_languages_only(self, client, translator):
        """Its API checks the model-wide change permission only; the language is ours to check."""
        source, _ = TranslationSource.get_or_create_from_instance(ProgrammeFactory(name="Horizon Europe"))
        segment = StringSegment.objects.filter(source=source).first()
        client.force_login(translator)
        answers = {}
        for code in ("de", "fr"):
            translation = Translation.objects.create(source=source, target_locale=locale(code))
            translation.save_target()
            url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
            answers[code] = client.put(
                url, urlencode({"value": f"Horizont Europa ({code})"}), "application/x-www-form-urlencoded"
            ).status_code
        assert answers == {"de": 201, "fr": 403}
        assert list(StringTranslation.objects.values_list("locale__language_code", flat=True)) == ["de"]


# Snippets ---------------------------------------------------------------------------------------------------


class TestSnippets:
    @pytest.fixture
    def programme(self):
        return ProgrammeFactory(name="Interreg Europe")

    @pytest.fixture
    def german_programme(self, programme):
        translated = programme.copy_for_translation(locale("de"))
        translated.name = "Interreg Europa"
        translated.save()
        return translated

    def edit(self, client, programme, name):
        url = reverse("wagtailsnippets_cms_programme:edit", args=(programme.pk,))
        return client.post(url, {"name": name, "description": "", "url": "https://programme.example.eu/"})

    def test_translator_cannot_edit_an_english_snippet(self, client, translator, programme):
        client.force_login(translator)
        response = self.edit(client, programme, "Hijacked")
        assert response.status_code == 403
        programme.refresh_from_db()
        assert programme.name == "Interreg Europe"

    def test_translator_edits_a_german_snippet(self, client, translator, german_programme):
        client.force_login(translator)
        response = self.edit(client, german_programme, "Interreg Europa (DE)")
        assert response.status_code == 302
        german_programme.refresh_from_db()
        assert german_programme.name == "Interreg Europa (DE)"

    def test_translator_cannot_edit_a_french_snippet(self, client, translator, programme):
        french = programme.copy_for_translation(locale("fr"))
        french.save()
        client.force_login(translator)
        assert self.edit(client, french, "Piraté").status_code == 403
        french.refresh_from_db()
        assert french.name == "Interreg Europe"

    def test_a_german_team_with_delete_rights_still_cannot_delete_english(self, client, programme):
        team = Group.objects.get(name=GERMAN_TRANSLATOR)
        team.permissions.add(Permission.objects.get(codename="delete_programme"))
        client.force_login(UserFactory(groups=[GERMAN_TRANSLATOR]))
        response = client.post(reverse("wagtailsnippets_cms_programme:delete", args=(programme.pk,)))
        assert response.status_code == 403
        assert Programme.objects.filter(pk=programme.pk).exists()

    def test_bulk_delete_of_an_english_snippet_is_refused(self, client, programme):
        team = Group.objects.get(name=GERMAN_TRANSLATOR)
        team.permissions.add(Permission.objects.get(codename="delete_programme"))
        client.force_login(UserFactory(groups=[GERMAN_TRANSLATOR]))
        url = reverse("wagtail_bulk_action", args=("cms", "programme", "delete"))
        response = client.post(f"{url}?id={programme.pk}", {})
        assert response.status_code == 403
        assert Programme.objects.filter(pk=programme.pk).exists()

    def test_a_german_team_with_add_rights_creates_german_snippets_only(self, client):
        team = Group.objects.get(name=GERMAN_TRANSLATOR)
        team.permissions.add(Permission.objects.get(codename="add_programme"))
        client.force_login(UserFactory(groups=[GERMAN_TRANSLATOR]))
        url = reverse("wagtailsnippets_cms_programme:add")
        data = {"name": "Neu", "description": "", "url": ""}
        assert client.post(url + "?locale=en", data).status_code == 403
        assert client.post(url, data).status_code == 403  # no locale means the default, English
        assert client.post(url + "?locale=de", data).status_code == 302
        assert list(Programme.objects.filter(name="Neu").values_list("locale__language_code", flat=True)) == [
            "de"
        ]

    def test_copying_an_english_snippet_makes_an_english_one_and_is_refused(self, client, programme):
        # The copy keeps the original's locale whatever ?locale= says.
        team = Group.objects.get(name=GERMAN_TRANSLATOR)
        team.permissions.add(Permission.objects.get(codename="add_programme"))
        client.force_login(UserFactory(groups=[GERMAN_TRANSLATOR]))
        url = reverse("wagtailsnippets_cms_programme:copy", args=(programme.pk,)) + "?locale=de"
        response = client.post(url, {"name": "Interreg Europe copy", "description": "", "url": ""})
        assert response.status_code == 403
        assert not Programme.objects.filter(name="Interreg Europe copy").exists()

    def test_editor_edits_english_snippets(self, client, programme):
        client.force_login(UserFactory(groups=["Editors"]))
        assert self.edit(client, programme, "Interreg Europe 2027").status_code == 302
        programme.refresh_from_db()
        assert programme.name == "Interreg Europe 2027"


# Administrators say who translates what --------------------------------------------------------------------


def test_administrators_manage_language_scopes_and_translators_do_not(client, translator):
    url = reverse("language_scopes:index")
    client.force_login(SuperUserFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert "Translators (de)" in response.content.decode()
    client.force_login(translator)
    assert refused(client.get(url))
