"""The private tracking link of a process's applicant: a random token, of which only a hash is kept.

A person who is no user (a requester, an applicant, a registrant) follows their case with a link
that carries a random token. The model stores only the token's SHA-256, so a database dump opens
nothing. The link works until it is rotated ("this link leaked", or by staff) and ends a while
after the process ended. A resend e-mail does not rotate it: it carries a one-time sign-in code
instead, a short-lived signed value that names the object and the current token, spent at first use.

A process model takes `TrackingLinkMixin` and tells it what it alone knows:

- `tracking_sign_in_salt` (class attribute): the signing salt of its sign-in codes, its own so a
  code of one process never opens an object of another;
- `tracking_link_ttl()` -> timedelta: how long the link keeps working once the process ended
  (counted from the later of the end and the link's issue; a rotated link starts a new period);
- `sign_in_link_max_age()` (classmethod) -> timedelta: how long a sign-in code stays usable;
- `tracking_link_ends_at()` -> datetime | None: when the process ended, None while it runs (the
  link does not expire while it runs);
- `is_trackable()` -> bool: whether the link may open the object at all (False for a draft that
  was never submitted).

What it gets:

- `issue_tracking_token()` -> the raw token, returned once (any earlier token and code stop working);
- `find_by_token(raw)` / `find_by_sign_in_code(code)` (classmethods) -> the object, or None for
  anything malformed, tampered, rotated, expired or spent;
- `issue_sign_in_code()` -> a one-time code for the resend e-mail;
- `tracking_hash_matches(digest)`: whether a hash a browser's session holds is still the live one;
- `tracking_link_expires_at` / `tracking_link_expired` (properties), `hash_token(raw)` (static).

Spent sign-in codes are remembered in the default cache, shared by every process in production.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from typing import ClassVar, Self

from django.core import signing
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The longest raw token and sign-in code looked up: anything longer is junk, refused unhashed.
MAX_TOKEN_LENGTH = 128
MAX_CODE_LENGTH = 512
# How much of the token hash a sign-in code names: enough to be voided by a rotation.
CODE_FINGERPRINT_LENGTH = 16


class TrackingLinkMixin(models.Model):
    """A tracking link for the applicant of a process model (see the module's docstring)."""

    tracking_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    tracking_token_issued_at = models.DateTimeField(
        _("tracking link issued at"), null=True, blank=True, editable=False
    )

    tracking_sign_in_salt: ClassVar[str] = "workflows.tracking.sign-in"

    class Meta:
        abstract = True

    # What the process says ------------------------------------------------------------------

    def tracking_link_ttl(self) -> timedelta:
        """How long the link keeps working after the process ended."""
        return timedelta(days=90)

    @classmethod
    def sign_in_link_max_age(cls) -> timedelta:
        """How long a sign-in code of a resend e-mail stays usable."""
        return timedelta(hours=24)

    def tracking_link_ends_at(self) -> datetime | None:
        """When the process ended, or None while it runs."""
        return None

    def is_trackable(self) -> bool:
        """Whether a link may open this object at all."""
        return True

    # What the mixin does --------------------------------------------------------------------

    @staticmethod
    def hash_token(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    def issue_tracking_token(self) -> str:
        """A new tracking token: only its hash is stored; the raw token is returned once, never again.

        Any earlier token of this object, and any sign-in code made for it, stops working.
        """
        raw = secrets.token_urlsafe(32)
        self.tracking_token_hash = self.hash_token(raw)
        self.tracking_token_issued_at = timezone.now()
        # Not a state change: written with a plain UPDATE so a stale in-memory state cannot block it.
        type(self)._default_manager.filter(pk=self.pk).update(
            tracking_token_hash=self.tracking_token_hash,
            tracking_token_issued_at=self.tracking_token_issued_at,
        )
        return raw

    @property
    def tracking_link_expires_at(self) -> datetime | None:
        """When the tracking link stops working: None while the process runs."""
        ended = self.tracking_link_ends_at()
        if ended is None:
            return None
        starts = [moment for moment in (ended, self.tracking_token_issued_at) if moment]
        return max(starts) + self.tracking_link_ttl()

    @property
    def tracking_link_expired(self) -> bool:
        expires = self.tracking_link_expires_at
        return expires is not None and expires <= timezone.now()

    def tracking_hash_matches(self, digest: object) -> bool:
        """Whether `digest` (a hash kept by a browser's session) is this object's current, live one."""
        return (
            bool(digest and self.tracking_token_hash)
            and isinstance(digest, str)
            and hmac.compare_digest(self.tracking_token_hash, digest)
            and self.is_trackable()
            and not self.tracking_link_expired
        )

    @classmethod
    def find_by_token(cls, raw: object) -> Self | None:
        """The object a raw token opens, or None (malformed, tampered, rotated, expired, not trackable)."""
        if not raw or not isinstance(raw, str) or len(raw) > MAX_TOKEN_LENGTH:
            return None
        digest = cls.hash_token(raw)
        found = cls._default_manager.filter(tracking_token_hash=digest).first()
        if found is None or not found.tracking_hash_matches(digest):
            return None
        return found

    def issue_sign_in_code(self) -> str:
        """A signed, short-lived code that opens this object once (for the resend e-mail).

        It names the object and a fingerprint of the current token hash, so rotating the token
        voids it; the nonce makes it single-use. Signed, not encrypted: it holds nothing secret.
        """
        if not self.tracking_token_hash:
            raise ValueError(f"{type(self).__name__} {self.pk} has no tracking token yet.")
        payload = {
            "r": self.pk,
            "h": self.tracking_token_hash[:CODE_FINGERPRINT_LENGTH],
            "n": secrets.token_urlsafe(12),
        }
        return signing.dumps(payload, salt=self.tracking_sign_in_salt, compress=False)

    @classmethod
    def find_by_sign_in_code(cls, code: object) -> Self | None:
        """The object a sign-in code opens, or None (malformed, tampered, too old, used, or voided).

        A code is spent by this call: the second use of the same code finds nothing.
        """
        if not code or not isinstance(code, str) or len(code) > MAX_CODE_LENGTH:
            return None
        max_age = cls.sign_in_link_max_age()
        try:
            payload = signing.loads(code, salt=cls.tracking_sign_in_salt, max_age=max_age)
        except signing.BadSignature:  # also SignatureExpired
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("r"), int):
            return None
        found = cls._default_manager.filter(pk=payload["r"]).first()
        if (
            found is None
            or not found.tracking_hash_matches(found.tracking_token_hash)
            or not hmac.compare_digest(
                found.tracking_token_hash[:CODE_FINGERPRINT_LENGTH], str(payload.get("h", ""))
            )
        ):
            return None
        # Spent at first use. An entry outlives the code's own validity, after which the signature
        # refuses it anyway.
        if not cache.add(cls._spent_key(code), 1, int(max_age.total_seconds()) + 60):
            return None
        return found

    @classmethod
    def _spent_key(cls, code: str) -> str:
        return f"{cls._meta.label_lower}:sign-in-spent:{hashlib.sha256(code.encode()).hexdigest()}"
