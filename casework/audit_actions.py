"""The audit actions of a case's lifecycle, its evidence and its letters: recorded on the case; and the team-decree
signatories of an agency, recorded on their own rows.

A letter's events carry the letter's statuses (`Letter.Status`); every other event on a case the case's.
"""

from django.utils.translation import pgettext_lazy

from casework.models import Case, Letter
from core.audit_registry import declare

_CASE = "casework.case"
_STATUS = Case.Status
_LETTER = Letter.Status

# --- registration and review ------------------------------------------------------------------------------------------
CASE_REGISTERED = declare(
    "case_registered", pgettext_lazy("audit action", "Case registered"), target=_CASE, statuses=_STATUS
)
CASE_REVIEW_STARTED = declare(
    "case_review_started", pgettext_lazy("audit action", "Review started"), target=_CASE, statuses=_STATUS
)
EXAMINATION_TEAM_FORMED = declare(
    "examination_team_formed", pgettext_lazy("audit action", "Examination team formed"), target=_CASE, statuses=_STATUS
)
CASE_PROBABLE_LEVEL_RAISED = declare(
    "case_probable_level_raised",
    pgettext_lazy("audit action", "Probable level raised"),
    target=_CASE,
    statuses=_STATUS,
)
CASE_ACCUSED_IDENTIFIED = declare(
    "case_accused_identified",
    pgettext_lazy("audit action", "Accused identified in the register"),
    target=_CASE,
    statuses=_STATUS,
)
CASE_ASSIGNED = declare(
    "case_assigned", pgettext_lazy("audit action", "Examiners assigned"), target=_CASE, statuses=_STATUS
)
CASE_HANDED_OVER = declare(
    "case_handed_over",
    pgettext_lazy("audit action", "Case handed over to a successor"),
    target=_CASE,
    statuses=_STATUS,
)
OFFICER_HANDOVER = declare(
    "officer_handover", pgettext_lazy("audit action", "Officer's cases handed over"), target="accounts.user"
)

# --- summons and examination ----------------------------------------------------------------------------------------
CASE_SUMMONED = declare(
    "case_summoned", pgettext_lazy("audit action", "Accused summoned"), target=_CASE, statuses=_STATUS
)
SUMMONS_ISSUED = declare(
    "summons_issued", pgettext_lazy("audit action", "Summons issued"), target=_CASE, statuses=_STATUS
)
SUMMONS_NOTICE_OVERRIDDEN = declare(
    "summons_notice_overridden",
    pgettext_lazy("audit action", "Summons notice rule (D6) overridden by a supervisor"),
    target=_CASE,
    statuses=_STATUS,
)
SUMMONS_DEADLINE_OVERRIDDEN = declare(
    "summons_deadline_overridden",
    pgettext_lazy("audit action", "Summons II deadline (D7) overridden by a supervisor"),
    target=_CASE,
    statuses=_STATUS,
)
SUMMONS_ATTENDED = declare(
    "summons_attended",
    pgettext_lazy("audit action", "Accused attended the examination"),
    target=_CASE,
    statuses=_STATUS,
)
SUMMONS_ABSENT = declare(
    "summons_absent",
    pgettext_lazy("audit action", "Accused absent from the examination"),
    target=_CASE,
    statuses=_STATUS,
)
SUMMONS_ABSENCE_NOT_COUNTED = declare(
    "summons_absence_not_counted",
    pgettext_lazy("audit action", "Absence not counted: the summons did not respect the notice rules"),
    target=_CASE,
    statuses=_STATUS,
)
CASE_ABSENT_TWICE = declare(
    "case_absent_twice",
    pgettext_lazy("audit action", "Accused absent twice: the case goes on on the evidence"),
    target=_CASE,
    statuses=_STATUS,
)
CASE_EXAMINED = declare(
    "case_examined", pgettext_lazy("audit action", "Examination recorded (BAP)"), target=_CASE, statuses=_STATUS
)
EXAMINATION_REPORT_SUBMITTED = declare(
    "examination_report_submitted",
    pgettext_lazy("audit action", "Examination report submitted (LHP)"),
    target=_CASE,
    statuses=_STATUS,
)

# --- the ends of a case ---------------------------------------------------------------------------------------------
CASE_FORWARDED_FOR_DECISION = declare(
    "case_forwarded_for_decision",
    pgettext_lazy("audit action", "Forwarded for decision"),
    target=_CASE,
    statuses=_STATUS,
)
CASE_CLOSED_NOT_PROVEN = declare(
    "case_closed_not_proven", pgettext_lazy("audit action", "Closed: not proven"), target=_CASE, statuses=_STATUS
)
CASE_DISMISSED = declare(
    "case_dismissed", pgettext_lazy("audit action", "Case dismissed"), target=_CASE, statuses=_STATUS
)
CASE_WITHDRAWN = declare(
    "case_withdrawn", pgettext_lazy("audit action", "Case withdrawn"), target=_CASE, statuses=_STATUS
)
CASE_MERGED = declare(
    "case_merged", pgettext_lazy("audit action", "Merged into another case"), target=_CASE, statuses=_STATUS
)
CASE_MERGE_RECEIVED = declare(
    "case_merge_received",
    pgettext_lazy("audit action", "Another case merged into this one"),
    target=_CASE,
    statuses=_STATUS,
)
CRIMINAL_REFERRAL_RECORDED = declare(
    "criminal_referral_recorded",
    pgettext_lazy("audit action", "Criminal referral recorded"),
    target=_CASE,
    statuses=_STATUS,
)
CASE_DECIDED = declare("case_decided", pgettext_lazy("audit action", "Case decided"), target=_CASE, statuses=_STATUS)
CASE_CLOSED = declare("case_closed", pgettext_lazy("audit action", "Case closed"), target=_CASE, statuses=_STATUS)

# --- evidence (chain of custody) --------------------------------------------------------------------------------------
CASE_EVIDENCE_ADDED = declare(
    "case_evidence_added", pgettext_lazy("audit action", "Evidence added"), target=_CASE, statuses=_STATUS
)
CASE_RECOMMENDATION_RECORDED = declare(
    "case_recommendation_recorded",
    pgettext_lazy("audit action", "Recommendation received (BKN or Bawaslu)"),
    target=_CASE,
    statuses=_STATUS,
)
CASE_EVIDENCE_RECEIVED = declare(
    "case_evidence_received",
    pgettext_lazy("audit action", "Evidence received from a report"),
    target=_CASE,
    statuses=_STATUS,
)
CASE_EVIDENCE_WITHDRAWN = declare(
    "case_evidence_withdrawn", pgettext_lazy("audit action", "Evidence withdrawn"), target=_CASE, statuses=_STATUS
)
CASE_EVIDENCE_DOWNLOADED = declare(
    "case_evidence_downloaded", pgettext_lazy("audit action", "Evidence downloaded"), target=_CASE, statuses=_STATUS
)

# --- letters ----------------------------------------------------------------------------------------------------------
LETTER_REQUESTED = declare(
    "letter_requested", pgettext_lazy("audit action", "Letter requested"), target=_CASE, statuses=_LETTER
)
LETTER_ISSUED = declare("letter_issued", pgettext_lazy("audit action", "Letter issued"), target=_CASE, statuses=_LETTER)
LETTER_FAILED = declare(
    "letter_failed", pgettext_lazy("audit action", "Letter rendering failed"), target=_CASE, statuses=_LETTER
)
LETTER_RETRIED = declare(
    "letter_retried", pgettext_lazy("audit action", "Letter rendering retried"), target=_CASE, statuses=_LETTER
)
LETTER_RELAYED = declare(
    "letter_relayed", pgettext_lazy("audit action", "Letter sent to rendering again"), target=_CASE, statuses=_LETTER
)
LETTER_REQUEUED = declare(
    "letter_requeued",
    pgettext_lazy("audit action", "Letter put back in the queue (its rendering was abandoned)"),
    target=_CASE,
    statuses=_LETTER,
)
LETTER_SUPERSEDED = declare(
    "letter_superseded", pgettext_lazy("audit action", "Letter superseded"), target=_CASE, statuses=_LETTER
)
# Downloads keep the case's status on both sides.
LETTER_DOWNLOADED = declare(
    "letter_downloaded", pgettext_lazy("audit action", "Letter downloaded"), target=_CASE, statuses=_STATUS
)

# --- who signs the decrees forming examination teams (administrators) -------------------------------------------------
TEAM_DECREE_SIGNATORY_RECORDED = declare(
    "team_decree_signatory_recorded",
    pgettext_lazy("audit action", "Team-decree signatory recorded"),
    target="casework.teamdecreesignatory",
)
TEAM_DECREE_SIGNATORY_CHANGED = declare(
    "team_decree_signatory_changed",
    pgettext_lazy("audit action", "Team-decree signatory changed"),
    target="casework.teamdecreesignatory",
)
