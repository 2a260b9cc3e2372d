"""The only write path for decisions and what follows them, one module per part (everything importable from here).

- drafting: draft, edit, submit for review, review, cancel;
- signing: the competent official signs, returns, or declares a conflict;
- corrections (through versions: the one way a new version of a decision is made), conflicts of interest and the
  staffing authorities;
- after the decision: delivery (and the receipt of a sent one), objections (a changed outcome is a new version too)
  and appeals (the PPK's response, the BPASN's ruling), execution, the outcome back;
- the prior sanctions entered from a civil servant's record (counted by the repeat rule).

Every change goes through the lifecycles declared beside the models (sanctions.models, core.lifecycle).
"""

from sanctions.services.appeals import Ruling, appeal_respond, appeal_ruling_download_record, appeal_ruling_record
from sanctions.services.conflicts import conflict_of_interest_record
from sanctions.services.corrections import decision_correct
from sanctions.services.delivery import (
    decision_record_absence_and_sending,
    decision_record_delivery,
    decision_record_receipt,
    delivery_due,
)
from sanctions.services.drafting import (
    decision_cancel_draft,
    decision_draft,
    decision_review,
    decision_submit_for_review,
    decision_update_draft,
)
from sanctions.services.execution import (
    decision_complete_execution,
    decision_take_effect,
    decisions_take_effect_due,
    effective_date,
    execution_record_add,
    executions_complete_due,
)
from sanctions.services.objections import objection_decide, objection_file, objection_window_ends
from sanctions.services.outcome import case_close_if_final, decision_outcome_publish
from sanctions.services.prior_sanctions import prior_sanction_record, prior_sanction_withdraw
from sanctions.services.signing import decision_declare_conflict, decision_return_by_official, decision_sign
from sanctions.services.staffing_authority import staffing_authority_appoint

__all__ = [
    "Ruling",
    "appeal_respond",
    "appeal_ruling_download_record",
    "appeal_ruling_record",
    "case_close_if_final",
    "conflict_of_interest_record",
    "decision_cancel_draft",
    "decision_complete_execution",
    "decision_correct",
    "decision_declare_conflict",
    "decision_draft",
    "decision_outcome_publish",
    "decision_record_absence_and_sending",
    "decision_record_delivery",
    "decision_record_receipt",
    "decision_return_by_official",
    "decision_review",
    "decision_sign",
    "decision_submit_for_review",
    "decision_take_effect",
    "decision_update_draft",
    "decisions_take_effect_due",
    "delivery_due",
    "effective_date",
    "execution_record_add",
    "executions_complete_due",
    "objection_decide",
    "objection_file",
    "objection_window_ends",
    "prior_sanction_record",
    "prior_sanction_withdraw",
    "staffing_authority_appoint",
]
