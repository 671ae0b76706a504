"""What the data-subject tools do: export and erase through the registry, each with its record."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows import personal_data

from .models import DataProtectionRecord, DataSubjectRequest, Kind

PERMISSION = "privacy.manage_personal_data"


def can_manage(user):
    """Superusers, and users granted "Can find, export and erase personal data" (e.g. a DPO group)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(PERMISSION))
    )


def require_manager(user):
    if not can_manage(user):
        raise PermissionDenied(_("Only data protection officers and administrators may use these tools."))


def _label(user):
    return (user.get_full_name() or user.get_username()).strip() if user is not None else ""


def _handled(address, kind, user, now):
    """The open data-subject requests of this kind for the address, now handled."""
    hashed = personal_data.address_hash(address)
    open_requests = DataSubjectRequest.objects.filter(
        address_hash=hashed, kind=kind, status=DataSubjectRequest.Status.OPEN
    )
    first = open_requests.order_by("pk").first()
    open_requests.update(status=DataSubjectRequest.Status.DONE, handled_at=now, handled_by=user)
    return first


def previous_erasures(address):
    """Erasures already done for this address (recognised by its keyed hash)."""
    return DataProtectionRecord.objects.filter(
        kind=Kind.ERASURE, address_hash=personal_data.address_hash(address)
    ).order_by("-performed_at")


def export(address, user):
    """The zip of everything about `address`; the export is recorded. Returns (bytes, record)."""
    require_manager(user)
    address = personal_data.normalise(address)
    content = personal_data.export_zip(address)
    counts = {found.provider.name: found.count for found in personal_data.find(address)}
    now = timezone.now()
    with transaction.atomic():
        subject_request = _handled(address, Kind.EXPORT, user, now)
        record = DataProtectionRecord.objects.create(
            kind=Kind.EXPORT,
            performed_at=now,
            performed_by=user,
            performed_by_label=_label(user),
            address_hash=personal_data.address_hash(address),
            counts=counts,
            subject_request=subject_request,
        )
    return content, record


def erase(address, user, reason):
    """Erase everything about `address`, audited; ValidationError when a provider refuses or no reason."""
    require_manager(user)
    address = personal_data.normalise(address)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the reason for the erasure (e.g. the person's request).")]})
    refusals = personal_data.refusals(address)
    if refusals:
        raise ValidationError([str(refusal) for refusal in refusals])
    now = timezone.now()
    with transaction.atomic():
        subject_request = _handled(address, Kind.ERASURE, user, now)
        erasure = personal_data.erase(address, reason=reason, user=user)
        record = DataProtectionRecord.objects.create(
            kind=Kind.ERASURE,
            performed_at=now,
            performed_by=user,
            performed_by_label=_label(user),
            reason=erasure.scrub(reason),
            address_hash=personal_data.address_hash(address),
            counts=erasure.counts,
            subject_request=subject_request,
        )
    return record
