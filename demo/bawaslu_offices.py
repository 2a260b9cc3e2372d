"""The demo's two Bawaslu offices: created by violations.services with their account and API token.

Their level (regency or province) and the web login's published password are then set by accounts.services.
"""

from accounts import services as account_services
from accounts.models import Agency, BawasluOffice
from accounts.roles import Role
from demo.context import DemoLogin, DemoResult
from demo.data.bawaslu_offices import BAWASLU_OFFICES
from demo.staff_accounts import PasswordHash
from violations import services as violation_services


def _office_create(agency: Agency, spec: dict[str, str], password: PasswordHash) -> tuple[BawasluOffice, str]:
    account = violation_services.bawaslu_office_create(
        name=spec["name"], agency=agency, username=spec["username"], email=spec["email"]
    )
    # The service leaves the web login without a password; the demo gives it the published one.
    account_services.account_set_password(user=account.user, password_hash=password.get())
    office = account_services.bawaslu_office_set_level(office=account.office, level=spec["level"])
    return office, account.token


def bawaslu_offices_ensure(agency: Agency, password: PasswordHash, result: DemoResult) -> dict[str, BawasluOffice]:
    """The offices by their demo key; each one's login and token are listed for seed_demo to print."""
    offices: dict[str, BawasluOffice] = {}
    for key, spec in BAWASLU_OFFICES.items():
        office = BawasluOffice.objects.filter(name=spec["name"]).first()
        # Only a token's hash is stored: it is printed when the office is created (`bawaslu_office_create
        # --rotate-token` issues a new one later).
        shown = "—"
        if office is None:
            office, shown = _office_create(agency, spec, password)
            result.created["Bawaslu offices"] += 1
        offices[key] = office
        user = office.accounts.filter(username=spec["username"]).first()
        if user is not None:
            result.tokens.append((office.name, user.username, shown))
            result.logins.append(DemoLogin(user.username, Role.BAWASLU_OFFICE, office.name))
    return offices
