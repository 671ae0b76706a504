"""Page permissions beyond Wagtail's per-subtree ones."""

from django.conf import settings
from wagtail.models import PagePermissionTester

TRANSLATORS = "Translators"
# Groups whose publish permission also covers the source language.
SOURCE_PUBLISHERS = {"Moderators"}


class LocaleAwarePagePermissionTester(PagePermissionTester):
    """Translators publish translations, never the source language (English) pages.

    Wagtail grants page permissions per subtree, and every locale's tree hangs off the
    same root, so the rule is enforced here rather than through GroupPagePermission.
    """

    def _is_translator_only(self):
        if self.user.is_superuser:
            return False
        names = {group.name for group in self.user.groups.all()}
        return TRANSLATORS in names and not names & SOURCE_PUBLISHERS

    def can_publish(self):
        if self.page.locale.language_code == settings.LANGUAGE_CODE and self._is_translator_only():
            return False
        return super().can_publish()
