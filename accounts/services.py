"""The write path for organisations and accounts: agencies, their units, staff accounts. Every write is audited.

The civil-servant register is written by its import (accounts.importing.civil_servants_import); a Bawaslu office
and its account by violations.services.bawaslu_office_create. `actor` is the administrator who acts, or None for
a management command (the audit trail then names the system).
"""

from collections.abc import Sequence

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.audit_actions import (
    ACCOUNT_PASSWORD_SET,
    AGENCY_CREATED,
    BAWASLU_OFFICE_LEVEL_CHANGED,
    PASSWORD_RESET_REQUESTED,
    STAFF_ACCOUNT_CREATED,
    UNIT_CREATED,
)
from accounts.models import Agency, BawasluOffice, Unit, User
from accounts.roles import Role
from core.audit import audit_record
from core.errors import ConflictError, DomainError


@transaction.atomic
def agency_create(
    *,
    code: str,
    name: str,
    region_name: str,
    seat: str = "",
    address: str = "",
    is_default: bool = False,
    actor: Actor | None = None,
) -> Agency:
    """Create an agency (instansi). Refuses a code in use and a second default agency; nothing is written then."""
    if Agency.objects.filter(code=code).exists():
        raise ConflictError("agency_exists", _("An agency with the code “%(code)s” exists.") % {"code": code})
    if is_default and Agency.objects.filter(is_default=True).exists():
        raise ConflictError("default_agency_exists", _("Another agency is the default agency already."))
    agency = Agency(code=code, name=name, region_name=region_name, seat=seat, address=address, is_default=is_default)
    agency.full_clean()
    agency.save(force_insert=True)
    audit_record(actor=actor, action=AGENCY_CREATED, target=agency, data={"code": code, "is_default": is_default})
    return agency


@transaction.atomic
def unit_create(
    *, agency: Agency, code: str, name: str, parent: Unit | None = None, actor: Actor | None = None
) -> Unit:
    """Create a unit (OPD) of `agency`, under `parent` (a unit of the same agency) if given.

    Refuses a code the agency uses already and a parent of another agency; nothing is written then.
    """
    if Unit.objects.filter(agency=agency, code=code).exists():
        raise ConflictError("unit_exists", _("The agency has a unit with the code “%(code)s”.") % {"code": code})
    if parent is not None and parent.agency_id != agency.pk:
        raise DomainError(
            "unit_parent_other_agency", _("The parent unit must belong to the same agency."), field="parent"
        )
    unit = Unit(agency=agency, code=code, name=name, parent=parent)
    unit.full_clean()
    unit.save(force_insert=True)
    audit_record(
        actor=actor,
        action=UNIT_CREATED,
        target=unit,
        data={"agency": agency.code, "code": code, "parent": parent.code if parent else ""},
    )
    return unit


def _password_hash(user: User, *, password: str | None, password_hash: str | None) -> str | None:
    """The hash to store: `password_hash` as given, `password` checked by the password validators and hashed."""
    if password is not None and password_hash is not None:
        raise ValueError("Give either a password or a password hash, not both.")
    if password is None:
        return password_hash
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise DomainError("password_invalid", " ".join(error.messages), field="password") from None
    return make_password(password)


def _check_new_account(*, username: str, agency: Agency | None, roles: Sequence[Role], units: Sequence[Unit]) -> None:
    if User.objects.filter(username__iexact=username).exists():
        raise ConflictError("username_taken", _("The username “%(username)s” is taken.") % {"username": username})
    if not roles:
        raise DomainError("account_without_role", _("Give the account at least one role."), field="roles")
    if any(unit.agency_id != getattr(agency, "pk", None) for unit in units):
        raise DomainError(
            "unit_other_agency", _("An account can be limited only to units of its own agency."), field="units"
        )


@transaction.atomic
def staff_account_create(
    *,
    username: str,
    first_name: str,
    last_name: str = "",
    email: str = "",
    agency: Agency | None,
    roles: Sequence[Role],
    position_title: str = "",
    nip: str = "",
    units: Sequence[Unit] = (),
    password: str | None = None,
    password_hash: str | None = None,
    superuser: bool = False,
    actor: Actor | None = None,
) -> User:
    """Create a staff account with its roles (groups), limited to `units` of its agency if any are given.

    The password is `password` (checked by the password validators), an already computed `password_hash`, or
    neither (no usable password until one is set). An administrator uses the admin site (`is_staff`); only
    `superuser` makes a superuser. Refuses a taken username, no role, and units of another agency.
    """
    _check_new_account(username=username, agency=agency, roles=roles, units=units)
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        agency=agency,
        position_title=position_title,
        nip=nip,
        is_staff=superuser or Role.ADMINISTRATOR in roles,
        is_superuser=superuser,
    )
    stored = _password_hash(user, password=password, password_hash=password_hash)
    if stored is None:
        user.set_unusable_password()
    else:
        user.password = stored
    user.full_clean(exclude=["password"])
    user.save(force_insert=True)
    user.groups.add(*(Group.objects.get_or_create(name=str(role))[0] for role in roles))
    user.units.add(*units)
    audit_record(
        actor=actor,
        action=STAFF_ACCOUNT_CREATED,
        target=user,
        data={"username": username, "roles": [str(role) for role in roles], "superuser": superuser},
    )
    return user


@transaction.atomic
def account_set_password(
    *, user: User, password: str | None = None, password_hash: str | None = None, actor: Actor | None = None
) -> User:
    """Give an account (staff or a Bawaslu office's web login) a new password, or an already computed hash."""
    if password is None and password_hash is None:
        raise ValueError("Give a password or a password hash.")
    user.password = _password_hash(user, password=password, password_hash=password_hash) or ""
    # Only the hash is written, and a hash has no field rules to check.
    user.save(update_fields=["password"])
    audit_record(actor=actor, action=ACCOUNT_PASSWORD_SET, target=user, data={"username": user.username})
    return user


@transaction.atomic
def bawaslu_office_set_level(*, office: BawasluOffice, level: str, actor: Actor | None = None) -> BawasluOffice:
    """Record whether a Bawaslu office is a regency/city or a province office. Setting the level it has is a no-op."""
    office = BawasluOffice.objects.select_for_update().get(pk=office.pk)
    if office.level == level:
        return office
    previous = office.level
    office.level = level
    office.full_clean()
    office.save(update_fields=["level", "updated_at"])
    audit_record(actor=actor, action=BAWASLU_OFFICE_LEVEL_CHANGED, target=office, data={"from": previous, "to": level})
    return office


@transaction.atomic
def account_password_reset_record(*, user: User) -> None:
    """Record that a password reset link was sent to the account's e-mail address (the link itself is Django's)."""
    audit_record(actor=None, action=PASSWORD_RESET_REQUESTED, target=user, data={"username": user.username})
