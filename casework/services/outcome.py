"""How a case leaves casework: forwarded for decision (then decided and closed by the sanctions app), closed as not
proven, dismissed, withdrawn or merged into another case.

Each service locks the case, returns at once if the case is already where it was asked to go, refuses a stale
`expected_version` (ConflictError) or a move CASE_TRANSITIONS forbids (TransitionNotAllowed), and moves the case
through CASE_LIFECYCLE with one audit event in the same transaction.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import (
    CASE_CLOSED,
    CASE_CLOSED_NOT_PROVEN,
    CASE_DECIDED,
    CASE_DISMISSED,
    CASE_FORWARDED_FOR_DECISION,
    CASE_MERGE_RECEIVED,
    CASE_MERGED,
    CASE_WITHDRAWN,
)
from casework.models import CASE_LIFECYCLE, Case, CaseReport, CaseTrack
from casework.permissions import can_manage_case
from casework.services.evidence_handover import case_evidence_receive
from casework.services.input_checks import required_text
from casework.services.locking import lock_case_for_actor
from casework.services.review import REVIEW_TRACKS
from core.audit_registry import AuditAction
from core.errors import ConflictError, DomainError

_S = Case.Status


@transaction.atomic
def case_forward_for_decision(*, case: Case, actor: Actor, expected_version: int | None = None) -> Case:
    """Hand the case to the sanctioning official: after a proven LHP, or on the evidence after two absences."""
    case = lock_case_for_actor(case, actor=actor)
    if case.status == _S.FORWARDED_FOR_DECISION:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    # A not-proven LHP may be forwarded too: the official then issues a dismissal decision (sanctions app).
    return CASE_LIFECYCLE.transition(
        case, to=_S.FORWARDED_FOR_DECISION, actor=actor, action=CASE_FORWARDED_FOR_DECISION
    )


@transaction.atomic
def case_mark_decided(*, case: Case, actor: Actor, decision_number: str) -> Case:
    """A decision on the case was signed (called by the sanctions app inside its signing transaction)."""
    case = CASE_LIFECYCLE.lock(case)
    if case.status == _S.DECIDED:
        return case
    return CASE_LIFECYCLE.transition(
        case, to=_S.DECIDED, actor=actor, action=CASE_DECIDED, data={"decision_number": decision_number}
    )


@transaction.atomic
def case_close(*, case: Case, actor: Actor | None, reason: str) -> Case:
    """Every decision on the case took effect and was carried out, or was annulled (called by the sanctions app;
    `actor` None is the daily run)."""
    case = CASE_LIFECYCLE.lock(case)
    if case.status == _S.CLOSED:
        return case
    case.closure_reason = reason
    CASE_LIFECYCLE.transition(
        case, to=_S.CLOSED, actor=actor, action=CASE_CLOSED, reason=reason, fields=("closure_reason",)
    )
    CaseTrack.objects.filter(case=case, track__in=REVIEW_TRACKS, status=CaseTrack.Status.OPEN).update(
        status=CaseTrack.Status.CLOSED
    )
    return case


@transaction.atomic
def case_close_not_proven(*, case: Case, actor: Actor, reason: str, expected_version: int | None = None) -> Case:
    """Close a case whose examination report finds the violation not proven."""
    reason = required_text(reason, "reason", _("Give the reason."))
    case = lock_case_for_actor(case, actor=actor)
    if case.status == _S.NOT_PROVEN:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    report = getattr(case, "examination_report", None)
    if case.status == _S.REPORTED and (report is None or report.proven):
        raise ConflictError("case_proven", _("The examination report finds the violation proven; forward the case."))
    case.closure_reason = reason
    CASE_LIFECYCLE.transition(
        case, to=_S.NOT_PROVEN, actor=actor, action=CASE_CLOSED_NOT_PROVEN, reason=reason, fields=("closure_reason",)
    )
    CaseTrack.objects.filter(case=case, status=CaseTrack.Status.OPEN).update(status=CaseTrack.Status.NOT_PROVEN)
    return case


def _end(case: Case, *, to: str, actor: Actor, action: AuditAction, reason: str, expected_version: int | None) -> Case:
    reason = required_text(reason, "reason", _("Give the reason."))
    case = lock_case_for_actor(case, actor=actor, may=can_manage_case)
    if case.status == to:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    case.closure_reason = reason
    CASE_LIFECYCLE.transition(case, to=to, actor=actor, action=action, reason=reason, fields=("closure_reason",))
    CaseTrack.objects.filter(case=case, status=CaseTrack.Status.OPEN).update(status=CaseTrack.Status.CLOSED)
    return case


@transaction.atomic
def case_dismiss(*, case: Case, actor: Actor, reason: str, expected_version: int | None = None) -> Case:
    """End a case before examination because the review found no ground to go on (reason required)."""
    return _end(
        case, to=_S.DISMISSED, actor=actor, action=CASE_DISMISSED, reason=reason, expected_version=expected_version
    )


@transaction.atomic
def case_withdraw(*, case: Case, actor: Actor, reason: str, expected_version: int | None = None) -> Case:
    """Withdraw an open case (e.g. registered in error, or the accused is not under this agency), with a reason."""
    return _end(
        case, to=_S.WITHDRAWN, actor=actor, action=CASE_WITHDRAWN, reason=reason, expected_version=expected_version
    )


def _lock_pair(case: Case, into: Case, actor: Actor) -> tuple[Case, Case]:
    """Both rows in id order, so two merges of the same pair cannot deadlock."""
    in_order = sorted((case, into), key=lambda item: item.pk)
    locked = {item.pk: lock_case_for_actor(item, actor=actor, may=can_manage_case) for item in in_order}
    return locked[case.pk], locked[into.pk]


@transaction.atomic
def case_merge(*, case: Case, into: Case, actor: Actor, expected_version: int | None = None) -> Case:
    """Merge `case` into `into` (same agency, still open): its reports, and so their reporters and their evidence,
    follow `into`."""
    if case.pk == into.pk:
        raise DomainError("merge_into_itself", _("A case cannot be merged into itself."), field="into")
    case, into = _lock_pair(case, into, actor)
    if case.status == _S.MERGED and case.merged_into_id == into.pk:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    if into.agency_id != case.agency_id or not into.is_open or into.status == _S.MERGED:
        raise ConflictError("merge_target_closed", _("A case can only be merged into an open case of the same agency."))
    case.merged_into = into
    moved = list(CaseReport.objects.filter(case=case).values_list("report_id", flat=True))
    CASE_LIFECYCLE.transition(
        case,
        to=_S.MERGED,
        actor=actor,
        action=CASE_MERGED,
        data={"into": into.number, "reports": moved},
        fields=("merged_into",),
    )
    CaseReport.objects.filter(case=case).update(case=into)
    CASE_LIFECYCLE.save(into)  # the reports it covers changed: the next version
    CASE_LIFECYCLE.record(into, actor=actor, action=CASE_MERGE_RECEIVED, data={"from": case.number, "reports": moved})
    case_evidence_receive(case=into, actor=actor)
    return case
