"""Who acts: the type every audited write takes as its `actor`.

A staff account acts as itself; those without an account act under a label ("citizen", "bawaslu:<office>");
`None` is the system (a beat job, a worker). Apps above core use `accounts.actors.Actor` (the staff account) for
services that only staff may call.
"""

from typing import TypeAlias

from django.contrib.auth.base_user import AbstractBaseUser

AuditActor: TypeAlias = AbstractBaseUser | str | None


def user_of(actor: AuditActor) -> AbstractBaseUser | None:
    """The account behind an actor, or None for a label or the system."""
    return actor if isinstance(actor, AbstractBaseUser) else None
