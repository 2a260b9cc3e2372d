"""The remedy a decision opens: its kind (objection or appeal, from the sanction's catalogue row), the rule of its
filing window (D11 or D13, the remedy rule's data) counted from the recorded receipt, and how an objection's events
are recorded (as changes of its decision)."""

import datetime
from typing import Any

from accounts.actors import Actor
from core.audit_registry import AuditAction
from core.calendar import deadline_for
from sanctions.competent_official import remedy_rule_for
from sanctions.models import DECISION_LIFECYCLE, Decision, Objection, SanctionType


def objection_kind(decision: Decision) -> str:
    """An appeal (banding) where the sanction's catalogue row says so (a dismissal, PTDH, a PPPK's termination)."""
    sanction = decision.sanction_type
    return (
        Objection.Kind.APPEAL
        if sanction is not None and sanction.remedy == SanctionType.Remedy.APPEAL
        else Objection.Kind.OBJECTION
    )


def window_rule(decision: Decision, *, on: datetime.date | None = None) -> str:
    """The deadline rule of the filing window (D11 objection, D13 appeal) the remedy rule in force names."""
    return remedy_rule_for(decision, on=on).window_rule


def objection_window_ends(decision: Decision) -> datetime.date | None:
    """The last day an objection (or appeal) against a delivered decision may be filed (None before its receipt)."""
    if decision.received_on is None:
        return None
    return deadline_for(window_rule(decision), decision.received_on)


def record_on_decision(
    decision: Decision, *, actor: Actor, action: AuditAction, data: dict[str, Any], reason: str = ""
) -> None:
    """An objection's event: a change of its decision (the version goes up), recorded on the decision's case."""
    DECISION_LIFECYCLE.save(decision)
    DECISION_LIFECYCLE.record(decision, actor=actor, action=action, reason=reason, data=data)


def filing_data(objection: Objection) -> dict[str, Any]:
    """What every event about an objection's filing carries."""
    return {
        "objection": objection.pk,
        "kind": objection.kind,
        "filed_on": objection.filed_on.isoformat(),
        "window_ends_on": objection.window_ends_on.isoformat(),
        "late": objection.filed_late,
        "decider": objection.decider_title,
    }
