"""The history of a request as coordinators read it: every step of the request, its invitations and its
deliverables as a sentence naming who did it ("Anna Kovács (coordinator) started screening"), in the
reader's language, from the audit entries (workflows.timeline.Narration).

Who someone is comes from their roles now (advisory.roles); the expert of an invitation or a
deliverable is named as its expert.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from workflows.timeline import Narration

from .. import permissions, selectors
from ..models import AdvisoryRequest, Assignment, Deliverable
from ..roles import user_roles
from ..services import FEEDBACK_ACTION, TRACKING_LINK_ROTATED_ACTION

NARRATION = Narration()
NARRATION.register(
    AdvisoryRequest,
    transitions={
        "submit": _("%(actor)s submitted the request"),
        "screen": _("%(actor)s started screening"),
        "ask_info": _("%(actor)s asked the requester for information"),
        "provide_info": _("%(actor)s provided the information asked for"),
        "accept": _("%(actor)s accepted the request"),
        "decline": _("%(actor)s declined the request"),
        "propose_team": _("%(actor)s proposed the team to the requester"),
        "approve_team": _("%(actor)s agreed to the team; the engagement started"),
        "object_team": _("%(actor)s objected to the team"),
        "hold": _("%(actor)s put the engagement on hold"),
        "resume": _("%(actor)s resumed the engagement"),
        "deliver": _("%(actor)s marked the request as delivered"),
        "close": _("%(actor)s closed the request"),
        "withdraw": _("%(actor)s withdrew the request"),
    },
    actions={
        FEEDBACK_ACTION: _("%(actor)s rated the engagement %(score)s out of 5"),
        TRACKING_LINK_ROTATED_ACTION: _(
            "%(actor)s replaced the tracking link; the new one went to the requester"
        ),
    },
)
NARRATION.register(
    Assignment,
    transitions={
        "invite": _("%(actor)s invited %(expert)s as %(role)s"),
        "accept": _("%(actor)s accepted the invitation"),
        "decline": _("%(actor)s declined the invitation"),
        "expire": _("The invitation of %(expert)s expired without an answer"),
        "withdraw": _("%(actor)s withdrew the invitation of %(expert)s"),
        "complete": _("%(actor)s marked the part of %(expert)s as completed"),
        "release": _("%(actor)s released %(expert)s from the engagement"),
    },
)
NARRATION.register(
    Deliverable,
    transitions={
        "submit": _("%(actor)s submitted the deliverable “%(title)s” for review"),
        "approve": _("%(actor)s approved the deliverable “%(title)s”"),
        "request_changes": _("%(actor)s returned the deliverable “%(title)s” for changes"),
    },
)


def _name(user):
    return user.get_full_name() or user.get_username()


def role_word(roles, *, is_expert_here=False):
    """What a user is, in a word or two, for "Name (role)"."""
    if is_expert_here:
        return gettext("expert")
    if roles.is_lead:
        return gettext("lead coordinator")
    if roles.is_coordinator:
        return gettext("coordinator")
    if roles.is_superuser:
        return gettext("administrator")
    if roles.expert_id is not None:
        return gettext("expert")
    return gettext("staff")


class _People:
    """Says who acted on each entry; one lookup of roles per person, whatever the number of entries."""

    def __init__(self, request, assignments, deliverables, *, show_requester_name):
        self.request = request
        self.assignments = {str(a.pk): a for a in assignments}
        self.deliverables = {str(d.pk): d for d in deliverables}
        self.show_requester_name = show_requester_name
        self.types = ContentType.objects.get_for_models(Assignment, Deliverable)
        self.roles = {}

    def _roles(self, user):
        if user.pk not in self.roles:
            self.roles[user.pk] = user_roles(user)
        return self.roles[user.pk]

    def _subject(self, entry):
        if entry.content_type_id == self.types[Assignment].pk:
            return self.assignments.get(entry.object_id)
        if entry.content_type_id == self.types[Deliverable].pk:
            return self.deliverables.get(entry.object_id)
        return None

    def actor(self, entry, subject):
        data = entry.data or {}
        if data.get("actor_kind") == "requester" or entry.action == FEEDBACK_ACTION:
            if self.show_requester_name and self.request.requester_name:
                return gettext("%(name)s (requester)") % {"name": self.request.requester_name}
            return gettext("The requester")
        if entry.user is not None:
            expert_id = getattr(subject, "expert_id", None) or getattr(
                getattr(subject, "assignment", None), "expert_id", None
            )
            roles = self._roles(entry.user)
            here = expert_id is not None and roles.expert_id == expert_id
            return gettext("%(name)s (%(role)s)") % {
                "name": _name(entry.user),
                "role": role_word(roles, is_expert_here=here),
            }
        if data.get("actor_kind") == "system":
            return gettext("The system")
        return data.get("actor") or gettext("The system")

    def values(self, entry):
        subject = self._subject(entry)
        data = entry.data or {}
        values = {"actor": self.actor(entry, subject), "score": data.get("score", "?")}
        if isinstance(subject, Assignment):
            values.update(expert=subject.expert.name, role=subject.get_role_display().lower())
        elif isinstance(subject, Deliverable):
            values.update(title=subject.title, expert=subject.assignment.expert.name)
        return values


def request_history(actor, request, assignments, deliverables):
    """The audit entries of the request, its invitations and its deliverables as sentences, oldest
    first; empty for a reader who may not see the history."""
    if not permissions.can(actor, "request.view_history", request):
        return []
    entries = list(selectors.history(actor, request).select_related("user", "content_type"))
    types = ContentType.objects.get_for_models(Assignment, Deliverable)
    related = Q(pk__in=[])
    if assignments:
        related |= Q(content_type=types[Assignment], object_id__in=[str(a.pk) for a in assignments])
    if deliverables:
        related |= Q(content_type=types[Deliverable], object_id__in=[str(d.pk) for d in deliverables])
    if assignments or deliverables:
        entries += list(ModelLogEntry.objects.filter(related).select_related("user", "content_type"))
    entries.sort(key=lambda entry: (entry.timestamp, entry.pk))
    people = _People(
        request,
        assignments,
        deliverables,
        show_requester_name=permissions.can(actor, "request.view_contact", request),
    )
    return NARRATION.narrate(entries, people.values)
