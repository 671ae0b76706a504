"""Admin menu items shown to some users only: a process's queue to its staff, its own items to experts."""

from collections.abc import Callable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from wagtail.admin.menu import MenuItem

UserTest = Callable[[AbstractBaseUser | AnonymousUser], bool]


def menu_item_shown_to(may_see: UserTest) -> type[MenuItem]:
    """A MenuItem class (a ViewSet's `menu_item_class`) shown only to the users `may_see` admits.

    Hiding an item is a courtesy: the views behind it check the user again.
    """

    class ShownTo(MenuItem):
        def is_shown(self, request):
            return may_see(request.user)

    ShownTo.__name__ = ShownTo.__qualname__ = f"MenuItemShownTo_{may_see.__name__}"
    return ShownTo
