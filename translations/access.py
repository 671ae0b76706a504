"""Who uses the translation screens, and in which languages.

Editorial staff (anyone with a page permission: editors, moderators, translators) open the queue.
A translator whose page permissions all come from language-scoped groups works in their teams'
languages; someone holding page permissions everywhere (an editor, a moderator, a superuser) chooses
any target language.
"""

from wagtail.models import GroupPagePermission

from cms.admin_scope import has_page_permission

from . import team


def may_use(user):
    return user.is_authenticated and user.is_active and has_page_permission(user)


def languages_for(user):
    """The target locales `user` may look at, their own teams' first."""
    own = team.languages_of(user)
    if (
        user.is_superuser
        or GroupPagePermission.objects.filter(group__user=user, group__language_scope__isnull=True).exists()
    ):
        return own + [locale for locale in team.target_locales() if locale not in own]
    return own
