"""The permission matrix against an expected matrix written here by hand, cell by cell.

`EXPECTED` below is the specification: who may do what, derived from the architecture's roles and
state tables and least privilege, and written without looking at `advisory.permissions.MATRIX`
(which this test never reads for expected answers). For every (principal, action) the test builds
the situation for real (a user in the right groups and scope, a token holder, the system), asks the
public API (`permissions.can` / `require`) and runs the code that enforces the action (the workflow
engine for transitions, the selectors and services for everything else). A refusal counts only
when a permission check refused: PermissionDenied (or the engine's TransitionForbidden); any other
exception fails the test.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.log_actions import log

from advisory import matrix, permissions, selectors, services
from advisory.choices import Visibility
from advisory.matrix import (
    ANONYMOUS,
    COORDINATOR,
    EDITOR,
    EXPERT,
    LEAD,
    OTHER_COORDINATOR,
    OTHER_EXPERT,
    OWNER,
    PRINCIPALS,
    REQUESTER,
    SUPERUSER,
    SYSTEM,
)
from advisory.models import AdvisoryRequest, Assignment, Deliverable, Message
from advisory.roles import forget
from tests.advisory.factories import (
    AdvisoryRequestFactory,
    AssignmentFactory,
    CoordinatorFactory,
    DeliverableFactory,
    ExpertFactory,
    ExpertUserFactory,
    SuperUserFactory,
    UserFactory,
    editor,
    upload,
)
from workflows.actors import Actor
from workflows.engine import perform
from workflows.exceptions import TransitionForbidden

pytestmark = pytest.mark.django_db

S, A, D = AdvisoryRequest.State, Assignment.State, Deliverable.State

# Columns: anonymous (no role, no valid token), requester (this request's token), editor, expert (on
# this request; for assignment and deliverable actions: of that assignment), other expert, coordinator
# (country in scope), other coordinator (out of scope), owner, lead coordinator, superuser, system.
EXPECTED_TABLE = """
action                              anon  req  edit  exp  oexp  coord  ocoord  owner  lead  super  sys
request.view                          -    Y    -     Y    -     Y      -       Y      Y     Y     -
request.view_contact                  -    Y    -     -    -     Y      -       Y      Y     Y     -
request.view_attachments              -    Y    -     Y    -     Y      -       Y      Y     Y     -
request.view_history                  -    Y    -     -    -     Y      -       Y      Y     Y     -
request.view_shared_messages          -    Y    -     Y    -     Y      -       Y      Y     Y     -
request.add_shared_message            -    Y    -     Y    -     Y      -       Y      Y     Y     -
request.view_internal_notes           -    -    -     -    -     Y      -       Y      Y     Y     -
request.add_internal_note             -    -    -     -    -     Y      -       Y      Y     Y     -
request.view_team                     -    Y    -     Y    -     Y      -       Y      Y     Y     -
request.view_suggestions              -    -    -     -    -     Y      -       Y      Y     Y     -
request.invite_expert                 -    -    -     -    -     Y      -       Y      Y     Y     -
request.view_deliverables             -    -    -     Y    -     Y      -       Y      Y     Y     -
request.view_approved_deliverables    -    Y    -     Y    -     Y      -       Y      Y     Y     -
request.give_feedback                 -    Y    -     -    -     -      -       -      -     -     -
request.view_feedback                 -    Y    -     -    -     Y      -       Y      Y     Y     -
request.rotate_tracking_link          -    Y    -     -    -     Y      -       Y      Y     Y     -
request.submit                        -    Y    -     -    -     -      -       -      -     -     -
request.screen                        -    -    -     -    -     Y      -       Y      Y     Y     -
request.ask_info                      -    -    -     -    -     -      -       Y      Y     Y     -
request.provide_info                  -    Y    -     -    -     -      -       -      -     -     -
request.accept                        -    -    -     -    -     -      -       Y      Y     Y     -
request.decline                       -    -    -     -    -     -      -       Y      Y     Y     -
request.propose_team                  -    -    -     -    -     -      -       Y      Y     Y     -
request.approve_team                  -    Y    -     -    -     -      -       -      -     -     -
request.object_team                   -    Y    -     -    -     -      -       -      -     -     -
request.hold                          -    -    -     -    -     -      -       Y      Y     Y     -
request.resume                        -    -    -     -    -     -      -       Y      Y     Y     -
request.deliver                       -    -    -     -    -     -      -       Y      Y     Y     -
request.close                         -    -    -     -    -     -      -       Y      Y     Y     Y
request.withdraw                      -    Y    -     -    -     -      -       Y      Y     Y     -
assignment.view                       -    -    -     Y    -     Y      -       Y      Y     Y     -
assignment.accept                     -    -    -     Y    -     -      -       -      -     -     -
assignment.decline                    -    -    -     Y    -     -      -       -      -     -     -
assignment.expire                     -    -    -     -    -     -      -       -      -     -     Y
assignment.withdraw                   -    -    -     -    -     Y      -       Y      Y     Y     -
assignment.complete                   -    -    -     -    -     Y      -       Y      Y     Y     -
assignment.release                    -    -    -     -    -     Y      -       Y      Y     Y     -
assignment.upload_deliverable         -    -    -     Y    -     -      -       -      -     -     -
deliverable.submit                    -    -    -     Y    -     -      -       -      -     -     -
deliverable.approve                   -    -    -     -    -     -      -       Y      Y     Y     -
deliverable.request_changes           -    -    -     -    -     -      -       Y      Y     Y     -
queue.view                            -    -    -     -    -     Y      Y       Y      Y     Y     -
queue.export                          -    -    -     -    -     Y      Y       Y      Y     Y     -
"""
COLUMN_NAMES = {
    "anon": ANONYMOUS,
    "req": REQUESTER,
    "edit": EDITOR,
    "exp": EXPERT,
    "oexp": OTHER_EXPERT,
    "coord": COORDINATOR,
    "ocoord": OTHER_COORDINATOR,
    "owner": OWNER,
    "lead": LEAD,
    "super": SUPERUSER,
    "sys": SYSTEM,
}


def _parse(table):
    header, *lines = table.strip().splitlines()
    columns = [COLUMN_NAMES[name] for name in header.split()[1:]]
    expected = {}
    for line in lines:
        action, *cells = line.split()
        assert len(cells) == len(columns) and set(cells) <= {"Y", "-"}, line
        assert action not in expected, f"{action} twice"
        expected[action] = {column: cell == "Y" for column, cell in zip(columns, cells, strict=True)}
    return expected


EXPECTED = _parse(EXPECTED_TABLE)

# Besides the columns of the matrix, two more ways of being nobody in particular.
OTHER_REQUESTER = "other_requester"
NO_ROLE_USER = "no_role_user"
SUBJECTS = [*PRINCIPALS, OTHER_REQUESTER, NO_ROLE_USER]
EXPECTED_AS = {OTHER_REQUESTER: ANONYMOUS, NO_ROLE_USER: ANONYMOUS}

# Transitions: action -> (model, name, source state, perform kwargs).
TRANSITIONS = {
    "request.submit": ("request", "submit", S.NEW, {}),
    "request.screen": ("request", "screen", S.SUBMITTED, {}),
    "request.ask_info": ("request", "ask_info", S.SCREENING, {"comment": "Which regions?"}),
    "request.provide_info": ("request", "provide_info", S.AWAITING_INFO, {"comment": "Two."}),
    "request.accept": (
        "request",
        "accept",
        S.SCREENING,
        {"data": {"service_type": "training", "scope_summary": "Train."}},
    ),
    "request.decline": ("request", "decline", S.SCREENING, {"comment": "No."}),
    "request.propose_team": ("request", "propose_team", S.ACCEPTED, {}),
    "request.approve_team": ("request", "approve_team", S.TEAM_PROPOSED, {}),
    "request.object_team": ("request", "object_team", S.TEAM_PROPOSED, {"comment": "No."}),
    "request.hold": ("request", "hold", S.IN_PROGRESS, {"comment": "Wait."}),
    "request.resume": ("request", "resume", S.ON_HOLD, {"comment": "Go."}),
    "request.deliver": ("request", "deliver", S.IN_PROGRESS, {}),
    "request.close": ("request", "close", S.DELIVERED, {}),
    "request.withdraw": ("request", "withdraw", S.SCREENING, {"comment": "Cancelled."}),
    "assignment.accept": ("assignment", "accept", A.INVITED, {"data": {"no_conflict": True}}),
    "assignment.decline": ("assignment", "decline", A.INVITED, {"comment": "Busy."}),
    "assignment.expire": ("assignment", "expire", A.INVITED, {}),
    "assignment.withdraw": ("assignment", "withdraw", A.INVITED, {}),
    "assignment.complete": ("assignment", "complete", A.ACCEPTED, {}),
    "assignment.release": ("assignment", "release", A.ACCEPTED, {"comment": "Ill."}),
    "deliverable.submit": ("deliverable", "submit", D.DRAFT, {}),
    "deliverable.approve": ("deliverable", "approve", D.SUBMITTED, {}),
    "deliverable.request_changes": ("deliverable", "request_changes", D.SUBMITTED, {"comment": "Annex."}),
}
REQUEST_STATE_FOR = {
    "request.view_feedback": S.DELIVERED,
    "request.give_feedback": S.DELIVERED,
    "request.invite_expert": S.ACCEPTED,
    "assignment.upload_deliverable": S.IN_PROGRESS,
}


class Situation:
    """One request in the needed state, its owner, and the actor for one subject column."""

    def __init__(self, subject, action):
        self.subject, self.action = subject, action
        kind, _name, source, _kwargs = TRANSITIONS.get(action, (None, None, None, None))
        state = source if kind == "request" else REQUEST_STATE_FOR.get(action, S.IN_PROGRESS)
        self.owner = CoordinatorFactory(countries=["DE"])
        self.request = AdvisoryRequestFactory(state=state, owner=self.owner)
        # A team that satisfies the guards (an accepted lead with an approved deliverable).
        self.lead_assignment = AssignmentFactory(request=self.request, state=A.ACCEPTED, role="lead")
        DeliverableFactory(assignment=self.lead_assignment, state=D.APPROVED)
        self.actor = self._actor()
        self.target = self._target(kind, source)

    def _expert_user(self, on_request):
        user = ExpertUserFactory()
        request = self.request if on_request else AdvisoryRequestFactory(state=S.IN_PROGRESS)
        AssignmentFactory(request=request, expert=user.expert_profile, state=A.ACCEPTED, role="member")
        return user

    def _actor(self):
        subject, request = self.subject, self.request
        if subject == ANONYMOUS:
            return None
        if subject == REQUESTER:
            return Actor.requester(request)
        if subject == OTHER_REQUESTER:
            return Actor.requester(AdvisoryRequestFactory())
        if subject == SYSTEM:
            return Actor.system()
        if subject == EDITOR:
            return editor()
        if subject == NO_ROLE_USER:
            return UserFactory()
        if subject == EXPERT:
            on_assignment = self.action.startswith(("assignment.", "deliverable."))
            # For assignment and deliverable actions the expert is the target's own (made in _target).
            return ExpertUserFactory() if on_assignment else self._expert_user(on_request=True)
        if subject == OTHER_EXPERT:
            # On the same team, even: still not the expert of someone else's assignment.
            on_team = self.action.startswith(("assignment.", "deliverable."))
            return self._expert_user(on_request=on_team)
        if subject == COORDINATOR:
            return CoordinatorFactory(countries=["DE", "AT"])
        if subject == OTHER_COORDINATOR:
            return CoordinatorFactory(countries=["FR"])
        if subject == OWNER:
            return self.owner
        if subject == LEAD:
            return CoordinatorFactory(countries=[], lead=True)
        if subject == SUPERUSER:
            return SuperUserFactory()
        raise AssertionError(subject)

    def _target(self, kind, source):
        if kind == "request" or kind is None and not self.action.startswith("assignment."):
            return self.request
        expert = self.actor.expert_profile if self.subject == EXPERT else ExpertFactory()
        state = source if kind == "assignment" else A.ACCEPTED
        due = timezone.now() + (
            timedelta(days=-1) if self.action == "assignment.expire" else timedelta(days=5)
        )
        assignment = AssignmentFactory(
            request=self.request, expert=expert, state=state, role="member", response_due_at=due
        )
        if kind == "deliverable":
            return DeliverableFactory(assignment=assignment, state=source)
        return assignment

    @property
    def user(self):
        actor = self.actor
        if isinstance(actor, Actor):
            return actor.user
        return actor if actor is not None else AnonymousUser()


def _refused(call):
    """True when a permission check refused the call; any other exception propagates and fails the test."""
    try:
        call()
    except PermissionDenied:  # TransitionForbidden is one
        return True
    return False


def _invite(situation, actor):
    """Both ways of inviting: the service, and the engine's "invite" on an assignment saved in "new"."""
    request = situation.request
    by_service = not _refused(
        lambda: services.invite_expert(request, ExpertFactory(), role="member", actor=actor)
    )
    new = Assignment.objects.create(
        request=request,
        expert=ExpertFactory(),
        role="member",
        response_due_at=timezone.now() + timedelta(days=5),
    )
    by_engine = not _refused(lambda: perform(new, "invite", actor))
    assert by_service == by_engine, "the service and the engine disagree"
    return by_engine


def probe(situation):
    """Run the enforcement of the situation's action; True when the actor was let through."""
    action, actor, request = situation.action, situation.actor, situation.request
    if action in TRANSITIONS:
        _kind, name, _source, kwargs = TRANSITIONS[action]
        return not _refused(lambda: perform(situation.target, name, actor, **kwargs))
    if action == "request.view":
        allowed = permissions.can(actor, action, request)
        if isinstance(actor, Actor) and not actor.is_user:
            return allowed
        assert selectors.requests_visible_to(situation.user).filter(pk=request.pk).exists() == allowed
        return allowed
    if action in ("request.view_shared_messages", "request.view_internal_notes"):
        visibility = Visibility.SHARED if action.endswith("shared_messages") else Visibility.INTERNAL
        message = Message.objects.create(
            request=request, author_kind="coordinator", body="x", visibility=visibility
        )
        return selectors.messages_visible_to(actor, request).filter(pk=message.pk).exists()
    if action == "request.view_attachments":
        services._attach(request, [services.validate_upload(upload())], "requester")
        return selectors.attachments_visible_to(actor, request).exists()
    if action == "request.view_deliverables":
        submitted = DeliverableFactory(assignment=situation.lead_assignment, state=D.SUBMITTED)
        return selectors.deliverables_visible_to(actor, request).filter(pk=submitted.pk).exists()
    if action == "request.view_approved_deliverables":
        return selectors.deliverables_visible_to(actor, request).filter(state=D.APPROVED).exists()
    if action == "request.view_team":
        return selectors.team_of(actor, request).exists()
    if action == "request.view_history":
        log(request, "wagtail.edit")
        return selectors.history(actor, request).exists()
    if action in ("request.add_shared_message", "request.add_internal_note"):
        visibility = Visibility.SHARED if action.endswith("shared_message") else Visibility.INTERNAL
        return not _refused(
            lambda: services.add_message(request, actor=actor, body="Hello", visibility=visibility)
        )
    if action == "request.invite_expert":
        return _invite(situation, actor)
    if action == "request.give_feedback":
        return not _refused(lambda: services.record_feedback(request, actor=actor, score=5))
    if action == "request.rotate_tracking_link":
        return not _refused(lambda: services.rotate_tracking_link(request, actor=actor))
    if action == "assignment.upload_deliverable":
        return not _refused(
            lambda: services.upload_deliverable(situation.target, actor=actor, title="Report", file=upload())
        )
    if action == "queue.view":
        allowed = permissions.can(actor, action)
        if not allowed and not isinstance(actor, Actor):
            assert selectors.queue(situation.user).items == []
        return allowed
    if action == "queue.export":
        allowed = permissions.can(actor, action)
        if not allowed and not isinstance(actor, Actor):
            assert not selectors.export_rows(situation.user).exists()
        return allowed
    # Shown or hidden by the admin and tracking views through `can` itself.
    return permissions.can(actor, action, situation.target)


def test_the_expected_table_has_a_row_for_every_action_of_the_matrix_and_no_other():
    assert set(EXPECTED) == set(permissions.MATRIX)
    assert all(set(row) == set(PRINCIPALS) for row in EXPECTED.values())


CELLS = [(subject, action) for action in EXPECTED for subject in SUBJECTS]


@pytest.mark.parametrize(("subject", "action"), CELLS, ids=[f"{a}-{s}" for s, a in CELLS])
def test_matrix_cell(subject, action):
    expected = EXPECTED[action][EXPECTED_AS.get(subject, subject)]
    situation = Situation(subject, action)
    actor, target = situation.actor, situation.target

    assert permissions.can(actor, action, target) is expected, "permissions.can"
    if expected:
        permissions.require(actor, action, target)
    else:
        with pytest.raises(PermissionDenied, match="You are not allowed to"):
            permissions.require(actor, action, target)
    assert probe(situation) is expected, "the enforcement"


@pytest.mark.parametrize("nobody", [None, AnonymousUser()], ids=["None", "AnonymousUser"])
def test_an_anonymous_actor_is_refused_by_a_permission_check_not_a_crash(nobody):
    owner = CoordinatorFactory(countries=["DE"])
    request = AdvisoryRequestFactory(state=S.ACCEPTED, owner=owner)
    assignment = AssignmentFactory(request=request, state=A.INVITED)

    assert permissions.principals(nobody, request) == {ANONYMOUS}
    with pytest.raises(PermissionDenied, match="You are not allowed to view the request"):
        permissions.require(nobody, "request.view", request)
    with pytest.raises(TransitionForbidden, match="You are not allowed to perform “Withdraw”"):
        perform(request, "withdraw", nobody, comment="Gone.")
    with pytest.raises(TransitionForbidden, match="You are not allowed to perform “Accept the invitation”"):
        perform(assignment, "accept", nobody, data={"no_conflict": True})
    with pytest.raises(PermissionDenied, match="not allowed to invite an expert"):
        services.invite_expert(request, ExpertFactory(), role="member", actor=nobody)
    with pytest.raises(PermissionDenied, match="not allowed to write a message shared with the requester"):
        services.add_message(request, actor=nobody, body="Hello")
    with pytest.raises(PermissionDenied, match="not allowed to give feedback"):
        services.record_feedback(request, actor=nobody, score=5)
    with pytest.raises(PermissionDenied, match="not allowed to upload a deliverable"):
        services.upload_deliverable(assignment, actor=nobody, title="Report", file=upload())
    assert AdvisoryRequest.objects.get(pk=request.pk).state == S.ACCEPTED
    assert Assignment.objects.get(pk=assignment.pk).state == A.INVITED


@pytest.mark.parametrize("subject", list(PRINCIPALS))
def test_principals_are_recognised(subject):
    situation = Situation(subject, "request.view")
    assert permissions.principals(situation.actor, situation.request) == permissions.expand({subject})


def test_editors_see_no_advisory_data_at_all():
    user = editor()
    assert not any(permissions.allowed(action, {EDITOR}) for action in permissions.MATRIX)
    AdvisoryRequestFactory()
    assert not selectors.requests_visible_to(user).exists()
    assert selectors.queue(user).items == []


def test_a_coordinator_removed_from_the_groups_loses_everything():
    user = CoordinatorFactory(countries=["DE"])
    request = AdvisoryRequestFactory()
    assert permissions.can(user, "request.view", request)
    user.groups.clear()

    forget(user)
    assert not permissions.can(user, "request.view", request)


def test_an_inactive_user_has_no_role():
    user = CoordinatorFactory(countries=["DE"], is_active=False)
    assert permissions.principals(user, AdvisoryRequestFactory()) == {ANONYMOUS}


def test_an_experts_declined_assignment_ends_their_view_of_the_request():
    user = ExpertUserFactory()
    assignment = AssignmentFactory(expert=user.expert_profile, state=A.DECLINED)
    assert not permissions.can(user, "request.view", assignment.request)
    assert permissions.can(user, "assignment.view", assignment)


def test_unknown_actions_are_a_programming_error():
    with pytest.raises(KeyError):
        permissions.can(None, "request.fly")


def test_require_raises_a_translated_permission_denied():
    with pytest.raises(PermissionDenied, match="not allowed to view the request"):
        permissions.require(None, "request.view", AdvisoryRequestFactory())


def test_the_markdown_rendering_has_a_row_per_action():
    table = matrix.as_markdown()
    assert table.count("\n") == len(permissions.MATRIX) + 1
    assert "| `request.screen` |" in table


def test_the_documented_matrix_is_current():

    text = (Path(settings.BASE_DIR) / "docs" / "advisory.md").read_text()
    documented = text.split("<!-- matrix:start -->")[1].split("<!-- matrix:end -->")[0].strip()
    assert documented == matrix.as_markdown(), "regenerate the table with matrix.as_markdown()"
