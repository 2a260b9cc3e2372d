"""The only write path for cases (one module per part of the lifecycle; everything is importable from here).

Letters have their own services in casework.letters (letter_request, letter_retry, letter_download_record, ...).
"""

from casework.services.assignment import case_assign, officer_handover
from casework.services.evidence import (
    case_evidence_add_capture,
    case_evidence_add_files,
    case_evidence_add_statement,
    case_evidence_download_record,
    case_evidence_withdraw,
)
from casework.services.examination import examination_record, examination_report_submit
from casework.services.outcome import (
    case_close,
    case_close_not_proven,
    case_dismiss,
    case_forward_for_decision,
    case_mark_decided,
    case_merge,
    case_withdraw,
)
from casework.services.referral import criminal_referral_record
from casework.services.registration import case_register
from casework.services.review import TeamMemberInput, case_start_review, examination_team_form
from casework.services.summons import summons_issue, summons_record_absence, summons_record_attendance

__all__ = [
    "TeamMemberInput",
    "case_assign",
    "case_close",
    "case_close_not_proven",
    "case_dismiss",
    "case_evidence_add_capture",
    "case_evidence_add_files",
    "case_evidence_add_statement",
    "case_evidence_download_record",
    "case_evidence_withdraw",
    "case_forward_for_decision",
    "case_mark_decided",
    "case_merge",
    "case_register",
    "case_start_review",
    "case_withdraw",
    "criminal_referral_record",
    "examination_record",
    "examination_report_submit",
    "examination_team_form",
    "officer_handover",
    "summons_issue",
    "summons_record_absence",
    "summons_record_attendance",
]
