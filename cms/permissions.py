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

    def _source_language_refused(self):
        # The root belongs to no language; every other page is in its tree's locale, and a
        # new page is created in the locale of its parent.
        return (
            not self.page.is_root()
            and self.page.locale.language_code == settings.LANGUAGE_CODE
            and self._is_translator_only()
        )

    def can_publish(self):
        return not self._source_language_refused() and super().can_publish()

    def can_unpublish(self):
        return not self._source_language_refused() and super().can_unpublish()

    def can_publish_subpage(self):
        """Also decides whether the create view offers "Publish" for a new child page."""
        return not self._source_language_refused() and super().can_publish_subpage()
