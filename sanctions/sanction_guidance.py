"""Sanction guidance from the catalogue data (PP 94/2021 Pasal 8–19, PP 42/2004 Pasal 15; docs/legal-basis.md §3.5).

Pure reads: what an examiner or official may choose for the proven violations (given the accused's employee type,
position and sanction history), and who has the authority.
Rules: several violations in one examination → one sanction at the heaviest level; a repeat of the same kind of
violation (sanctions.sanction_history) → heavier than the last sanction imposed for it; a sanction meaningless for
the accused's position (B2 for an executor) is not offered; a statutory dismissal (PTDH) only for the violation that
leads to it; the ethics track offers the sanksi moral. The catalogue rows are those of the accused's employee type.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Q

from accounts.models import CivilServant
from casework.models import Case
from core import clock
from sanctions.models import AuthorityRule, SanctionType
from sanctions.sanction_history import HistoryEntry, last_repeat, same_kind_repeats, sanction_history
from violations.models import SanctionLevel, ViolationType

LEVEL_ORDER: tuple[str, ...] = (
    SanctionLevel.LIGHT,
    SanctionLevel.MODERATE,
    SanctionLevel.HEAVY,
    SanctionLevel.DISMISSAL,
)


@dataclass(frozen=True)
class SanctionGuidance:
    """What may be imposed. `violations`: the proven types, with the basis of their level and any alternative reading;
    `repeats`: the earlier sanctions of the same kind (`repeat_of` the last of them); `excluded`: the sanctions of the
    level not offered for the accused's position."""

    discipline_level: str
    discipline_options: list[SanctionType]
    ethics_options: list[SanctionType]
    repeat_of: HistoryEntry | None = None
    unknown_codes: list[str] = field(default_factory=list)
    violations: list[ViolationType] = field(default_factory=list)
    repeats: list[HistoryEntry] = field(default_factory=list)
    excluded: list[SanctionType] = field(default_factory=list)

    @property
    def alternative_readings(self) -> list[ViolationType]:
        return [violation for violation in self.violations if violation.alternative_level]


def sanctions_in_force(on: datetime.date, employee_type: str) -> list[SanctionType]:
    """The catalogue rows in force on `on` for the employee type, lightest first."""
    in_force = SanctionType.objects.filter(
        Q(valid_from__lte=on), Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    ).order_by("severity", "code")
    return [sanction for sanction in in_force if sanction.applies_to(employee_type)]


def heaviest_level(levels: Sequence[str]) -> str:
    ranked = [level for level in levels if level in LEVEL_ORDER]
    return max(ranked, key=LEVEL_ORDER.index) if ranked else ""


def _at_or_above(level: str, minimum: str) -> bool:
    return level in LEVEL_ORDER and LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(minimum)


def _discipline_candidates(catalogue: list[SanctionType], level: str) -> list[SanctionType]:
    """The sanctions of the proven level and above; the statutory dismissal only where the violation leads to it."""
    if not level:
        return []
    return [
        sanction
        for sanction in catalogue
        if sanction.track != SanctionType.Track.ETHICS
        and _at_or_above(sanction.level, level)
        and (sanction.level != SanctionLevel.DISMISSAL or level == SanctionLevel.DISMISSAL)
    ]


def sanction_guidance(
    *,
    violation_codes: Sequence[str],
    employee_type: str,
    history: Sequence[HistoryEntry] = (),
    on: datetime.date | None = None,
    position_kind: str = "",
) -> SanctionGuidance:
    """The sanctions allowed for these proven violations of a PNS or PPPK in this position, with this history."""
    on = on or clock.today()
    types = {
        violation.code: violation
        for violation in ViolationType.objects.filter(code__in=violation_codes).select_related("repeat_kind")
    }
    violations = [types[code] for code in violation_codes if code in types]
    level = heaviest_level([violation.discipline_level for violation in violations])
    catalogue = sanctions_in_force(on, employee_type)
    repeats = same_kind_repeats(history, violations)
    repeat_of = last_repeat(repeats)
    discipline = _discipline_candidates(catalogue, level)
    if repeat_of is not None:
        discipline = [sanction for sanction in discipline if sanction.severity > repeat_of.severity]
    excluded = [sanction for sanction in discipline if not sanction.offered_to(position_kind)]
    discipline = [sanction for sanction in discipline if sanction.offered_to(position_kind)]
    if discipline:
        # The proven level first; a repeat may escalate to the lightest level that still offers a heavier one.
        first_level = discipline[0].level
        discipline = [sanction for sanction in discipline if sanction.level == first_level]
        excluded = [sanction for sanction in excluded if sanction.level == first_level]
    moral = any(violation.ethics_moral_sanction for violation in violations)
    ethics = [sanction for sanction in catalogue if sanction.track == SanctionType.Track.ETHICS] if moral else []
    return SanctionGuidance(
        discipline_level=level,
        discipline_options=discipline,
        ethics_options=ethics,
        repeat_of=repeat_of,
        unknown_codes=sorted(set(violation_codes) - set(types)),
        violations=violations,
        repeats=repeats,
        excluded=excluded,
    )


def guidance_for_accused(
    case: Case, violation_codes: Sequence[str], *, on: datetime.date | None = None
) -> SanctionGuidance:
    """The guidance for the case's accused: their employee type (PNS when not in the register), position kind and
    sanction history (Netra's decisions and the register's prior sanctions)."""
    accused = case.accused
    return sanction_guidance(
        violation_codes=violation_codes,
        employee_type=accused.employee_type if accused else CivilServant.EmployeeType.PNS,
        position_kind=accused.position_kind if accused else "",
        history=sanction_history(case),
        on=on,
    )


def authority_rule_for(
    *, accused: CivilServant, sanction: SanctionType, on: datetime.date | None = None
) -> AuthorityRule | None:
    """The authority rule for this accused and sanction; a rule naming the sanction beats one for its level."""
    on = on or clock.today()
    scopes = [AuthorityRule.FunctionalScope.ANY]
    if accused.position_kind == CivilServant.PositionKind.FUNCTIONAL:
        principal = accused.functional_level == CivilServant.FunctionalLevel.PRINCIPAL_EXPERT
        scopes.append(
            AuthorityRule.FunctionalScope.PRINCIPAL_EXPERT
            if principal
            else AuthorityRule.FunctionalScope.BELOW_PRINCIPAL_EXPERT
        )
    candidates = AuthorityRule.objects.filter(
        Q(valid_from__lte=on),
        Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        position_kind=accused.position_kind,
        functional_scope__in=scopes,
        level=sanction.level,
        sanction_code__in=["", sanction.code],
    )
    return max(candidates, key=lambda rule: (rule.sanction_code != "", rule.functional_scope != "any"), default=None)


def superior_with_authority(*, accused: CivilServant, rule: AuthorityRule) -> CivilServant | None:
    """For a rule that lets a superior decide: the nearest superior up the line whose position kind qualifies."""
    if rule.authority != AuthorityRule.Authority.SUPERIOR_IN_LINE:
        return None
    seen = {accused.pk}
    superior = accused.direct_superior
    while superior is not None and superior.pk not in seen:
        if superior.position_kind in rule.superior_kinds:
            return superior
        seen.add(superior.pk)
        superior = superior.direct_superior
    return None
