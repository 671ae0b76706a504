"""When a translation falls behind its English source, who hears of it, and when it is current again."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation as django_translation
from wagtail.models import PageLogEntry, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment

from cms.models import LanguageScope
from tests.cms.factories import ProgrammeFactory, UserFactory, locale, translate
from tests.translations.helpers import (
    GERMAN_TEAM,
    fill_in,
    localize,
    publish_source,
    submit,
    target_of,
)
from translations import services, team
from translations.models import OutdatedPolicy, OutdatedTranslation, TranslationSettings
from workflows import delivery
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db


def outdated_rows():
    return list(OutdatedTranslation.objects.open())


def translator_publishes_with_code(translation_record, user=None):
    """wagtail-localize's "Publish" of the translation editor, without its after-commit indirection."""
    translation_record.save_target(user=user, publish=False)
    target = target_of(translation_record)
    target.get_latest_revision().publish(user=user)
    return target


# Outdating -------------------------------------------------------------------------------------------


def test_publishing_the_source_unchanged_outdates_nothing(article, german, translator):
    publish_source(article)
    assert outdated_rows() == []
    assert OutboxMessage.objects.count() == 0


def test_a_change_of_text_outdates_the_translation_and_syncs_its_snapshot(article, german, editor):
    publish_source(article, user=editor, summary="Clusters met again in Brussels.")

    [row] = outdated_rows()
    assert row.translation == german
    assert row.locale.language_code == "de"
    assert row.object_id == str(target_of(german).pk)
    assert row.changed_by == editor
    # The editor the e-mail leads to shows the new passage already.
    strings = set(StringSegment.objects.filter(source=german.source).values_list("string__data", flat=True))
    assert "Clusters met again in Brussels." in strings
    assert "Clusters met." not in strings


def test_a_change_of_a_synchronised_field_outdates_the_translation_too(article, german):
    publish_source(article, date=article.date.replace(year=article.date.year - 1))
    assert len(outdated_rows()) == 1


def test_a_translation_never_published_is_not_outdated(article):
    draft = submit(article, "de")
    fill_in(draft)
    draft.save_target(publish=False)
    publish_source(article, summary="Clusters met again.")
    assert outdated_rows() == []


def test_a_translation_taken_out_of_the_translation_editor_is_not_outdated(article, german):
    german.enabled = False
    german.save(update_fields=["enabled"])
    publish_source(article, summary="Clusters met again.")
    assert outdated_rows() == []


def test_a_page_translated_without_wagtail_localize_is_not_outdated(article):
    translate(article, "fr")
    publish_source(article, summary="Clusters met again.")
    assert outdated_rows() == []


def test_each_language_is_outdated_on_its_own(article, german):
    polish = localize(article, "pl")
    publish_source(article, summary="Clusters met again.")
    assert {row.translation for row in outdated_rows()} == {german, polish}


# The e-mail ------------------------------------------------------------------------------------------


def test_the_language_team_is_told_once_in_each_translators_language(article, german, translator, editor):
    UserFactory(username="ben", email="ben@example.org", groups=[GERMAN_TEAM])
    UserFactory(username="france", email="france@example.org", groups=["Translators (fr)"])
    UserFactory(username="unscoped", email="unscoped@example.org", groups=["Translators"])
    UserFactory(username="gone", email="gone@example.org", groups=[GERMAN_TEAM], is_active=False)

    publish_source(article, user=editor, summary="Clusters met again.")

    messages = {message.recipient: message for message in OutboxMessage.objects.all()}
    assert set(messages) == {"anna@example.org", "ben@example.org"}
    assert messages["anna@example.org"].language == "de"
    # Without a preference of their own, a translator reads the language they translate into.
    assert messages["ben@example.org"].language == "de"


def test_the_email_names_the_page_its_passages_and_the_translation_editor(article, german, translator):
    publish_source(article, summary="Clusters met again.", title="Cluster days in Brussels 2026")
    [message] = OutboxMessage.objects.all()

    assert delivery.deliver(message.pk).status == "sent"

    [email] = mail.outbox
    assert email.to == ["anna@example.org"]
    # The subject names the German page, the body its English source.
    assert email.subject == "Zu aktualisierende Übersetzung (Deutsch): [de] Cluster days in Brussels"
    assert "„Cluster days in Brussels 2026“" in email.body
    assert "2 Textstellen müssen übersetzt werden." in email.body
    edit_url = f"http://testserver/admin/pages/{target_of(german).pk}/edit/"
    assert edit_url in email.body
    html = email.alternatives[0][0]
    assert f'href="{edit_url}"' in html
    assert 'lang="de"' in html


def test_an_english_speaking_translator_reads_english(article, german, translator):
    UserProfile.objects.filter(user=translator).update(preferred_language="en")
    publish_source(article, summary="Clusters met again.")
    [message] = OutboxMessage.objects.all()
    delivery.deliver(message.pk)
    assert mail.outbox[0].subject == "Translation to update (German): [de] Cluster days in Brussels"
    assert "1 passage needs translating." in mail.outbox[0].body


def test_a_second_change_while_outdated_sends_nothing_more(article, german, translator):
    publish_source(article, summary="Clusters met again.")
    [first] = outdated_rows()

    publish_source(article, summary="Clusters met a third time.")

    [row] = outdated_rows()
    assert row.pk == first.pk
    assert row.source_changed_at > first.source_changed_at
    assert OutboxMessage.objects.count() == 1


def test_an_outdating_after_the_translation_was_brought_up_to_date_is_told_again(article, german, translator):
    publish_source(article, summary="Clusters met again.")
    fill_in(german)
    translator_publishes_with_code(german, translator)
    assert outdated_rows() == []

    publish_source(article, summary="Clusters met a third time.")

    assert len(outdated_rows()) == 1
    assert OutboxMessage.objects.count() == 2


# Current again ---------------------------------------------------------------------------------------


def test_publishing_with_passages_left_in_english_leaves_it_outdated(article, german, translator):
    publish_source(article, summary="Clusters met again.")
    translator_publishes_with_code(german, translator)
    assert len(outdated_rows()) == 1


def test_publishing_every_passage_translated_makes_it_current(article, german, translator):
    publish_source(article, summary="Clusters met again.")
    fill_in(german)
    translator_publishes_with_code(german, translator)

    assert outdated_rows() == []
    row = OutdatedTranslation.objects.get()
    assert row.resolved_by == translator
    assert row.resolved_at >= row.outdated_at


def test_a_source_changed_again_without_a_sync_keeps_it_outdated(article, german):
    publish_source(article, summary="Clusters met again.")
    fill_in(german)
    # A change that no signal told us of (a script, a data import): the snapshot is behind again.
    type(article).objects.filter(pk=article.pk).update(summary="Changed behind our back.")
    translator_publishes_with_code(german)
    assert len(outdated_rows()) == 1


# The site's policy -----------------------------------------------------------------------------------


def set_policy(policy):
    site = Site.objects.get(is_default_site=True)
    TranslationSettings.objects.update_or_create(site=site, defaults={"outdated_policy": policy})


def test_by_default_an_outdated_translation_stays_live(article, german):
    publish_source(article, summary="Clusters met again.")
    assert target_of(german).live
    assert not outdated_rows()[0].unpublished


def test_back_to_draft_takes_it_offline_with_a_reason_until_published_again(article, german, translator):
    set_policy(OutdatedPolicy.UNPUBLISH)

    publish_source(article, summary="Clusters met again.")

    target = target_of(german)
    assert not target.live
    [row] = outdated_rows()
    assert row.unpublished
    entry = PageLogEntry.objects.filter(page=target, action=services.UNPUBLISH_ACTION).get()
    assert entry.data["source"] == "Cluster days in Brussels"
    with django_translation.override("en"):
        assert "changed" in entry.message

    fill_in(german)
    translator_publishes_with_code(german, translator)
    assert target_of(german).live
    assert outdated_rows() == []


# Snippets ------------------------------------------------------------------------------------------


def test_a_translatable_snippet_is_outdated_and_current_again_on_save(translator):
    programme = ProgrammeFactory(name="Interreg Europe", description="Cooperation between regions.")
    german = localize(programme, "de")

    programme.description = "Cooperation between regions and cities."
    programme.save()

    [row] = outdated_rows()
    assert row.translation == german
    assert OutboxMessage.objects.get().recipient == "anna@example.org"

    fill_in(german)
    german.save_target(publish=True)
    assert outdated_rows() == []


# The team -------------------------------------------------------------------------------------------


def test_the_translators_of_a_language_are_its_teams_members_who_may_translate(translator):
    UserFactory(username="nomail", email="", groups=[GERMAN_TEAM])
    UserFactory(username="france", groups=["Translators (fr)"])
    UserFactory(username="moderator", groups=["Moderators"])
    assert [user.username for user in team.translators_of(locale("de"))] == ["anna"]


def test_a_scoped_group_without_the_translation_permission_is_no_team():
    reviewers = Group.objects.create(name="Reviewers (de)")
    scope = LanguageScope.objects.create(group=reviewers)
    scope.locales.add(locale("de"))
    UserFactory(username="reviewer", groups=["Reviewers (de)"])
    assert team.translators_of(locale("de")) == []


def test_a_translators_languages_are_their_teams(translator):
    translator.groups.add(Group.objects.get(name="Translators (pl)"))
    assert [found.language_code for found in team.languages_of(translator)] == ["de", "pl"]
