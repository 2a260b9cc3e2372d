"""The examination team (Tim Pemeriksa) and the decree forming it (docs/legal-basis.md §4.3).

The decree Netra issues is numbered by its `decision` register when the team is formed (one number per act, never
typed) and signed by the agency's team-decree signatory: the PPK or the official the PPK designated. A team formed
earlier on paper is recorded with that decree's own number and date, marked external, and Netra issues no decree.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import CivilServant
from casework.audit_actions import EXAMINATION_TEAM_FORMED
from casework.letter_snapshots import case_context
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, ExaminationTeam, ExaminationTeamMember, Letter
from casework.permissions import can_manage_case
from casework.services.input_checks import required_text
from casework.services.locking import lock_case_for_actor
from casework.signatories import Signatory, team_decree_signatory
from core import clock
from core.errors import DomainError

_S = Case.Status


@dataclass(frozen=True)
class TeamMemberInput:
    role: str
    name: str
    nip: str = ""
    position_title: str = ""
    user: Actor | None = None
    civil_servant: CivilServant | None = None
    # Exactly one member chairs the team (signs its summonses and its LHP).
    is_chair: bool = False


@dataclass(frozen=True)
class ExternalDecree:
    """A decree forming the team that Netra did not issue (on paper, before): its own number and date."""

    number: str
    date: datetime.date


def _check_team(members: Sequence[TeamMemberInput]) -> None:
    roles = {member.role for member in members}
    if roles != set(ExaminationTeamMember.Role.values) or any(not member.name.strip() for member in members):
        raise DomainError(
            "team_incomplete",
            _("The examination team needs the direct superior, the Inspectorate and BKPSDM, each with a name."),
            field="members",
        )
    if sum(1 for member in members if member.is_chair) != 1:
        raise DomainError("team_chair_required", _("Choose the chair of the examination team."), field="chair")


def _checked_external(decree: ExternalDecree) -> ExternalDecree:
    number = required_text(decree.number, "decision_number", _("Give the number of the decree issued on paper."))
    if decree.date > clock.today():
        raise DomainError(
            "decision_date_in_future",
            _("The decree is dated %(date)s, a day still to come: give the date it was signed.")
            % {"date": date_format(decree.date, "j F Y")},
            field="decision_date",
        )
    return ExternalDecree(number=number, date=decree.date)


def _team_members(team: ExaminationTeam, members: Sequence[TeamMemberInput]) -> None:
    ExaminationTeamMember.objects.bulk_create(
        [
            ExaminationTeamMember(
                team=team,
                role=member.role,
                user=member.user,
                civil_servant=member.civil_servant,
                name=member.name.strip(),
                nip=member.nip.strip(),
                position_title=member.position_title.strip(),
                is_chair=member.is_chair,
            )
            for member in members
        ]
    )


def _request_team_decree(
    case: Case, members: Sequence[TeamMemberInput], signatory: Signatory, actor: Actor, on: datetime.date
) -> Letter:
    people = [
        {"role": m.role, "name": m.name.strip(), "nip": m.nip, "position": m.position_title, "chair": m.is_chair}
        for m in sorted(members, key=lambda m: not m.is_chair)  # the chair first, then the members as given
    ]
    return letter_request(
        case=case,
        kind="examination_team_decision",
        actor=actor,
        context=case_context(
            case,
            letter_kind="examination_team_decision",
            decision_date=on,
            members=people,
            signatory=signatory.for_letter(),
        ),
    )


def _new_team(case: Case, actor: Actor, members: Sequence[TeamMemberInput], external: ExternalDecree | None) -> None:
    """The decree (Netra's letter, or the external one) and the team row that keeps its number and signatory."""
    today = clock.today()
    team = ExaminationTeam(case=case, formed_by=actor, decree_is_external=external is not None)
    if external is not None:
        team.decision_number, team.decision_date = external.number, external.date
    else:
        signatory = team_decree_signatory(case.agency, today)
        team.letter = _request_team_decree(case, members, signatory, actor, today)
        team.decision_number, team.decision_date = team.letter.number, today
        signatory.apply(team)
    team.full_clean(exclude=["case", "letter", "formed_by"], validate_constraints=False)
    team.save(force_insert=True)
    _team_members(team, members)


@transaction.atomic
def examination_team_form(
    *,
    case: Case,
    actor: Actor,
    members: Sequence[TeamMemberInput],
    external_decree: ExternalDecree | None = None,
    expected_version: int | None = None,
) -> ExaminationTeam:
    """Record the Tim Pemeriksa (direct superior, Inspektorat and BKPSDM, one of them its chair) and the decree
    forming it: issued by Netra (numbered by the register, signed by the agency's team-decree signatory; refused
    when the agency has none) or, given `external_decree`, issued on paper before. Members with an account see the
    case. The decree letter is rendered after commit."""
    _check_team(members)
    external = _checked_external(external_decree) if external_decree is not None else None
    case = lock_case_for_actor(case, actor=actor, may=can_manage_case)
    if case.has_examination_team():
        return case.examination_team
    CASE_LIFECYCLE.check_version(case, expected_version)
    CASE_LIFECYCLE.check_transition(case, _S.TEAM_FORMED)
    _new_team(case, actor, members, external)
    team = ExaminationTeam.objects.get(case=case)
    chair = next(member.name.strip() for member in members if member.is_chair)
    CASE_LIFECYCLE.transition(
        case,
        to=_S.TEAM_FORMED,
        actor=actor,
        action=EXAMINATION_TEAM_FORMED,
        data={"decision": team.decision_number, "external": team.decree_is_external, "chair": chair},
    )
    return team
