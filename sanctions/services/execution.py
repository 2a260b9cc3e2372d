"""A delivered decision takes effect, and its sanction is carried out.

- Effective (rule D10): the 15th working day after receipt, unless an objection is pending. `decision_take_effect`
  sets `effective_on` to that date (never the day the daily task happens to run); it is idempotent.
- Execution: a sanction with a duration (S1–S3, B1, B2) is `serving` from `effective_on` until
  `add_months(effective_on, months)` (rule D15, docs/scenarios.md scenario 1: effective 2024-12-17 → served until
  2025-12-17); the daily task completes it once that end date has come (`executions_complete_due`). A reprimand
  (R1–R3), a moral statement (M1, M2) and a dismissal (B3, PTDH) are `not_started` until the responsible unit records
  the matching ExecutionRecord (reprimand delivered, moral statement read out, dismissal carried out) → `completed`.
  A dismissal decision (not proven) has nothing to execute.
- Every decision taking effect publishes the outcome (sanctions.services.outcome); every decision becoming final may
  close the case.

The execution status follows EXECUTION_TRANSITIONS (`set_execution_status`); each change is saved and audited through
DECISION_LIFECYCLE with the decision's own status, the execution's from and to in the event's data.
"""

import datetime
import logging

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import Unit
from core import clock
from core.audit_registry import AuditAction
from core.calendar import deadline_for
from core.deadline_catalogue import DeadlineCode
from core.errors import ConflictError, DomainError
from sanctions.audit_actions import DECISION_EFFECTIVE, DECISION_EXECUTED, DECISION_SANCTION_ENDED, EXECUTION_RECORDED
from sanctions.models import DECISION_LIFECYCLE, EXECUTION_LIFECYCLE, Decision, ExecutionRecord, Objection
from sanctions.services.outcome import case_close_if_final, decision_outcome_publish
from sanctions.services.preconditions import long_date, require_after_decision_permission, require_not_in_future

logger = logging.getLogger(__name__)

_S = Decision.Status
_E = Decision.Execution
_A = ExecutionRecord.Action

# The record that completes a sanction without a duration, by the sanction's kind.
COMPLETING_ACTION_LIGHT = _A.REPRIMAND_DELIVERED
COMPLETING_ACTION_MORAL = _A.MORAL_STATEMENT_READ
COMPLETING_ACTION_PERMANENT = _A.DISMISSED


def effective_date(decision: Decision) -> datetime.date | None:
    """When a delivered decision takes effect unless objected: a disciplinary sanction by rule D10 from the date of
    receipt; a dismissal (not proven) or a sanksi moral on the date it was set (the letter says "berlaku pada tanggal
    ditetapkan": D10 is a rule of PP 94/2021 on disciplinary sanctions)."""
    if decision.received_on is None:
        return None
    if decision.outcome == Decision.Outcome.DISMISSAL or decision.track == Decision.Track.ETHICS:
        return decision.decision_date or decision.received_on
    return deadline_for(DeadlineCode.EFFECTIVE, decision.received_on)


def completing_action(decision: Decision) -> str | None:
    """The ExecutionRecord action that completes the decision's sanction; None when the end date completes it."""
    sanction = decision.sanction_type
    if decision.outcome != Decision.Outcome.SANCTION or sanction is None:
        return None
    if sanction.is_permanent:
        return COMPLETING_ACTION_PERMANENT
    if sanction.duration_months:
        return None
    if decision.track == Decision.Track.ETHICS:
        return COMPLETING_ACTION_MORAL
    return COMPLETING_ACTION_LIGHT


def set_execution_status(decision: Decision, to: str) -> None:
    """Move the (locked) decision's execution to `to`, checked against EXECUTION_TRANSITIONS; the caller saves it
    through DECISION_LIFECYCLE with the change it is part of (staying where it is is no change)."""
    if decision.execution_status != to:
        EXECUTION_LIFECYCLE.check_transition(decision, to)
        decision.execution_status = to


def start_execution(decision: Decision, effective_on: datetime.date) -> tuple[str, ...]:
    """Set the execution fields of a decision taking effect on `effective_on`; returns the fields changed."""
    decision.effective_on = effective_on
    sanction = decision.sanction_type
    if decision.outcome == Decision.Outcome.DISMISSAL or sanction is None:
        set_execution_status(decision, _E.NOT_APPLICABLE)
        decision.sanction_starts_on = None
        decision.sanction_ends_on = None
    elif sanction.duration_months:
        set_execution_status(decision, _E.SERVING)
        decision.sanction_starts_on = effective_on
        decision.sanction_ends_on = deadline_for(
            DeadlineCode.SANCTION_END, effective_on, count=sanction.duration_months
        )
    else:
        set_execution_status(decision, _E.NOT_STARTED)
        decision.sanction_starts_on = effective_on
        decision.sanction_ends_on = None
    return ("effective_on", "execution_status", "sanction_starts_on", "sanction_ends_on")


def after_effective(decision: Decision, *, actor: Actor | None) -> None:
    """What follows a decision taking effect, in the same transaction: the outcome back, maybe the case's close."""
    decision_outcome_publish(decision=decision)
    if decision.execution_status == _E.NOT_APPLICABLE:
        case_close_if_final(case=decision.case, actor=actor)


@transaction.atomic
def decision_take_effect(*, decision: Decision, today: datetime.date, actor: Actor | None = None) -> Decision:
    """Make a delivered decision effective on its D10 date (which must have come by `today`). Idempotent.

    Refused while an objection is pending (the decision is then `objected`, decided by objection_decide).
    """
    decision = DECISION_LIFECYCLE.lock(decision)
    if decision.status == _S.EFFECTIVE:
        return decision
    if decision.status == _S.OBJECTED or decision.objections.filter(status=Objection.Status.PENDING).exists():
        raise ConflictError(
            "objection_pending", _("An objection against the decision is pending; it takes effect once decided.")
        )
    if decision.status != _S.DELIVERED or decision.received_on is None:
        raise ConflictError("decision_not_delivered", _("Only a delivered decision can take effect."), field="decision")
    effective_on = effective_date(decision)
    assert effective_on is not None
    if effective_on > today:
        raise ConflictError(
            "decision_not_yet_effective",
            _("The decision takes effect on %(date)s.") % {"date": long_date(effective_on)},
        )
    fields = start_execution(decision, effective_on)
    DECISION_LIFECYCLE.transition(
        decision,
        to=_S.EFFECTIVE,
        actor=actor,
        action=DECISION_EFFECTIVE,
        data={
            "rule": DeadlineCode.EFFECTIVE,
            "received_on": decision.received_on.isoformat(),
            "effective_on": effective_on.isoformat(),
            "execution": decision.execution_status,
            "sanction_ends_on": decision.sanction_ends_on.isoformat() if decision.sanction_ends_on else None,
        },
        fields=fields,
    )
    after_effective(decision, actor=actor)
    return decision


def decisions_take_effect_due(*, today: datetime.date | None = None) -> list[int]:
    """The daily run: every delivered decision whose D10 date has come and no objection is pending takes effect.

    Each decision in its own transaction (one that fails is logged and left for the next run). Safe to run twice.
    Returns the ids made effective by this run.
    """
    today = today or clock.today()
    done = []
    candidates = Decision.objects.filter(status=_S.DELIVERED, received_on__isnull=False).exclude(
        objections__status=Objection.Status.PENDING
    )
    for decision in candidates.order_by("received_on", "id"):
        due = effective_date(decision)
        if due is None or due > today:
            continue
        try:
            decision_take_effect(decision=decision, today=today)
        except Exception:  # one bad decision must not stop the daily run for the others
            logger.exception("Decision %s could not take effect", decision.pk)
            continue
        done.append(decision.pk)
    return done


@transaction.atomic
def decision_complete_execution(
    *,
    decision: Decision,
    completed_on: datetime.date,
    actor: Actor | None = None,
    action: AuditAction = DECISION_EXECUTED,
) -> Decision:
    """Mark an effective decision's execution completed on `completed_on` (idempotent) and maybe close the case.

    The event keeps the decision's status (in effect); the execution's from and to are in its data."""
    decision = DECISION_LIFECYCLE.lock(decision)
    if decision.execution_status == _E.COMPLETED:
        return decision
    if decision.status != _S.EFFECTIVE or decision.execution_status not in (_E.SERVING, _E.NOT_STARTED):
        raise ConflictError(
            "execution_not_running", _("Only the sanction of a decision in effect can be completed."), field="decision"
        )
    previous = decision.execution_status
    set_execution_status(decision, _E.COMPLETED)
    decision.completed_on = completed_on
    DECISION_LIFECYCLE.record(
        decision,
        actor=actor,
        action=action,
        fields=("execution_status", "completed_on"),
        data={"from": previous, "to": _E.COMPLETED, "completed_on": completed_on.isoformat()},
    )
    case_close_if_final(case=decision.case, actor=actor)
    return decision


def executions_complete_due(*, today: datetime.date | None = None) -> list[int]:
    """The daily run: serving sanctions whose end date (D15) has come are completed on that date. Safe to rerun."""
    today = today or clock.today()
    done = []
    due = Decision.objects.filter(
        status=_S.EFFECTIVE, execution_status=_E.SERVING, sanction_ends_on__isnull=False, sanction_ends_on__lte=today
    )
    for decision in due.order_by("sanction_ends_on", "id"):
        assert decision.sanction_ends_on is not None
        try:
            decision_complete_execution(
                decision=decision, completed_on=decision.sanction_ends_on, action=DECISION_SANCTION_ENDED
            )
        except Exception:  # one bad decision must not stop the daily run for the others
            logger.exception("The execution of decision %s could not be completed", decision.pk)
            continue
        done.append(decision.pk)
    return done


def _check_record(decision: Decision, *, action: str, carried_out_on: datetime.date, unit: Unit | None) -> None:
    if action not in _A.values:
        raise DomainError("execution_action_invalid", _("Choose what was carried out."), field="action")
    if decision.status != _S.EFFECTIVE or decision.execution_status == _E.NOT_APPLICABLE:
        raise ConflictError(
            "decision_not_in_effect",
            _("Execution is recorded for a decision in effect that imposes a sanction."),
            field="decision",
        )
    require_not_in_future(carried_out_on, "carried_out_on")
    if decision.effective_on and carried_out_on < decision.effective_on:
        raise DomainError(
            "execution_before_effective",
            _("The sanction takes effect on %(date)s; it cannot be carried out before.")
            % {"date": long_date(decision.effective_on)},
            field="carried_out_on",
        )
    if unit is not None and unit.agency_id != decision.case.agency_id:
        raise DomainError("unit_invalid", _("Choose a unit of the agency."), field="unit")


@transaction.atomic
def execution_record_add(
    *,
    decision: Decision,
    actor: Actor,
    action: str,
    carried_out_on: datetime.date,
    unit: Unit | None = None,
    document_number: str = "",
    note: str = "",
    expected_version: int | None = None,
) -> ExecutionRecord:
    """Record that the responsible unit carried out (part of) the sanction; the matching record completes a
    reprimand, a moral statement or a dismissal (see the module docstring). Audited on the decision's case.

    Adding a record counts as a change of the decision (its version goes up), so a form sent twice, or from a page
    loaded before someone else's record, is refused instead of recording the same act twice."""
    decision = DECISION_LIFECYCLE.lock(decision)
    require_after_decision_permission(actor, decision)
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    _check_record(decision, action=action, carried_out_on=carried_out_on, unit=unit)
    record = ExecutionRecord(
        decision=decision,
        action=action,
        carried_out_on=carried_out_on,
        unit=unit,
        document_number=document_number.strip(),
        note=note.strip(),
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    record.full_clean(exclude=["decision", "unit", "recorded_by"])
    record.save(force_insert=True)
    DECISION_LIFECYCLE.save(decision)
    DECISION_LIFECYCLE.record(
        decision,
        actor=actor,
        action=EXECUTION_RECORDED,
        data={"record": record.pk, "action": action, "carried_out_on": carried_out_on.isoformat()},
    )
    if action == completing_action(decision) and decision.execution_status == _E.NOT_STARTED:
        decision_complete_execution(decision=decision, completed_on=carried_out_on, actor=actor)
    return record
