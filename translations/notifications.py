"""The e-mail translators receive when a translation of their language falls behind its source.

Descriptors only (workflows.outbox.Notification); the outbox stores them in the transaction that
outdated the translation and a sender delivers them after commit, each in its recipient's language.
Template: translations/email/translation_outdated (subject, text and HTML). Context values are JSON.
"""

from django.conf import settings
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import get_edit_url

from workflows.outbox import Notification

from . import progress, team

TEMPLATE = "translations/email/translation_outdated"


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def outdated(row, target, source, translation):
    """One e-mail per translator of the translation's language, leading to its translation editor."""
    locale = translation.target_locale
    edit_path = get_edit_url(target)
    context = {
        # The translator knows the page by its title in their language; the body names the source's.
        "title": str(target.title if isinstance(target, Page) else target),
        "source_title": source.object_repr,
        "kind": "page" if isinstance(target, Page) else "snippet",
        "language_code": locale.language_code,
        "source_language_code": source.locale.language_code,
        "untranslated": progress.untranslated(source, locale),
        "edit_url": absolute(edit_path) if edit_path else "",
        "queue_url": absolute(reverse("translations:queue") + f"?language={locale.language_code}"),
        "unpublished": row.unpublished,
    }
    return [
        Notification(user.email, TEMPLATE, context, team.mail_language(user, locale.language_code))
        for user in team.translators_of(locale)
    ]
