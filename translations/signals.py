"""Publishing a source outdates its translations; publishing a translation may bring it up to date.

Pages and snippets with drafts publish through Wagtail's `published` signal (pages send it too).
Translatable snippets without drafts are live as soon as they are saved, so their saves count as
publications. Whether the object is a source or a translation is told by wagtail-localize's
records, not by its language: both are checked.
"""

from django.db.models.signals import post_save
from wagtail.models import DraftStateMixin, TranslatableMixin
from wagtail.signals import published
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation

from . import notices, services


def on_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, TranslatableMixin):
        return
    user = getattr(revision, "user", None)
    services.source_published(instance, revision=revision, user=user)
    services.translation_published(instance, user=user)


def on_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created or isinstance(instance, DraftStateMixin) or not isinstance(instance, TranslatableMixin):
        return
    if sender not in get_snippet_models():
        return
    services.source_published(instance)
    services.translation_published(instance)


def on_translation_saved(sender, instance, **kwargs):
    # A translation taken out of the translation editor (or back) leaves or joins the outdated set.
    notices.forget()


def connect():
    published.connect(on_published, dispatch_uid="translations.published")
    post_save.connect(on_saved, dispatch_uid="translations.saved")
    post_save.connect(on_translation_saved, sender=Translation, dispatch_uid="translations.translation_saved")
