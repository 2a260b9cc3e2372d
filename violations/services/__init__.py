"""The only write path for reports: intake from every channel, Bawaslu forwardings, triage transitions, the
outcome the sanctions side records, and the audited reads of confidential data.

Every status change goes through the kernel (REPORT_LIFECYCLE, via report_transitions.report_transition): the
report is locked, REPORT_TRANSITIONS checked, an audit event and a public timeline entry written in the same
transaction, and notifications scheduled on commit.
"""

from violations.services.accused import report_identify_accused
from violations.services.audited_reads import report_evidence_download_record, report_identity_view
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
from violations.services.outcomes import report_close, report_outcome_set, report_record_outcome
from violations.services.public_timeline import (
    NOTE_CLOSED,
    NOTE_DECIDED,
    NOTE_IN_PROCESS,
    NOTE_IN_REVIEW,
    NOTE_INFORMATION_ADDED,
    NOTE_INFORMATION_REQUESTED,
    NOTE_MERGED,
    NOTE_OUTCOME,
    NOTE_RECEIVED,
    NOTE_REJECTED,
)
from violations.services.recommendations import (
    BknAccount,
    RecommendationInput,
    RecommendationResult,
    bkn_account_create,
    recommendation_fingerprint,
    recommendation_submit,
)
from violations.services.triage import (
    report_mark_decided,
    report_mark_duplicate,
    report_mark_in_process,
    report_reject,
    report_request_information,
    report_start_review,
)

__all__ = [
    "FORWARDING_FIELDS",
    "NOTE_CLOSED",
    "NOTE_DECIDED",
    "NOTE_INFORMATION_ADDED",
    "NOTE_INFORMATION_REQUESTED",
    "NOTE_IN_PROCESS",
    "NOTE_IN_REVIEW",
    "NOTE_MERGED",
    "NOTE_OUTCOME",
    "NOTE_RECEIVED",
    "NOTE_REJECTED",
    "BknAccount",
    "CapturedEvidence",
    "ForwardingResult",
    "OfficeAccount",
    "RecommendationInput",
    "RecommendationResult",
    "ReportInput",
    "ReporterInput",
    "SubmittedReport",
    "bawaslu_office_create",
    "bawaslu_office_rotate_token",
    "bkn_account_create",
    "default_agency",
    "forwarding_fingerprint",
    "forwarding_payload",
    "forwarding_report_input",
    "forwarding_submit",
    "normalize_url",
    "recommendation_fingerprint",
    "recommendation_submit",
    "report_add_information",
    "report_close",
    "report_evidence_download_record",
    "report_identify_accused",
    "report_identity_view",
    "report_mark_decided",
    "report_mark_duplicate",
    "report_mark_in_process",
    "report_outcome_set",
    "report_record_outcome",
    "report_reject",
    "report_request_information",
    "report_start_review",
    "report_submit",
]
