"""The demo's staff accounts, one per role, created by accounts.services with the published demo password."""

from django.contrib.auth.hashers import make_password

from accounts import services as account_services
from accounts.models import Agency, User
from accounts.roles import Role
from demo.context import DemoLogin, DemoResult
from demo.data import register
from demo.data.staff_accounts import DEMO_PASSWORD, STAFF_ACCOUNTS


class PasswordHash:
    """The demo password hashed once, and only if an account is created (each PBKDF2 hash takes ~0.5 s)."""

    def __init__(self) -> None:
        self._value = ""

    def get(self) -> str:
        self._value = self._value or make_password(DEMO_PASSWORD)
        return self._value


def staff_accounts_ensure(
    agency: Agency, people: dict[str, register.Person], password: PasswordHash, result: DemoResult
) -> dict[str, User]:
    """One account per role (by username); a register entry gives the account its person's name, NIP and post."""
    users: dict[str, User] = {}
    existing = {user.username: user for user in User.objects.filter(username__in=[row[0] for row in STAFF_ACCOUNTS])}
    units = {unit.code: unit for unit in agency.units.all()}
    for username, role, person_key, position in STAFF_ACCOUNTS:
        user = existing.get(username)
        if user is None:
            person = people.get(person_key)
            user = account_services.staff_account_create(
                username=username,
                first_name=person.name if person else position.split(" (")[0],
                email=f"{username}@example.com",
                agency=agency,
                roles=[role],
                position_title=f"{person.post.title}, {units[person.unit_code].name}" if person else position,
                nip=person.nip if person else "",
                units=[units[person.unit_code]] if person and role == Role.INTERNAL_REPORTER else [],
                password_hash=password.get(),
                superuser=role == Role.ADMINISTRATOR,
            )
            result.created["accounts"] += 1
        users[username] = user
        result.logins.append(DemoLogin(username, role, user.get_full_name() or username))
    return users
