"""Page permissions beyond Wagtail's per-subtree ones: translators act in their own languages only."""

from wagtail.models import PagePermissionTester

from .language_scope import group_scopes, page_grant_holds


class LocaleAwarePagePermissionTester(PagePermissionTester):
    """Wagtail's tester, counting each group's page permissions only in the group's languages.

    Every page action of the admin asks this tester: edit, delete, move (and its destination), copy,
    publish, unpublish, lock, reorder, create under a parent, the bulk actions and wagtail-localize's
    translation editor. So a German translator, whose grants sit at the root like everyone's, holds
    them on German pages only; English and French pages get the powers of their other groups (none for
    a translator, everything for a translator who is also a moderator).
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if not self.user.is_active or self.user.is_superuser:
            return
        scopes = group_scopes(self.user)
        if not scopes:
            return
        self.permissions = {
            grant.permission.codename.rsplit("_", maxsplit=1)[0]
            for grant in self.permission_policy.get_cached_permissions_for_user(self.user)
            if self.page.path.startswith(grant.page.path)
            and page_grant_holds(scopes, grant.group_id, self.page)
        }

    def can_move_to(self, destination):
        # Wagtail asks the destination's own tester, and the root's is the plain one: ask ours.
        if not super().can_move_to(destination):
            return False
        if self.user.is_superuser:
            return True
        destination_permissions = LocaleAwarePagePermissionTester(self.user, destination).permissions
        if "add" not in destination_permissions:
            return False
        if self.page.live or self.page.get_descendants().filter(live=True).exists():
            return "publish" in destination_permissions
        return True

    def can_copy_to(self, destination, recursive=False):
        return super().can_copy_to(destination, recursive) and (
            self.user.is_superuser
            or LocaleAwarePagePermissionTester(self.user, destination).can_add_subpage()
        )
