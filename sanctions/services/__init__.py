"""The only write path for decisions and what follows them (one module per part; everything importable from here).

Append-only: each helper adds its own services below.
"""

from sanctions.services.decisions import (
    conflict_of_interest_record,
    decision_cancel_draft,
    decision_correct,
    decision_declare_conflict,
    decision_draft,
    decision_return_by_official,
    decision_review,
    decision_sign,
    decision_submit_for_review,
    decision_update_draft,
)

__all__ = [
    "conflict_of_interest_record",
    "decision_cancel_draft",
    "decision_correct",
    "decision_declare_conflict",
    "decision_draft",
    "decision_return_by_official",
    "decision_review",
    "decision_sign",
    "decision_submit_for_review",
    "decision_update_draft",
]

# H2: after the decision (delivery, objections, execution, the outcome back).
from sanctions.services.delivery import (
    decision_record_absence_and_sending,
    decision_record_delivery,
    delivery_due,
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

__all__ += [
    "case_close_if_final",
    "decision_complete_execution",
    "decision_outcome_publish",
    "decision_record_absence_and_sending",
    "decision_record_delivery",
    "decision_take_effect",
    "decisions_take_effect_due",
    "delivery_due",
    "effective_date",
    "execution_record_add",
    "executions_complete_due",
    "objection_decide",
    "objection_file",
    "objection_window_ends",
]
