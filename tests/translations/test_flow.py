"""From an English edit to a current German translation, through the admin's own screens and the outbox.

An editor edits the English article in the page editor and publishes it; the German translator sees
the translation outdated in the explorer, the status panel of the translation editor, the dashboard and
the queue, and receives one e-mail in German leading to the changed passages; they translate them in
wagtail-localize's editor and publish; the translation is current again everywhere. A second English
edit while the translation is still outdated sends no second e-mail.
"""

from urllib.parse import urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail_localize.models import StringSegment

from cms.models import NewsArticlePage
from tests.cms.admin_forms import edit_url, post_page_form
from tests.translations.helpers import target_of
from translations.models import OutdatedTranslation
from workflows import delivery
from workflows.models import OutboxMessage

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def editor_publishes_english(client, editor, article, summary, capture):
    client.force_login(editor)
    with capture(execute=True):
        response = post_page_form(
            client, edit_url(article), NewsArticlePage, {"summary": summary}, publish=True
        )
    assert response.status_code == 302, response
    article.refresh_from_db()
    assert article.summary == summary


def what_the_translator_sees(client, translator, target):
    client.force_login(translator)
    explorer = soup(client, reverse("wagtailadmin_explore", args=[target.get_parent().pk]))
    status = soup(client, reverse("wagtailadmin_pages:edit", args=[target.pk]))
    dashboard = soup(client, reverse("wagtailadmin_home"))
    queue = soup(client, reverse("translations:queue"))
    return {
        "explorer": any(
            target.title in tag.find_parent("tr").get_text()
            for tag in explorer.select(".translations-outdated")
        ),
        "status panel": status.select_one(".translations-status") is not None,
        "dashboard": any(
            link["href"] == reverse("wagtailadmin_pages:edit", args=[target.pk])
            for link in dashboard.select("#translations-outdated-section a")
        ),
        "queue": target.title in queue.select_one("#outdated").get_text(),
    }


def translate_the_changed_passages(client, translation):
    """What the translator types into wagtail-localize's editor: each passage without a German version."""
    segments = StringSegment.objects.filter(source=translation.source).annotate_translation(
        translation.target_locale
    )
    for segment in segments.filter(translation__isnull=True).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
        answer = client.put(
            url, urlencode({"value": f"[de] {segment.string.data}"}), "application/x-www-form-urlencoded"
        )
        assert answer.status_code in (200, 201), answer.content


def test_an_english_edit_outdates_the_german_translation_until_its_translator_publishes_it(
    client, article, german, translator, editor, django_capture_on_commit_callbacks
):
    target = target_of(german)
    everywhere = dict.fromkeys(("explorer", "status panel", "dashboard", "queue"), True)
    nowhere = dict.fromkeys(everywhere, False)
    assert what_the_translator_sees(client, translator, target) == nowhere

    editor_publishes_english(
        client, editor, article, "Clusters met again.", django_capture_on_commit_callbacks
    )

    assert what_the_translator_sees(client, translator, target) == everywhere
    # One e-mail, delivered by the outbox's own sender, in the translator's language.
    [message] = OutboxMessage.objects.all()
    assert delivery.deliver(message.pk).status == "sent"
    [email] = mail.outbox
    assert email.to == [translator.email]
    assert email.subject.startswith("Zu aktualisierende Übersetzung (Deutsch)")
    link = next(line for line in email.body.splitlines() if "/admin/pages/" in line).split()[-1]
    assert urlsplit(link).path == reverse("wagtailadmin_pages:edit", args=[target.pk])

    # A second English edit while the German is still behind: nothing more is sent.
    editor_publishes_english(
        client, editor, article, "Clusters met a third time.", django_capture_on_commit_callbacks
    )
    assert OutboxMessage.objects.count() == 1

    # The link opens the translation editor, which lists the changed passages without German.
    client.force_login(translator)
    assert client.get(urlsplit(link).path).status_code == 200
    translate_the_changed_passages(client, german)
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert published.status_code == 302

    target.refresh_from_db()
    assert "[de] Clusters met a third time." in target.summary
    assert what_the_translator_sees(client, translator, target) == nowhere
    assert OutdatedTranslation.objects.get().resolved_by == translator
    assert OutboxMessage.objects.count() == 1
