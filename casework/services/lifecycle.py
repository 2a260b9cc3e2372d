"""The case lifecycle outside summons and examination: review, examination team, forwarding and the exits.

Every service locks the case, returns at once if the case is already where it was asked to go, refuses a stale
`expected_version` (ConflictError) or a move CASE_TRANSITIONS forbids (TransitionNotAllowed), and writes one audit
event in the same transaction.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from casework.audit_actions import (
    CASE_CLOSED,
    CASE_CLOSED_NOT_PROVEN,
    CASE_DECIDED,
    CASE_DISMISSED,
    CASE_FORWARDED_FOR_DECISION,
    CASE_MERGE_RECEIVED,
    CASE_MERGED,
    CASE_REVIEW_STARTED,
    CASE_WITHDRAWN,
    CRIMINAL_REFERRAL_RECORDED,
    EXAMINATION_TEAM_FORMED,
)
from casework.models import Case, CaseReport, CaseTrack, ExaminationTeam, ExaminationTeamMember, ProbableLevel
from casework.permissions import can_manage_case
from casework.services._common import bump, check_version, lock_case, record, request_letter, transition
from casework.services.context import case_context, person
from core.audit_registry import AuditAction
from core.errors import ConflictError, DomainError

_S = Case.Status
REVIEW_TRACKS = (CaseTrack.Track.ETHICS, CaseTrack.Track.DISCIPLINE)


def _required(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise DomainError(f"{field}_required", message, field=field)
    return value.strip()


@transaction.atomic
def case_start_review(
    *,
    case: Case,
    actor: Any,
    probable_level: str,
    tracks: Sequence[str],
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """Start the review (telaah): record the probable level and the tracks (ethics and/or discipline) it follows."""
    if probable_level not in ProbableLevel.values:
        raise DomainError("probable_level_invalid", _("Choose the probable level."), field="probable_level")
    chosen = list(dict.fromkeys(tracks))
    if not chosen or any(track not in REVIEW_TRACKS for track in chosen):
        raise DomainError("tracks_invalid", _("Choose the ethics track, the discipline track or both."), field="tracks")
    case = lock_case(case, actor=actor)
    if case.status == _S.UNDER_REVIEW:
        return case
    check_version(case, expected_version)
    case.probable_level, case.review_note = probable_level, note.strip()
    transition(
        case,
        to=_S.UNDER_REVIEW,
        actor=actor,
        action=CASE_REVIEW_STARTED,
        reason=case.review_note,
        data={"probable_level": probable_level, "tracks": chosen},
        fields=("probable_level", "review_note"),
    )
    CaseTrack.objects.bulk_create([CaseTrack(case=case, track=track) for track in chosen])
    return case


@dataclass(frozen=True)
class TeamMemberInput:
    role: str
    name: str
    nip: str = ""
    position_title: str = ""
    user: Any = None
    civil_servant: Any = None


@transaction.atomic
def examination_team_form(
    *,
    case: Case,
    actor: Any,
    decision_number: str,
    decision_date: datetime.date,
    members: Sequence[TeamMemberInput],
    expected_version: int | None = None,
) -> ExaminationTeam:
    """Record the Tim Pemeriksa (direct superior, Inspektorat and BKPSDM) and the decision forming it.

    Members with an account see the case. Requests the team decision letter after commit.
    """
    decision_number = _required(decision_number, "decision_number", _("Give the number of the decision."))
    roles = {member.role for member in members}
    if roles != set(ExaminationTeamMember.Role.values) or any(not member.name.strip() for member in members):
        raise DomainError(
            "team_incomplete",
            _("The examination team needs the direct superior, the Inspectorate and BKPSDM, each with a name."),
            field="members",
        )
    case = lock_case(case, actor=actor, check=can_manage_case)
    if case.status == _S.TEAM_FORMED:
        return case.examination_team
    check_version(case, expected_version)
    transition(case, to=_S.TEAM_FORMED, actor=actor, action=EXAMINATION_TEAM_FORMED, data={"decision": decision_number})
    team = ExaminationTeam.objects.create(
        case=case, decision_number=decision_number, decision_date=decision_date, formed_by=actor
    )
    ExaminationTeamMember.objects.bulk_create(
        [
            ExaminationTeamMember(
                team=team,
                role=member.role,
                user=member.user,
                civil_servant=member.civil_servant,
                name=member.name.strip(),
                nip=member.nip,
                position_title=member.position_title,
            )
            for member in members
        ]
    )
    request_letter(
        case=case,
        kind="examination_team_decision",
        actor=actor,
        context=case_context(
            case,
            decision_number=decision_number,
            decision_date=decision_date,
            members=[{"role": m.role, "name": m.name, "nip": m.nip, "position": m.position_title} for m in members],
            signatory=person(actor),
        ),
    )
    return team


@transaction.atomic
def case_forward_for_decision(*, case: Case, actor: Any, expected_version: int | None = None) -> Case:
    """Hand the case to the sanctioning official: after a proven LHP, or on the evidence after two absences."""
    case = lock_case(case, actor=actor)
    if case.status == _S.FORWARDED_FOR_DECISION:
        return case
    check_version(case, expected_version)
    # A not-proven LHP may be forwarded too: the official then issues a dismissal decision (sanctions app).
    return transition(case, to=_S.FORWARDED_FOR_DECISION, actor=actor, action=CASE_FORWARDED_FOR_DECISION)


@transaction.atomic
def case_mark_decided(*, case: Case, actor: Any, decision_number: str) -> Case:
    """A decision on the case was signed (called by the sanctions app inside its signing transaction)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == _S.DECIDED:
        return case
    return transition(case, to=_S.DECIDED, actor=actor, action=CASE_DECIDED, data={"decision_number": decision_number})


@transaction.atomic
def case_close(*, case: Case, actor: Any, reason: str) -> Case:
    """Every decision on the case took effect and was carried out, or was annulled (called by the sanctions app)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == _S.CLOSED:
        return case
    case.closure_reason = reason
    transition(case, to=_S.CLOSED, actor=actor, action=CASE_CLOSED, reason=reason, fields=("closure_reason",))
    CaseTrack.objects.filter(case=case, track__in=REVIEW_TRACKS, status=CaseTrack.Status.OPEN).update(
        status=CaseTrack.Status.CLOSED
    )
    return case


@transaction.atomic
def case_close_not_proven(*, case: Case, actor: Any, reason: str, expected_version: int | None = None) -> Case:
    """Close a case whose examination report finds the violation not proven."""
    reason = _required(reason, "reason", _("Give the reason."))
    case = lock_case(case, actor=actor)
    if case.status == _S.NOT_PROVEN:
        return case
    check_version(case, expected_version)
    report = getattr(case, "examination_report", None)
    if case.status == _S.REPORTED and (report is None or report.proven):
        raise ConflictError("case_proven", _("The examination report finds the violation proven; forward the case."))
    case.closure_reason = reason
    transition(
        case, to=_S.NOT_PROVEN, actor=actor, action=CASE_CLOSED_NOT_PROVEN, reason=reason, fields=("closure_reason",)
    )
    CaseTrack.objects.filter(case=case, status=CaseTrack.Status.OPEN).update(status=CaseTrack.Status.NOT_PROVEN)
    return case


def _close(case: Case, *, to: str, actor: Any, action: AuditAction, reason: str, expected_version: int | None) -> Case:
    reason = _required(reason, "reason", _("Give the reason."))
    case = lock_case(case, actor=actor, check=can_manage_case)
    if case.status == to:
        return case
    check_version(case, expected_version)
    case.closure_reason = reason
    transition(case, to=to, actor=actor, action=action, reason=reason, fields=("closure_reason",))
    CaseTrack.objects.filter(case=case, status=CaseTrack.Status.OPEN).update(status=CaseTrack.Status.CLOSED)
    return case


@transaction.atomic
def case_dismiss(*, case: Case, actor: Any, reason: str, expected_version: int | None = None) -> Case:
    """End a case before examination because the review found no ground to go on (reason required)."""
    return _close(
        case, to=_S.DISMISSED, actor=actor, action=CASE_DISMISSED, reason=reason, expected_version=expected_version
    )


@transaction.atomic
def case_withdraw(*, case: Case, actor: Any, reason: str, expected_version: int | None = None) -> Case:
    """Withdraw an open case (e.g. registered in error, or the accused is not under this agency), with a reason."""
    return _close(
        case, to=_S.WITHDRAWN, actor=actor, action=CASE_WITHDRAWN, reason=reason, expected_version=expected_version
    )


@transaction.atomic
def case_merge(*, case: Case, into: Case, actor: Any, expected_version: int | None = None) -> Case:
    """Merge `case` into `into` (same agency, still open): its reports, and so their reporters, follow `into`."""
    if case.pk == into.pk:
        raise DomainError("merge_into_itself", _("A case cannot be merged into itself."), field="into")
    # Lock both rows in id order, so two merges of the same pair cannot deadlock.
    for pk in sorted((case.pk, into.pk)):
        locked = lock_case(case if pk == case.pk else into, actor=actor, check=can_manage_case)
        if pk == case.pk:
            case = locked
        else:
            into = locked
    if case.status == _S.MERGED and case.merged_into_id == into.pk:
        return case
    check_version(case, expected_version)
    if into.agency_id != case.agency_id or not into.is_open or into.status == _S.MERGED:
        raise ConflictError("merge_target_closed", _("A case can only be merged into an open case of the same agency."))
    case.merged_into = into
    moved = list(CaseReport.objects.filter(case=case).values_list("report_id", flat=True))
    transition(
        case,
        to=_S.MERGED,
        actor=actor,
        action=CASE_MERGED,
        data={"into": into.number, "reports": moved},
        fields=("merged_into",),
    )
    CaseReport.objects.filter(case=case).update(case=into)
    record(into, actor=actor, action=CASE_MERGE_RECEIVED, data={"from": case.number, "reports": moved})
    bump(into)
    return case


@transaction.atomic
def criminal_referral_record(
    *,
    case: Case,
    actor: Any,
    referred_to: str,
    referred_on: datetime.date,
    note: str = "",
    expected_version: int | None = None,
) -> CaseTrack:
    """Record that criminal elements were referred (to Gakkumdu or the police); Netra only records it."""
    referred_to = _required(referred_to, "referred_to", _("Say to whom the case was referred."))
    case = lock_case(case, actor=actor)
    track = CaseTrack.objects.filter(case=case, track=CaseTrack.Track.CRIMINAL_REFERRAL).first()
    if track is not None and (track.referred_to, track.referred_on, track.note) == (referred_to, referred_on, note):
        return track
    check_version(case, expected_version)
    track = track or CaseTrack(case=case, track=CaseTrack.Track.CRIMINAL_REFERRAL)
    track.status, track.referred_to, track.referred_on, track.note = (
        CaseTrack.Status.REFERRED,
        referred_to,
        referred_on,
        note,
    )
    track.full_clean(exclude=["case"])
    track.save()
    record(
        case,
        actor=actor,
        action=CRIMINAL_REFERRAL_RECORDED,
        reason=note,
        data={"referred_to": referred_to, "referred_on": referred_on.isoformat()},
    )
    bump(case)
    return track
