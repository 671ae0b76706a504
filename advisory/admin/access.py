"""Who may open which part of the advisory admin, and what happens when someone reaches past their scope.

Wagtail turns a PermissionDenied raised in an admin view into a redirect to the dashboard; the advisory
views answer with a real 403 page instead, and every refusal is logged on the `advisory.security` logger.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from workflows.actors import Actor
from workflows.admin_pages import refusal_page

from .. import permissions, selectors
from ..models import AdvisoryRequest, Assignment
from ..roles import user_roles

security_log = logging.getLogger("advisory.security")

COORDINATOR_AREA = "coordinator"
EXPERT_AREA = "expert"
ANY_AREA = "any"


def is_coordinator(user):
    """Coordinators, lead coordinators and superusers: they have a request queue."""
    return permissions.can(user, "queue.view")


def is_expert(user):
    """Users linked to an Expert record."""
    return user_roles(user).expert_id is not None


def is_expert_only(user):
    """An expert with no other role in the admin: their menu is narrowed to the expert's items."""
    roles = user_roles(user)
    return (
        roles.expert_id is not None
        and not roles.is_coordinator
        and not roles.is_superuser
        and not roles.is_editor
    )


def may_enter(user, area):
    if area == COORDINATOR_AREA:
        return is_coordinator(user)
    if area == EXPERT_AREA:
        return is_expert(user)
    return is_coordinator(user) or is_expert(user)


def log_refusal(request, what, obj=None, reason=""):
    """Record an attempt to open or change something outside the user's scope."""
    user = request.user
    security_log.warning(
        # The user's id, never their name: user names may be e-mail addresses.
        "advisory access refused: user=%s %s %s: %s%s%s",
        getattr(user, "pk", None),
        request.method,
        request.path,
        what,
        f" {type(obj).__name__}#{obj.pk}" if obj is not None else "",
        f" ({reason})" if reason else "",
    )


def forbidden(request, message=None):
    """An admin-styled 403 page."""
    return refusal_page(request, message or _("You do not have permission to see this."))


def not_found(request):
    """What a missing object and one outside the user's scope both get: the same 403 page, so nobody
    learns which exist. (A 404 status would be redirected by LocaleMiddleware to the public site.)"""
    return refusal_page(request, _("This does not exist, or you may not see it."), title=_("Not available"))


class AdvisoryAccessMixin:
    """Refuses users outside the view's area with a logged 403, before the view does anything else.

    `area` is COORDINATOR_AREA, EXPERT_AREA or ANY_AREA. A PermissionDenied raised later by the view
    (the matrix or the engine saying no) is answered the same way; an Http404 gets `not_found`.
    """

    area = COORDINATOR_AREA

    def dispatch(self, request, *args, **kwargs):
        if not may_enter(request.user, self.area):
            log_refusal(request, f"area={self.area}")
            return forbidden(request)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as error:
            log_refusal(request, "action", reason=error)
            return forbidden(request, str(error) or None)
        except Http404:
            return not_found(request)

    @property
    def actor(self):
        return Actor.for_user(self.request.user)


def visible_request(request, pk, action="request.view"):
    """The request `pk` if the user may perform `action` on it; otherwise Http404, logged when it exists.

    Out of scope and non-existent look the same from outside (see `not_found`).
    """
    found = (
        selectors.requests_visible_to(request.user, action)
        .select_related("country", "owner")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        if AdvisoryRequest.objects.filter(pk=pk).exists():
            log_refusal(request, f"request ({action})", AdvisoryRequest(pk=pk))
        raise Http404
    return found


def own_assignment(request, pk):
    """The assignment `pk` of the expert signed in; anyone else's gives Http404, logged."""
    found = (
        selectors.assignments_for_expert(request.user)
        .select_related("request__country", "request__owner")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        if Assignment.objects.filter(pk=pk).exists():
            log_refusal(request, "assignment of another expert", Assignment(pk=pk))
        raise Http404
    return found
