"""An agency administrator manages the agency's staff accounts without the Django admin: create an account, change
its roles, deactivate or reactivate it, send it a link to set its password. Every change is audited on the account.

Only the agency's own accounts, never a superuser (a platform operator), and only the roles of the agency's work:
the accounts of Bawaslu offices and BKN are created by their commands, with their API tokens. An administrator
cannot take away their own administration or deactivate themselves (the agency would lose its administrator).
"""

from collections.abc import Sequence

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.actors import Actor, Viewer, is_account
from accounts.audit_actions import STAFF_ACCOUNT_ACTIVE_CHANGED, STAFF_PASSWORD_LINK_SENT, STAFF_ROLES_CHANGED
from accounts.models import User
from accounts.roles import Role
from accounts.services import staff_account_create
from core.audit import audit_record
from core.errors import DomainError, PermissionDenied

# The roles an agency administrator grants: the agency's own work.
ADMINISTERED_ROLES: tuple[Role, ...] = (
    Role.INTAKE_OFFICER,
    Role.EXAMINER,
    Role.SANCTIONING_OFFICIAL,
    Role.LEADERSHIP,
    Role.INTERNAL_REPORTER,
    Role.ADMINISTRATOR,
)


def administers_staff(user: Viewer) -> bool:
    return is_account(user) and user.is_active and user.has_role(Role.ADMINISTRATOR) and bool(user.agency_id)


def staff_of_agency(*, user: Viewer) -> QuerySet[User]:
    """The accounts an administrator manages: their agency's, without superusers and the bodies' accounts."""
    if not is_account(user) or not administers_staff(user) or user.agency_id is None:
        return User.objects.none()
    bodies = [str(Role.BAWASLU_OFFICE), str(Role.BKN)]
    return (
        User.objects.filter(agency_id=user.agency_id, is_superuser=False)
        .exclude(groups__name__in=bodies)
        .prefetch_related("groups")
        .order_by("first_name", "last_name", "username")
    )


def staff_get(*, user: Viewer, account_id: int) -> User | None:
    return staff_of_agency(user=user).filter(pk=account_id).first()


def _check(actor: Actor, account: User | None = None) -> None:
    managed = account is None or staff_of_agency(user=actor).filter(pk=account.pk).exists()
    if not administers_staff(actor) or not managed:
        raise PermissionDenied("staff_not_administered", _("You may not manage this account."))


def _clean_roles(roles: Sequence[str]) -> list[Role]:
    wanted = [Role(role) for role in roles if role in {str(item) for item in ADMINISTERED_ROLES}]
    if not wanted:
        raise DomainError("account_without_role", _("Give the account at least one role."), field="roles")
    return wanted


@transaction.atomic
def staff_account_add(
    *, actor: Actor, username: str, first_name: str, last_name: str, email: str, roles: Sequence[str]
) -> User:
    """A new account of the actor's agency, without a usable password: it sets one through the link e-mailed."""
    _check(actor)
    if not email:
        raise DomainError(
            "staff_email_required", _("Give the e-mail address the password link goes to."), field="email"
        )
    return staff_account_create(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        agency=actor.agency,
        roles=_clean_roles(roles),
        actor=actor,
    )


@transaction.atomic
def staff_roles_set(*, actor: Actor, account: User, roles: Sequence[str]) -> User:
    """Give the account exactly `roles` among those administered (its other groups stay); audited with the change."""
    _check(actor, account)
    wanted = {str(role) for role in _clean_roles(roles)}
    administered = {str(role) for role in ADMINISTERED_ROLES}
    current = set(account.groups.filter(name__in=administered).values_list("name", flat=True))
    if wanted == current:
        return account
    if account.pk == actor.pk and str(Role.ADMINISTRATOR) not in wanted:
        raise DomainError("staff_own_administration", _("You cannot take away your own administration."), field="roles")
    account.groups.remove(*Group.objects.filter(name__in=current - wanted))
    account.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in sorted(wanted - current)))
    account.is_staff = str(Role.ADMINISTRATOR) in wanted
    account.save(update_fields=["is_staff"])
    audit_record(
        actor=actor,
        action=STAFF_ROLES_CHANGED,
        target=account,
        data={"added": sorted(wanted - current), "removed": sorted(current - wanted)},
    )
    return account


@transaction.atomic
def staff_account_set_active(*, actor: Actor, account: User, active: bool, reason: str) -> User:
    """Deactivate (with a reason) or reactivate an account; a deactivated account cannot log in, its history stays."""
    _check(actor, account)
    if account.is_active == active:
        return account
    if account.pk == actor.pk:
        raise DomainError("staff_own_account", _("You cannot deactivate your own account."))
    if not active and not reason.strip():
        raise DomainError("reason_required", _("Give the reason for deactivating the account."), field="reason")
    account.is_active = active
    account.save(update_fields=["is_active"])
    audit_record(
        actor=actor, action=STAFF_ACCOUNT_ACTIVE_CHANGED, target=account, reason=reason.strip(), data={"active": active}
    )
    return account


def staff_password_link_send(*, actor: Actor, account: User, request: HttpRequest) -> None:
    """E-mail the account a link to set its password (Django's reset link, valid PASSWORD_RESET_TIMEOUT)."""
    _check(actor, account)
    if not account.email or not account.is_active:
        raise DomainError("staff_no_email", _("The account needs an e-mail address and must be active."))
    context = {
        "email": account.email,
        "domain": request.get_host(),
        "site_name": "Netra",
        "uid": urlsafe_base64_encode(force_bytes(account.pk)),
        "user": account,
        "token": default_token_generator.make_token(account),
        "protocol": "https" if request.is_secure() else "http",
    }
    with transaction.atomic():
        audit_record(actor=actor, action=STAFF_PASSWORD_LINK_SENT, target=account, data={"username": account.username})
        transaction.on_commit(
            lambda: PasswordResetForm().send_mail(
                "registration/password_reset_subject.txt",
                "registration/password_reset_email.txt",
                context,
                None,
                account.email,
            ),
            # A mail server that fails is logged; the account and its audit event stay, and the link can be resent.
            robust=True,
        )
