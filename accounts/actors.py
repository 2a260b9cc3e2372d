"""The types of who acts and who asks, for every app above accounts.

`Actor`: a staff account calling a service (views pass `request.user` once a role check has let it through).
`Viewer`: whoever a selector or a permission predicate is asked about, possibly not logged in; narrow it with
`is_account` before reading account fields.
"""

from typing import TypeAlias, TypeGuard

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from accounts.models import User

Actor: TypeAlias = User
Viewer: TypeAlias = User | AnonymousUser


def is_account(user: object) -> TypeGuard[User]:
    """A logged-in Netra account (not an anonymous visitor)."""
    return isinstance(user, User) and user.is_authenticated


class AuthenticatedRequest(HttpRequest):
    """The request of a view behind `core.decorators.role_required`: its user is an account."""

    user: User
