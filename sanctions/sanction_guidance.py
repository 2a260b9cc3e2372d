"""Sanction guidance from the catalogue data (PP 94/2021 Pasal 8–19, PP 42/2004 Pasal 15; docs/legal-basis.md §3.5).

Pure reads: what an examiner or official may choose for the proven violations (given the accused's sanction history),
and who has the authority.
Rules: several violations in one examination → one sanction at the heaviest level; a repeat of the same kind of
violation → heavier than the last sanction imposed for it; the ethics track offers the sanksi moral.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Q

from accounts.models import CivilServant
from casework.models import Case
from core import clock
from sanctions.models import AuthorityRule, Decision, SanctionType
from violations.models import SanctionLevel, ViolationType

LEVEL_ORDER: tuple[str, ...] = (
    SanctionLevel.LIGHT,
    SanctionLevel.MODERATE,
    SanctionLevel.HEAVY,
    SanctionLevel.DISMISSAL,
)


@dataclass(frozen=True)
class PriorSanction:
    """A sanction imposed on the same civil servant before, and the violation codes it was for."""

    sanction_code: str
    violation_codes: tuple[str, ...]
    imposed_on: datetime.date


@dataclass(frozen=True)
class SanctionGuidance:
    discipline_level: str
    discipline_options: list[SanctionType]
    ethics_options: list[SanctionType]
    repeat_of: SanctionType | None = None
    unknown_codes: list[str] = field(default_factory=list)


def _accused_nip(case: Case) -> str:
    return case.accused.nip if case.accused else case.accused_nip


def sanction_history(case: Case) -> list[PriorSanction]:
    """Sanctions in effect on the same civil servant (by NIP) from other cases: a repeat must be heavier."""
    nip = _accused_nip(case)
    if not nip:
        return []
    decisions = (
        Decision.objects.filter(Q(case__accused_nip=nip) | Q(case__accused__nip=nip), status=Decision.Status.EFFECTIVE)
        .exclude(case=case)
        .exclude(sanction_type__isnull=True)
        .select_related("sanction_type")
        .prefetch_related("violation_types")
    )
    return [
        PriorSanction(
            sanction_code=decision.sanction_type.code,  # type: ignore[union-attr]
            violation_codes=tuple(sorted(violation.code for violation in decision.violation_types.all())),
            imposed_on=decision.decision_date or clock.local_date(decision.created_at),
        )
        for decision in decisions
    ]


def _sanctions_in_force(on: datetime.date, employee_type: str) -> list[SanctionType]:
    in_force = SanctionType.objects.filter(
        Q(valid_from__lte=on), Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    ).order_by("severity", "code")
    return [sanction for sanction in in_force if employee_type in sanction.employee_types]


def heaviest_level(levels: Sequence[str]) -> str:
    ranked = [level for level in levels if level in LEVEL_ORDER]
    return max(ranked, key=LEVEL_ORDER.index) if ranked else ""


def sanction_guidance(
    *,
    violation_codes: Sequence[str],
    employee_type: str,
    history: Sequence[PriorSanction] = (),
    on: datetime.date | None = None,
) -> SanctionGuidance:
    """The sanctions allowed for these proven violations of a PNS or PPPK with this sanction history."""
    on = on or clock.today()
    types = {violation.code: violation for violation in ViolationType.objects.filter(code__in=violation_codes)}
    level = heaviest_level([types[code].discipline_level for code in violation_codes if code in types])
    catalogue = _sanctions_in_force(on, employee_type)
    by_code = {sanction.code: sanction for sanction in catalogue}

    repeat_of = _last_for_same_kind(history, violation_codes, by_code)
    discipline = [
        sanction
        for sanction in catalogue
        if sanction.track != SanctionType.Track.ETHICS and level and _at_or_above(sanction.level, level)
    ]
    if repeat_of is not None:
        discipline = [sanction for sanction in discipline if sanction.severity > repeat_of.severity]
    if discipline:
        # The proven level first; a repeat may escalate to the lightest level that still offers a heavier one.
        first_level = discipline[0].level
        discipline = [sanction for sanction in discipline if sanction.level == first_level]
    moral = any(types[code].ethics_moral_sanction for code in violation_codes if code in types)
    ethics = [sanction for sanction in catalogue if sanction.track == SanctionType.Track.ETHICS] if moral else []
    return SanctionGuidance(
        discipline_level=level,
        discipline_options=discipline,
        ethics_options=ethics,
        repeat_of=repeat_of,
        unknown_codes=sorted(set(violation_codes) - set(types)),
    )


def _at_or_above(level: str, minimum: str) -> bool:
    return level in LEVEL_ORDER and LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(minimum)


def _last_for_same_kind(
    history: Sequence[PriorSanction], violation_codes: Sequence[str], by_code: dict[str, SanctionType]
) -> SanctionType | None:
    same_kind = [
        prior
        for prior in history
        if set(prior.violation_codes) & set(violation_codes)
        and prior.sanction_code in by_code
        and by_code[prior.sanction_code].track != SanctionType.Track.ETHICS
    ]
    if not same_kind:
        return None
    return by_code[max(same_kind, key=lambda prior: prior.imposed_on).sanction_code]


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
