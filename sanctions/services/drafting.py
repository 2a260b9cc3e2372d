"""Drafting a decision and its review: draft → (edit) → review → awaiting the competent official's signature.

The draft starts from the examination report's (LHP) recommendation; a different sanction needs a recorded reason,
shown to the reviewer. A sanction needing an examination team is refused at every step on a case examined without
one, and its terms (new position, dismissal date) are required (sanctions.services.decision_requirements).

Each service locks its row, compares `expected_version` under the lock (a stale page is a ConflictError and nothing
is written) and changes the decision through DECISION_LIFECYCLE: one audit event on the case in the same
transaction. Calling a service whose target status is already reached returns the decision unchanged.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.models import CASE_LIFECYCLE, Case
from core import clock
from core.errors import ConflictError, PermissionDenied, TransitionNotAllowed
from sanctions.audit_actions import (
    DECISION_APPROVED,
    DECISION_CANCELLED,
    DECISION_DRAFT_UPDATED,
    DECISION_DRAFTED,
    DECISION_RETURNED,
    DECISION_SUBMITTED,
)
from sanctions.competent_official import route_decision
from sanctions.models import DECISION_LIFECYCLE, Decision
from sanctions.permissions import can_draft_decision, can_review_decision
from sanctions.services.conflicts import apply_routing
from sanctions.services.decision_contents import clean_copies, clean_references, default_copies, default_references
from sanctions.services.decision_requirements import (
    check_examination_team,
    clean_change_reason,
    clean_terms,
    freeze_accused,
    identified_accused,
    recommended_by_lhp,
)
from sanctions.services.notices import (
    notify_awaiting_review,
    notify_awaiting_signature,
    notify_returned,
    resolve_decision_work,
)
from sanctions.services.preconditions import required_text
from sanctions.services.sanction_rules import (
    check_no_other_live,
    default_violation_codes,
    validated_sanction,
    violation_types_for,
)
from sanctions.services.versions import next_version_number
from violations.models import ViolationType

_D = Decision.Status


def _codes(violations: list[ViolationType]) -> list[str]:
    return [violation.code for violation in violations]


def _starting_code(case: Case, outcome: str, sanction_code: str) -> str:
    """The sanction the drafter chose, else the one the LHP recommends (the draft starts from it)."""
    if sanction_code.strip() or outcome != Decision.Outcome.SANCTION:
        return sanction_code
    recommended = recommended_by_lhp(case)
    return recommended[1] if recommended and recommended[0] else ""


def _apply_requirements(
    decision: Decision, *, new_position: str, dismissal_date: datetime.date | None, change_reason: str
) -> None:
    """The team a heavy sanction needs, its terms and the reason for departing from the LHP, set on the decision."""
    check_examination_team(decision.case, decision.sanction_type)
    terms = clean_terms(decision.sanction_type, new_position=new_position, dismissal_date=dismissal_date)
    decision.new_position = terms.new_position
    decision.dismissal_date = terms.dismissal_date
    decision.sanction_change_reason = clean_change_reason(
        decision.case,
        track=decision.track,
        outcome=decision.outcome,
        sanction=decision.sanction_type,
        reason=change_reason,
    )


def _contents_data(decision: Decision, violations: list[ViolationType]) -> dict[str, Any]:
    """What the drafting events record of the contents."""
    recommended = recommended_by_lhp(decision.case)
    return {
        "outcome": decision.outcome,
        "sanction": decision.sanction_type.code if decision.sanction_type else "",
        "violations": _codes(violations),
        "new_position": decision.new_position,
        "dismissal_date": decision.dismissal_date.isoformat() if decision.dismissal_date else None,
        "recommended_sanction": recommended[1] if recommended else None,
        "sanction_change_reason": decision.sanction_change_reason,
    }


def _check_requirements(decision: Decision) -> None:
    """Check again what the decision needs (before review, approval and signature): the rules may have changed."""
    _apply_requirements(
        decision,
        new_position=decision.new_position,
        dismissal_date=decision.dismissal_date,
        change_reason=decision.sanction_change_reason,
    )


def _lock_case_for_drafting(case: Case, actor: Actor, expected_version: int | None) -> Case:
    """The case row, locked; refused when `actor` may not draft, the page is stale, or it awaits no decision."""
    locked = CASE_LIFECYCLE.lock(case)
    if not can_draft_decision(actor, locked):
        raise PermissionDenied("decision_not_permitted", _("You may not draft a decision on this case."))
    if expected_version is not None and expected_version != locked.version:
        raise ConflictError(
            "case_changed",
            _("The case was changed by someone else meanwhile; nothing was saved. Check it and try again."),
        )
    if locked.status not in (Case.Status.FORWARDED_FOR_DECISION, Case.Status.DECIDED):
        raise TransitionNotAllowed(
            "case_not_forwarded",
            _("A decision can be drafted only on a case forwarded for decision (this one is “%(status)s”).")
            % {"status": locked.get_status_display()},
        )
    return locked


@transaction.atomic
def decision_draft(
    *,
    case: Case,
    actor: Actor,
    track: str,
    outcome: str,
    expected_version: int | None = None,
    sanction_code: str = "",
    violation_codes: Sequence[str] | None = None,
    considerations: str = "",
    references: list[dict[str, str]] | None = None,
    copies: list[str] | None = None,
    new_position: str = "",
    dismissal_date: datetime.date | None = None,
    sanction_change_reason: str = "",
) -> Decision:
    """Draft a decision on one track of a case forwarded for decision (or decided on its other track).

    `expected_version` is the version of the case the drafter saw (None: not checked); the sanction defaults to the
    LHP's recommendation, references and copies to the case's (Memperhatikan, Tembusan). Refused while the accused is
    not identified in the register; their register data are frozen into the decision."""
    case = _lock_case_for_drafting(case, actor, expected_version)
    check_no_other_live(case, track)
    accused = identified_accused(case)
    violations = violation_types_for(violation_codes if violation_codes is not None else default_violation_codes(case))
    code = _starting_code(case, outcome, sanction_code) if track == Decision.Track.DISCIPLINE else sanction_code
    sanction = validated_sanction(case=case, track=track, outcome=outcome, sanction_code=code, violations=violations)
    decision = Decision(
        case=case,
        track=track,
        outcome=outcome,
        status=_D.DRAFT,
        version_number=next_version_number(case, track),
        sanction_type=sanction,
        considerations=considerations.strip(),
        references=clean_references(references) if references is not None else default_references(case),
        drafted_by=actor,
    )
    freeze_accused(decision, accused)
    decision.copies = clean_copies(copies) if copies is not None else default_copies(case, track=decision.letters_track)
    _apply_requirements(
        decision, new_position=new_position, dismissal_date=dismissal_date, change_reason=sanction_change_reason
    )
    decision.save(force_insert=True)
    decision.violation_types.set(violations)
    DECISION_LIFECYCLE.record(decision, actor=actor, action=DECISION_DRAFTED, data=_contents_data(decision, violations))
    return decision


def _lock_draft(decision: Decision, actor: Actor, expected_version: int | None) -> Decision:
    decision = DECISION_LIFECYCLE.lock(decision)
    if not can_draft_decision(actor, decision.case):
        raise PermissionDenied("decision_not_permitted", _("You may not work on this decision."))
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    return decision


# What editing a draft may change.
_DRAFT_FIELDS = (
    "outcome",
    "sanction_type",
    "considerations",
    "references",
    "copies",
    "new_position",
    "dismissal_date",
    "sanction_change_reason",
)


def _lock_unchanged_draft(decision: Decision, actor: Actor, expected_version: int | None) -> Decision:
    decision = _lock_draft(decision, actor, expected_version)
    if decision.status != _D.DRAFT:
        raise TransitionNotAllowed(
            "decision_not_draft",
            _("Only a draft can be changed (this decision is “%(status)s”).")
            % {"status": decision.get_status_display()},
        )
    return decision


def _set_contents(
    decision: Decision, *, considerations: str | None, references: list[dict[str, str]] | None, copies: list[str] | None
) -> None:
    if considerations is not None:
        decision.considerations = considerations.strip()
    if references is not None:
        decision.references = clean_references(references)
    if copies is not None:
        decision.copies = clean_copies(copies)


@transaction.atomic
def decision_update_draft(
    *,
    decision: Decision,
    actor: Actor,
    expected_version: int | None = None,
    outcome: str | None = None,
    sanction_code: str | None = None,
    violation_codes: Sequence[str] | None = None,
    considerations: str | None = None,
    references: list[dict[str, str]] | None = None,
    copies: list[str] | None = None,
    new_position: str | None = None,
    dismissal_date: datetime.date | None = None,
    sanction_change_reason: str | None = None,
) -> Decision:
    """Change a draft (only a draft: a decision in review or awaiting signature is returned to draft first).

    None keeps what the draft says (a dismissal date given replaces the draft's)."""
    decision = _lock_unchanged_draft(decision, actor, expected_version)
    new_outcome = outcome if outcome is not None else decision.outcome
    violations = (
        violation_types_for(violation_codes) if violation_codes is not None else list(decision.violation_types.all())
    )
    if sanction_code is None:
        sanction_code = decision.sanction_type.code if decision.sanction_type and new_outcome == "sanction" else ""
    decision.sanction_type = validated_sanction(
        case=decision.case,
        track=decision.track,
        outcome=new_outcome,
        sanction_code=sanction_code,
        violations=violations,
    )
    decision.outcome = new_outcome
    _apply_requirements(
        decision,
        new_position=decision.new_position if new_position is None else new_position,
        dismissal_date=dismissal_date or decision.dismissal_date,
        change_reason=decision.sanction_change_reason if sanction_change_reason is None else sanction_change_reason,
    )
    _set_contents(decision, considerations=considerations, references=references, copies=copies)
    decision.violation_types.set(violations)
    DECISION_LIFECYCLE.record(
        decision,
        actor=actor,
        action=DECISION_DRAFT_UPDATED,
        fields=_DRAFT_FIELDS,
        data=_contents_data(decision, violations),
    )
    return decision


@transaction.atomic
def decision_submit_for_review(*, decision: Decision, actor: Actor, expected_version: int | None = None) -> Decision:
    """Send a draft for review; the competent official is determined now (recusals recorded and audited)."""
    decision = _lock_draft(decision, actor, expected_version)
    if decision.status == _D.IN_REVIEW:
        return decision
    DECISION_LIFECYCLE.check_transition(decision, _D.IN_REVIEW)
    # The rules may have changed since drafting (history, catalogue): check them again.
    validated_sanction(
        case=decision.case,
        track=decision.track,
        outcome=decision.outcome,
        sanction_code=decision.sanction_type.code if decision.sanction_type else "",
        violations=list(decision.violation_types.all()),
    )
    _check_requirements(decision)
    routing = route_decision(decision)
    routed = apply_routing(decision, routing, actor)
    decision.submitted_at = clock.now()
    decision.review_note = ""
    DECISION_LIFECYCLE.transition(
        decision,
        to=_D.IN_REVIEW,
        actor=actor,
        action=DECISION_SUBMITTED,
        fields=(*routed, "submitted_at", "review_note"),
        data={
            "official": routing.official.pk if routing.official else None,
            "official_title": routing.title,
            "authority": routing.authority,
            "rule": routing.rule.pk if routing.rule else None,
        },
    )
    notify_awaiting_review(decision)
    return decision


def _lock_for_review(decision: Decision, actor: Actor) -> Decision:
    decision = DECISION_LIFECYCLE.lock(decision)
    if not can_review_decision(actor, decision):
        raise PermissionDenied(
            "decision_review_not_permitted",
            _("Only an intake officer or administrator of the agency who did not draft it may review a decision."),
        )
    return decision


@transaction.atomic
def decision_review(
    *, decision: Decision, actor: Actor, approve: bool, note: str = "", expected_version: int | None = None
) -> Decision:
    """The reviewer (an intake officer or administrator who did not draft it) approves or returns the draft."""
    decision = _lock_for_review(decision, actor)
    target = _D.AWAITING_SIGNATURE if approve else _D.DRAFT
    if decision.status == target and (approve or decision.reviewed_by_id == actor.pk):
        return decision
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    note = note.strip()
    if not approve:
        note = required_text(note, "note", _("Say what must change before the decision can go on."))
    DECISION_LIFECYCLE.check_transition(decision, target)
    if decision.status != _D.IN_REVIEW:
        raise TransitionNotAllowed(
            "decision_not_in_review",
            _("Only a decision in review can be reviewed (this one is “%(status)s”).")
            % {"status": decision.get_status_display()},
        )
    if approve:
        _check_requirements(decision)
    decision.reviewed_by = actor
    decision.reviewed_at = clock.now()
    decision.review_note = note
    DECISION_LIFECYCLE.transition(
        decision,
        to=target,
        actor=actor,
        action=DECISION_APPROVED if approve else DECISION_RETURNED,
        fields=("reviewed_by", "reviewed_at", "review_note"),
        reason=note,
    )
    if approve:
        notify_awaiting_signature(decision)
    else:
        notify_returned(decision, note)
    return decision


@transaction.atomic
def decision_cancel_draft(
    *, decision: Decision, actor: Actor, reason: str, expected_version: int | None = None
) -> Decision:
    """Abandon a draft (e.g. drafted on the wrong track); a new one may then be drafted."""
    decision = _lock_draft(decision, actor, None)
    if decision.status == _D.CANCELLED:
        return decision
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    reason = required_text(reason, "reason", _("Give the reason."))
    DECISION_LIFECYCLE.transition(decision, to=_D.CANCELLED, actor=actor, action=DECISION_CANCELLED, reason=reason)
    resolve_decision_work(decision)
    return decision
