"""Who a signed-in user is in the advisory domain: groups give the role, profiles give the scope."""

from dataclasses import dataclass

from .models import CoordinatorProfile, Expert

COORDINATORS = "Coordinators"
LEAD_COORDINATORS = "Lead coordinators"
EXPERTS = "Experts"
EDITORIAL_GROUPS = frozenset({"Editors", "Moderators", "Translators"})
ADVISORY_GROUPS = (COORDINATORS, LEAD_COORDINATORS, EXPERTS)

_CACHE_ATTRIBUTE = "_advisory_user_roles"


@dataclass(frozen=True)
class UserRoles:
    """What the advisory domain knows about one user, independent of any request.

    A coordinator is a member of "Coordinators" or "Lead coordinators"; their scope is the countries
    of their CoordinatorProfile, or every country when they are in "Lead coordinators" or their
    profile says `is_lead`. An expert is a user linked to an Expert record. Removing someone from
    the groups removes every coordinator power at once, whatever their profile says.
    """

    user_id: int | None = None
    is_superuser: bool = False
    is_coordinator: bool = False
    is_lead: bool = False
    country_ids: frozenset = frozenset()
    expert_id: int | None = None
    is_editor: bool = False

    @property
    def has_advisory_role(self):
        return self.is_superuser or self.is_coordinator or self.expert_id is not None

    def covers_country(self, country_id):
        return self.is_lead or self.is_superuser or country_id in self.country_ids


NOBODY = UserRoles()


def user_roles(user):
    """The roles of `user` (cached on the user object for the rest of its life, e.g. one HTTP request)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOBODY
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    groups = set(user.groups.values_list("name", flat=True))
    is_coordinator = bool(groups & {COORDINATORS, LEAD_COORDINATORS})
    is_lead, country_ids = False, frozenset()
    if is_coordinator:
        profile = CoordinatorProfile.objects.filter(user=user).first()
        if profile is not None:
            is_lead = profile.is_lead
            country_ids = frozenset(profile.countries.values_list("pk", flat=True))
        is_lead = is_lead or LEAD_COORDINATORS in groups
    expert_id = Expert.objects.filter(user=user).values_list("pk", flat=True).first()
    roles = UserRoles(
        user_id=user.pk,
        is_superuser=user.is_superuser,
        is_coordinator=is_coordinator,
        is_lead=is_lead,
        country_ids=country_ids,
        expert_id=expert_id,
        is_editor=bool(groups & EDITORIAL_GROUPS),
    )
    setattr(user, _CACHE_ATTRIBUTE, roles)
    return roles


def forget(user):
    """Drop the cached roles of `user` (after changing their groups or profile)."""
    if user is not None and hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)
