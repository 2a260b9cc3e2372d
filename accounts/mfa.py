"""The second factor of staff logins: TOTP (django-otp) with recovery codes, and who must have one.

Accounts of the roles in NETRA_MFA_ENFORCED_ROLES, and superusers, must enrol and verify while NETRA_MFA_ENFORCED is
on; any account that has enrolled is asked for a code at every login whatever the setting
(accounts.middleware.SecondFactorMiddleware sends it to the verify or the enrolment page). Every enrolment, verified
code, refused code and used recovery code is audited on the account.
"""

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.audit_actions import (
    MFA_ENROLLED,
    MFA_FAILED,
    MFA_RECOVERY_CODE_USED,
    MFA_RECOVERY_CODES_RENEWED,
    MFA_VERIFIED,
)
from accounts.models import RecoveryCode, RecoveryCodeDevice, User
from accounts.recovery_codes import RECOVERY_CODE_COUNT, recovery_code_digest, recovery_code_new
from accounts.roles import Role
from core.audit import audit_record
from core.errors import DomainError

# Noted in the session at login (accounts.sign_in), so pages do not ask the database on every request.
SESSION_NEEDED_KEY = "netra_mfa_needed"
TOTP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"


def second_factor_enforced(user: User) -> bool:
    """Whether the account must have a second factor (its roles, a superuser, and the setting)."""
    if not settings.NETRA_MFA_ENFORCED:
        return False
    return user.is_superuser or any(user.has_role(Role(role)) for role in settings.NETRA_MFA_ENFORCED_ROLES)


def second_factor_enrolled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_needed(user: User) -> bool:
    """Whether a login of this account is complete only with a verified code."""
    return second_factor_enforced(user) or second_factor_enrolled(user)


def second_factor_needed_in_session(session: SessionBase, user: User) -> bool:
    """`second_factor_needed`, as noted in the session at login (computed and noted once if it is not)."""
    needed = session.get(SESSION_NEEDED_KEY)
    if not isinstance(needed, bool):
        needed = session[SESSION_NEEDED_KEY] = second_factor_needed(user)
    return needed


@transaction.atomic
def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """A new, unconfirmed authenticator for the account (the QR code shows its key); an earlier unconfirmed one is
    dropped. The confirmed one, if any, keeps working until the new one is confirmed."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def totp_enrolment_confirm(*, user: User, device: TOTPDevice, token: str) -> list[str]:
    """Confirm the authenticator with a code it shows, replace any earlier one, and issue fresh recovery codes.

    Returns the recovery codes (the only time they exist in clear). A wrong code raises DomainError and changes
    nothing but the device's throttle."""
    if device.user_id != user.pk or device.confirmed:
        raise DomainError("mfa_device_unknown", _message("start"), field="token")
    if not device.verify_token(token.strip()):
        raise DomainError("mfa_code_wrong", _message("wrong"), field="token")
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _recovery_codes_replace(user)
    audit_record(actor=user, action=MFA_ENROLLED, target=user, data={"device": "totp"})
    return codes


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """Replace the account's recovery codes (the old ones stop working); returns the new ones, shown once."""
    if not second_factor_enrolled(user):
        raise DomainError("mfa_not_enrolled", _message("start"))
    codes = _recovery_codes_replace(user)
    audit_record(actor=user, action=MFA_RECOVERY_CODES_RENEWED, target=user, data={"count": len(codes)})
    return codes


def _recovery_codes_replace(user: User) -> list[str]:
    device, _created = RecoveryCodeDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.codes.all().delete()
    codes = [recovery_code_new() for _index in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(RecoveryCode(device=device, digest=recovery_code_digest(code)) for code in codes)
    return codes


def second_factor_verify(*, user: User, token: str, address: str = "") -> Device | None:
    """The device that accepts `token` (a code of the authenticator, or an unused recovery code, which is used up),
    or None. Either way the attempt is audited; django-otp throttles repeated wrong codes per device."""
    token = token.strip()
    # Six digits are the authenticator's; anything else can only be a recovery code (so it never feeds the
    # authenticator's throttle).
    is_totp = len(token) == 6 and token.isdigit()
    with transaction.atomic():
        for device in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True) if is_totp else []:
            if device.verify_token(token):
                audit_record(actor=user, action=MFA_VERIFIED, target=user, data={"device": "totp", "address": address})
                return device
        for recovery in [] if is_totp else RecoveryCodeDevice.objects.filter(user=user, confirmed=True):
            if recovery.verify_token(token):
                remaining = recovery.codes.filter(used_at__isnull=True).count()
                audit_record(
                    actor=user,
                    action=MFA_RECOVERY_CODE_USED,
                    target=user,
                    data={"remaining": remaining, "address": address},
                )
                return recovery
    audit_record(actor=user, action=MFA_FAILED, target=user, data={"address": address})
    return None


def recovery_codes_remaining(user: User) -> int:
    return RecoveryCode.objects.filter(device__user=user, used_at__isnull=True).count()


def _message(kind: str) -> str:
    return {
        "start": _("Start the set-up of the authenticator again."),
        "wrong": _("The code is not correct. Enter the six digits the authenticator app shows now."),
    }[kind]
