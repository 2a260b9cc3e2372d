"""The only write path for cases (one module per part of the lifecycle; everything is importable from here).

Letters have their own services in casework.letters (letter_request, letter_retry, letter_download_record, ...).
"""

from casework.services.accused import case_identify_accused
from casework.services.assignment import case_assign, officer_handover
from casework.services.attendance import summons_record_absence, summons_record_attendance
from casework.services.evidence import (
    case_evidence_add_capture,
    case_evidence_add_files,
    case_evidence_add_statement,
    case_evidence_download_record,
    case_evidence_withdraw,
)
from casework.services.examination import examination_record
from casework.services.examination_report import examination_report_submit
from casework.services.outcome import (
    case_close,
    case_close_not_proven,
    case_dismiss,
    case_forward_for_decision,
    case_mark_decided,
    case_merge,
    case_withdraw,
)
from casework.services.recommendations import case_recommendation_record
from casework.services.referral import criminal_referral_record
from casework.services.registration import case_register
from casework.services.review import case_raise_probable_level, case_start_review
from casework.services.summons import summons_issue
from casework.services.team import ExternalDecree, TeamMemberInput, examination_team_form
from casework.services.team_decree_signatories import team_decree_signatory_check, team_decree_signatory_save

__all__ = [
    "ExternalDecree",
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
    "case_identify_accused",
    "case_mark_decided",
    "case_merge",
    "case_raise_probable_level",
    "case_recommendation_record",
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
    "team_decree_signatory_check",
    "team_decree_signatory_save",
]
