"""A new version of a signed decision: the one way a correction, or an objection that changed the sanction, replaces a
decision. The new version is signed at once by the actor; the old one becomes superseded and its letters are marked
superseded by the new ones, so both stay retrievable and verifiable.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Max

from accounts.actors import Actor
from casework.letters import letter_supersede
from casework.models import Case, Letter
from core import clock
from core.audit_registry import AuditAction
from core.errors import ConflictError
from sanctions.audit_actions import DECISION_SUPERSEDED
from sanctions.models import DECISION_ACCUSED_FIELDS, DECISION_LIFECYCLE, AuthorityRule, Decision, SanctionType
from sanctions.services.execution import start_execution
from sanctions.services.signing import issue_decision_letters
from violations.models import ViolationType

# Fields a new version inherits from the one it replaces (delivery, effect and execution go on as they were).
INHERITED_FIELDS: tuple[str, ...] = (
    "delivery_scheduled_on",
    "delivery_method",
    "delivered_on",
    "received_on",
    "receipt_proof",
    "delivery_note",
    "effective_on",
    "execution_status",
    "sanction_starts_on",
    "sanction_ends_on",
    "completed_on",
)


@dataclass(frozen=True)
class VersionContents:
    """What the new version says and who answers for it; the rest is inherited from the version it replaces.

    `effective_on`: the new version takes effect on that day (an objection decided), its execution starting then;
    None: it keeps the old version's status, effect and execution (a correction).
    """

    outcome: str
    sanction: SanctionType | None
    violations: list[ViolationType]
    considerations: str
    references: list[dict[str, str]]
    copies: list[str]
    authority_rule: AuthorityRule | None
    official_title: str
    drafted_by: Actor
    decision_date: datetime.date
    effective_on: datetime.date | None = None
    new_position: str = ""
    dismissal_date: datetime.date | None = None
    sanction_change_reason: str = ""


def next_version_number(case: Case, track: str) -> int:
    """The number of the next decision version on a case's track (1 for its first decision)."""
    last = Decision.objects.filter(case=case, track=track).aggregate(last=Max("version_number"))["last"]
    return (last or 0) + 1


def require_issued_letter(decision: Decision, message: str) -> None:
    """A version can be replaced only once its letter is issued (the new letter supersedes it)."""
    if decision.letter is not None and decision.letter.status != Letter.Status.ISSUED:
        raise ConflictError("decision_letter_not_issued", message)


def _new_version(old: Decision, *, actor: Actor, reason: str, contents: VersionContents) -> Decision:
    new = Decision(
        case=old.case,
        track=old.track,
        outcome=contents.outcome,
        status=old.status,
        version_number=next_version_number(old.case, old.track),
        previous=old,
        correction_reason=reason,
        sanction_type=contents.sanction,
        new_position=contents.new_position,
        dismissal_date=contents.dismissal_date,
        sanction_change_reason=contents.sanction_change_reason,
        considerations=contents.considerations,
        references=list(contents.references),
        copies=list(contents.copies),
        authority_rule=contents.authority_rule,
        competent_official=actor,
        competent_official_title=contents.official_title,
        drafted_by=contents.drafted_by,
        submitted_at=old.submitted_at,
        reviewed_by=old.reviewed_by,
        reviewed_at=old.reviewed_at,
        signed_by=actor,
        signed_at=clock.now(),
        decision_date=contents.decision_date,
        **{name: getattr(old, name) for name in INHERITED_FIELDS},
        # A new version states the accused as the first one froze them (the case cannot change them meanwhile).
        **{name: getattr(old, name) for name in DECISION_ACCUSED_FIELDS},
    )
    if new.outcome == Decision.Outcome.DISMISSAL:
        new.execution_status = Decision.Execution.NOT_APPLICABLE
    if contents.effective_on is not None:
        new.status = Decision.Status.EFFECTIVE
        start_execution(new, contents.effective_on)
    return new


def _supersede_letters(old: Decision, new: Decision, moral: Letter | None, *, actor: Actor, reason: str) -> None:
    """The old version's letter (and the case's moral statement, when a new one was issued) superseded by the new."""
    if old.letter is not None and new.letter is not None:
        letter_supersede(letter=old.letter, replacement=new.letter, actor=actor, reason=reason, permitted=True)
    if moral is None:
        return
    old_moral = (
        Letter.objects.filter(
            case=old.case, kind="moral_statement", status=Letter.Status.ISSUED, superseded_by__isnull=True
        )
        .exclude(pk=moral.pk)
        .order_by("-requested_at")
        .first()
    )
    if old_moral is not None:
        letter_supersede(letter=old_moral, replacement=moral, actor=actor, reason=reason, permitted=True)


def decision_new_version(
    old: Decision,
    *,
    actor: Actor,
    reason: str,
    contents: VersionContents,
    action: AuditAction,
    data: dict[str, Any] | None = None,
) -> Decision:
    """Replace the locked, signed decision `old` by a new version with `contents`, signed now by `actor`.

    The caller holds the transaction, has checked the rules and `require_issued_letter`. The new version's letters
    are requested (rendered after commit); `old` becomes superseded (DECISION_SUPERSEDED) and the new version's
    event is `action`, both carrying `data`. Returns the new version.
    """
    new = _new_version(old, actor=actor, reason=reason, contents=contents)
    new.save(force_insert=True)
    new.violation_types.set(contents.violations)
    moral = issue_decision_letters(new, actor)
    new.save(update_fields=["letter"])  # still the new row being made: its own version stays 1
    DECISION_LIFECYCLE.transition(
        old,
        to=Decision.Status.SUPERSEDED,
        actor=actor,
        action=DECISION_SUPERSEDED,
        reason=reason,
        data={"by_decision": new.pk, "number": old.number, **(data or {})},
    )
    DECISION_LIFECYCLE.record(
        new,
        actor=actor,
        action=action,
        reason=reason,
        data={
            "replaces": old.pk,
            "replaces_number": old.number,
            "number": new.number,
            "version_number": new.version_number,
            "sanction": contents.sanction.code if contents.sanction else "",
            **(data or {}),
        },
    )
    _supersede_letters(old, new, moral, actor=actor, reason=reason)
    return new
