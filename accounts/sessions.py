"""Keeping track of staff sessions: timestamps in the session, keys per user for ending them."""

from importlib import import_module

from django.conf import settings
from django.db import IntegrityError, transaction

from .models import UserSession

# Seconds since the epoch, stored in the session itself.
SIGNED_IN_AT = "_accounts_signed_in_at"
LAST_SEEN_AT = "_accounts_last_seen_at"
# The session key last recorded in UserSession (a password change cycles the key).
RECORDED_KEY = "_accounts_recorded_key"


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def record(user, session):
    """Remember that `user` holds `session` (idempotent), so that deactivation can end it."""
    key = session.session_key
    if not key or session.get(RECORDED_KEY) == key:
        return
    try:
        with transaction.atomic():
            UserSession.objects.get_or_create(session_key=key, defaults={"user": user})
    except IntegrityError:
        # A parallel request recorded the same key first.
        pass
    session[RECORDED_KEY] = key


def forget(session_key):
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def prune(user):
    """Drop the records of `user`'s sessions that ended on their own (expired, signed out elsewhere)."""
    store = _store()
    gone = [
        pk
        for pk, key in UserSession.objects.filter(user=user).values_list("pk", "session_key")
        if not store().exists(key)
    ]
    UserSession.objects.filter(pk__in=gone).delete()


def end_all(user):
    """End every session `user` signed in to; returns how many were recorded."""
    store = _store()
    rows = list(UserSession.objects.filter(user=user).values_list("pk", "session_key"))
    for _pk, key in rows:
        store().delete(key)
    UserSession.objects.filter(pk__in=[pk for pk, _key in rows]).delete()
    return len(rows)
