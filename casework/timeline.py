"""What the case timeline calls each audit action: a translated label per action code.

The codes are written by the services of every app (casework, violations, sanctions); an action without a label
here is shown by its code, so a new action is never hidden, only untranslated.
"""

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

_L = pgettext_lazy
_C = "audit action"

ACTION_LABELS: dict[str, Promise] = {
    # Intake and registration
    "report_received": _L(_C, "Report received"),
    "report_review_started": _L(_C, "Report review started"),
    "report_information_requested": _L(_C, "Information requested from the reporter"),
    "report_information_received": _L(_C, "Information received from the reporter"),
    "report_information_added": _L(_C, "Reporter added information"),
    "report_rejected": _L(_C, "Report rejected"),
    "report_merged": _L(_C, "Report marked as a duplicate"),
    "report_case_registered": _L(_C, "Case registered from the report"),
    "report_decided": _L(_C, "Report decided"),
    "report_closed": _L(_C, "Report closed"),
    "reporter_identity_viewed": _L(_C, "Reporter's identity viewed"),
    "evidence_downloaded": _L(_C, "Report evidence downloaded"),
    "case_registered": _L(_C, "Case registered"),
    # Lifecycle
    "case_review_started": _L(_C, "Review started"),
    "examination_team_formed": _L(_C, "Examination team formed"),
    "case_assigned": _L(_C, "Examiners assigned"),
    "case_handed_over": _L(_C, "Case handed over to a successor"),
    "officer_handover": _L(_C, "Officer's cases handed over"),
    "case_summoned": _L(_C, "Accused summoned"),
    "summons_issued": _L(_C, "Summons issued"),
    "summons_notice_overridden": _L(_C, "Summons notice rule (D6) overridden by a supervisor"),
    "summons_deadline_overridden": _L(_C, "Summons II deadline (D7) overridden by a supervisor"),
    "summons_attended": _L(_C, "Accused attended the examination"),
    "summons_absent": _L(_C, "Accused absent from the examination"),
    "case_absent_twice": _L(_C, "Accused absent twice: the case goes on on the evidence"),
    "case_examined": _L(_C, "Examination recorded (BAP)"),
    "examination_report_submitted": _L(_C, "Examination report submitted (LHP)"),
    "case_forwarded_for_decision": _L(_C, "Forwarded for decision"),
    "case_closed_not_proven": _L(_C, "Closed: not proven"),
    "case_dismissed": _L(_C, "Case dismissed"),
    "case_withdrawn": _L(_C, "Case withdrawn"),
    "case_merged": _L(_C, "Merged into another case"),
    "case_merge_received": _L(_C, "Another case merged into this one"),
    "criminal_referral_recorded": _L(_C, "Criminal referral recorded"),
    "case_decided": _L(_C, "Case decided"),
    "case_closed": _L(_C, "Case closed"),
    # Evidence (chain of custody)
    "case_evidence_added": _L(_C, "Evidence added"),
    "case_evidence_withdrawn": _L(_C, "Evidence withdrawn"),
    "case_evidence_downloaded": _L(_C, "Evidence downloaded"),
    # Letters
    "letter_requested": _L(_C, "Letter requested"),
    "letter_issued": _L(_C, "Letter issued"),
    "letter_failed": _L(_C, "Letter rendering failed"),
    "letter_retried": _L(_C, "Letter rendering retried"),
    "letter_superseded": _L(_C, "Letter superseded"),
    "letter_downloaded": _L(_C, "Letter downloaded"),
    "letter_relayed": _L(_C, "Letter relayed"),
    # Decisions (sanctions)
    "decision_drafted": _L(_C, "Decision drafted"),
    "decision_draft_updated": _L(_C, "Decision draft updated"),
    "decision_submitted": _L(_C, "Decision submitted to the sanctioning official"),
    "decision_approved": _L(_C, "Decision approved"),
    "decision_returned": _L(_C, "Decision returned"),
    "decision_returned_by_official": _L(_C, "Decision returned by the sanctioning official"),
    "decision_signed": _L(_C, "Decision signed"),
    "decision_corrected": _L(_C, "Decision corrected"),
    "decision_official_recused": _L(_C, "Sanctioning official recused"),
    "decision_rerouted": _L(_C, "Decision rerouted to another official"),
    "decision_sent": _L(_C, "Decision sent"),
    "decision_delivered": _L(_C, "Decision delivered"),
    "decision_effective": _L(_C, "Decision took effect"),
    "decision_cancelled": _L(_C, "Decision cancelled"),
    "decision_superseded": _L(_C, "Decision superseded"),
    "decision_sanction_ended": _L(_C, "Sanction period ended"),
    "conflict_of_interest_recorded": _L(_C, "Conflict of interest recorded"),
    "objection_filed": _L(_C, "Objection filed"),
    "objection_decided": _L(_C, "Objection decided"),
    "execution_recorded": _L(_C, "Execution of the sanction recorded"),
}


def action_label(action: str) -> str:
    """The action's label in the active language, or the code itself when it has none."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
