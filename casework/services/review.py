"""The review (telaah) of a case and the examination team (Tim Pemeriksa) it may call for.

Each service locks the case (casework.services.locking), returns at once if the case is already where it was asked
to go, refuses a stale `expected_version` (ConflictError) or a move CASE_TRANSITIONS forbids (TransitionNotAllowed),
and moves the case through CASE_LIFECYCLE with one audit event in the same transaction.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import CivilServant
from casework.audit_actions import CASE_REVIEW_STARTED, EXAMINATION_TEAM_FORMED
from casework.letter_snapshots import case_context, person
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, CaseTrack, ExaminationTeam, ExaminationTeamMember, ProbableLevel
from casework.permissions import can_manage_case
from casework.services.input_checks import required_text
from casework.services.locking import lock_case_for_actor
from core.errors import DomainError

_S = Case.Status
REVIEW_TRACKS = (CaseTrack.Track.ETHICS, CaseTrack.Track.DISCIPLINE)


def _chosen_tracks(probable_level: str, tracks: Sequence[str]) -> list[str]:
    if probable_level not in ProbableLevel.values:
        raise DomainError("probable_level_invalid", _("Choose the probable level."), field="probable_level")
    chosen = list(dict.fromkeys(tracks))
    if not chosen or any(track not in REVIEW_TRACKS for track in chosen):
        raise DomainError("tracks_invalid", _("Choose the ethics track, the discipline track or both."), field="tracks")
    return chosen


@transaction.atomic
def case_start_review(
    *,
    case: Case,
    actor: Actor,
    probable_level: str,
    tracks: Sequence[str],
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """Start the review (telaah): record the probable level and the tracks (ethics and/or discipline) it follows."""
    chosen = _chosen_tracks(probable_level, tracks)
    case = lock_case_for_actor(case, actor=actor)
    if case.status == _S.UNDER_REVIEW:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    case.probable_level, case.review_note = probable_level, note.strip()
    CASE_LIFECYCLE.transition(
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
    user: Actor | None = None
    civil_servant: CivilServant | None = None


def _check_team(members: Sequence[TeamMemberInput]) -> None:
    roles = {member.role for member in members}
    if roles != set(ExaminationTeamMember.Role.values) or any(not member.name.strip() for member in members):
        raise DomainError(
            "team_incomplete",
            _("The examination team needs the direct superior, the Inspectorate and BKPSDM, each with a name."),
            field="members",
        )


def _team_members(team: ExaminationTeam, members: Sequence[TeamMemberInput]) -> None:
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


def _request_team_decision(case: Case, team: ExaminationTeam, members: Sequence[TeamMemberInput], actor: Actor) -> None:
    letter_request(
        case=case,
        kind="examination_team_decision",
        actor=actor,
        context=case_context(
            case,
            decision_number=team.decision_number,
            decision_date=team.decision_date,
            members=[{"role": m.role, "name": m.name, "nip": m.nip, "position": m.position_title} for m in members],
            signatory=person(actor),
        ),
    )


@transaction.atomic
def examination_team_form(
    *,
    case: Case,
    actor: Actor,
    decision_number: str,
    decision_date: datetime.date,
    members: Sequence[TeamMemberInput],
    expected_version: int | None = None,
) -> ExaminationTeam:
    """Record the Tim Pemeriksa (direct superior, Inspektorat and BKPSDM) and the decision forming it.

    Members with an account see the case. Requests the team decision letter after commit.
    """
    decision_number = required_text(decision_number, "decision_number", _("Give the number of the decision."))
    _check_team(members)
    case = lock_case_for_actor(case, actor=actor, may=can_manage_case)
    if case.status == _S.TEAM_FORMED:
        return case.examination_team
    CASE_LIFECYCLE.check_version(case, expected_version)
    CASE_LIFECYCLE.transition(
        case, to=_S.TEAM_FORMED, actor=actor, action=EXAMINATION_TEAM_FORMED, data={"decision": decision_number}
    )
    team = ExaminationTeam.objects.create(
        case=case, decision_number=decision_number, decision_date=decision_date, formed_by=actor
    )
    _team_members(team, members)
    _request_team_decision(case, team, members, actor)
    return team
