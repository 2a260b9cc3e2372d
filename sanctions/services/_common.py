"""What every decision service shares: the decision row lock, the version and table checks, the audit event, dates.

Every event about a decision is recorded on its case (with the decision's id), so the case timeline tells the
whole story from report to served sanction."""

import datetime
import zoneinfo
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.audit_registry import AuditAction
from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed
from sanctions.models import Decision
from sanctions.permissions import can_record_after_decision

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def jakarta_today() -> datetime.date:
    return timezone.localdate(timezone.now(), JAKARTA)


def long_date(day: datetime.date) -> str:
    return date_format(day, "j F Y")


def lock_decision(decision: Decision) -> Decision:
    """The decision row, locked until the end of the caller's transaction (with its case and sanction)."""
    return Decision.objects.select_for_update(of=("self",)).select_related("case", "sanction_type").get(pk=decision.pk)


def check_can_work(actor: Any, decision: Decision) -> None:
    """Delivery, objections and execution records are kept by the case's team: intake officers, admins, examiners."""
    if actor is None or not can_record_after_decision(actor, decision):
        raise PermissionDenied("decision_not_permitted", _("You may not act on this decision."))


def check_version(decision: Decision, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != decision.version:
        raise ConflictError(
            "decision_changed",
            _(
                "The decision was changed by someone else while you were working on it (it is now “%(status)s”). "
                "Reload it and try again; nothing was saved."
            )
            % {"status": decision.get_status_display()},
        )


def check_transition(decision: Decision, to: str) -> None:
    if not decision.can_transition_to(to):
        raise TransitionNotAllowed(
            "decision_transition_not_allowed",
            _("A decision in status “%(from)s” cannot become “%(to)s”.")
            % {"from": decision.get_status_display(), "to": Decision.Status(to).label},
        )


def save_decision(decision: Decision, *fields: str) -> None:
    decision.version += 1
    decision.save(update_fields=[*fields, "version", "updated_at"])


def decision_transition(
    decision: Decision,
    *,
    to: str,
    actor: Any,
    action: AuditAction,
    reason: str = "",
    data: dict[str, Any] | None = None,
    fields: tuple[str, ...] = (),
) -> Decision:
    """Move a locked decision to `to` (checked against DECISION_TRANSITIONS) with one audit event."""
    check_transition(decision, to)
    previous = decision.status
    decision.status = to
    save_decision(decision, "status", *fields)
    decision_audit(decision, actor=actor, action=action, from_status=previous, to_status=to, reason=reason, data=data)
    return decision


def decision_audit(
    decision: Decision,
    *,
    actor: Any,
    action: AuditAction,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> None:
    """One audited event about a decision, on its case (statuses default to the decision's current one)."""
    audit_record(
        actor=actor,
        action=action,
        target=decision.case,
        from_status=from_status or decision.status,
        to_status=to_status or decision.status,
        reason=reason,
        data={"decision": decision.pk, "track": decision.track, **(data or {})},
    )


def not_in_future(day: datetime.date, field: str) -> None:
    if day > jakarta_today():
        raise DomainError("date_in_future", _("The date cannot be in the future."), field=field)


def letter_actor(decision: Decision) -> Any:
    """Who requests a letter the system issues on its own (e.g. at the daily take-effect run): the signatory."""
    return decision.signed_by or decision.competent_official or decision.drafted_by
