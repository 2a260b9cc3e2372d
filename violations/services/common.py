"""Shared steps of every report state change: the public timeline, the locked transition, its audit event."""

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.audit import audit_record
from core.audit_registry import AuditAction
from core.errors import TransitionNotAllowed
from violations.models import (
    Report,
    TimelineEntry,
)

# Public timeline notes are stored untranslated (msgids, placeholders in TimelineEntry.note_params) and
# translated when shown (TimelineEntry.translated_note).
NOTE_RECEIVED = gettext_noop("Report received.")
NOTE_IN_REVIEW = gettext_noop("An officer is reviewing the report.")
NOTE_INFORMATION_REQUESTED = gettext_noop("The officer asks for more information: %(message)s")
NOTE_INFORMATION_ADDED = gettext_noop("The reporter added information.")
NOTE_REJECTED = gettext_noop("The report was not taken further: %(reason)s")
NOTE_MERGED = gettext_noop("The report concerns the same matter as another report and is handled with it.")
NOTE_IN_PROCESS = gettext_noop("A case was opened and is being handled under the civil-service discipline rules.")


def _timeline(
    report: Report, status: str, note: str, at: datetime.datetime | None = None, params: dict[str, str] | None = None
) -> None:
    """Append a public timeline entry: `note` is a msgid, `params` fill its placeholders when it is shown."""
    TimelineEntry.objects.create(
        report=report, status=status, at=at or timezone.now(), note=note, note_params=params or {}
    )


def _transition(
    report: Report,
    *,
    to: str,
    actor: Any,
    action: AuditAction,
    reason: str = "",
    note: str = "",
    note_params: dict[str, str] | None = None,
    data: dict[str, Any] | None = None,
) -> Report:
    """Move a locked report to `to`, writing the audit event and the public timeline entry."""
    if not report.can_transition_to(to):
        raise TransitionNotAllowed(
            "report_transition_not_allowed",
            _("A report in status “%(from)s” cannot become “%(to)s”.")
            % {"from": report.get_status_display(), "to": Report.Status(to).label},
        )
    previous = report.status
    report.status = to
    report.full_clean(exclude=["access_pin_hash"])
    report.save(update_fields=["status", "rejection_reason", "information_request", "merged_into", "updated_at"])
    audit_record(
        actor=actor, action=action, target=report, from_status=previous, to_status=to, reason=reason, data=data
    )
    public_before, public_after = Report(status=previous).public_status, report.public_status
    if note or public_before != public_after:
        _timeline(report, public_after, note, params=note_params)
    return report


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)
