"""The only write path for reports: intake from every channel, Bawaslu forwardings, triage transitions.

Every status change locks the report, checks REPORT_TRANSITIONS, writes an audit event and a public
timeline entry in the same transaction, and schedules notifications on commit.
"""

from violations.services.common import (
    NOTE_IN_PROCESS,
    NOTE_IN_REVIEW,
    NOTE_INFORMATION_ADDED,
    NOTE_INFORMATION_REQUESTED,
    NOTE_MERGED,
    NOTE_RECEIVED,
    NOTE_REJECTED,
)
from violations.services.forwardings import (
    FORWARDING_FIELDS,
    ForwardingResult,
    OfficeAccount,
    bawaslu_office_create,
    bawaslu_office_rotate_token,
    forwarding_fingerprint,
    forwarding_payload,
    forwarding_report_input,
    forwarding_submit,
)
from violations.services.intake import (
    CapturedEvidence,
    ReporterInput,
    ReportInput,
    SubmittedReport,
    default_agency,
    normalize_url,
    report_add_information,
    report_submit,
)
from violations.services.triage import (
    report_mark_duplicate,
    report_mark_in_process,
    report_record_outcome,
    report_reject,
    report_request_information,
    report_start_review,
)

__all__ = [
    "FORWARDING_FIELDS",
    "NOTE_INFORMATION_ADDED",
    "NOTE_INFORMATION_REQUESTED",
    "NOTE_IN_PROCESS",
    "NOTE_IN_REVIEW",
    "NOTE_MERGED",
    "NOTE_RECEIVED",
    "NOTE_REJECTED",
    "CapturedEvidence",
    "ForwardingResult",
    "OfficeAccount",
    "ReportInput",
    "ReporterInput",
    "SubmittedReport",
    "bawaslu_office_create",
    "bawaslu_office_rotate_token",
    "default_agency",
    "forwarding_fingerprint",
    "forwarding_payload",
    "forwarding_report_input",
    "forwarding_submit",
    "normalize_url",
    "report_add_information",
    "report_mark_duplicate",
    "report_mark_in_process",
    "report_record_outcome",
    "report_reject",
    "report_request_information",
    "report_start_review",
    "report_submit",
]
