"""The limits of a staff session: its idle and absolute lifetime, and the second factor it must show.

Both act only on a logged-in account's session; a citizen's session (no account, a report's PIN) is left as it was.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.actors import is_account
from accounts.mfa import second_factor_enrolled, second_factor_needed_in_session
from accounts.session_clock import session_ended_by


class StaffSessionMiddleware:
    """Log an account out once its session has been idle or open too long (accounts.session_clock)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_account(request.user):
            reason = session_ended_by(request.session)
            if reason:
                request.netra_logout_reason = reason  # type: ignore[attr-defined]  # read by accounts.sign_in
                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
        return self.get_response(request)


def _exempt(path: str) -> bool:
    """Pages an account that still owes its second factor may open: the factor's own pages, logout, languages."""
    prefixes = (reverse("account:mfa-verify"), reverse("account:mfa-enrol"), reverse("logout"), "/i18n/")
    return path.startswith(prefixes) or path.startswith("/" + settings.STATIC_URL.lstrip("/"))


class SecondFactorMiddleware:
    """Until an account that needs a second factor has verified one in this session, every page sends it to the
    verify page (or, without an authenticator, to the enrolment page) and the API answers 403."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not is_account(user) or user.is_verified() or _exempt(request.path_info):  # type: ignore[attr-defined]
            return self.get_response(request)
        if not second_factor_needed_in_session(request.session, user):
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            return JsonResponse({"detail": _("Verify your second factor first.")}, status=403)
        target = "account:mfa-verify" if second_factor_enrolled(user) else "account:mfa-enrol"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
