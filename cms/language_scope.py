"""Which languages a user's editorial permissions hold in (see cms.models.LanguageScope).

Wagtail grants page permissions per subtree and model permissions per model; every language's tree
hangs off the same root and every language's snippets share a table, so neither can say "German only".
The scope is applied here, grant by grant: a permission a user holds through a scoped group counts in
that group's languages only, one held through an unscoped group (or directly, or as a superuser)
counts everywhere.
"""

from django.contrib.auth import get_permission_codename
from wagtail.models import Locale, Page, TranslatableMixin

EVERYWHERE = None

_SCOPES_CACHE = "_cms_language_scopes"


def group_scopes(user):
    """{group id: frozenset of locale ids} for the user's groups that have a language scope (cached)."""
    cached = getattr(user, _SCOPES_CACHE, None)
    if cached is not None:
        return cached
    scopes = {}
    if user.is_authenticated:
        # Through the groups' reverse relation rather than the LanguageScope model: cms.models imports
        # this module (page permissions), so this module must not import cms.models.
        for group_id, locale_id in user.groups.filter(language_scope__isnull=False).values_list(
            "pk", "language_scope__locales"
        ):
            scopes.setdefault(group_id, set())
            if locale_id is not None:
                scopes[group_id].add(locale_id)
    scopes = {group_id: frozenset(locales) for group_id, locales in scopes.items()}
    setattr(user, _SCOPES_CACHE, scopes)
    return scopes


def forget(user):
    """Drop the cached scopes of `user` (after changing their groups)."""
    if hasattr(user, _SCOPES_CACHE):
        delattr(user, _SCOPES_CACHE)


def page_grant_holds(scopes, group_id, page):
    """Whether a page permission granted to `group_id` holds on `page`.

    The root belongs to no language: a scoped grant never holds there (translators create the
    home page of their language by translating the source's, never by adding at the root).
    """
    locales = scopes.get(group_id, EVERYWHERE)
    if locales is EVERYWHERE:
        return True
    return page.depth > 1 and page.locale_id in locales


def permission_locales(user, permission):
    """The locale ids where `user` holds the model permission "app_label.codename".

    EVERYWHERE when it is not limited, an empty set when the user lacks it entirely.
    """
    if not user.is_active:
        return frozenset()
    if user.is_superuser:
        return EVERYWHERE
    app_label, codename = permission.split(".", 1)
    if user.user_permissions.filter(content_type__app_label=app_label, codename=codename).exists():
        return EVERYWHERE
    granting = set(
        user.groups.filter(
            permissions__content_type__app_label=app_label, permissions__codename=codename
        ).values_list("pk", flat=True)
    )
    scopes = group_scopes(user)
    if any(group_id not in scopes for group_id in granting):
        return EVERYWHERE
    return frozenset().union(*(scopes[group_id] for group_id in granting))


def model_permission(model, action):
    return f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"


def holds_in(locales, locale_id):
    return locales is EVERYWHERE or locale_id in locales


def may_on_object(user, action, obj):
    """Whether `user` may perform `action` ("add", "change", "delete", "publish") on `obj` in its language.

    Pages ask the page permission tester (which applies the scope); translatable snippets ask for the
    model permission in the snippet's locale. Other objects are not language-bound: True.
    """
    if isinstance(obj, Page):
        tester = obj.permissions_for_user(user)
        return {
            "add": tester.can_add_subpage,
            "change": tester.can_edit,
            "delete": tester.can_delete,
            "publish": tester.can_publish,
        }[action]()
    if isinstance(obj, TranslatableMixin):
        return holds_in(permission_locales(user, model_permission(type(obj), action)), obj.locale_id)
    return True


def locale_of_new_object(request):
    """The locale a create view makes its object in: ?locale=xx, else the default locale (as Wagtail)."""
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else None
    return locale or Locale.get_default()
