"""What the advisory service holds about a person, and how it forgets it: on erasure and at retention.

A request is anonymised, not deleted: its reference, state, dates, country and service stay for the
statistics and the audit trail; the person (name, address, telephone, organisation, free texts,
files) goes. Erasure (a data subject's request) and the retention job share `anonymise_request`.
"""

import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log as wagtail_log
from wagtail.models import ModelLogEntry

from privacy.models import DataSubjectRequest, Kind
from workflows import deadlines, outbox
from workflows.models import OutboxMessage
from workflows.personal_data import (
    ERASE_ACTION,
    PLACEHOLDER,
    Provider,
    Record,
    delete_file_on_commit,
    redact_outbox_message,
    scrub,
)

from . import conf, notifications
from .choices import AuthorKind, Visibility
from .models import AdvisoryRequest, Assignment, Attachment, Deliverable, Expert, Message
from .models.pages import RequestFormPage

logger = logging.getLogger(__name__)

# Free texts of a request: written by the requester or about them.
FREE_TEXT_FIELDS = (
    "description",
    "scope_summary",
    "decline_reason",
    "withdraw_reason",
    "hold_reason",
    "feedback_comment",
)
ASSIGNMENT_TEXT_FIELDS = ("conflict_statement", "decline_reason", "end_reason")
# Outbox payload keys of advisory e-mails that say nothing about a person.
PAYLOAD_KEYS_KEPT = frozenset(
    {
        "reference",
        "country",
        "service_type",
        "role",
        "deadline",
        "submitted_at",
        "sla_due_at",
        "due_at",
        "response_due_at",
        "auto_close_at",
        "kind",
    }
)
# Values of an audit entry's "fields" that are codes, not text.
LOG_FIELDS_KEPT = frozenset({"service_type", "programme_level", "budget_band", "working_language"})


def person_of(advisory_request):
    """The identifiers of the requester (address, name, telephone) that must vanish everywhere."""
    return tuple(
        value
        for value in (
            advisory_request.requester_email,
            advisory_request.requester_name,
            advisory_request.requester_phone,
        )
        if value and value != PLACEHOLDER
    )


def _related_objects(advisory_request):
    """The request and the objects hanging off it that have audit entries and outbox rows."""
    return [
        advisory_request,
        *Assignment.objects.filter(request=advisory_request),
        *Deliverable.objects.filter(request=advisory_request),
    ]


def _object_filter(objects):
    condition = Q(pk__in=[])
    for obj in objects:
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        condition |= Q(content_type=content_type, object_id=str(obj.pk))
    return condition


def _redact_log_data(data, needles):
    data = dict(data or {})
    if data.get("comment"):
        data["comment"] = PLACEHOLDER
    if isinstance(data.get("fields"), dict):
        data["fields"] = {
            name: (PLACEHOLDER if isinstance(value, str) and value and name not in LOG_FIELDS_KEPT else value)
            for name, value in data["fields"].items()
        }
    return scrub(data, *needles)


def anonymise_request(advisory_request, *, erasure=None, now=None):
    """Remove the person from one request and everything attached to it; returns the counts.

    `erasure` (a workflows.personal_data.Erasure) when a data subject asked; without it, the
    retention job does it. Files are removed from storage once the transaction commits.
    """
    now = now or timezone.now()
    with transaction.atomic():
        advisory_request = AdvisoryRequest.objects.select_for_update().get(pk=advisory_request.pk)
        if erasure is None and advisory_request.anonymised_at is not None:
            return None  # a concurrent run of the retention job got there first
        person = person_of(advisory_request)
        # Request-local texts may also name the organisation and its programme.
        needles = (*person, advisory_request.organisation, advisory_request.programme_name)
        if erasure is not None:
            erasure.needles = tuple(dict.fromkeys((*erasure.needles, *person)))
        counts = {"request": 1, "message": 0, "attachment": 0, "deliverable": 0, "notification": 0}

        for message in Message.objects.filter(request=advisory_request):
            body = (
                PLACEHOLDER if message.author_kind == AuthorKind.REQUESTER else scrub(message.body, *needles)
            )
            if body != message.body:
                Message.objects.filter(pk=message.pk).update(body=body)
                counts["message"] += 1
        for attachment in Attachment.objects.filter(request=advisory_request):
            delete_file_on_commit(attachment.file)
            attachment.delete()
            counts["attachment"] += 1
        for assignment in Assignment.objects.filter(request=advisory_request):
            changes = {
                name: scrub(getattr(assignment, name), *needles)
                for name in ASSIGNMENT_TEXT_FIELDS
                if getattr(assignment, name)
            }
            if changes:
                Assignment.objects.filter(pk=assignment.pk).update(**changes)

        related = _related_objects(advisory_request)
        for message in OutboxMessage.objects.filter(_object_filter(related)):
            redact_outbox_message(message, needles, recipient=advisory_request.requester_email)
            counts["notification"] += 1
        for entry in ModelLogEntry.objects.filter(_object_filter(related)).exclude(action=ERASE_ACTION):
            label, data = scrub(entry.label, *needles), _redact_log_data(entry.data, needles)
            if label != entry.label or data != entry.data:
                ModelLogEntry.objects.filter(pk=entry.pk).update(label=label, data=data)

        for deliverable in Deliverable.objects.filter(request=advisory_request):
            delete_file_on_commit(deliverable.file)
            deliverable.delete()
            counts["deliverable"] += 1
        deadlines.clear(advisory_request)
        # A data-subject request made through this request no longer needs the address (its hash stays).
        DataSubjectRequest.objects.filter(_object_filter([advisory_request])).update(email="")

        fields = {
            "requester_name": PLACEHOLDER,
            "requester_email": "",
            "requester_phone": "",
            "organisation": PLACEHOLDER,
            "programme_name": PLACEHOLDER,
            "tracking_token_hash": None,
            "tracking_token_issued_at": None,
            "anonymised_at": now,
            **{name: PLACEHOLDER for name in FREE_TEXT_FIELDS if getattr(advisory_request, name)},
        }
        # Not a state change: a plain UPDATE, so a stale copy elsewhere cannot block it.
        AdvisoryRequest.objects.filter(pk=advisory_request.pk).update(**fields)
        for name, value in fields.items():
            setattr(advisory_request, name, value)

        if erasure is not None:
            erasure.audit(advisory_request, counts)
        else:
            wagtail_log(
                advisory_request,
                ERASE_ACTION,
                user=None,
                data={"counts": counts, "reason": "retention", "retention": True},
            )
    return counts


# Retention -----------------------------------------------------------------------------------


def retention_cutoff(now=None):
    """Requests that ended before this moment are past their retention period."""
    now = now or timezone.now()
    days = conf.get("ADVISORY_RETENTION_DAYS")
    if days:
        return now - timedelta(days=days)
    return now - relativedelta(years=conf.get("ADVISORY_RETENTION_YEARS"))


def expired_requests(now=None):
    """Closed, declined or withdrawn requests that ended before the retention cutoff, not yet anonymised."""
    return AdvisoryRequest.objects.filter(
        state__in=AdvisoryRequest.TERMINAL_STATES,
        anonymised_at__isnull=True,
        closed_at__isnull=False,
        closed_at__lt=retention_cutoff(now),
    )


def anonymise_expired(now=None):
    """The daily retention job: anonymise every expired request, one transaction each; returns how many."""
    done = 0
    for pk in list(expired_requests(now).order_by("closed_at", "pk").values_list("pk", flat=True)):
        advisory_request = AdvisoryRequest.objects.get(pk=pk)
        if anonymise_request(advisory_request, now=now) is None:
            continue
        done += 1
        logger.info("Request %s anonymised at the end of its retention period", advisory_request.reference)
    return done


# The provider of the data-subject tools ------------------------------------------------------


def _iso(value):
    return value.isoformat() if value else None


def request_export(advisory_request):
    """What the export holds of one request: its fields, consent, messages and documents."""
    messages = advisory_request.messages.filter(
        Q(author_kind=AuthorKind.REQUESTER) | Q(visibility=Visibility.SHARED)
    ).order_by("created_at", "pk")
    return {
        "reference": advisory_request.reference,
        "state": advisory_request.state,
        "requester_name": advisory_request.requester_name,
        "requester_email": advisory_request.requester_email,
        "requester_phone": advisory_request.requester_phone,
        "requester_language": advisory_request.requester_language,
        "organisation": advisory_request.organisation,
        "country": advisory_request.country.country.code if advisory_request.country_id else "",
        "programme_name": advisory_request.programme_name,
        "programme_level": advisory_request.programme_level,
        "service_type": advisory_request.service_type,
        "description": advisory_request.description,
        "desired_start": _iso(advisory_request.desired_start),
        "desired_end": _iso(advisory_request.desired_end),
        "budget_band": advisory_request.budget_band,
        "working_language": advisory_request.working_language,
        "expertise_areas": sorted(area.code for area in advisory_request.expertise_areas.all()),
        "privacy_consent_at": _iso(advisory_request.privacy_consent_at),
        "privacy_notice_version": advisory_request.privacy_notice_version,
        "scope_summary": advisory_request.scope_summary,
        "decline_reason": advisory_request.decline_reason,
        "withdraw_reason": advisory_request.withdraw_reason,
        "feedback_score": advisory_request.feedback_score,
        "feedback_comment": advisory_request.feedback_comment,
        "submitted_at": _iso(advisory_request.submitted_at),
        "closed_at": _iso(advisory_request.closed_at),
        "anonymised_at": _iso(advisory_request.anonymised_at),
        "messages": [
            {"written_by": m.author_kind, "written_at": _iso(m.created_at), "body": m.body} for m in messages
        ],
        "documents": [
            {
                "file_name": a.original_name,
                "type": a.content_type,
                "size": a.size,
                "uploaded_by": a.uploaded_by,
                "uploaded_at": _iso(a.created_at),
            }
            for a in advisory_request.attachments.all()
        ],
    }


class AdvisoryProvider(Provider):
    """Requests made with the address (with their messages and files), and experts with the address."""

    name = "advisory"
    label = _("Advisory service")
    payload_keys_kept = PAYLOAD_KEYS_KEPT

    def _requests(self, address):
        return (
            AdvisoryRequest.objects.filter(requester_email__iexact=address)
            .select_related("country")
            .order_by("pk")
        )

    def _experts(self, address):
        return Expert.objects.filter(email__iexact=address).order_by("pk")

    def find(self, address):
        for advisory_request in self._requests(address):
            yield Record(
                kind="advisory request",
                id=advisory_request.reference or advisory_request.pk,
                summary=f"{advisory_request.reference} · {advisory_request.get_state_display()}",
                data=request_export(advisory_request),
            )
            for message in advisory_request.messages.filter(author_kind=AuthorKind.REQUESTER):
                yield Record(
                    kind="message",
                    id=message.pk,
                    summary=f"{advisory_request.reference} · {message.created_at:%Y-%m-%d}",
                    data={"request": advisory_request.reference, "body": message.body},
                )
            for attachment in advisory_request.attachments.all():
                yield Record(
                    kind="attachment",
                    id=attachment.pk,
                    summary=f"{advisory_request.reference} · {attachment.original_name}",
                    data={
                        "request": advisory_request.reference,
                        "file_name": attachment.original_name,
                        "size": attachment.size,
                    },
                )
        for expert in self._experts(address):
            yield Record(
                kind="expert",
                id=expert.pk,
                summary=expert.name,
                data={
                    "name": expert.name,
                    "email": expert.email,
                    "preferred_language": expert.preferred_language,
                    "home_country": expert.home_country.country.code,
                    "employer": expert.employer,
                    "active": expert.active,
                    "created_at": _iso(expert.created_at),
                },
            )

    def refusals(self, address):
        reasons = []
        running = self._requests(address).exclude(
            state__in=(*AdvisoryRequest.TERMINAL_STATES, AdvisoryRequest.State.NEW)
        )
        for advisory_request in running:
            reasons.append(
                _("Request %(reference)s is still running: withdraw or close it first.")
                % {"reference": advisory_request.reference}
            )
        busy = Assignment.objects.filter(
            expert__in=self._experts(address),
            state__in=(Assignment.State.INVITED, Assignment.State.ACCEPTED),
        ).select_related("request")
        for assignment in busy:
            reasons.append(
                _("The expert is on request %(reference)s: release or withdraw the assignment first.")
                % {"reference": assignment.request.reference}
            )
        return reasons

    def erase(self, address, erasure):
        counts = {"request": 0, "message": 0, "attachment": 0, "deliverable": 0, "expert": 0}
        for advisory_request in self._requests(address):
            for kind, count in anonymise_request(advisory_request, erasure=erasure).items():
                if kind in counts:
                    counts[kind] += count
        for expert in self._experts(address):
            erasure.needles = tuple(dict.fromkeys((*erasure.needles, expert.name)))
            changes = {"name": PLACEHOLDER, "email": "", "employer": "", "active": False}
            Expert.objects.filter(pk=expert.pk).update(**changes)
            for name, value in changes.items():
                setattr(expert, name, value)
            erasure.audit(expert, {"expert": 1})
            counts["expert"] += 1
        return counts


# The requester asks from the tracking page ----------------------------------------------------

SUBJECT_REQUEST_ACTION = "privacy.subject_request"
# The outbox event of its e-mails (`advisory.advisoryrequest.privacy_request`).
PRIVACY_REQUEST_EVENT = "privacy_request"


def ask(advisory_request, kind, language=""):
    """The requester asks for a copy of their data ("export") or its erasure ("erasure").

    Records a data-subject request for staff, tells the request's coordinators and confirms to the
    requester by e-mail. Asking again while the same request is open records and sends nothing new.
    Returns (data-subject request, created).
    """
    if kind not in Kind.values:
        raise ValidationError(_("Choose whether you want a copy of your data or its erasure."))
    if advisory_request.anonymised_at is not None or not advisory_request.requester_email:
        raise ValidationError(_("The personal data of this request has already been erased."))
    with transaction.atomic():
        AdvisoryRequest.objects.select_for_update().filter(pk=advisory_request.pk).first()
        existing = DataSubjectRequest.open_for(advisory_request, kind)
        if existing is not None:
            return existing, False
        subject_request = DataSubjectRequest.objects.create(
            kind=kind,
            email=advisory_request.requester_email,
            source=advisory_request.reference or "",
            target=advisory_request,
            language=language or advisory_request.requester_language,
        )
        wagtail_log(advisory_request, SUBJECT_REQUEST_ACTION, user=None, data={"kind": kind})
        context = {
            **notifications.base_context(advisory_request),
            "kind": kind,
            "privacy_url": notifications.admin_url("privacy:index"),
        }
        found = notifications.to_staff(advisory_request, "privacy_request_received", context)
        found.append(notifications.to_requester(advisory_request, "privacy_request_confirmed", context))
        outbox.enqueue_and_dispatch(
            advisory_request,
            outbox.event_name(advisory_request, PRIVACY_REQUEST_EVENT),
            found,
            occurrence=f"privacy:{subject_request.pk}",
        )
    return subject_request, True


# Consent ---------------------------------------------------------------------------------------


def notice_version(language=None):
    """The version of the privacy texts a requester agreed to, stored with their consent.

    The form page in the requester's language (its live revision holds the notice beside the consent
    box) and the privacy page it links to in that language (its live revision): for example
    "de:form-12.r345:policy-7.r89". Any later edit of either text publishes a new revision, and so a
    new version; the revisions themselves keep each text as it was.
    """
    page = RequestFormPage.for_language(language)
    if page is None:
        return ""
    version = f"{page.locale.language_code}:form-{page.pk}.r{page.live_revision_id or 0}"
    policy = page.privacy_page.get_translation_or_none(page.locale) if page.privacy_page_id else None
    if policy is None and page.privacy_page_id:
        policy = page.privacy_page
    if policy is not None and policy.live:
        version += f":policy-{policy.pk}.r{policy.live_revision_id or 0}"
    return version[:64]
