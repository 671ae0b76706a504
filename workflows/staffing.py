"""Staffing: inviting people onto a team, and the two-sided agreement on that team.

One side is the *invitation*: someone (a coordinator, a secretariat) invites one person to one
subject (a request, an application); the person accepts or declines before an answer date, or the
invitation expires (scheduled work) or is withdrawn. `invitation_model(...)` builds the abstract
model holding that part, its fields and its five transitions, declared once here:

    new --invite--> invited --accept--> accepted
                            --decline--> declined
                            --expire--> expired     (system only, once the answer date passed)
                            --withdraw--> withdrawn

The process says who may take each step, with which label and which extra guards, and declares
the subject and invitee foreign keys itself:

    AssignmentBase = staffing.invitation_model(
        states=AssignmentState,          # at least the members of InvitationState
        subject="request",
        invitee="expert",
        invite=staffing.Step(
            label=_("Invite the expert"), conditions=[request_is_staffing], roles={"coordinator"}
        ),
        accept=staffing.Step(fields=["no_conflict"], conditions=[request_is_open], roles={"expert"}),
        decline=staffing.Step(roles={"expert"}),
        expire=staffing.Step(system=True),
        withdraw=staffing.Step(roles={"coordinator"}),
    )

    class Assignment(AssignmentBase):
        request = models.ForeignKey(AdvisoryRequest, on_delete=models.CASCADE, related_name="assignments")
        expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="assignments")

        class Meta:
            constraints = [staffing.one_open_invitation(fields=["request", "expert"], name="...")]

A concrete model may override `reminder_at(now)` (when to remind an invitee who has not answered;
none by default) and `accepting(actor=, data=)` (what accepting also asks for, e.g. a declaration),
add its own transitions from ACCEPTED (ending a member's part) and end them with `mark_ended`.
The scheduled scan hands each fired deadline of an invitation to `handle_deadline`.

The other side is the subject's: its owner agrees to the team, or objects, in transitions of the
subject's own process (their states differ per process). The guards they need come from here:
`requires_accepted(...)` (a team can be proposed or approved once someone of the needed kind has
accepted), and `keeps_last_accepted(...)` for the invitation's own ending transitions (the last
such member stays while the team is proposed or running).
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField

from . import deadlines
from .actors import Actor
from .engine import perform
from .fsm import ProcessModelMixin
from .models import Deadline
from .transitions import guard, workflow_transition

# Deadline purposes of an invitation (workflows.Deadline rows).
RESPONSE_DEADLINE = "response"
# Before the answer date: the invitee who has not answered yet is reminded once.
REMINDER_DEADLINE = "response-reminder"

# What `handle_deadline` did with a fired deadline.
EXPIRED = "expired"
REMINDED = "reminded"

Guard = Callable[[Any], bool]


class InvitationState(models.TextChoices):
    """The states every invitation has; a process may pass a TextChoices with more (e.g. "completed")."""

    NEW = "new", _("New")
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


@dataclass(frozen=True)
class Step:
    """How one process takes one step of an invitation: who may, its label, what more it checks.

    `roles`, `permission` and `system` mean what they mean to `workflow_transition` (one of them is
    needed). `conditions` are checked before the step's generic guards; `fields` are data the step
    requires. `label` replaces the generic label (e.g. "Invite the expert" for "Invite").
    """

    roles: Iterable[str] = ()
    permission: Callable | None = None
    system: bool = False
    label: str | Promise | None = None
    conditions: Sequence[Guard] = ()
    fields: Sequence[str] = ()

    def who(self) -> dict:
        return {"roles": frozenset(self.roles), "permission": self.permission, "system": self.system}


@dataclass(frozen=True)
class Messages:
    """The refusals of the generic guards that a process may word for its own people."""

    answer_date_needed: str | Promise = _(
        "An invitation needs a date by which it is answered, in the future."
    )
    already_invited: str | Promise = _("This person is already invited.")


@guard(_("The time to answer this invitation has passed."))
def response_time_left(invitation: models.Model) -> bool:
    return invitation.response_due_at is None or invitation.response_due_at > timezone.now()


@guard(_("The time to answer this invitation has not passed yet."))
def response_time_passed(invitation: models.Model) -> bool:
    return invitation.response_due_at is not None and invitation.response_due_at <= timezone.now()


def _answer_date_ahead(message: str | Promise) -> Guard:
    @guard(message)
    def response_deadline_ahead(invitation: models.Model) -> bool:
        return invitation.response_due_at is not None and invitation.response_due_at > timezone.now()

    return response_deadline_ahead


def _not_already_invited(message: str | Promise) -> Guard:
    @guard(message)
    def not_already_invited(invitation: models.Model) -> bool:
        model = type(invitation)
        subject = model._meta.get_field(model.SUBJECT_FIELD).attname
        invitee = model._meta.get_field(model.INVITEE_FIELD).attname
        others = model._default_manager.filter(
            **{subject: getattr(invitation, subject), invitee: getattr(invitation, invitee)},
            state__in=model.OPEN_STATES,
        )
        return not others.exclude(pk=invitation.pk).exists()

    return not_already_invited


@dataclass(frozen=True)
class InvitationGuards:
    """The generic guards of one invitation model (`Model.invitation_guards`), e.g. to tell refusals apart."""

    response_deadline_ahead: Guard
    not_already_invited: Guard
    response_time_left: Guard = field(default=response_time_left)
    response_time_passed: Guard = field(default=response_time_passed)


_REQUIRED_STATES = tuple(InvitationState.names)


def invitation_model(
    *,
    subject: str,
    invitee: str,
    invite: Step,
    accept: Step,
    decline: Step,
    withdraw: Step,
    expire: Step = Step(system=True),
    states: type[models.TextChoices] = InvitationState,
    messages: Messages = Messages(),
) -> type[models.Model]:
    """An abstract model for invitations of `invitee` (a foreign key) to `subject` (a foreign key).

    Each call declares the fields and transitions afresh, so every process's model has its own
    transitions (with its roles and labels), listed before those the model adds itself.
    """
    missing = [name for name in _REQUIRED_STATES if name not in states.__members__]
    if missing:
        raise TypeError(f"{states.__name__} lacks the invitation states {', '.join(missing)}.")
    # The class body below defines methods named like the steps: it reads them under other names.
    invite_step, accept_step, decline_step = invite, accept, decline
    expire_step, withdraw_step = expire, withdraw
    guards = InvitationGuards(
        response_deadline_ahead=_answer_date_ahead(messages.answer_date_needed),
        not_already_invited=_not_already_invited(messages.already_invited),
    )

    class Invitation(ProcessModelMixin, models.Model):
        State = states
        SUBJECT_FIELD = subject
        INVITEE_FIELD = invitee
        # An invitation waiting for its answer, or accepted and running: it takes the invitee's time.
        OPEN_STATES = (states.INVITED, states.ACCEPTED)
        # The invitee said no, or never answered.
        REFUSED_STATES = (states.DECLINED, states.EXPIRED)
        invitation_guards = guards

        state = FSMField(_("state"), default=states.NEW, choices=states.choices, protected=True)
        invited_by = models.ForeignKey(
            settings.AUTH_USER_MODEL,
            verbose_name=_("invited by"),
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
        )
        response_due_at = models.DateTimeField(_("answer due"), null=True, blank=True)
        decline_reason = models.TextField(_("reason for declining"), blank=True)
        end_reason = models.TextField(_("reason for ending"), blank=True)
        responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
        ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
        created_at = models.DateTimeField(_("invited at"), default=timezone.now, editable=False)
        updated_at = models.DateTimeField(_("updated at"), auto_now=True)

        class Meta:
            abstract = True

        @property
        def is_open(self) -> bool:
            return self.state in self.OPEN_STATES

        def reminder_at(self, now: datetime) -> datetime | None:
            """When to remind the invitee who has not answered (kept only if before the answer date)."""
            return None

        def accepting(self, *, actor: Actor, data: Mapping) -> None:
            """What accepting also records or requires; raise TransitionInputError to refuse."""

        def mark_ended(self, reason: str = "") -> None:
            """End the invitation or the member's part: no deadline of it runs any more."""
            self.end_reason = reason
            self.ended_at = timezone.now()
            deadlines.clear(self)

        @workflow_transition(
            field=state,
            source=states.NEW,
            target=states.INVITED,
            label=invite_step.label or _("Invite"),
            fields=invite_step.fields,
            conditions=[*invite_step.conditions, guards.response_deadline_ahead, guards.not_already_invited],
            **invite_step.who(),
        )
        def invite(self, *, actor: Actor) -> None:
            self.invited_by = actor.user
            deadlines.set_deadline(self, RESPONSE_DEADLINE, self.response_due_at)
            now = timezone.now()
            remind_at = self.reminder_at(now)
            if remind_at is not None and now < remind_at < self.response_due_at:
                deadlines.set_deadline(self, REMINDER_DEADLINE, remind_at)

        @workflow_transition(
            field=state,
            source=states.INVITED,
            target=states.ACCEPTED,
            label=accept_step.label or _("Accept the invitation"),
            fields=accept_step.fields,
            conditions=[*accept_step.conditions, guards.response_time_left],
            **accept_step.who(),
        )
        def accept(self, *, actor: Actor, data: Mapping) -> None:
            self.accepting(actor=actor, data=data)
            self.responded_at = timezone.now()
            deadlines.clear(self)

        @workflow_transition(
            field=state,
            source=states.INVITED,
            target=states.DECLINED,
            label=decline_step.label or _("Decline the invitation"),
            requires_comment=True,
            fields=decline_step.fields,
            conditions=decline_step.conditions,
            **decline_step.who(),
        )
        def decline(self, *, comment: str) -> None:
            self.decline_reason = comment
            self.responded_at = timezone.now()
            self.mark_ended()

        @workflow_transition(
            field=state,
            source=states.INVITED,
            target=states.EXPIRED,
            label=expire_step.label or _("Expire the invitation"),
            fields=expire_step.fields,
            conditions=[*expire_step.conditions, guards.response_time_passed],
            **expire_step.who(),
        )
        def expire(self) -> None:
            self.mark_ended()

        @workflow_transition(
            field=state,
            source=states.INVITED,
            target=states.WITHDRAWN,
            label=withdraw_step.label or _("Withdraw the invitation"),
            fields=withdraw_step.fields,
            conditions=withdraw_step.conditions,
            **withdraw_step.who(),
        )
        def withdraw(self, *, comment: str) -> None:
            self.mark_ended(comment)

    return Invitation


def one_open_invitation(
    *, fields: Sequence[str], name: str, states: type[models.TextChoices] = InvitationState
) -> models.UniqueConstraint:
    """The database's backing of `not_already_invited`: one open invitation per subject and invitee."""
    return models.UniqueConstraint(
        fields=list(fields), condition=Q(state__in=[states.INVITED, states.ACCEPTED]), name=name
    )


def awaits_answer(invitation: models.Model, *, now: datetime | None = None) -> bool:
    """Whether the invitee still owes an answer that can still come (invited, answer date ahead)."""
    now = now or timezone.now()
    if invitation.state != invitation.State.INVITED:
        return False
    return invitation.response_due_at is None or invitation.response_due_at > now


def handle_deadline(
    invitation: models.Model,
    deadline: Deadline,
    *,
    now: datetime,
    remind: Callable[[Any, Deadline], None],
    expiry: Actor | None = None,
) -> str | None:
    """Act on one fired deadline of `invitation`: expire it, or remind an invitee who owes an answer.

    `remind(invitation, deadline)` queues the reminder (each process words its own); `expiry` is
    the system actor the audit names. Returns EXPIRED, REMINDED or None (nothing to do any more).
    The engine's refusals (TransitionUnavailable, StaleTransition) pass through to the caller.
    """
    if deadline.purpose == RESPONSE_DEADLINE:
        perform(invitation, "expire", expiry or Actor.system())
        return EXPIRED
    if deadline.purpose == REMINDER_DEADLINE and awaits_answer(invitation, now=now):
        # An invitation that expires in this very scan gets no reminder: it would come too late.
        remind(invitation, deadline)
        return REMINDED
    return None


# The subject's side of the agreement ------------------------------------------------------


def has_accepted(invitations: models.QuerySet | models.Manager, **filters: Any) -> bool:
    """Whether `invitations` (a related manager or queryset) holds an accepted one matching `filters`."""
    return invitations.filter(state=invitations.model.State.ACCEPTED, **filters).exists()


def requires_accepted(related_name: str, *, message: str | Promise, **filters: Any) -> Guard:
    """A guard on the subject: one of its invitations (`related_name`) matching `filters` is accepted.

    E.g. a team may be proposed to, or approved by, the requester once a lead expert has accepted.
    """

    @guard(message)
    def has_accepted_member(subject: models.Model) -> bool:
        return has_accepted(getattr(subject, related_name), **filters)

    return has_accepted_member


def keeps_last_accepted(*, subject_states: Iterable, message: str | Promise, **filters: Any) -> Guard:
    """A guard on an invitation's ending transitions: the last accepted one matching `filters` stays
    while its subject's state is one of `subject_states` (a team proposed or running)."""
    subject_states = tuple(subject_states)

    @guard(message)
    def not_the_last(invitation: models.Model) -> bool:
        if any(getattr(invitation, name) != value for name, value in filters.items()):
            return True
        subject = getattr(invitation, invitation.SUBJECT_FIELD)
        if subject.state not in subject_states:
            return True
        others = type(invitation)._default_manager.filter(
            **{invitation.SUBJECT_FIELD: subject}, state=invitation.State.ACCEPTED, **filters
        )
        return others.exclude(pk=invitation.pk).exists()

    return not_the_last
