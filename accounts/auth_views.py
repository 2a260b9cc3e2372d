"""The staff login's own pages: the lockout page, the second factor (verify, enrolment, recovery codes), the
profile with its password change, and the password reset by e-mail (Django's views with Netra's forms).

The login form itself is Django's LoginView (config/urls.py); where a login goes next (`next` or
LOGIN_REDIRECT_URL) is unchanged: the verify page passes `next` on.
"""

from base64 import b32encode
from typing import Any
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import mfa
from accounts.actors import AuthenticatedRequest
from accounts.forms import NetraPasswordResetForm, NetraSetPasswordForm, ProfilePasswordChangeForm
from core.errors import DomainError
from core.throttling import client_address

# The unconfirmed authenticator of an enrolment under way.
_PENDING_DEVICE = "netra_mfa_pending_device"


class SecondFactorForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )


def lockout_response(request: HttpRequest, original_response: Any = None, credentials: Any = None) -> HttpResponse:
    """What a locked-out login gets (django-axes' AXES_LOCKOUT_CALLABLE): a page in the user's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
@require_http_methods(["GET", "POST"])
def mfa_verify(request: AuthenticatedRequest) -> HttpResponse:
    """Ask for a code of the authenticator (or a recovery code) after the password."""
    if not mfa.second_factor_enrolled(request.user):
        return redirect(f"{reverse('account:mfa-enrol')}?{urlencode({'next': _next_url(request)})}")
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = mfa.second_factor_verify(
            user=request.user, token=form.cleaned_data["token"], address=client_address(request)
        )
        if device is not None:
            request.session.cycle_key()
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("The code is not correct or has been used."))
    return render(request, "registration/mfa_verify.html", {"form": form, "next": _next_url(request)})


def _pending_device(request: AuthenticatedRequest) -> TOTPDevice:
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False, pk=request.session.get(_PENDING_DEVICE)
    ).first()
    if device is None:
        device = mfa.totp_enrolment_start(user=request.user)
        request.session[_PENDING_DEVICE] = device.pk
    return device


@login_required
@require_http_methods(["GET", "POST"])
def mfa_enrol(request: AuthenticatedRequest) -> HttpResponse:
    """Set up the authenticator: its QR code and key, then a code it shows; the recovery codes are shown once.

    An account that has one already must verify it first: a password alone never replaces the second factor."""
    if mfa.second_factor_enrolled(request.user) and not request.user.is_verified():  # type: ignore[attr-defined]
        return redirect(f"{reverse('account:mfa-verify')}?{urlencode({'next': _next_url(request)})}")
    device = _pending_device(request)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = mfa.totp_enrolment_confirm(user=request.user, device=device, token=form.cleaned_data["token"])
        except DomainError as error:
            form.add_error("token", str(error.message))
        else:
            request.session.pop(_PENDING_DEVICE, None)
            request.session.cycle_key()
            otp_login(request, device)
            return _recovery_codes_page(request, codes)
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_code": segno.make(device.config_url, error="m").svg_data_uri(scale=4),
        "secret": _grouped(b32encode(device.bin_key).decode()),
    }
    return render(request, "registration/mfa_enrol.html", context)


def _grouped(secret: str) -> str:
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def _recovery_codes_page(request: HttpRequest, codes: list[str]) -> HttpResponse:
    return render(request, "registration/mfa_recovery_codes.html", {"codes": codes, "next": _next_url(request)})


@login_required
@require_POST
def mfa_recovery_codes_renew(request: AuthenticatedRequest) -> HttpResponse:
    """Replace the recovery codes (the old ones stop working) and show the new ones once."""
    try:
        codes = mfa.recovery_codes_renew(user=request.user)
    except DomainError:
        return redirect("account:mfa-enrol")
    return _recovery_codes_page(request, codes)


@login_required
def profile(request: AuthenticatedRequest) -> HttpResponse:
    """The account's own page: who it is, its second factor, and the way to its password change."""
    context = {
        "enrolled": mfa.second_factor_enrolled(request.user),
        "enforced": mfa.second_factor_enforced(request.user),
        "recovery_codes_left": mfa.recovery_codes_remaining(request.user),
    }
    return render(request, "registration/profile.html", context)


password_change = auth_views.PasswordChangeView.as_view(
    form_class=ProfilePasswordChangeForm, success_url=reverse_lazy("account:password-change-done")
)
password_change_done = auth_views.PasswordChangeDoneView.as_view()
password_reset = auth_views.PasswordResetView.as_view(
    form_class=NetraPasswordResetForm,
    email_template_name="registration/password_reset_email.txt",
    subject_template_name="registration/password_reset_subject.txt",
    success_url=reverse_lazy("account:password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view()
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    form_class=NetraSetPasswordForm, success_url=reverse_lazy("account:password-reset-complete")
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view()
