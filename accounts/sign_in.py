"""What a staff login, its failures, its lockout and its logout leave behind: an audit event on the account, and
the session's login time (accounts.middleware.StaffSessionMiddleware ends the session from it).

Django and django-axes announce these only as signals, so the receivers here (connected in AccountsConfig.ready)
are the one place they are recorded; no domain flow hangs on them.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest

from accounts.audit_actions import LOGGED_OUT, LOGIN_FAILED, LOGIN_LOCKED_OUT, LOGIN_SUCCEEDED
from accounts.mfa import SESSION_NEEDED_KEY, second_factor_needed
from accounts.models import User
from accounts.session_clock import session_start
from core.audit import audit_record
from core.throttling import client_address

# Who acts in an event recorded before anyone is logged in.
ANONYMOUS_LABEL = "anonymous"


def _address(request: HttpRequest | None) -> str:
    return client_address(request) if request is not None else ""


def _account(username: object) -> User | None:
    if not isinstance(username, str) or not username:
        return None
    return get_user_model().objects.filter(username=username).first()  # type: ignore[return-value]


def on_logged_in_start_session(sender: object, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    """The session's login time and whether it owes a second factor."""
    if request is not None and hasattr(request, "session"):
        session_start(request.session)
        request.session[SESSION_NEEDED_KEY] = second_factor_needed(user)


def on_logged_in(sender: object, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    audit_record(actor=user, action=LOGIN_SUCCEEDED, target=user, data={"address": _address(request)})


def on_login_failed(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    account = _account(credentials.get("username"))
    if account is None:
        return  # django-axes' failure log keeps it: no account to record it on
    audit_record(
        actor=ANONYMOUS_LABEL,
        action=LOGIN_FAILED,
        target=account,
        data={"address": _address(request), "locked_out": bool(getattr(request, "axes_locked_out", False))},
    )


def on_locked_out(
    sender: object, request: HttpRequest | None, username: str | None, ip_address: str, **kwargs: Any
) -> None:
    account = _account(username)
    if account is None:
        return
    audit_record(actor=ANONYMOUS_LABEL, action=LOGIN_LOCKED_OUT, target=account, data={"address": ip_address or ""})


def on_logged_out(sender: object, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is None or not user.is_authenticated:
        return
    reason = getattr(request, "netra_logout_reason", "") or "user"
    audit_record(actor=user, action=LOGGED_OUT, target=user, data={"reason": reason, "address": _address(request)})
