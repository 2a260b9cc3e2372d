"""Locking a case for a service: the row, locked through CASE_LIFECYCLE, once the actor may act on it."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.models import CASE_LIFECYCLE, Case
from casework.permissions import can_work_on_case
from core.errors import PermissionDenied


def lock_case_for_actor(case: Case, *, actor: Actor, may: Callable[[Actor, Case], bool] = can_work_on_case) -> Case:
    """The case's row, locked until the transaction ends, once `may(actor, case)` holds on the locked row
    (PermissionDenied otherwise). The caller then checks idempotency and the expected version."""
    locked = CASE_LIFECYCLE.lock(case)
    if not may(actor, locked):
        raise PermissionDenied("case_not_permitted", _("You may not act on this case."))
    return locked
