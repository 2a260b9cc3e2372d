"""Who must sign a letter of a case, found from authority, never from the account that records it.

- `examination_signatory(case)`: summonses and the LHP. The chair of the examination team when the case has one;
  otherwise the accused's direct superior in the civil-servant register (docs/legal-basis.md §5.2, §7.3).
- `team_decree_signatory(agency, on)`: the decree forming the team, signed by the PPK or the official the PPK
  designated, as the agency's administrators recorded it (`TeamDecreeSignatory`; docs/legal-basis.md §4.3).

Each raises DomainError `signatory_unknown` with an Indonesian message naming who must be recorded, before anything
is written. `Signatory.apply(row)` keeps the signatory on the row the letter records; `.for_letter()` is the
letter's snapshot (`c.signatory`).
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Agency
from casework.models import Case, ExaminationTeam, SignatoryRole, SignatorySnapshot, TeamDecreeSignatory
from core.errors import DomainError


@dataclass(frozen=True)
class Signatory:
    name: str
    nip: str
    position: str
    role: str
    # The PPK's designation of the official who signs (a team decree signed by a designated official).
    designation_basis: str = ""

    def apply(self, row: SignatorySnapshot) -> None:
        row.signatory_name, row.signatory_nip = self.name, self.nip
        row.signatory_position, row.signatory_role = self.position, self.role

    def for_letter(self) -> dict[str, str]:
        with translation.override("id"):
            role_label = str(SignatoryRole(self.role).label) if self.role else ""
        letter = {"name": self.name, "nip": self.nip, "position": self.position, "role": self.role}
        letter["role_label"] = role_label
        if self.designation_basis:
            letter["designation_basis"] = self.designation_basis
        return letter

    @classmethod
    def of(cls, row: SignatorySnapshot) -> "Signatory":
        """The signatory kept on a row (a summons, an LHP, a team)."""
        return cls(row.signatory_name, row.signatory_nip, row.signatory_position, row.signatory_role)


def _refused(message: str, **params: Any) -> DomainError:
    return DomainError("signatory_unknown", message % params, field="signatory")


def _chair_of(team: ExaminationTeam) -> Signatory:
    chair = team.chair
    if chair is None:
        raise _refused(
            _(
                "The examination team formed by decree %(number)s has no chair recorded; the chair signs the "
                "team's summonses and its report. Form the team with its chair."
            ),
            number=team.decision_number,
        )
    return Signatory(chair.name, chair.nip, chair.position_title, SignatoryRole.TEAM_CHAIR)


def examination_signatory(case: Case) -> Signatory:
    """The team's chair, or the accused's direct superior (see the module docstring)."""
    if case.has_examination_team():
        return _chair_of(case.examination_team)
    accused = case.accused
    if accused is None:
        raise _refused(
            _(
                "%(name)s is not linked to the civil-servant register, so the direct superior who signs is "
                "unknown; link the accused to the register or form an examination team with a chair."
            ),
            name=case.accused_name,
        )
    superior = accused.direct_superior
    if superior is None or not superior.is_active:
        raise _refused(
            _(
                "The direct superior of %(name)s is not recorded in the civil-servant register; record the direct "
                "superior, or form an examination team with a chair."
            ),
            name=accused.name,
        )
    return Signatory(superior.name, superior.nip, superior.position_title, SignatoryRole.DIRECT_SUPERIOR)


def team_decree_signatory(agency: Agency, on: datetime.date) -> Signatory:
    """Who signs the decree forming a team in `agency` on `on` (see the module docstring)."""
    found = TeamDecreeSignatory.objects.filter(agency=agency).in_force(on).order_by("-valid_from").first()
    if found is None:
        raise _refused(
            _(
                "No official who signs the decree forming an examination team is recorded for %(agency)s on "
                "%(date)s. An administrator records the PPK, or the official the PPK designated with the basis of "
                "the designation, under Administration → Team-decree signatories."
            ),
            agency=agency.name,
            date=date_format(on, "j F Y"),
        )
    return Signatory(
        found.name, found.nip, found.position_title, found.signatory_role, designation_basis=found.designation_basis
    )
