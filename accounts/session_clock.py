"""When a staff session began and was last used, kept in the session itself, and when it must end.

A staff session ends NETRA_STAFF_SESSION_IDLE_MINUTES after its last request and NETRA_STAFF_SESSION_HOURS after the
login, whichever comes first (ASVS 5.0 V7.3). The last use is rewritten at most once a minute, so a page does not
pay a session write on every request; the idle limit is therefore kept to the minute.
"""

import datetime

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone

LOGIN_AT = "netra_login_at"
SEEN_AT = "netra_seen_at"
_REFRESH_AFTER = datetime.timedelta(minutes=1)


def _now() -> datetime.datetime:
    # Wall-clock time, as the session store's own expiry uses, not core.clock's legal "now": a test (or a demo) that
    # moves the legal date does not end the sessions of the people it acts as.
    return timezone.now()


def _idle() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.NETRA_STAFF_SESSION_IDLE_MINUTES)


def _absolute() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.NETRA_STAFF_SESSION_HOURS)


def _read(session: SessionBase, key: str) -> datetime.datetime | None:
    value = session.get(key)
    try:
        return datetime.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _stamp(session: SessionBase, key: str, moment: datetime.datetime) -> None:
    session[key] = moment.isoformat()


def _expire_store(session: SessionBase, now: datetime.datetime, login_at: datetime.datetime) -> None:
    # The store forgets the session at the earlier limit too, even if no request comes to end it.
    remaining = min(_idle(), login_at + _absolute() - now)
    session.set_expiry(max(int(remaining.total_seconds()), 1))


def session_start(session: SessionBase) -> None:
    """Record a login (called when an account logs in)."""
    now = _now()
    _stamp(session, LOGIN_AT, now)
    _stamp(session, SEEN_AT, now)
    _expire_store(session, now, now)


def session_ended_by(session: SessionBase) -> str:
    """Why the staff session must end now ("idle" or "absolute"), or "" when it goes on (its use is then noted)."""
    now = _now()
    login_at, seen_at = _read(session, LOGIN_AT), _read(session, SEEN_AT)
    if login_at is None or seen_at is None:
        session_start(session)  # a session from before these limits: they count from now
        return ""
    if now - login_at >= _absolute():
        return "absolute"
    if now - seen_at >= _idle():
        return "idle"
    if now - seen_at >= _REFRESH_AFTER:
        _stamp(session, SEEN_AT, now)
        _expire_store(session, now, login_at)
    return ""
