"""Deciding an objection: only the official its remedy rule names — the PPK for the PPK's decisions, the superior of
the official who decided otherwise (sanctions.competent_official.route_objection), holding the sanctioning official
role and not recused (sanctions.permissions.can_decide_objection, as decision_sign) — decides and signs the Keputusan
on it (letter `objection_decision`, numbered in the decision register, that official's title and signature). The
outcome then acts on the decision (sanctions.services.objections.outcomes). An appeal is not decided here: the BPASN
decides it (sanctions.services.appeals records its ruling).
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.letters import letter_request
from core.errors import ConflictError, DomainError, PermissionDenied
from sanctions.audit_actions import DECISION_VERSION_ISSUED, OBJECTION_DECIDED
from sanctions.competent_official import ObjectionRouting, route_objection
from sanctions.letter_contents.objection import objection_decision_context
from sanctions.models import DECISION_LIFECYCLE, OBJECTION_LIFECYCLE, Decision, Objection, SanctionType
from sanctions.permissions import can_decide_objection
from sanctions.services.notices import resolve_objection_work
from sanctions.services.objections.outcomes import NewVersion, apply_outcome, changed_version
from sanctions.services.objections.remedy import record_on_decision
from sanctions.services.preconditions import long_date, require_not_in_future, required_text

_S = Decision.Status
_O = Objection.Status


def _routing_for(objection: Objection, actor: Actor) -> ObjectionRouting:
    """The routing of the objection today, once `actor` is the official it names."""
    if objection.is_appeal:
        raise ConflictError(
            "appeal_decided_by_bpasn",
            _("An appeal is decided by the Badan Pertimbangan ASN: record its ruling when it arrives."),
        )
    try:
        routing: ObjectionRouting | None = route_objection(objection.decision, rule=objection.remedy_rule)
    except DomainError:  # nobody may decide it today (every staffing authority recused): refused below
        routing = None
    if routing is None or not can_decide_objection(actor, objection.decision):
        raise PermissionDenied(
            "objection_not_permitted",
            _("Only %(title)s decides this objection (the official the rule names, not recused from the case).")
            % {"title": routing.title if routing is not None else "—"},
        )
    return routing


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


def _record_decided(objection: Objection, *, actor: Actor, routing: ObjectionRouting, data: dict[str, Any]) -> None:
    """The objection decided, with the Keputusan on it (letter `objection_decision`), audited on the case."""
    OBJECTION_LIFECYCLE.check_transition(objection, _O.DECIDED)
    objection.status = _O.DECIDED
    objection.decided_by = actor
    objection.letter = letter_request(
        case=objection.decision.case,
        kind="objection_decision",
        actor=actor,
        context=objection_decision_context(objection, routing=routing, signer=actor),
    )
    OBJECTION_LIFECYCLE.save(
        objection, "status", "outcome", "outcome_reason", "decided_on", "decided_by", "new_decision", "letter"
    )
    due = objection.due_on
    record_on_decision(
        objection.decision,
        actor=actor,
        action=OBJECTION_DECIDED,
        reason=objection.outcome_reason,
        data={
            "objection": objection.pk,
            "outcome": objection.outcome,
            "decided_on": objection.decided_on.isoformat() if objection.decided_on else None,
            "rule": objection.due_rule,
            "due_on": due.isoformat() if due else None,
            "late": bool(due and objection.decided_on and objection.decided_on > due),
            "decider": routing.title,
            "new_decision": objection.new_decision_id,
            "letter": objection.letter.number,
            **data,
        },
    )


@transaction.atomic
def objection_decide(
    *,
    objection: Objection,
    actor: Actor,
    outcome: str,
    decided_on: datetime.date,
    reason: str,
    sanction: SanctionType | None = None,
    new_position: str = "",
    dismissal_date: datetime.date | None = None,
    expected_version: int | None = None,
) -> Objection:
    """Decide a pending objection: upheld, changed (to `sanction`, with the terms it asks for) or annulled.

    `expected_version` is the version of the decision the decider saw (None: not checked); deciding the same
    outcome again without it returns the objection unchanged."""
    objection = OBJECTION_LIFECYCLE.lock(objection)
    objection.decision = DECISION_LIFECYCLE.lock(objection.decision)
    routing = _routing_for(objection, actor)
    DECISION_LIFECYCLE.check_version(objection.decision, expected_version)
    if objection.status == _O.DECIDED and objection.outcome == outcome:
        return objection
    reason = _check_decidable(objection, outcome=outcome, decided_on=decided_on, reason=reason)
    objection.outcome, objection.outcome_reason, objection.decided_on = outcome, reason, decided_on
    if outcome == Objection.Outcome.CHANGED:
        version = NewVersion(
            sanction=sanction, title=routing.title, decision_date=decided_on, effective_on=decided_on,
            new_position=new_position, dismissal_date=dismissal_date,
        )  # fmt: skip
        objection.new_decision = changed_version(
            objection, actor=actor, reason=reason, version=version, action=DECISION_VERSION_ISSUED
        )
    _record_decided(objection, actor=actor, routing=routing, data={})
    assert objection.letter is not None
    apply_outcome(objection, actor=actor, decided_on=decided_on, reason=reason, act_number=objection.letter.number)
    resolve_objection_work(objection)
    return objection
