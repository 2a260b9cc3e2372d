"""Deciding: draft → review → signature by the competent official, corrections, recusals and conflicts.

Every function locks the decision row, checks DECISION_TRANSITIONS, compares the optimistic `expected_version`,
writes its audit event on the case in the same transaction and leaves side effects to the commit: letters are
numbered here (casework.letters.letter_request enqueues rendering on commit), notifications refresh on commit.
Calling a function whose target status is already reached returns the decision unchanged.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import CivilServant
from casework.letters import letter_request, letter_supersede
from casework.models import Case, Letter
from casework.services import case_mark_decided
from core.audit import audit_record
from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed
from core.notifications import notification_send
from sanctions.audit_actions import (
    CONFLICT_OF_INTEREST_RECORDED,
    DECISION_APPROVED,
    DECISION_CANCELLED,
    DECISION_CORRECTED,
    DECISION_DRAFT_UPDATED,
    DECISION_DRAFTED,
    DECISION_OFFICIAL_RECUSED,
    DECISION_REROUTED,
    DECISION_RETURNED,
    DECISION_RETURNED_BY_OFFICIAL,
    DECISION_SIGNED,
    DECISION_SUBMITTED,
    DECISION_SUPERSEDED,
)
from sanctions.guidance import PriorSanction, sanction_guidance
from sanctions.letters import decision_letter_context, moral_statement_context
from sanctions.models import ConflictOfInterest, Decision, DecisionRecusal, SanctionType
from sanctions.permissions import (
    can_correct_decision,
    can_draft_decision,
    can_record_conflict,
    can_review_decision,
    can_sign_decision,
    is_sanctioning_official,
)
from sanctions.routing import Recusal, Routing, recusal_reason, route_decision
from sanctions.services._common import (
    check_transition,
    check_version,
    decision_audit,
    decision_transition,
    lock_decision,
    save_decision,
)
from violations.models import Channel, Report, ViolationType
from violations.services.triage import report_mark_decided

_D = Decision.Status
# Decisions that count: a second one on the same case and track is refused (a new version replaces the old one).
DEAD_STATUSES: frozenset[str] = frozenset({_D.CANCELLED, _D.SUPERSEDED, _D.ANNULLED})
# A signed decision (in any later status) may be corrected by a new version.
CORRECTABLE_STATUSES: frozenset[str] = frozenset({_D.SIGNED, _D.DELIVERED, _D.OBJECTED, _D.EFFECTIVE})
# Fields a new version inherits from the one it replaces (delivery, effect and execution go on as they were).
INHERITED_FIELDS: tuple[str, ...] = (
    "delivery_scheduled_on",
    "delivery_method",
    "delivered_on",
    "received_on",
    "delivery_note",
    "effective_on",
    "execution_status",
    "sanction_starts_on",
    "sanction_ends_on",
    "completed_on",
)

NOTIFY_AWAITING_SIGNATURE = gettext_noop("A decision on case %(case)s awaits your signature.")
NOTIFY_RETURNED = gettext_noop("The decision on case %(case)s was returned to draft: %(note)s")


# --- shared steps ----------------------------------------------------------------------------------------------------


def _required(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(f"{field}_required", message, field=field)
    return value


def _decision_url(decision: Decision) -> str:
    # The decision's own page: the official who must sign may not open the confidential case page.
    return reverse("sanctions:decision-detail", args=[decision.pk])


def _notify(user: Any, message: str, decision: Decision, dedup_key: str = "", **params: str) -> None:
    if user is None:
        return
    notification_send(
        user=user,
        message=message,
        params={"case": decision.case.number, **params},
        url=_decision_url(decision),
        dedup_key=dedup_key,
    )


# --- the sanction rules ----------------------------------------------------------------------------------------------


def _accused_nip(case: Case) -> str:
    return case.accused.nip if case.accused else case.accused_nip


def sanction_history(case: Case) -> list[PriorSanction]:
    """Sanctions in effect on the same civil servant (by NIP) from other cases: a repeat must be heavier."""
    nip = _accused_nip(case)
    if not nip:
        return []
    decisions = (
        Decision.objects.filter(Q(case__accused_nip=nip) | Q(case__accused__nip=nip), status=_D.EFFECTIVE)
        .exclude(case=case)
        .exclude(sanction_type__isnull=True)
        .select_related("sanction_type")
        .prefetch_related("violation_types")
    )
    return [
        PriorSanction(
            sanction_code=decision.sanction_type.code,  # type: ignore[union-attr]
            violation_codes=tuple(sorted(violation.code for violation in decision.violation_types.all())),
            imposed_on=decision.decision_date or timezone.localdate(decision.created_at),
        )
        for decision in decisions
    ]


def _in_force() -> Q:
    today = timezone.localdate()
    return Q(valid_from__lte=today) & (Q(valid_to__isnull=True) | Q(valid_to__gte=today))


def _violation_types(codes: Sequence[str]) -> list[ViolationType]:
    codes = sorted({code.strip().upper() for code in codes if code and code.strip()})
    found = {violation.code: violation for violation in ViolationType.objects.filter(_in_force(), code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise DomainError(
            "violation_unknown",
            _("Unknown violation codes: %(codes)s.") % {"codes": ", ".join(unknown)},
            field="violation_codes",
        )
    return [found[code] for code in codes]


def _default_violation_codes(case: Case) -> list[str]:
    report = getattr(case, "examination_report", None)
    if report is not None:
        codes = [violation.code for violation in report.violation_types.all()]
        if codes:
            return codes
    return sorted({r.violation_type.code for r in case.reports.select_related("violation_type") if r.violation_type})


def _sanction_type(code: str) -> SanctionType:
    sanction = SanctionType.objects.filter(_in_force(), code=code.strip().upper()).order_by("-valid_from").first()
    if sanction is None:
        raise DomainError("sanction_unknown", _("Unknown sanction: %(code)s.") % {"code": code}, field="sanction_code")
    return sanction


def validated_sanction(
    *, case: Case, track: str, outcome: str, sanction_code: str, violations: list[ViolationType]
) -> SanctionType | None:
    """The sanction type for the draft, after the catalogue's rules: the heaviest of several proven violations
    gives the level, a repeat must be heavier than the last one imposed, the ethics track allows the sanksi moral
    only, a dismissal (not proven) carries no sanction."""
    if track not in Decision.Track.values:
        raise DomainError("track_invalid", _("Choose the discipline or the ethics track."), field="track")
    if outcome not in Decision.Outcome.values:
        raise DomainError("outcome_invalid", _("Choose a sanction or a dismissal."), field="outcome")
    code = (sanction_code or "").strip().upper()
    if outcome == Decision.Outcome.DISMISSAL:
        if code:
            raise DomainError(
                "dismissal_has_no_sanction",
                _("A dismissal (violation not proven) imposes no sanction."),
                field="sanction_code",
            )
        return None
    if not violations:
        raise DomainError(
            "violations_required", _("Name the proven violations (codes N01–N13)."), field="violation_codes"
        )
    if not code:
        raise DomainError("sanction_required", _("Choose the sanction."), field="sanction_code")
    sanction = _sanction_type(code)
    employee_type = case.accused.employee_type if case.accused else CivilServant.EmployeeType.PNS
    guidance = sanction_guidance(
        violation_codes=[violation.code for violation in violations],
        employee_type=employee_type,
        history=sanction_history(case),
        on=timezone.localdate(),
    )
    if track == Decision.Track.ETHICS:
        allowed = [option.code for option in guidance.ethics_options]
        if sanction.code not in allowed:
            raise DomainError(
                "sanction_not_allowed",
                _("On the ethics track only the moral sanction may be imposed (allowed here: %(allowed)s).")
                % {"allowed": ", ".join(allowed) or "—"},
                field="sanction_code",
            )
        return sanction
    allowed = [option.code for option in guidance.discipline_options]
    if sanction.code not in allowed:
        if guidance.repeat_of is not None:
            message = _(
                "This is a repeat of a violation last sanctioned with %(last)s: the sanction must be heavier. "
                "Allowed: %(allowed)s."
            ) % {"last": guidance.repeat_of.code, "allowed": ", ".join(allowed) or "—"}
        else:
            message = _(
                "For the proven violations the sanction must be of the heaviest level (%(level)s). "
                "Allowed: %(allowed)s."
            ) % {"level": guidance.discipline_level or "—", "allowed": ", ".join(allowed) or "—"}
        raise DomainError("sanction_not_allowed", message, field="sanction_code")
    return sanction


def _check_no_other_live(case: Case, track: str, *, excluding: Decision | None = None) -> None:
    others = Decision.objects.filter(case=case, track=track).exclude(status__in=DEAD_STATUSES)
    if excluding is not None:
        others = others.exclude(pk=excluding.pk)
    existing = others.first()
    if existing is not None:
        raise ConflictError(
            "decision_exists",
            _(
                "This case already has a decision on the %(track)s track (status “%(status)s”): no second sanction "
                "for the same violation. Correct or cancel that one instead."
            )
            % {"track": existing.get_track_display(), "status": existing.get_status_display()},
        )


# --- defaults for Memperhatikan and Tembusan -------------------------------------------------------------------------


def default_references(case: Case) -> list[dict[str, str]]:
    """Memperhatikan: the Bawaslu forwardings (letter and register number) and BKN recommendations of the case."""
    references: list[dict[str, str]] = []
    reports = Report.objects.filter(case_report__case=case).select_related("forwarding__office").order_by("received_at")
    for report in reports:
        received = timezone.localdate(report.received_at).isoformat()
        forwarding = getattr(report, "forwarding", None)
        if forwarding is not None:
            references.append(
                {
                    "label": f"Surat {forwarding.office.name}",
                    "number": forwarding.letter_number or forwarding.reference_number,
                    "register_number": forwarding.reference_number,
                    "date": received,
                }
            )
        elif report.channel == Channel.BKN:
            references.append({"label": "Rekomendasi Badan Kepegawaian Negara", "number": "", "date": received})
    return references


def default_copies(case: Case) -> list[str]:
    """Tembusan: BKN, the Inspektorat, the personnel office, the forwarding Bawaslu offices, the superior, archive."""
    region = case.agency.region_name
    copies = [
        "Kepala Badan Kepegawaian Negara di Jakarta",
        f"Inspektur {region}".strip(),
        f"Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia {region}".strip(),
    ]
    offices = (
        Report.objects.filter(case_report__case=case, forwarding__isnull=False)
        .values_list("forwarding__office__name", flat=True)
        .distinct()
    )
    copies += [f"Ketua {name}" for name in sorted(offices)]
    copies += ["Atasan langsung yang bersangkutan", "Yang bersangkutan", "Arsip"]
    return copies


def _clean_references(references: Any) -> list[dict[str, str]]:
    if not isinstance(references, list):
        raise DomainError("references_invalid", _("The letters taken into account are not valid."), field="references")
    cleaned = []
    for item in references:
        if not isinstance(item, dict) or not str(item.get("label", "")).strip():
            raise DomainError(
                "references_invalid", _("Every letter taken into account needs a description."), field="references"
            )
        cleaned.append({key: str(value).strip() for key, value in item.items() if value is not None})
    return cleaned


def _clean_copies(copies: Any) -> list[str]:
    if not isinstance(copies, list):
        raise DomainError("copies_invalid", _("The copies list is not valid."), field="copies")
    return [str(copy).strip() for copy in copies if str(copy).strip()]


# --- drafting --------------------------------------------------------------------------------------------------------


def _lock_case_for_drafting(case: Case, actor: Any) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if not can_draft_decision(actor, locked):
        raise PermissionDenied("decision_not_permitted", _("You may not draft a decision on this case."))
    return locked


@transaction.atomic
def decision_draft(
    *,
    case: Case,
    actor: Any,
    track: str,
    outcome: str,
    sanction_code: str = "",
    violation_codes: Sequence[str] | None = None,
    considerations: str = "",
    references: list[dict[str, str]] | None = None,
    copies: list[str] | None = None,
) -> Decision:
    """Draft a decision on one track of a case forwarded for decision (or decided on its other track)."""
    case = _lock_case_for_drafting(case, actor)
    if case.status not in (Case.Status.FORWARDED_FOR_DECISION, Case.Status.DECIDED):
        raise TransitionNotAllowed(
            "case_not_forwarded",
            _("A decision can be drafted only on a case forwarded for decision (this one is “%(status)s”).")
            % {"status": case.get_status_display()},
        )
    _check_no_other_live(case, track)
    violations = _violation_types(violation_codes if violation_codes is not None else _default_violation_codes(case))
    sanction = validated_sanction(
        case=case, track=track, outcome=outcome, sanction_code=sanction_code, violations=violations
    )
    last = Decision.objects.filter(case=case, track=track).aggregate(last=Max("version_number"))["last"] or 0
    decision = Decision.objects.create(
        case=case,
        track=track,
        outcome=outcome,
        status=_D.DRAFT,
        version_number=last + 1,
        sanction_type=sanction,
        considerations=considerations.strip(),
        references=_clean_references(references) if references is not None else default_references(case),
        copies=_clean_copies(copies) if copies is not None else default_copies(case),
        drafted_by=actor,
    )
    decision.violation_types.set(violations)
    decision_audit(
        decision,
        actor=actor,
        action=DECISION_DRAFTED,
        from_status="",
        to_status=_D.DRAFT,
        data={"outcome": outcome, "sanction": sanction.code if sanction else "", "violations": _codes(violations)},
    )
    return decision


def _codes(violations: list[ViolationType]) -> list[str]:
    return [violation.code for violation in violations]


def _lock_draft(decision: Decision, actor: Any, expected_version: int | None) -> Decision:
    decision = lock_decision(decision)
    if not can_draft_decision(actor, decision.case):
        raise PermissionDenied("decision_not_permitted", _("You may not work on this decision."))
    check_version(decision, expected_version)
    return decision


@transaction.atomic
def decision_update_draft(
    *,
    decision: Decision,
    actor: Any,
    expected_version: int | None = None,
    outcome: str | None = None,
    sanction_code: str | None = None,
    violation_codes: Sequence[str] | None = None,
    considerations: str | None = None,
    references: list[dict[str, str]] | None = None,
    copies: list[str] | None = None,
) -> Decision:
    """Change a draft (only a draft: a decision in review or awaiting signature is returned to draft first)."""
    decision = _lock_draft(decision, actor, expected_version)
    if decision.status != _D.DRAFT:
        raise TransitionNotAllowed(
            "decision_not_draft",
            _("Only a draft can be changed (this decision is “%(status)s”).")
            % {"status": decision.get_status_display()},
        )
    new_outcome = outcome if outcome is not None else decision.outcome
    violations = (
        _violation_types(violation_codes) if violation_codes is not None else list(decision.violation_types.all())
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
    if considerations is not None:
        decision.considerations = considerations.strip()
    if references is not None:
        decision.references = _clean_references(references)
    if copies is not None:
        decision.copies = _clean_copies(copies)
    save_decision(decision, "outcome", "sanction_type", "considerations", "references", "copies")
    decision.violation_types.set(violations)
    decision_audit(
        decision,
        actor=actor,
        action=DECISION_DRAFT_UPDATED,
        data={
            "outcome": decision.outcome,
            "sanction": decision.sanction_type.code if decision.sanction_type else "",
            "violations": _codes(violations),
        },
    )
    return decision


def _record_recusals(decision: Decision, recusals: list[Recusal], actor: Any) -> None:
    now = timezone.now()
    for recusal in recusals:
        _row, created = DecisionRecusal.objects.get_or_create(
            decision=decision,
            official=recusal.official,
            defaults={"reason": recusal.reason, "detail": recusal.detail, "recorded_at": now},
        )
        if created:
            decision_audit(
                decision,
                actor=actor,
                action=DECISION_OFFICIAL_RECUSED,
                reason=recusal.detail,
                data={
                    "official": recusal.official.pk,
                    "official_name": recusal.official.get_full_name() or recusal.official.get_username(),
                    "recusal_reason": recusal.reason,
                },
            )


def _apply_routing(decision: Decision, routing: Routing, actor: Any) -> None:
    _record_recusals(decision, routing.recusals, actor)
    decision.competent_official = routing.official
    decision.competent_official_title = routing.title
    decision.authority_rule = routing.rule


@transaction.atomic
def decision_submit_for_review(*, decision: Decision, actor: Any, expected_version: int | None = None) -> Decision:
    """Send a draft for review; the competent official is determined now (recusals recorded and audited)."""
    decision = _lock_draft(decision, actor, expected_version)
    if decision.status == _D.IN_REVIEW:
        return decision
    check_transition(decision, _D.IN_REVIEW)
    # The rules may have changed since drafting (history, catalogue): check them again.
    validated_sanction(
        case=decision.case,
        track=decision.track,
        outcome=decision.outcome,
        sanction_code=decision.sanction_type.code if decision.sanction_type else "",
        violations=list(decision.violation_types.all()),
    )
    routing = route_decision(decision)
    _apply_routing(decision, routing, actor)
    decision.submitted_at = timezone.now()
    decision.review_note = ""
    return decision_transition(
        decision,
        to=_D.IN_REVIEW,
        actor=actor,
        action=DECISION_SUBMITTED,
        fields=("competent_official", "competent_official_title", "authority_rule", "submitted_at", "review_note"),
        data={
            "official": routing.official.pk if routing.official else None,
            "official_title": routing.title,
            "authority": routing.authority,
            "rule": routing.rule.pk if routing.rule else None,
        },
    )


@transaction.atomic
def decision_review(
    *, decision: Decision, actor: Any, approve: bool, note: str = "", expected_version: int | None = None
) -> Decision:
    """The reviewer (an intake officer or administrator who did not draft it) approves or returns the draft."""
    decision = lock_decision(decision)
    if not can_review_decision(actor, decision):
        raise PermissionDenied(
            "decision_review_not_permitted",
            _("Only an intake officer or administrator of the agency who did not draft it may review a decision."),
        )
    target = _D.AWAITING_SIGNATURE if approve else _D.DRAFT
    if decision.status == target and (approve or decision.reviewed_by_id == actor.pk):
        return decision
    check_version(decision, expected_version)
    note = note.strip()
    if not approve:
        note = _required(note, "note", _("Say what must change before the decision can go on."))
    check_transition(decision, target)
    if decision.status != _D.IN_REVIEW:
        raise TransitionNotAllowed(
            "decision_not_in_review",
            _("Only a decision in review can be reviewed (this one is “%(status)s”).")
            % {"status": decision.get_status_display()},
        )
    decision.reviewed_by = actor
    decision.reviewed_at = timezone.now()
    decision.review_note = note
    decision_transition(
        decision,
        to=target,
        actor=actor,
        action=DECISION_APPROVED if approve else DECISION_RETURNED,
        fields=("reviewed_by", "reviewed_at", "review_note"),
        reason=note,
    )
    if approve:
        _notify(
            decision.competent_official,
            NOTIFY_AWAITING_SIGNATURE,
            decision,
            dedup_key=f"decision-{decision.pk}-sign-{decision.version}",
        )
    else:
        _notify(decision.drafted_by, NOTIFY_RETURNED, decision, note=note)
    return decision


# --- the official ----------------------------------------------------------------------------------------------------


def _lock_for_official(decision: Decision, actor: Any) -> Decision:
    decision = lock_decision(decision)
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


def _today(value: datetime.date | None, field: str) -> datetime.date:
    today = timezone.localdate()
    if value is None:
        return today
    if value > today:
        raise DomainError("date_in_future", _("The date cannot be in the future."), field=field)
    return value


@transaction.atomic
def decision_sign(
    *,
    decision: Decision,
    actor: Any,
    decision_date: datetime.date | None = None,
    expected_version: int | None = None,
) -> Decision:
    """The competent official signs: the letter(s) are issued, the case and its reports become `decided`."""
    decision = _lock_for_official(decision, actor)
    if decision.status != _D.AWAITING_SIGNATURE and decision.signed_by_id == actor.pk and decision.is_signed:
        return decision
    check_version(decision, expected_version)
    check_transition(decision, _D.SIGNED)
    case = decision.case
    recusal = recusal_reason(actor, case)
    if recusal is not None:
        raise ConflictError(
            "decision_official_recused",
            _("You are recused from this case (%(reason)s): declare the conflict so that the next official decides.")
            % {"reason": recusal.detail or DecisionRecusal.Reason(recusal.reason).label},
        )
    signed_on = _today(decision_date, "decision_date")
    decision.signed_by = actor
    decision.signed_at = timezone.now()
    decision.decision_date = signed_on
    if decision.outcome == Decision.Outcome.DISMISSAL:
        decision.execution_status = Decision.Execution.NOT_APPLICABLE
    _issue_letters(decision, actor)
    decision_transition(
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
    _mark_decided(case, actor, decision.number)
    return decision


def _issue_letters(decision: Decision, actor: Any) -> Letter | None:
    """Number the decision letter (and the moral statement on the ethics track); rendered after commit."""
    decision.letter = letter_request(
        case=decision.case, kind="decision", actor=actor, context=decision_letter_context(decision)
    )
    if decision.track == Decision.Track.ETHICS and decision.outcome == Decision.Outcome.SANCTION:
        return letter_request(
            case=decision.case, kind="moral_statement", actor=actor, context=moral_statement_context(decision)
        )
    return None


def _mark_decided(case: Case, actor: Any, number: str) -> None:
    if case.status == Case.Status.FORWARDED_FOR_DECISION:
        case_mark_decided(case=case, actor=actor, decision_number=number)
    for report in Report.objects.filter(case_report__case=case, status=Report.Status.IN_PROCESS):
        report_mark_decided(report=report, actor=actor, decision_number=number)


@transaction.atomic
def decision_return_by_official(
    *, decision: Decision, actor: Any, note: str, expected_version: int | None = None
) -> Decision:
    """The official sends the decision back to draft with a note instead of signing it."""
    decision = _lock_for_official(decision, actor)
    if decision.status == _D.DRAFT:
        return decision
    check_version(decision, expected_version)
    note = _required(note, "note", _("Say what must change before you can sign."))
    if decision.status != _D.AWAITING_SIGNATURE:
        check_transition(decision, _D.DRAFT)
        raise TransitionNotAllowed(
            "decision_not_awaiting_signature",
            _("Only a decision awaiting signature can be returned by the official."),
        )
    decision.review_note = note
    decision_transition(
        decision,
        to=_D.DRAFT,
        actor=actor,
        action=DECISION_RETURNED_BY_OFFICIAL,
        fields=("review_note",),
        reason=note,
    )
    _notify(decision.drafted_by, NOTIFY_RETURNED, decision, note=note)
    return decision


@transaction.atomic
def decision_declare_conflict(
    *, decision: Decision, actor: Any, detail: str, expected_version: int | None = None
) -> Decision:
    """The official declares a conflict of interest: recused (audited), the next official up gets the decision."""
    decision = _lock_for_official(decision, actor)
    check_version(decision, expected_version)
    detail = _required(detail, "detail", _("Describe the conflict of interest."))
    if decision.status != _D.AWAITING_SIGNATURE:
        raise TransitionNotAllowed(
            "decision_not_awaiting_signature",
            _("A conflict can be declared only on a decision awaiting your signature."),
        )
    _record_recusals(decision, [Recusal(actor, DecisionRecusal.Reason.DECLARED, detail)], actor)
    routing = route_decision(decision)
    _apply_routing(decision, routing, actor)
    save_decision(decision, "competent_official", "competent_official_title", "authority_rule")
    decision_audit(
        decision,
        actor=actor,
        action=DECISION_REROUTED,
        reason=detail,
        data={
            "from_official": actor.pk,
            "official": routing.official.pk if routing.official else None,
            "official_title": routing.title,
        },
    )
    _notify(
        routing.official,
        NOTIFY_AWAITING_SIGNATURE,
        decision,
        dedup_key=f"decision-{decision.pk}-sign-{decision.version}",
    )
    return decision


@transaction.atomic
def decision_cancel_draft(
    *, decision: Decision, actor: Any, reason: str, expected_version: int | None = None
) -> Decision:
    """Abandon a draft (e.g. drafted on the wrong track); a new one may then be drafted."""
    decision = _lock_draft(decision, actor, None)
    if decision.status == _D.CANCELLED:
        return decision
    check_version(decision, expected_version)
    reason = _required(reason, "reason", _("Give the reason."))
    return decision_transition(decision, to=_D.CANCELLED, actor=actor, action=DECISION_CANCELLED, reason=reason)


# --- corrections -----------------------------------------------------------------------------------------------------


@transaction.atomic
def decision_correct(
    *,
    decision: Decision,
    actor: Any,
    reason: str,
    expected_version: int | None = None,
    outcome: str | None = None,
    sanction_code: str | None = None,
    violation_codes: Sequence[str] | None = None,
    considerations: str | None = None,
    references: list[dict[str, str]] | None = None,
    copies: list[str] | None = None,
    decision_date: datetime.date | None = None,
) -> Decision:
    """Issue a corrected version of a signed decision, signed at once by the official; the old one (and its letter)
    is superseded, both stay verifiable. Returns the new version."""
    old = lock_decision(decision)
    if not can_correct_decision(actor, old):
        raise PermissionDenied(
            "decision_correct_not_permitted", _("Only the official who signed the decision may correct it.")
        )
    if old.status == _D.SUPERSEDED:
        newer = Decision.objects.filter(previous=old).first()
        if newer is not None and newer.signed_by_id == actor.pk and newer.correction_reason == reason.strip():
            return newer
    check_version(old, expected_version)
    reason = _required(reason, "reason", _("Give the reason for the correction."))
    if old.status not in CORRECTABLE_STATUSES:
        raise TransitionNotAllowed(
            "decision_not_correctable",
            _("Only a signed decision can be corrected (this one is “%(status)s”).")
            % {"status": old.get_status_display()},
        )
    check_transition(old, _D.SUPERSEDED)
    if old.letter is not None and old.letter.status != Letter.Status.ISSUED:
        raise ConflictError(
            "decision_letter_not_issued",
            _("The letter of this decision is still being prepared; correct it once it has been issued."),
        )
    violations = _violation_types(violation_codes) if violation_codes is not None else list(old.violation_types.all())
    new_outcome = outcome or old.outcome
    if sanction_code is None:
        sanction_code = old.sanction_type.code if old.sanction_type and new_outcome == old.outcome else ""
    unchanged = new_outcome == old.outcome and sanction_code == (old.sanction_type.code if old.sanction_type else "")
    sanction = (
        old.sanction_type
        if unchanged and violation_codes is None
        else validated_sanction(
            case=old.case, track=old.track, outcome=new_outcome, sanction_code=sanction_code, violations=violations
        )
    )
    signed_on = _today(decision_date, "decision_date")
    last = Decision.objects.filter(case=old.case, track=old.track).aggregate(last=Max("version_number"))["last"] or 0
    new = Decision(
        case=old.case,
        track=old.track,
        outcome=new_outcome,
        status=old.status,
        version_number=last + 1,
        previous=old,
        correction_reason=reason,
        sanction_type=sanction,
        considerations=considerations.strip() if considerations is not None else old.considerations,
        references=_clean_references(references) if references is not None else old.references,
        copies=_clean_copies(copies) if copies is not None else old.copies,
        authority_rule=old.authority_rule,
        competent_official=actor,
        competent_official_title=old.competent_official_title,
        drafted_by=actor,
        submitted_at=old.submitted_at,
        reviewed_by=old.reviewed_by,
        reviewed_at=old.reviewed_at,
        signed_by=actor,
        signed_at=timezone.now(),
        decision_date=signed_on,
        **{name: getattr(old, name) for name in INHERITED_FIELDS},
    )
    if new.outcome == Decision.Outcome.DISMISSAL:
        new.execution_status = Decision.Execution.NOT_APPLICABLE
    if not unchanged:
        # Another level may need another official (the authority table): the corrector must still be competent.
        routing = route_decision(new)
        if routing.official is None or routing.official.pk != actor.pk:
            raise PermissionDenied(
                "decision_correct_other_official",
                _("For the corrected sanction %(title)s is the competent official: draft a new decision instead.")
                % {"title": routing.title},
            )
        new.authority_rule = routing.rule
    # The old version leaves the live set first, so the new one is the only live decision on the track.
    previous_status = old.status
    old.status = _D.SUPERSEDED
    save_decision(old, "status")
    new.save(force_insert=True)
    new.violation_types.set(violations)
    moral = _issue_letters(new, actor)
    new.save(update_fields=["letter"])
    decision_audit(
        old,
        actor=actor,
        action=DECISION_SUPERSEDED,
        from_status=previous_status,
        to_status=_D.SUPERSEDED,
        reason=reason,
        data={"by_decision": new.pk, "number": old.number},
    )
    decision_audit(
        new,
        actor=actor,
        action=DECISION_CORRECTED,
        from_status="",
        to_status=new.status,
        reason=reason,
        data={
            "replaces": old.pk,
            "replaces_number": old.number,
            "number": new.number,
            "version_number": new.version_number,
            "sanction": sanction.code if sanction else "",
        },
    )
    if old.letter is not None and new.letter is not None:
        letter_supersede(letter=old.letter, replacement=new.letter, actor=actor, reason=reason, permitted=True)
    if moral is not None:
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
    return new


# --- conflicts of interest -------------------------------------------------------------------------------------------


@transaction.atomic
def conflict_of_interest_record(
    *,
    actor: Any,
    official: Any,
    description: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    accused: CivilServant | None = None,
) -> ConflictOfInterest:
    """Record that an official is conflicted (in every case, or only for cases about `accused`): while it holds,
    decisions are routed past the official (sanctions.routing)."""
    if not can_record_conflict(actor):
        raise PermissionDenied("conflict_not_permitted", _("You may not record conflicts of interest."))
    if actor.agency_id and official.agency_id and official.agency_id != actor.agency_id:
        raise PermissionDenied("conflict_not_permitted", _("The official belongs to another agency."))
    description = _required(description, "description", _("Describe the conflict of interest."))
    if valid_to is not None and valid_to < valid_from:
        raise DomainError("valid_to_before_from", _("The end date is before the start date."), field="valid_to")
    conflict = ConflictOfInterest.objects.create(
        official=official,
        description=description,
        accused=accused,
        valid_from=valid_from,
        valid_to=valid_to,
        recorded_by=actor,
    )
    audit_record(
        actor=actor,
        action=CONFLICT_OF_INTEREST_RECORDED,
        target=conflict,
        reason=description,
        data={
            "official": official.pk,
            "accused": accused.pk if accused else None,
            "valid_from": valid_from.isoformat(),
            "valid_to": valid_to.isoformat() if valid_to else None,
            "is_sanctioning_official": is_sanctioning_official(official),
        },
    )
    return conflict
