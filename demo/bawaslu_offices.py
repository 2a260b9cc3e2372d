"""The demo's two Bawaslu offices: created by violations.services with their account and API token.

Their level (regency or province) and the web login's published password are then set by accounts.services.
"""

from rest_framework.authtoken.models import Token

from accounts import services as account_services
from accounts.models import Agency, BawasluOffice
from accounts.roles import Role
from demo.context import DemoLogin, DemoResult
from demo.data.bawaslu_offices import BAWASLU_OFFICES
from demo.staff_accounts import PasswordHash
from violations import services as violation_services


def _office_create(agency: Agency, spec: dict[str, str], password: PasswordHash) -> BawasluOffice:
    account = violation_services.bawaslu_office_create(
        name=spec["name"], agency=agency, username=spec["username"], email=spec["email"]
    )
    # The service leaves the web login without a password; the demo gives it the published one.
    account_services.account_set_password(user=account.user, password_hash=password.get())
    return account_services.bawaslu_office_set_level(office=account.office, level=spec["level"])


def bawaslu_offices_ensure(agency: Agency, password: PasswordHash, result: DemoResult) -> dict[str, BawasluOffice]:
    """The offices by their demo key; each one's login and token are listed for seed_demo to print."""
    offices: dict[str, BawasluOffice] = {}
    for key, spec in BAWASLU_OFFICES.items():
        office = BawasluOffice.objects.filter(name=spec["name"]).first()
        if office is None:
            office = _office_create(agency, spec, password)
            result.created["Bawaslu offices"] += 1
        offices[key] = office
        user = office.accounts.filter(username=spec["username"]).first()
        if user is not None:
            token = Token.objects.filter(user=user).values_list("key", flat=True).first() or "—"
            result.tokens.append((office.name, user.username, token))
            result.logins.append(DemoLogin(user.username, Role.BAWASLU_OFFICE, office.name))
    return offices
