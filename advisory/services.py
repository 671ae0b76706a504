"""Writes of the advisory domain. Every state change goes through `workflows.engine.perform`.

Services check permissions with the matrix (`advisory.permissions`) and validate their input
again, whatever a form already did; views stay thin and call these.
"""

import logging
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log as wagtail_log

from workflows import deadlines, outbox, staffing, text
from workflows.actors import Actor, as_actor
from workflows.business_days import add_business_days
from workflows.engine import ActorLike, Performed, perform
from workflows.exceptions import StaleTransition, TransitionUnavailable

from . import conf, matching, notifications, permissions
from .choices import AssignmentRole, AuthorKind, UploaderKind, Visibility
from .models import (
    AdvisoryRequest,
    Assignment,
    Attachment,
    Deliverable,
    Expert,
    ExpertiseArea,
    Message,
    NetworkCountry,
)
from .models.assignments import (
    not_already_invited,
)
from .models.requests import (
    AUTO_CLOSE_DEADLINE,
    INFO_REMINDER_DEADLINE,
    SCREENING_DEADLINE,
    SLA_DEADLINES,
    TEAM_REMINDER_DEADLINE,
)
from .privacy import notice_version as privacy_notice_version
from .uploads import validate_upload, validate_uploads

logger = logging.getLogger(__name__)

# Invitations were audited under this action before they became the "invite" transition; its
# formatter stays registered so that older histories still read.
INVITE_ACTION = "advisory.invite"
FEEDBACK_ACTION = "advisory.feedback"
TRACKING_LINK_ROTATED_ACTION = "advisory.tracking_link_rotated"
REQUESTER_MESSAGE_ACTION = "advisory.requester_message"
# States in which the requester may write to the secretariat: while the request runs, and once
# delivered (questions about the results), not after it ended.
REQUESTER_MESSAGE_STATES = (*AdvisoryRequest.OPEN_STATES, AdvisoryRequest.State.DELIVERED)
# Outbox events of the messages the services send outside a transition; stored as
# `<app>.<model>.<event>` (workflows.outbox.event_name), like the transitions' own.
TRACKING_LINK_EVENT = "tracking_link"
TRACKING_LINK_REPLACED_EVENT = "tracking_link_replaced"
MESSAGE_EVENT = "message"
FEEDBACK_EVENT = "feedback"
SLA_OVERDUE_EVENT = "sla_overdue"
REMINDER_EVENT = "reminder"

# Fields of the public form that map one to one onto the request.
SUBMISSION_FIELDS = (
    "requester_name",
    "requester_email",
    "requester_phone",
    "organisation",
    "country",
    "programme_name",
    "programme_level",
    "service_type",
    "description",
    "desired_start",
    "desired_end",
    "budget_band",
    "working_language",
    "required_certification",
)
# The free-text fields of the public form and how each is cleaned (workflows.text).
TEXT_CLEANERS = {
    "requester_name": text.clean_line,
    "requester_email": text.clean_line,
    "requester_phone": text.clean_line,
    "organisation": text.clean_line,
    "programme_name": text.clean_line,
    "description": text.clean_text,
}


def _attach(request, checked_uploads, kind, *, user=None, message=None):
    return [
        Attachment.objects.create(
            request=request,
            message=message,
            file=upload.file,
            original_name=upload.original_name[:255],
            content_type=upload.content_type,
            size=upload.size,
            uploaded_by=kind,
            uploaded_by_user=user,
        )
        for upload in checked_uploads
    ]


def _enqueue(obj, event, found, occurrence):
    return outbox.enqueue_and_dispatch(obj, outbox.event_name(obj, event), found, occurrence=occurrence)


def submit_request(
    cleaned_data: Mapping[str, Any], *, files: Iterable[File] = (), language: str | None = None
) -> tuple[AdvisoryRequest, str]:
    """Create a request from the public form's data and submit it; returns (request, raw tracking token).

    `cleaned_data` holds the SUBMISSION_FIELDS (`country` a NetworkCountry or its pk), `expertise_areas`
    (areas in any locale) and `privacy_consent` (must be true). `language` is the language the requester
    used. Raises ValidationError (nothing stored) when the data or a file is refused. The raw token is
    returned here and handed to the confirmation e-mail, and is never stored.
    """
    data = dict(cleaned_data)
    errors = {}
    # Free text again, whatever a form did: one line for names, no invisible controls anywhere.
    for name, cleaner in TEXT_CLEANERS.items():
        if data.get(name):
            try:
                data[name] = cleaner(data[name])
            except ValidationError as error:
                errors[name] = error.messages
    if not data.get("privacy_consent"):
        errors["privacy_consent"] = [_("Please agree to the processing of your data to submit the request.")]
    try:
        checked = validate_uploads(files)
    except ValidationError as error:
        errors["attachments"] = error.messages
        checked = []
    country = data.get("country")
    if country is not None and not isinstance(country, NetworkCountry):
        country = NetworkCountry.objects.filter(pk=country).first()
    if country is None or not country.active:
        errors["country"] = [_("Choose one of the countries of the network.")]
    fields = {
        name: data[name]
        for name in SUBMISSION_FIELDS
        if data.get(name) not in (None, "") and name != "country"
    }
    request = AdvisoryRequest(**fields, country=country if country is not None else None)
    request.requester_language = language or request.requester_language
    request.privacy_consent_at = timezone.now() if data.get("privacy_consent") else None
    request.privacy_notice_version = privacy_notice_version(language)
    try:
        request.full_clean(exclude=["country", "reference", "tracking_token_hash", "state", "owner"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if request.desired_start and request.desired_end and request.desired_end < request.desired_start:
        errors.setdefault("desired_end", []).append(_("The desired end cannot be before the desired start."))
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        request.save()
        request.expertise_areas.set(ExpertiseArea.canonicalise(data.get("expertise_areas") or ()))
        _attach(request, checked, UploaderKind.REQUESTER)
        raw_token = request.issue_tracking_token()
        perform(request, "submit", Actor.requester(request), data={"tracking_token": raw_token})
    return request, raw_token


def resend_tracking_link(email: str) -> None:
    """E-mail a one-time sign-in link for each request of `email` still running.

    The requester's tracking link is left as it is: whoever posts an address must not be able to
    cut its owner off. Returns nothing, and behaves the same whether or not such a request exists.
    """
    email = (email or "").strip()
    if not email:
        return
    with transaction.atomic():
        requests = AdvisoryRequest.objects.filter(
            requester_email__iexact=email, state__in=notifications.RESENDABLE_STATES
        )
        for request in requests.exclude(tracking_token_hash=None):
            context = {
                **notifications.base_context(request),
                # The e-mail's link is built from "tracking_token" and that key is scrubbed once it is
                # sent: a sign-in code goes where a token would, and opens the request the same way.
                "tracking_token": request.issue_sign_in_code(),
                "sign_in_hours": conf.get("ADVISORY_SIGN_IN_LINK_HOURS"),
            }
            found = [notifications.to_requester(request, "tracking_link", context)]
            _enqueue(request, TRACKING_LINK_EVENT, found, f"resend:{uuid.uuid4().hex}")


def rotate_tracking_link(request: AdvisoryRequest, *, actor: ActorLike) -> None:
    """Replace the request's tracking link and e-mail the new one to the requester; returns nothing.

    For the requester ("this link leaked") and for coordinators in scope, also once the link has
    expired: the new link starts a new lifetime. The old link, its sign-in codes and every browser
    opened with them stop working at once. Audited, without the token.
    """
    permissions.require(actor, "request.rotate_tracking_link", request)
    actor = as_actor(actor)
    if request.state == AdvisoryRequest.State.NEW:
        raise ValidationError(_("This request has not been submitted."))
    with transaction.atomic():
        locked = AdvisoryRequest.objects.select_for_update().get(pk=request.pk)
        raw_token = locked.issue_tracking_token()
        request.tracking_token_hash = locked.tracking_token_hash
        request.tracking_token_issued_at = locked.tracking_token_issued_at
        wagtail_log(
            locked,
            TRACKING_LINK_ROTATED_ACTION,
            user=actor.user if actor.is_user else None,
            data={"actor_kind": actor.kind},
        )
        context = {
            **notifications.base_context(locked),
            "tracking_token": raw_token,
            "replaced_by": "requester" if actor.is_requester else "secretariat",
        }
        found = [notifications.to_requester(locked, "tracking_link_replaced", context)]
        _enqueue(locked, TRACKING_LINK_REPLACED_EVENT, found, f"rotate:{uuid.uuid4().hex}")


def provide_info(
    request: AdvisoryRequest, *, actor: ActorLike, answer: str, files: Iterable[File] = ()
) -> Performed:
    """The requester answers the owner's question (text and files); the request returns to screening."""
    actor = as_actor(actor)
    checked = validate_uploads(files)
    with transaction.atomic():
        performed = perform(request, "provide_info", actor, comment=answer)
        _attach(request, checked, UploaderKind.REQUESTER, message=performed.result)
    return performed


def invite_expert(
    request: AdvisoryRequest,
    expert: Expert,
    *,
    actor: ActorLike,
    role: str,
    response_due_at: datetime | None = None,
) -> Assignment:
    """Invite `expert` to `request` in `role`: a new Assignment, moved to "invited" by the engine.

    The expert answers by `response_due_at`, by default ADVISORY_INVITATION_RESPONSE_BUSINESS_DAYS
    business days from now.

    The "invite" transition says who may (the matrix's "request.invite_expert") and when (the request
    is being staffed, an answer date is set, the expert is neither already invited nor excluded by
    matching); the engine audits it and sends the invitation. Raises PermissionDenied, or
    ValidationError with the reasons (code "duplicate", "excluded" or "unavailable"), storing nothing.
    """
    # Checked before anything is built, so an anonymous caller is refused, not crashed on.
    permissions.require(actor, "request.invite_expert", request)
    actor = as_actor(actor)
    if role not in AssignmentRole.values:
        raise ValidationError({"role": [_("Choose a role for the expert.")]})
    now = timezone.now()
    due = response_due_at or add_business_days(now, conf.get("ADVISORY_INVITATION_RESPONSE_BUSINESS_DAYS"))
    try:
        with transaction.atomic():
            # The request row stays locked until commit: it cannot leave staffing meanwhile, and
            # invitations to it are made one after the other, each guard seeing those before it.
            locked = AdvisoryRequest.objects.select_for_update().get(pk=request.pk)
            assignment = Assignment.objects.create(
                request=locked, expert=expert, role=role, response_due_at=due, created_at=now
            )
            perform(assignment, "invite", actor)
    except IntegrityError:
        # Where rows cannot be locked, the unique constraint on open invitations still holds.
        raise _already_invited() from None
    except TransitionUnavailable as refusal:
        raise _invitation_refused(refusal, request, expert) from None
    return assignment


def _already_invited():
    return ValidationError(_("This expert is already invited to this request."), code="duplicate")


def _invitation_refused(refusal, request, expert):
    """The refusal of the "invite" guards as a ValidationError; exclusions come with matching's reasons."""
    reasons = [str(reason) for reason in refusal.reasons] or [str(refusal)]
    if str(not_already_invited.message) in reasons:
        return _already_invited()
    code = "unavailable"
    if str(matching.expert_not_excluded.message) in reasons:
        code = "excluded"
        explained = [str(reason) for reason in matching.explain(request, expert).reasons]
        reasons = [reason for reason in reasons if reason != str(matching.expert_not_excluded.message)]
        reasons += explained or [str(matching.expert_not_excluded.message)]
    return ValidationError([ValidationError(reason, code=code) for reason in reasons])


def add_message(
    request: AdvisoryRequest,
    *,
    actor: ActorLike,
    body: str,
    visibility: str = Visibility.SHARED,
    files: Iterable[File] = (),
) -> Message:
    """Add a message to the thread of `request`: an internal note, or one shared with the requester.

    The requester writes shared messages only, in REQUESTER_MESSAGE_STATES; theirs are audited (without
    the text) and told to the owner, or to the country's coordinators while nobody owns the request.
    """
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": [_("Choose who may read the message.")]})
    action = (
        "request.add_internal_note" if visibility == Visibility.INTERNAL else "request.add_shared_message"
    )
    # The permission first: an anonymous caller is refused, not crashed on.
    permissions.require(actor, action, request)
    actor = as_actor(actor)
    if actor.is_requester and request.state not in REQUESTER_MESSAGE_STATES:
        raise ValidationError(
            _("Your request has ended: please write to the secretariat by e-mail."), code="ended"
        )
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write a message.")]})
    checked = validate_uploads(files)
    with transaction.atomic():
        message = Message.objects.create(
            request=request,
            author=actor.user if actor.is_user else None,
            author_kind=Message.kind_of(actor, request),
            body=body,
            visibility=visibility,
        )
        kind = {AuthorKind.REQUESTER: UploaderKind.REQUESTER, AuthorKind.EXPERT: UploaderKind.EXPERT}.get(
            message.author_kind, UploaderKind.COORDINATOR
        )
        _attach(request, checked, kind, user=message.author, message=message)
        if message.author_kind == AuthorKind.REQUESTER:
            # What happened, not what was written: the text stays in the thread, which erasure empties.
            wagtail_log(
                request,
                REQUESTER_MESSAGE_ACTION,
                user=None,
                data={"message_id": message.pk, "documents": len(checked), "actor_kind": actor.kind},
            )
        if visibility == Visibility.SHARED:
            context = {**notifications.base_context(request), "message_id": message.pk}
            if message.author_kind == AuthorKind.REQUESTER:
                found = notifications.to_staff(request, "requester_message", context)
            else:
                found = [notifications.to_requester(request, "new_message", context)]
            _enqueue(request, MESSAGE_EVENT, found, f"message:{message.pk}")
    return message


def upload_deliverable(
    assignment: Assignment,
    *,
    actor: ActorLike,
    title: str,
    file: File,
    description: str = "",
    submit: bool = True,
) -> Deliverable:
    """The expert of a running assignment uploads a deliverable, submitted for review unless told not to."""
    permissions.require(actor, "assignment.upload_deliverable", assignment)
    actor = as_actor(actor)
    if assignment.state != Assignment.State.ACCEPTED:
        raise ValidationError(_("Deliverables can be uploaded while the assignment is running."))
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("Give the deliverable a title.")]})
    checked = validate_upload(file)
    with transaction.atomic():
        deliverable = Deliverable.objects.create(
            request_id=assignment.request_id,
            assignment=assignment,
            title=title[:200],
            description=(description or "").strip(),
            file=checked.file,
            original_name=checked.original_name[:255],
            content_type=checked.content_type,
            size=checked.size,
            uploaded_by=actor.user,
        )
        if submit:
            perform(deliverable, "submit", actor)
    return deliverable


def record_feedback(
    request: AdvisoryRequest, *, actor: ActorLike, score: int | str, comment: str = ""
) -> AdvisoryRequest:
    """The requester rates a delivered (or closed) engagement once: a score of 1 to 5 and a comment."""
    permissions.require(actor, "request.give_feedback", request)
    actor = as_actor(actor)
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise ValidationError({"score": [_("Give a score from 1 to 5.")]})
    if request.state not in (AdvisoryRequest.State.DELIVERED, AdvisoryRequest.State.CLOSED):
        raise ValidationError(_("Feedback can be given once the engagement is delivered."))
    now = timezone.now()
    comment = (comment or "").strip()
    with transaction.atomic():
        updated = AdvisoryRequest.objects.filter(pk=request.pk, feedback_score__isnull=True).update(
            feedback_score=score, feedback_comment=comment, feedback_at=now
        )
        if not updated:
            raise ValidationError(_("Feedback has already been given for this request."), code="duplicate")
        request.feedback_score, request.feedback_comment, request.feedback_at = score, comment, now
        wagtail_log(request, FEEDBACK_ACTION, user=None, data={"score": score})
        _enqueue(
            request,
            FEEDBACK_EVENT,
            notifications.to_staff(
                request, "feedback_received", {**notifications.base_context(request), "score": score}
            ),
            "feedback",
        )
    return request


# Deadlines of a request after which the requester, who owes an answer, is reminded: (state, template).
REQUESTER_REMINDERS = {
    INFO_REMINDER_DEADLINE: (AdvisoryRequest.State.AWAITING_INFO, "information_reminder"),
    TEAM_REMINDER_DEADLINE: (AdvisoryRequest.State.TEAM_PROPOSED, "team_reminder"),
}


def _escalate(request, deadline):
    """The SLA deadline passed: remind the owner (or the country's coordinators), tell the leads."""
    context = {
        **notifications.base_context(request),
        "deadline": deadline.purpose,
        "due_at": deadline.due_at.isoformat(),
        # The escalation says which step is late: screening, or the decision.
        "late_screening": deadline.purpose == SCREENING_DEADLINE,
    }
    found = notifications.to_staff(request, f"sla_overdue_{deadline.purpose}", context)
    found += notifications.to_leads(
        request, "sla_escalation", context, exclude=[message.recipient for message in found]
    )
    _enqueue(request, SLA_OVERDUE_EVENT, found, f"deadline:{deadline.pk}")


def _remind_expert(assignment, deadline):
    """Remind an invited expert who still owes an answer (`workflows.staffing.handle_deadline` asks)."""
    found = [
        notifications.to_expert(
            assignment, "invitation_reminder", notifications.invitation_context(assignment)
        )
    ]
    _enqueue(assignment, REMINDER_EVENT, found, f"deadline:{deadline.pk}")


def _remind_requester(request, deadline):
    state, template = REQUESTER_REMINDERS[deadline.purpose]
    if request.state != state:
        return False
    found = [notifications.to_requester(request, template, notifications.base_context(request))]
    _enqueue(request, REMINDER_EVENT, found, f"deadline:{deadline.pk}")
    return True


def process_due_deadlines(*, now: datetime | None = None) -> dict[str, int]:
    """The periodic scan: expire unanswered invitations, close delivered requests, escalate overdue SLAs,
    remind experts and requesters who owe an answer.

    Each deadline is handled once (claimed with `mark_fired` in the transaction that writes its
    outbox rows, keyed by the deadline), whatever the number of scans running. Returns how many
    of each were handled.
    """
    now = now or timezone.now()
    request_type = ContentType.objects.get_for_model(AdvisoryRequest)
    assignment_type = ContentType.objects.get_for_model(Assignment)
    handled = {"expired": 0, "closed": 0, "escalated": 0, "reminded": 0}
    due = deadlines.due(now).filter(content_type__in=[request_type, assignment_type])
    for deadline in due:
        with transaction.atomic():
            if not deadline.mark_fired(now):
                continue
            try:
                if deadline.content_type_id == assignment_type.pk:
                    assignment = Assignment.objects.select_related("request", "expert").get(
                        pk=deadline.object_id
                    )
                    # The answer date expires the invitation; the reminder goes to who still owes an answer.
                    outcome = staffing.handle_deadline(
                        assignment,
                        deadline,
                        now=now,
                        remind=_remind_expert,
                        expiry=Actor.system(_("invitation expiry")),
                    )
                    if outcome is not None:
                        handled[outcome] += 1
                    continue
                request = AdvisoryRequest.objects.get(pk=deadline.object_id)
                if deadline.purpose == AUTO_CLOSE_DEADLINE:
                    perform(request, "close", Actor.system(_("automatic closing")))
                    handled["closed"] += 1
                elif deadline.purpose in SLA_DEADLINES:
                    _escalate(request, deadline)
                    handled["escalated"] += 1
                elif deadline.purpose in REQUESTER_REMINDERS and _remind_requester(request, deadline):
                    handled["reminded"] += 1
            except (
                AdvisoryRequest.DoesNotExist,
                Assignment.DoesNotExist,
                TransitionUnavailable,
                StaleTransition,
            ):
                # The object moved on meanwhile: the deadline is moot.
                logger.info("Deadline %s is moot", deadline.pk)
    return handled
