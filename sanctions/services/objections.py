"""Objection (keberatan) and appeal (banding administratif) against a delivered decision (PP 79/2021).

Our reading (verify with the agency): an appeal (banding) lies only against a dismissal — B3 (honourable dismissal
not at own request) and PTDH (dismissal not with honour); every other sanction is challenged by an objection to the
staffing authority. A dismissal decision (not proven) imposes nothing and cannot be challenged here.

- Filing (`objection_file`): the filing date is checked against the window counted from the date of receipt — rule
  D11 for an objection, D13 for an appeal (both 14 working days; docs/scenarios.md, scenario 3: received 2026-07-06
  → the window ends 2026-07-24). Late → the objection is recorded `inadmissible` with the inadmissibility statement
  (letter `objection_inadmissible`); the decision is unaffected and takes effect on its D10 date. In time → the
  decision becomes `objected` (it does not take effect meanwhile) and the objection is due by rule D12 (objection:
  21 working days; 2026-07-20 → 2026-08-19) or D14 (appeal).
- Deciding (`objection_decide`): only the staffing authority (the first active one who is not recused,
  sanctioning official role; sanctions.permissions.can_decide_objection). Upheld → the decision takes effect on the
  day decided; changed → a new version of the decision with the new sanction, signed by the decider and in effect
  on the day decided, the old version and its letter superseded (both stay verifiable); annulled → the decision is
  annulled and the reports' outcome becomes not proven. Every outcome issues the Keputusan on the objection (letter
  `objection_decision`).

An objection has no version of its own: every change of it is a change of its decision (DECISION_LIFECYCLE: the
decision's version goes up and the event is recorded on the case), so a form sent twice, or from a page drawn before
someone else acted, is refused with nothing written. Its status follows OBJECTION_TRANSITIONS.
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.letters import letter_request
from core.audit_registry import AuditAction
from core.calendar import deadline_for
from core.deadline_catalogue import DeadlineCode
from core.errors import ConflictError, DomainError, PermissionDenied
from sanctions.audit_actions import (
    DECISION_ANNULLED,
    DECISION_EFFECTIVE,
    DECISION_OBJECTED,
    DECISION_VERSION_ISSUED,
    OBJECTION_DECIDED,
    OBJECTION_INADMISSIBLE,
)
from sanctions.competent_official import staffing_authority_for
from sanctions.letter_contents.objection import objection_decision_context, objection_inadmissible_context
from sanctions.models import (
    DECISION_LIFECYCLE,
    OBJECTION_LIFECYCLE,
    Decision,
    Objection,
    SanctionType,
    StaffingAuthority,
)
from sanctions.permissions import can_decide_objection
from sanctions.services.execution import after_effective, start_execution
from sanctions.services.outcome import case_close_if_final, decision_annulment_publish
from sanctions.services.preconditions import (
    long_date,
    require_after_decision_permission,
    require_not_in_future,
    required_text,
)
from sanctions.services.sanction_rules import check_changed_sanction
from sanctions.services.versions import VersionContents, decision_new_version, require_issued_letter

_S = Decision.Status
_O = Objection.Status


def objection_kind(decision: Decision) -> str:
    """An appeal (banding) where the sanction's catalogue row says so (a dismissal, PTDH, a PPPK's termination)."""
    sanction = decision.sanction_type
    return (
        Objection.Kind.APPEAL
        if sanction is not None and sanction.remedy == SanctionType.Remedy.APPEAL
        else Objection.Kind.OBJECTION
    )


def window_rule(kind: str) -> str:
    return DeadlineCode.APPEAL_WINDOW if kind == Objection.Kind.APPEAL else DeadlineCode.OBJECTION_WINDOW


def due_rule(kind: str) -> str:
    return DeadlineCode.APPEAL_RESPONSE if kind == Objection.Kind.APPEAL else DeadlineCode.OBJECTION_DUE


def objection_window_ends(decision: Decision) -> datetime.date | None:
    """The last day an objection (or appeal) against a delivered decision may be filed."""
    if decision.received_on is None:
        return None
    return deadline_for(window_rule(objection_kind(decision)), decision.received_on)


def _authority(decision: Decision, user: Actor | None = None) -> StaffingAuthority | None:
    """The staffing authority row of `user` (or of the official who would decide now), for the letters' title."""
    authorities = StaffingAuthority.objects.filter(agency_id=decision.case.agency_id, is_active=True)
    if user is None:
        try:
            user = staffing_authority_for(decision.case).official
        except DomainError:
            return None
    return authorities.filter(user=user).select_related("user").order_by("order").first()


def _record_on_decision(
    decision: Decision, *, actor: Actor, action: AuditAction, data: dict[str, Any], reason: str = ""
) -> None:
    """An objection's event: a change of its decision (the version goes up), recorded on the decision's case."""
    DECISION_LIFECYCLE.save(decision)
    DECISION_LIFECYCLE.record(decision, actor=actor, action=action, reason=reason, data=data)


# --- filing ------------------------------------------------------------------------------------------------------


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


def _filing_data(objection: Objection) -> dict[str, Any]:
    return {
        "objection": objection.pk,
        "kind": objection.kind,
        "filed_on": objection.filed_on.isoformat(),
        "window_ends_on": objection.window_ends_on.isoformat(),
    }


def _record_inadmissible(objection: Objection, *, actor: Actor, rule: str) -> Objection:
    """Filed after its window: recorded inadmissible with its statement; the decision itself is unaffected."""
    decision = objection.decision
    objection.status = _O.INADMISSIBLE
    objection.save(force_insert=True)
    objection.letter = letter_request(
        case=decision.case,
        kind="objection_inadmissible",
        actor=actor,
        context=objection_inadmissible_context(objection, authority=_authority(decision), rule=rule),
    )
    OBJECTION_LIFECYCLE.save(objection, "letter")
    _record_on_decision(
        decision,
        actor=actor,
        action=OBJECTION_INADMISSIBLE,
        data={**_filing_data(objection), "rule": rule, "letter": objection.letter.number},
    )
    return objection


def _record_in_time(objection: Objection, *, actor: Actor) -> Objection:
    """Filed in time: pending until decided by its D12 (D14) date; the decision waits for it (objected)."""
    decision = objection.decision
    if decision.status != _S.DELIVERED:
        raise ConflictError(
            "decision_not_open_to_objection",
            _("The decision is “%(status)s”: an objection filed in time must be recorded before it takes effect.")
            % {"status": decision.get_status_display()},
        )
    rule = due_rule(objection.kind)
    objection.due_on = deadline_for(rule, objection.filed_on)
    objection.save(force_insert=True)
    DECISION_LIFECYCLE.transition(
        decision,
        to=_S.OBJECTED,
        actor=actor,
        action=DECISION_OBJECTED,
        data={**_filing_data(objection), "due_on": objection.due_on.isoformat(), "rule": rule},
    )
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
    """Record an objection or appeal received on `filed_on` (see the module docstring)."""
    filed_by_name = required_text(filed_by_name, "filed_by_name", _("Give the name of who filed it."))
    grounds = required_text(grounds, "grounds", _("Give the grounds of the objection."))
    decision = DECISION_LIFECYCLE.lock(decision)
    require_after_decision_permission(actor, decision)
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    received_on = _check_open_to_objection(decision, filed_on)
    kind = objection_kind(decision)
    rule = window_rule(kind)
    objection = Objection(
        decision=decision,
        kind=kind,
        filed_on=filed_on,
        filed_by_name=filed_by_name,
        grounds=grounds,
        window_ends_on=deadline_for(rule, received_on),
        recorded_by=actor,
    )
    if filed_on > objection.window_ends_on:
        return _record_inadmissible(objection, actor=actor, rule=rule)
    return _record_in_time(objection, actor=actor)


# --- deciding ----------------------------------------------------------------------------------------------------


def _check_may_decide(actor: Actor, decision: Decision) -> None:
    if not can_decide_objection(actor, decision):
        raise PermissionDenied(
            "objection_not_permitted",
            _("Only the staffing authority who is not recused from the case decides an objection."),
        )


def _check_decidable(objection: Objection, *, outcome: str, decided_on: datetime.date, reason: str) -> str:
    """The reasons, stripped, once the pending objection may be decided so on `decided_on`."""
    if objection.status != _O.PENDING:
        raise ConflictError("objection_not_pending", _("This objection is not pending."))
    if outcome not in Objection.Outcome.values:
        raise DomainError("objection_outcome_invalid", _("Choose upheld, changed or annulled."), field="outcome")
    reason = required_text(reason, "reason", _("Give the reasons for the outcome."))
    require_not_in_future(decided_on, "decided_on")
    if decided_on < objection.filed_on:
        raise DomainError(
            "objection_decided_before_filed",
            _("The objection was filed on %(date)s; it cannot be decided before.")
            % {"date": long_date(objection.filed_on)},
            field="decided_on",
        )
    if objection.decision.status != _S.OBJECTED:
        raise ConflictError("decision_not_objected", _("The decision is not awaiting a decision on an objection."))
    return reason


def _changed_version(
    objection: Objection,
    *,
    actor: Actor,
    sanction: SanctionType | None,
    decided_on: datetime.date,
    reason: str,
    title: str,
) -> Decision:
    """The new version a changed outcome issues: the new sanction, signed by the decider, in effect from that day."""
    decision = objection.decision
    check_changed_sanction(decision, sanction, decided_on)
    assert sanction is not None
    require_issued_letter(
        decision,
        _("The letter of decision %(number)s is still being prepared; decide again once it is issued.")
        % {"number": decision.number},
    )
    contents = VersionContents(
        outcome=Decision.Outcome.SANCTION,
        sanction=sanction,
        violations=list(decision.violation_types.all()),
        considerations=decision.considerations,
        references=list(decision.references),
        copies=list(decision.copies),
        authority_rule=decision.authority_rule,
        official_title=title,
        drafted_by=decision.drafted_by,
        decision_date=decided_on,
        effective_on=decided_on,
    )
    return decision_new_version(
        decision, actor=actor, reason=reason, contents=contents, action=DECISION_VERSION_ISSUED,
        data={"objection": objection.pk},
    )  # fmt: skip


def _record_decided(
    objection: Objection,
    *,
    actor: Actor,
    outcome: str,
    decided_on: datetime.date,
    reason: str,
    authority: StaffingAuthority | None,
    new_decision: Decision | None,
) -> None:
    """The objection decided, with the Keputusan on it (letter `objection_decision`), audited on the case."""
    OBJECTION_LIFECYCLE.check_transition(objection, _O.DECIDED)
    objection.status = _O.DECIDED
    objection.outcome = outcome
    objection.outcome_reason = reason
    objection.decided_on = decided_on
    objection.decided_by = actor
    objection.new_decision = new_decision
    objection.letter = letter_request(
        case=objection.decision.case,
        kind="objection_decision",
        actor=actor,
        context=objection_decision_context(objection, authority=authority, new_decision=new_decision),
    )
    OBJECTION_LIFECYCLE.save(
        objection, "status", "outcome", "outcome_reason", "decided_on", "decided_by", "new_decision", "letter"
    )
    _record_on_decision(
        objection.decision,
        actor=actor,
        action=OBJECTION_DECIDED,
        reason=reason,
        data={
            "objection": objection.pk,
            "outcome": outcome,
            "decided_on": decided_on.isoformat(),
            "due_on": objection.due_on.isoformat() if objection.due_on else None,
            "new_decision": new_decision.pk if new_decision else None,
            "letter": objection.letter.number,
        },
    )


def _apply_outcome(objection: Objection, *, actor: Actor, decided_on: datetime.date, reason: str) -> None:
    """Upheld: the decision takes effect that day. Changed: its new version does. Annulled: it is annulled, the
    reports' outcome becomes not proven, and the case may close."""
    decision = objection.decision
    if objection.outcome == Objection.Outcome.CHANGED:
        assert objection.new_decision is not None
        after_effective(objection.new_decision, actor=actor)
        return
    if objection.outcome == Objection.Outcome.UPHELD:
        fields = start_execution(decision, decided_on)
        DECISION_LIFECYCLE.transition(
            decision,
            to=_S.EFFECTIVE,
            actor=actor,
            action=DECISION_EFFECTIVE,
            data={
                "objection": objection.pk,
                "effective_on": decided_on.isoformat(),
                "execution": decision.execution_status,
            },
            fields=fields,
        )
        after_effective(decision, actor=actor)
        return
    DECISION_LIFECYCLE.transition(
        decision, to=_S.ANNULLED, actor=actor, action=DECISION_ANNULLED, reason=reason, data={"objection": objection.pk}
    )
    assert objection.letter is not None
    decision_annulment_publish(decision=decision, decided_on=decided_on, decision_number=objection.letter.number)
    case_close_if_final(case=decision.case, actor=actor)


@transaction.atomic
def objection_decide(
    *,
    objection: Objection,
    actor: Actor,
    outcome: str,
    decided_on: datetime.date,
    reason: str,
    sanction: SanctionType | None = None,
    expected_version: int | None = None,
) -> Objection:
    """Decide a pending objection or appeal: upheld, changed (to `sanction`) or annulled (module docstring).

    `expected_version` is the version of the decision the decider saw (None: not checked); deciding the same
    outcome again without it returns the objection unchanged."""
    objection = OBJECTION_LIFECYCLE.lock(objection)
    decision = DECISION_LIFECYCLE.lock(objection.decision)
    objection.decision = decision
    _check_may_decide(actor, decision)
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    if objection.status == _O.DECIDED and objection.outcome == outcome:
        return objection
    reason = _check_decidable(objection, outcome=outcome, decided_on=decided_on, reason=reason)
    authority = _authority(decision, actor)
    new_decision = None
    if outcome == Objection.Outcome.CHANGED:
        title = authority.title if authority is not None else decision.competent_official_title
        new_decision = _changed_version(
            objection, actor=actor, sanction=sanction, decided_on=decided_on, reason=reason, title=title
        )
    _record_decided(
        objection,
        actor=actor,
        outcome=outcome,
        decided_on=decided_on,
        reason=reason,
        authority=authority,
        new_decision=new_decision,
    )
    _apply_outcome(objection, actor=actor, decided_on=decided_on, reason=reason)
    return objection
