"""A help-desk ticket: enough states, roles, guards and notifications to exercise the engine.

And reviewers invited to a ticket, to exercise the staffing machinery on a second process.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django_fsm import FSMField

from workflows import deadlines, staffing
from workflows.fsm import ProcessModelMixin
from workflows.outbox import Notification
from workflows.tracking import TrackingLinkMixin
from workflows.transitions import guard, workflow_transition

CLERKS_GROUP = "Clerks"


@guard("The ticket has no answer yet.")
def has_answer(ticket):
    return bool(ticket.answer)


def owner_or_requester(ticket, actor):
    return (actor.is_requester and actor.is_bound_to(ticket)) or (
        actor.is_user and actor.user == ticket.owner
    )


class Ticket(ProcessModelMixin, TrackingLinkMixin, models.Model):
    class State(models.TextChoices):
        NEW = "new", "New"
        OPEN = "open", "Open"
        WAITING = "waiting", "Waiting for the requester"
        RESOLVED = "resolved", "Resolved"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=200)
    requester_email = models.EmailField()
    state = FSMField(default=State.NEW, choices=State.choices, protected=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    answer = models.TextField(blank=True)
    resolution = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    # The requester's tracking link (workflows.tracking): default lifetimes, its own salt.
    tracking_sign_in_salt = "testapp.ticket.sign-in"

    def __str__(self):
        return self.title

    def tracking_link_ends_at(self):
        return self.closed_at if self.state == self.State.CLOSED else None

    def workflow_roles(self, actor):
        if not actor.is_user:
            return set()
        roles = set()
        if actor.user.groups.filter(name=CLERKS_GROUP).exists():
            roles.add("clerk")
        if self.owner_id is not None and actor.user.pk == self.owner_id:
            roles.add("owner")
        return roles

    @workflow_transition(field=state, source=State.NEW, target=State.OPEN, label="Take", roles={"clerk"})
    def take(self, *, actor):
        self.owner = actor.user

    @workflow_transition(
        field=state,
        source=State.OPEN,
        target=State.WAITING,
        label="Ask the requester",
        roles={"owner"},
        requires_comment=True,
    )
    def ask(self):
        deadlines.pause(self, "response")

    @workflow_transition(
        field=state, source=State.WAITING, target=State.OPEN, label="Reply", roles={"requester"}
    )
    def reply(self, *, data):
        self.answer = data.get("answer", "")
        deadlines.resume(self, "response")

    @workflow_transition(
        field=state,
        source=State.OPEN,
        target=State.RESOLVED,
        label="Resolve",
        roles={"owner"},
        fields=["resolution"],
        conditions=[has_answer],
    )
    def resolve(self, *, data):
        self.resolution = data["resolution"]
        deadlines.clear(self, "response")

    @workflow_transition(field=state, source=State.RESOLVED, target=State.CLOSED, label="Close", system=True)
    def close(self):
        pass

    @workflow_transition(
        field=state,
        source=[State.NEW, State.OPEN, State.WAITING],
        target=State.CLOSED,
        label="Withdraw",
        permission=owner_or_requester,
        requires_comment=True,
    )
    def withdraw(self):
        deadlines.clear(self)

    def notifications_for(self, performed):
        context = {"title": self.title, "state": self.state, "comment": performed.comment}
        notifications = [Notification(self.requester_email, "testapp/ticket_changed", context, language="de")]
        if self.owner is not None and self.owner.email:
            notifications.append(Notification(self.owner.email, "testapp/ticket_changed", context))
        return notifications


# Reviewers invited to a ticket: the staffing machinery (workflows.staffing) on a second process.
# Clerks invite and withdraw; the invited user answers; the system expires. A ticket needs its chair
# reviewer while it is open or waiting, and may be handed on once a chair has accepted.

CLERK = "clerk"
INVITEE = "invitee"
# The reminder goes out this long after the invitation (if the answer date is further away).
REMINDER_AFTER = timedelta(days=1)


class ReviewerState(models.TextChoices):
    NEW = staffing.InvitationState.NEW.value, "New"
    INVITED = staffing.InvitationState.INVITED.value, "Invited"
    ACCEPTED = staffing.InvitationState.ACCEPTED.value, "Accepted"
    DECLINED = staffing.InvitationState.DECLINED.value, "Declined"
    EXPIRED = staffing.InvitationState.EXPIRED.value, "Expired"
    WITHDRAWN = staffing.InvitationState.WITHDRAWN.value, "Withdrawn"
    STEPPED_DOWN = "stepped_down", "Stepped down"


@guard("Reviewers are invited to open tickets only.")
def ticket_is_open(reviewer):
    return reviewer.ticket.state == Ticket.State.OPEN


# The other side of the agreement: the ticket's guards on its team.
TEAM_STATES = (Ticket.State.OPEN, Ticket.State.WAITING)
has_accepted_chair = staffing.requires_accepted(
    "reviewers", message="A chair reviewer must have accepted.", chair=True
)
not_the_last_chair = staffing.keeps_last_accepted(
    subject_states=TEAM_STATES, message="An open ticket keeps its chair reviewer.", chair=True
)

ReviewerInvitation = staffing.invitation_model(
    states=ReviewerState,
    subject="ticket",
    invitee="user",
    invite=staffing.Step(label="Invite the reviewer", conditions=[ticket_is_open], roles={CLERK}),
    accept=staffing.Step(roles={INVITEE}),
    decline=staffing.Step(roles={INVITEE}),
    withdraw=staffing.Step(roles={CLERK}),
)


class Reviewer(ReviewerInvitation):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    chair = models.BooleanField(default=False)

    class Meta:
        constraints = [
            staffing.one_open_invitation(
                fields=["ticket", "user"], name="testapp_reviewer_one_open", states=ReviewerState
            ),
        ]

    def __str__(self):
        return f"{self.user} on {self.ticket}"

    def workflow_roles(self, actor):
        if not actor.is_user:
            return set()
        roles = set()
        if actor.user.groups.filter(name=CLERKS_GROUP).exists():
            roles.add(CLERK)
        if actor.user.pk == self.user_id:
            roles.add(INVITEE)
        return roles

    def reminder_at(self, now: datetime) -> datetime:
        return now + REMINDER_AFTER

    @workflow_transition(
        field="state",
        source=ReviewerState.ACCEPTED,
        target=ReviewerState.STEPPED_DOWN,
        label="Step down",
        requires_comment=True,
        conditions=[not_the_last_chair],
        roles={INVITEE},
    )
    def step_down(self, *, comment):
        self.mark_ended(comment)
