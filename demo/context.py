"""What a demo build carries from step to step, and what it hands back to seed_demo to print."""

from collections import Counter
from dataclasses import dataclass, field

from accounts.models import Agency, BawasluOffice, User
from accounts.roles import Role
from demo.data import register
from violations.models import Election, Report, ViolationType


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    name: str


@dataclass
class DemoResult:
    created: Counter[str] = field(default_factory=Counter)
    logins: list[DemoLogin] = field(default_factory=list)
    tokens: list[tuple[str, str, str]] = field(default_factory=list)  # office, username, token
    receipts: list[tuple[str, str, str]] = field(default_factory=list)  # tracking code, PIN, status


@dataclass
class DemoContext:
    """The objects built so far, by their demo keys (post keys, usernames, office and election keys)."""

    agency: Agency
    people: dict[str, register.Person]
    users: dict[str, User]
    offices: dict[str, BawasluOffice]
    elections: dict[str, Election]
    violation_types: dict[str, ViolationType]
    reports: dict[str, Report] = field(default_factory=dict)
