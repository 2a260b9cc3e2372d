"""Objection (keberatan) and appeal (banding administratif) against a delivered decision (PP 79/2021).

Our reading (verify with the agency): an appeal (banding) lies only against a dismissal — B3 (honourable dismissal
not at own request) and PTDH (dismissal not with honour); every other sanction is challenged by an objection to the
staffing authority. A dismissal decision (not proven) imposes nothing and cannot be challenged here.

- Filing (`objection_file`): the filing date is checked against the window counted from the date of receipt —
  rule D11 for an objection, D13 for an appeal (both 14 working days; Scenario 3: received 2026-07-06 → the window
  ends 2026-07-24). Late → the objection is recorded `inadmissible` with the inadmissibility statement (letter
  `objection_inadmissible`); the decision is unaffected and takes effect on its D10 date. In time → the decision
  becomes `objected` (it does not take effect meanwhile) and the objection is due by rule D12 (objection: 21
  working days; 2026-07-20 → 2026-08-19) or D14 (appeal).
- Deciding (`objection_decide`): only the staffing authority (the first active one who is not recused,
  sanctioning official role; sanctions.permissions.can_decide_objection). Upheld → the decision takes effect on the
  day decided; changed → a new version of the decision with the new sanction, signed by the decider and in effect
  on the day decided, the old version and its letter superseded (both stay verifiable); annulled → the decision is
  annulled and the reports' outcome becomes not proven. Every outcome issues the Keputusan on the objection (letter
  `objection_decision`).
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.letters import letter_request, letter_supersede
from casework.models import Letter
from core.calendar import deadline_for
from core.errors import ConflictError, DomainError, PermissionDenied
from sanctions.audit_actions import (
    DECISION_ANNULLED,
    DECISION_EFFECTIVE,
    DECISION_OBJECTED,
    DECISION_SUPERSEDED,
    DECISION_VERSION_ISSUED,
    OBJECTION_DECIDED,
    OBJECTION_INADMISSIBLE,
)
from sanctions.letters import APPEAL_SANCTIONS, decision_letter_context
from sanctions.letters_after import objection_decision_context, objection_inadmissible_context
from sanctions.models import Decision, Objection, SanctionType, StaffingAuthority
from sanctions.permissions import can_decide_objection
from sanctions.routing import staffing_authority_for
from sanctions.services._common import (
    check_can_work,
    check_version,
    decision_audit,
    decision_transition,
    lock_decision,
    long_date,
    not_in_future,
)
from sanctions.services.execution import after_effective, start_execution
from sanctions.services.outcome import case_close_if_final, decision_annulment_publish

OBJECTION_WINDOW_RULE = "D11"
OBJECTION_DUE_RULE = "D12"
APPEAL_WINDOW_RULE = "D13"
APPEAL_DUE_RULE = "D14"

_S = Decision.Status


def objection_kind(decision: Decision) -> str:
    sanction = decision.sanction_type
    return (
        Objection.Kind.APPEAL
        if sanction is not None and sanction.code in APPEAL_SANCTIONS
        else Objection.Kind.OBJECTION
    )


def window_rule(kind: str) -> str:
    return APPEAL_WINDOW_RULE if kind == Objection.Kind.APPEAL else OBJECTION_WINDOW_RULE


def due_rule(kind: str) -> str:
    return APPEAL_DUE_RULE if kind == Objection.Kind.APPEAL else OBJECTION_DUE_RULE


def objection_window_ends(decision: Decision) -> datetime.date | None:
    """The last day an objection (or appeal) against a delivered decision may be filed."""
    if decision.received_on is None:
        return None
    return deadline_for(window_rule(objection_kind(decision)), decision.received_on)


def _authority(decision: Decision, user: Any = None) -> StaffingAuthority | None:
    """The staffing authority row of `user` (or of the official who would decide now), for the letters' title."""
    authorities = StaffingAuthority.objects.filter(agency_id=decision.case.agency_id, is_active=True)
    if user is None:
        try:
            user = staffing_authority_for(decision.case).official
        except DomainError:
            return None
    return authorities.filter(user=user).select_related("user").order_by("order").first()


def _required(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise DomainError("required", message, field=field)
    return value.strip()


@transaction.atomic
def objection_file(
    *,
    decision: Decision,
    actor: Any,
    filed_on: datetime.date,
    filed_by_name: str,
    grounds: str,
    expected_version: int | None = None,
) -> Objection:
    """Record an objection or appeal received on `filed_on` (see the module docstring)."""
    filed_by_name = _required(filed_by_name, "filed_by_name", _("Give the name of who filed it."))
    grounds = _required(grounds, "grounds", _("Give the grounds of the objection."))
    decision = lock_decision(decision)
    check_can_work(actor, decision)
    check_version(decision, expected_version)
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
    if decision.objections.filter(status=Objection.Status.PENDING).exists():
        raise ConflictError("objection_pending", _("An objection against this decision is already pending."))
    not_in_future(filed_on, "filed_on")
    if decision.decision_date and filed_on < decision.decision_date:
        raise DomainError(
            "objection_before_decision", _("An objection cannot be filed before the decision's date."), field="filed_on"
        )
    kind = objection_kind(decision)
    rule = window_rule(kind)
    window_ends_on = deadline_for(rule, decision.received_on)
    objection = Objection(
        decision=decision,
        kind=kind,
        filed_on=filed_on,
        filed_by_name=filed_by_name,
        grounds=grounds,
        window_ends_on=window_ends_on,
        recorded_by=actor,
    )
    if filed_on > window_ends_on:
        objection.status = Objection.Status.INADMISSIBLE
        objection.save(force_insert=True)
        objection.letter = letter_request(
            case=decision.case,
            kind="objection_inadmissible",
            actor=actor,
            context=objection_inadmissible_context(objection, authority=_authority(decision), rule=rule),
        )
        objection.save(update_fields=["letter"])
        decision_audit(
            decision,
            actor=actor,
            action=OBJECTION_INADMISSIBLE,
            from_status=decision.status,
            to_status=decision.status,
            data={
                "objection": objection.pk,
                "kind": kind,
                "filed_on": filed_on.isoformat(),
                "window_ends_on": window_ends_on.isoformat(),
                "rule": rule,
                "letter": objection.letter.number,
            },
        )
        return objection
    if decision.status != _S.DELIVERED:
        raise ConflictError(
            "decision_not_open_to_objection",
            _("The decision is “%(status)s”: an objection filed in time must be recorded before it takes effect.")
            % {"status": decision.get_status_display()},
        )
    objection.due_on = deadline_for(due_rule(kind), filed_on)
    objection.save(force_insert=True)
    decision_transition(
        decision,
        to=_S.OBJECTED,
        actor=actor,
        action=DECISION_OBJECTED,
        data={
            "objection": objection.pk,
            "kind": kind,
            "filed_on": filed_on.isoformat(),
            "window_ends_on": window_ends_on.isoformat(),
            "due_on": objection.due_on.isoformat(),
            "rule": due_rule(kind),
        },
    )
    return objection


def _new_version(old: Decision, *, actor: Any, sanction: SanctionType, decided_on: datetime.date, reason: str,
                 title: str) -> Decision:  # fmt: skip
    new = Decision(
        case=old.case,
        track=old.track,
        outcome=Decision.Outcome.SANCTION,
        status=_S.EFFECTIVE,
        version_number=old.version_number + 1,
        previous=old,
        correction_reason=reason,
        sanction_type=sanction,
        considerations=old.considerations,
        references=list(old.references),
        copies=list(old.copies),
        authority_rule=old.authority_rule,
        competent_official=actor,
        competent_official_title=title,
        drafted_by=old.drafted_by,
        submitted_at=old.submitted_at,
        reviewed_by=old.reviewed_by,
        reviewed_at=old.reviewed_at,
        signed_by=actor,
        signed_at=timezone.now(),
        decision_date=decided_on,
        delivery_scheduled_on=old.delivery_scheduled_on,
        delivery_method=old.delivery_method,
        delivered_on=old.delivered_on,
        received_on=old.received_on,
        delivery_note=old.delivery_note,
    )
    start_execution(new, decided_on)
    new.save(force_insert=True)
    new.violation_types.set(old.violation_types.all())
    return new


def _supersede_letter(old: Decision, replacement: Letter, *, actor: Any, reason: str) -> None:
    """Mark the old version's letter superseded by the new version's letter (the caller checked the actor)."""
    letter = old.letter
    if letter is None:
        return
    if letter.status != Letter.Status.ISSUED:
        raise ConflictError(
            "decision_letter_not_issued",
            _("The letter of decision %(number)s is still being prepared; decide again once it is issued.")
            % {"number": letter.number},
        )
    letter_supersede(letter=letter, replacement=replacement, actor=actor, reason=reason, permitted=True)


def _check_new_sanction(decision: Decision, sanction: SanctionType | None, on: datetime.date) -> None:
    """A changed outcome imposes another sanction of the decision's track, in force and for the accused's type."""
    if sanction is None:
        raise DomainError("sanction_required", _("Choose the new sanction."), field="sanction")
    tracks = (
        {SanctionType.Track.ETHICS}
        if decision.track == Decision.Track.ETHICS
        else {SanctionType.Track.DISCIPLINE, SanctionType.Track.STATUTORY}
    )
    current = decision.sanction_type
    accused = decision.case.accused
    if (
        (current is not None and sanction.code == current.code)
        or sanction.track not in tracks
        or sanction.valid_from > on
        or (sanction.valid_to is not None and sanction.valid_to < on)
        or (accused is not None and sanction.employee_types and accused.employee_type not in sanction.employee_types)
    ):
        raise DomainError(
            "sanction_invalid",
            _("Choose a sanction of the same track other than the one imposed."),
            field="sanction",
        )


@transaction.atomic
def objection_decide(
    *,
    objection: Objection,
    actor: Any,
    outcome: str,
    decided_on: datetime.date,
    reason: str,
    sanction: SanctionType | None = None,
) -> Objection:
    """Decide a pending objection or appeal: upheld, changed (to `sanction`) or annulled (module docstring)."""
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    decision = lock_decision(objection.decision)
    if objection.status == Objection.Status.DECIDED and objection.outcome == outcome:
        return objection
    if objection.status != Objection.Status.PENDING:
        raise ConflictError("objection_not_pending", _("This objection is not pending."))
    if not can_decide_objection(actor, decision):
        raise PermissionDenied(
            "objection_not_permitted",
            _("Only the staffing authority who is not recused from the case decides an objection."),
        )
    if outcome not in Objection.Outcome.values:
        raise DomainError("objection_outcome_invalid", _("Choose upheld, changed or annulled."), field="outcome")
    reason = _required(reason, "reason", _("Give the reasons for the outcome."))
    not_in_future(decided_on, "decided_on")
    if decided_on < objection.filed_on:
        raise DomainError(
            "objection_decided_before_filed",
            _("The objection was filed on %(date)s; it cannot be decided before.")
            % {"date": long_date(objection.filed_on)},
            field="decided_on",
        )
    if decision.status != _S.OBJECTED:
        raise ConflictError("decision_not_objected", _("The decision is not awaiting a decision on an objection."))
    authority = _authority(decision, actor)
    title = authority.title if authority is not None else decision.competent_official_title
    new_decision = None
    if outcome == Objection.Outcome.CHANGED:
        _check_new_sanction(decision, sanction, decided_on)
        assert sanction is not None
        new_decision = _new_version(
            decision, actor=actor, sanction=sanction, decided_on=decided_on, reason=reason, title=title
        )
        new_decision.letter = letter_request(
            case=decision.case, kind="decision", actor=actor, context=decision_letter_context(new_decision)
        )
        new_decision.save(update_fields=["letter"])
        decision_audit(
            new_decision,
            actor=actor,
            action=DECISION_VERSION_ISSUED,
            to_status=new_decision.status,
            reason=reason,
            data={"previous": decision.pk, "objection": objection.pk, "sanction": sanction.code},
        )
        decision_transition(
            decision,
            to=_S.SUPERSEDED,
            actor=actor,
            action=DECISION_SUPERSEDED,
            reason=reason,
            data={"by": new_decision.pk, "objection": objection.pk},
        )
        _supersede_letter(decision, new_decision.letter, actor=actor, reason=reason)
    objection.status = Objection.Status.DECIDED
    objection.outcome = outcome
    objection.outcome_reason = reason
    objection.decided_on = decided_on
    objection.decided_by = actor
    objection.new_decision = new_decision
    objection.letter = letter_request(
        case=decision.case,
        kind="objection_decision",
        actor=actor,
        context=objection_decision_context(objection, authority=authority, new_decision=new_decision),
    )
    objection.full_clean(exclude=["decision", "decided_by", "new_decision", "letter", "recorded_by"])
    objection.save(
        update_fields=[
            "status", "outcome", "outcome_reason", "decided_on", "decided_by", "new_decision", "letter", "updated_at",
        ]
    )  # fmt: skip
    decision_audit(
        decision,
        actor=actor,
        action=OBJECTION_DECIDED,
        from_status=decision.status,
        to_status=decision.status,
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
    if outcome == Objection.Outcome.UPHELD:
        fields = start_execution(decision, decided_on)
        decision_transition(
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
    elif outcome == Objection.Outcome.CHANGED:
        assert new_decision is not None
        after_effective(new_decision, actor=actor)
    else:
        decision_transition(
            decision, to=_S.ANNULLED, actor=actor, action=DECISION_ANNULLED, reason=reason,
            data={"objection": objection.pk},
        )  # fmt: skip
        decision_annulment_publish(decision=decision, decided_on=decided_on, decision_number=objection.letter.number)
        case_close_if_final(case=decision.case, actor=actor)
    return objection
