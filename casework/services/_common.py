"""What every case transition shares: the row lock, the version check, the table check and the audit event."""

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from casework.letter_models import Letter
from casework.letters import letter_request
from casework.models import Case
from casework.permissions import can_work_on_case
from core.audit import audit_record
from core.audit_registry import AuditAction
from core.errors import ConflictError, PermissionDenied, TransitionNotAllowed


def lock_case(case: Case, *, actor: Any, check: Callable[[Any, Case], bool] = can_work_on_case) -> Case:
    """Lock the case row and check that `actor` may act on it; the caller then checks idempotency and versions."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if not check(actor, locked):
        raise PermissionDenied("case_not_permitted", _("You may not act on this case."))
    return locked


def check_version(case: Case, expected_version: int | None) -> None:
    """A stale version means another officer changed the case since this one loaded it: refuse, lose nothing."""
    if expected_version is not None and expected_version != case.version:
        raise ConflictError(
            "case_changed",
            _(
                "Case %(number)s was changed by another officer while you were working on it "
                "(it is now “%(status)s”). Reload the case and try again; nothing was saved."
            )
            % {"number": case.number, "status": case.get_status_display()},
        )


def check_transition(case: Case, to: str) -> None:
    if not case.can_transition_to(to):
        raise TransitionNotAllowed(
            "case_transition_not_allowed",
            _("A case in status “%(from)s” cannot become “%(to)s”.")
            % {"from": case.get_status_display(), "to": Case.Status(to).label},
        )


def bump(case: Case, *fields: str) -> None:
    """Save the given fields and the next version (every write to a case goes through here)."""
    case.version += 1
    case.save(update_fields=[*fields, "version", "updated_at"])


def transition(
    case: Case,
    *,
    to: str,
    actor: Any,
    action: AuditAction,
    reason: str = "",
    data: dict[str, Any] | None = None,
    fields: tuple[str, ...] = (),
) -> Case:
    """Move a locked case to `to` (already checked) with one audit event in the same transaction."""
    check_transition(case, to)
    previous = case.status
    case.status = to
    case.status_changed_at = timezone.now()
    case.full_clean(exclude=["accused", "registered_by", "merged_into"])
    bump(case, "status", "status_changed_at", *fields)
    audit_record(actor=actor, action=action, target=case, from_status=previous, to_status=to, reason=reason, data=data)
    return case


def record(
    case: Case, *, actor: Any, action: AuditAction, reason: str = "", data: dict[str, Any] | None = None
) -> None:
    """An audited event on a case that does not change its status."""
    audit_record(
        actor=actor,
        action=action,
        target=case,
        from_status=case.status,
        to_status=case.status,
        reason=reason,
        data=data,
    )


def request_letter(*, case: Case, kind: str, actor: Any, context: dict[str, Any]) -> Letter:
    """Number the official letter of this step and enqueue its rendering after commit (casework.letters)."""
    return letter_request(case=case, kind=kind, actor=actor, context=context)
