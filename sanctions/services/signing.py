"""The competent official's part: sign the decision (its letters are issued, the case and its reports become decided),
return it to the drafter, or declare a conflict of interest so that the next official up gets it.

Each service locks the decision, checks that `actor` is its competent official, compares `expected_version` and
changes it through DECISION_LIFECYCLE (one audit event on the case, in the same transaction).
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.letters import letter_request
from casework.models import Case, Letter
from casework.services import case_mark_decided
from core import clock
from core.errors import ConflictError, PermissionDenied, TransitionNotAllowed
from sanctions.audit_actions import DECISION_REROUTED, DECISION_RETURNED_BY_OFFICIAL, DECISION_SIGNED
from sanctions.competent_official import Recusal, recusal_reason, route_decision
from sanctions.letter_contents.decision import decision_letter_context, moral_statement_context
from sanctions.models import DECISION_LIFECYCLE, Decision, DecisionRecusal
from sanctions.permissions import can_sign_decision
from sanctions.services.conflicts import apply_routing, record_recusals
from sanctions.services.decision_requirements import check_decision_date, check_examination_team
from sanctions.services.execution import set_execution_status
from sanctions.services.notices import notify_awaiting_signature, notify_returned, resolve_decision_work
from sanctions.services.preconditions import required_text
from violations.models import Report
from violations.services import report_mark_decided

_D = Decision.Status


def _lock_for_official(decision: Decision, actor: Actor) -> Decision:
    decision = DECISION_LIFECYCLE.lock(decision)
    if decision.competent_official_id is None and decision.status == _D.AWAITING_SIGNATURE:
        raise PermissionDenied(
            "decision_official_outside",
            _("This decision is for %(title)s to make, outside Netra: it cannot be signed here.")
            % {"title": decision.competent_official_title or _("the President")},
        )
    if not can_sign_decision(actor, decision):
        raise PermissionDenied(
            "decision_sign_not_permitted",
            _("Only the competent official for this decision (%(title)s) may sign or return it.")
            % {"title": decision.competent_official_title or "—"},
        )
    return decision


def _check_not_recused(actor: Actor, case: Case) -> None:
    recusal = recusal_reason(actor, case)
    if recusal is not None:
        raise ConflictError(
            "decision_official_recused",
            _("You are recused from this case (%(reason)s): declare the conflict so that the next official decides.")
            % {"reason": recusal.detail or DecisionRecusal.Reason(recusal.reason).label},
        )


def issue_decision_letters(decision: Decision, actor: Actor) -> Letter | None:
    """Number the decision letter (and the moral statement of an ethics sanction, returned); rendered after commit."""
    decision.letter = letter_request(
        case=decision.case, kind="decision", actor=actor, context=decision_letter_context(decision)
    )
    if decision.track == Decision.Track.ETHICS and decision.outcome == Decision.Outcome.SANCTION:
        return letter_request(
            case=decision.case, kind="moral_statement", actor=actor, context=moral_statement_context(decision)
        )
    return None


def _mark_decided(case: Case, actor: Actor, number: str) -> None:
    if case.status == Case.Status.FORWARDED_FOR_DECISION:
        case_mark_decided(case=case, actor=actor, decision_number=number)
    for report in Report.objects.filter(case_report__case=case, status=Report.Status.IN_PROCESS):
        report_mark_decided(report=report, actor=actor, decision_number=number)


@transaction.atomic
def decision_sign(
    *,
    decision: Decision,
    actor: Actor,
    decision_date: datetime.date | None = None,
    expected_version: int | None = None,
) -> Decision:
    """The competent official signs: the letter(s) are issued, the case and its reports become `decided`.

    The decision date (today when not given) is not in the future nor before the LHP's date; a heavy sanction still
    needs the examination team, a dismissal's TMT is not before the decision date."""
    decision = _lock_for_official(decision, actor)
    if decision.status != _D.AWAITING_SIGNATURE and decision.signed_by_id == actor.pk and decision.is_signed:
        return decision
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    DECISION_LIFECYCLE.check_transition(decision, _D.SIGNED)
    _check_not_recused(actor, decision.case)
    check_examination_team(decision.case, decision.sanction_type)
    signed_on = decision_date or clock.today()
    check_decision_date(decision.case, signed_on, decision.dismissal_date)
    decision.signed_by = actor
    decision.signed_at = clock.now()
    decision.decision_date = signed_on
    if decision.outcome == Decision.Outcome.DISMISSAL:
        set_execution_status(decision, Decision.Execution.NOT_APPLICABLE)
    issue_decision_letters(decision, actor)
    DECISION_LIFECYCLE.transition(
        decision,
        to=_D.SIGNED,
        actor=actor,
        action=DECISION_SIGNED,
        fields=("signed_by", "signed_at", "decision_date", "letter", "execution_status"),
        data={
            "number": decision.number,
            "decision_date": signed_on.isoformat(),
            "sanction": decision.sanction_type.code if decision.sanction_type else "",
            "outcome": decision.outcome,
        },
    )
    _mark_decided(decision.case, actor, decision.number)
    resolve_decision_work(decision)
    return decision


@transaction.atomic
def decision_return_by_official(
    *, decision: Decision, actor: Actor, note: str, expected_version: int | None = None
) -> Decision:
    """The official sends the decision back to draft with a note instead of signing it."""
    decision = _lock_for_official(decision, actor)
    if decision.status == _D.DRAFT:
        return decision
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    note = required_text(note, "note", _("Say what must change before you can sign."))
    if decision.status != _D.AWAITING_SIGNATURE:
        DECISION_LIFECYCLE.check_transition(decision, _D.DRAFT)
        raise TransitionNotAllowed(
            "decision_not_awaiting_signature",
            _("Only a decision awaiting signature can be returned by the official."),
        )
    decision.review_note = note
    DECISION_LIFECYCLE.transition(
        decision,
        to=_D.DRAFT,
        actor=actor,
        action=DECISION_RETURNED_BY_OFFICIAL,
        fields=("review_note",),
        reason=note,
    )
    notify_returned(decision, note)
    return decision


@transaction.atomic
def decision_declare_conflict(
    *, decision: Decision, actor: Actor, detail: str, expected_version: int | None = None
) -> Decision:
    """The official declares a conflict of interest: recused (audited), the next official up gets the decision."""
    decision = _lock_for_official(decision, actor)
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    detail = required_text(detail, "detail", _("Describe the conflict of interest."))
    if decision.status != _D.AWAITING_SIGNATURE:
        raise TransitionNotAllowed(
            "decision_not_awaiting_signature",
            _("A conflict can be declared only on a decision awaiting your signature."),
        )
    record_recusals(decision, [Recusal(actor, DecisionRecusal.Reason.DECLARED, detail)], actor)
    routing = route_decision(decision)
    DECISION_LIFECYCLE.record(
        decision,
        actor=actor,
        action=DECISION_REROUTED,
        reason=detail,
        fields=apply_routing(decision, routing, actor),
        data={
            "from_official": actor.pk,
            "official": routing.official.pk if routing.official else None,
            "official_title": routing.title,
        },
    )
    notify_awaiting_signature(decision)
    return decision
