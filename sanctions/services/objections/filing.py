"""Recording an objection or appeal received against a delivered decision (sanctions.services.objections).

The window (D11 objection, D13 appeal: 14 working days, docs/scenarios.md scenario 3: received 2026-07-06 → the
window ends 2026-07-24) is counted from the recorded receipt; who decides and what a late filing gets are the remedy
rule's data. A late objection is recorded `inadmissible` with the statement (letter `objection_inadmissible`) and the
decision is unaffected; a late appeal is recorded pending with a warning (`filed_late`): the BPASN rules on it.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.letters import letter_request
from core.calendar import deadline_for
from core.errors import ConflictError, DomainError
from sanctions.audit_actions import DECISION_APPEALED, DECISION_OBJECTED, OBJECTION_INADMISSIBLE
from sanctions.competent_official import ObjectionRouting, remedy_rule_for, route_objection
from sanctions.letter_contents.objection import objection_inadmissible_context
from sanctions.models import DECISION_LIFECYCLE, OBJECTION_LIFECYCLE, Decision, Objection, RemedyRule
from sanctions.services.notices import notify_objection_to_decide
from sanctions.services.objections.remedy import filing_data, objection_kind, record_on_decision
from sanctions.services.preconditions import require_after_decision_permission, require_not_in_future, required_text

_S = Decision.Status
_O = Objection.Status


def _check_open_to_objection(decision: Decision, filed_on: datetime.date) -> datetime.date:
    """The decision's date of receipt, when an objection against it may be recorded as filed on `filed_on`."""
    if decision.outcome != Decision.Outcome.SANCTION:
        raise DomainError(
            "objection_nothing_imposed", _("A dismissal decision imposes no sanction to object to."), field="decision"
        )
    if decision.received_on is None or decision.status not in (_S.DELIVERED, _S.OBJECTED, _S.EFFECTIVE):
        raise ConflictError(
            "decision_not_delivered",
            _("Record the delivery of the decision first: the window is counted from its receipt."),
            field="decision",
        )
    if decision.objections.filter(status=_O.PENDING).exists():
        raise ConflictError("objection_pending", _("An objection against this decision is already pending."))
    require_not_in_future(filed_on, "filed_on")
    if decision.decision_date and filed_on < decision.decision_date:
        raise DomainError(
            "objection_before_decision", _("An objection cannot be filed before the decision's date."), field="filed_on"
        )
    return decision.received_on


def _routing(decision: Decision, filed_on: datetime.date) -> ObjectionRouting:
    """Who decides it under the remedy rule in force when filed (no rule: refused, nothing written). A filing is
    recorded even when nobody may decide it today (no staffing authority left): it is routed again when decided."""
    rule = remedy_rule_for(decision, on=filed_on)
    try:
        return route_objection(decision, rule=rule, on=filed_on)
    except DomainError:
        return ObjectionRouting(None, "", rule)


def _record_inadmissible(objection: Objection, *, actor: Actor, routing: ObjectionRouting) -> Objection:
    """An objection filed after its window: recorded inadmissible with its statement; the decision is unaffected."""
    decision = objection.decision
    objection.status = _O.INADMISSIBLE
    objection.save(force_insert=True)
    rule = routing.rule.window_rule
    objection.letter = letter_request(
        case=decision.case,
        kind="objection_inadmissible",
        actor=actor,
        context=objection_inadmissible_context(objection, routing=routing),
    )
    OBJECTION_LIFECYCLE.save(objection, "letter")
    record_on_decision(
        decision,
        actor=actor,
        action=OBJECTION_INADMISSIBLE,
        data={**filing_data(objection), "rule": rule, "letter": objection.letter.number},
    )
    return objection


def _due_data(objection: Objection) -> dict[str, str | None]:
    due = objection.due_on
    return {"rule": objection.due_rule, "due_on": due.isoformat() if due else None}


def _record_objection(objection: Objection, *, actor: Actor) -> Objection:
    """An objection in time: pending until decided by its D12 date; the decision waits for it (objected)."""
    decision = objection.decision
    if decision.status != _S.DELIVERED:
        raise ConflictError(
            "decision_not_open_to_objection",
            _("The decision is “%(status)s”: an objection filed in time must be recorded before it takes effect.")
            % {"status": decision.get_status_display()},
        )
    objection.save(force_insert=True)
    data = {**filing_data(objection), **_due_data(objection)}
    DECISION_LIFECYCLE.transition(decision, to=_S.OBJECTED, actor=actor, action=DECISION_OBJECTED, data=data)
    return objection


def _record_appeal(objection: Objection, *, actor: Actor) -> Objection:
    """An appeal, in time or late: pending until the BPASN's ruling is recorded. A delivered dismissal waits for it;
    one already in effect stays so (the ruling may still annul or change it)."""
    decision = objection.decision
    objection.save(force_insert=True)
    data = {**filing_data(objection), **_due_data(objection), "decision_in_effect": decision.status == _S.EFFECTIVE}
    if decision.status == _S.DELIVERED:
        DECISION_LIFECYCLE.transition(decision, to=_S.OBJECTED, actor=actor, action=DECISION_APPEALED, data=data)
    else:
        record_on_decision(decision, actor=actor, action=DECISION_APPEALED, data=data)
    return objection


@transaction.atomic
def objection_file(
    *,
    decision: Decision,
    actor: Actor,
    filed_on: datetime.date,
    filed_by_name: str,
    grounds: str,
    expected_version: int | None = None,
) -> Objection:
    """Record an objection received by its official, or an appeal filed with the BPASN, on `filed_on` (module
    docstring). Who decides it is routed now and kept on the row (`decider`); the due date is computed when read."""
    filed_by_name = required_text(filed_by_name, "filed_by_name", _("Give the name of who filed it."))
    grounds = required_text(grounds, "grounds", _("Give the grounds of the objection."))
    decision = DECISION_LIFECYCLE.lock(decision)
    require_after_decision_permission(actor, decision)
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    received_on = _check_open_to_objection(decision, filed_on)
    routing = _routing(decision, filed_on)
    objection = Objection(
        decision=decision,
        kind=objection_kind(decision),
        filed_on=filed_on,
        filed_by_name=filed_by_name,
        grounds=grounds,
        window_ends_on=deadline_for(routing.rule.window_rule, received_on),
        remedy_rule=routing.rule,
        decider=routing.official,
        decider_title=routing.title,
        recorded_by=actor,
    )
    objection.filed_late = filed_on > objection.window_ends_on
    if objection.filed_late and routing.rule.late_filing == RemedyRule.LateFiling.INADMISSIBLE:
        return _record_inadmissible(objection, actor=actor, routing=routing)
    if objection.is_appeal:
        return _record_appeal(objection, actor=actor)
    _record_objection(objection, actor=actor)
    notify_objection_to_decide(objection)
    return objection
