"""A report's status change: the kernel's transition (REPORT_LIFECYCLE), then the public timeline entry; a public
status change is e-mailed to a named reporter with an address (violations.services.status_mail), and a report
leaving `received` leaves the intake officers' inboxes (violations.services.triage_inbox).

Every service that moves a report calls `report_transition` on a report it has locked with
`REPORT_LIFECYCLE.lock`; the table, the full_clean, the saved fields and the audit event are the kernel's.
"""

from typing import Any

from core.actors import AuditActor
from core.audit_registry import AuditAction
from core.transactions import on_commit_delay
from violations.models import REPORT_LIFECYCLE, Report
from violations.services.public_timeline import timeline_append
from violations.services.status_mail import report_status_email_send
from violations.services.triage_inbox import resolve_triage_work

# The triage facts a transition may have set beside the status (a reason, a request, the original report).
TRIAGE_FIELDS = ("rejection_reason", "information_request", "merged_into")


def report_transition(
    report: Report,
    *,
    to: str,
    actor: AuditActor,
    action: AuditAction,
    reason: str = "",
    note: str = "",
    note_params: dict[str, str] | None = None,
    data: dict[str, Any] | None = None,
) -> Report:
    """Move a locked report to `to` (TransitionNotAllowed if the table refuses; nothing is written then) and tell
    the reporter: a timeline entry with `note`, or without one when only the public status changed."""
    status_before, public_before = report.status, report.public_status
    REPORT_LIFECYCLE.transition(
        report, to=to, actor=actor, action=action, reason=reason, data=data, fields=TRIAGE_FIELDS
    )
    if status_before == Report.Status.RECEIVED:
        resolve_triage_work(report)
    if note or public_before != report.public_status:
        entry = timeline_append(report, note, params=note_params)
        if public_before != report.public_status:
            on_commit_delay(report_status_email_send, report.pk, entry.pk)
    return report
