"""The accused's earlier sanctions, as the repeat rule counts them (docs/legal-basis.md §3.5: a repeat of the same kind
of violation gets a heavier sanction than the last one imposed).

Two sources count alike: the decisions made in Netra on the same civil servant (by NIP) in another case, once
delivered (in effect, under objection, or delivered and not yet in effect), and the sanctions entered from the
register (PriorSanction: an SIASN extract or a paper decision) that were not withdrawn. The ethics track's moral
sanction is not a disciplinary sanction and never counts. "The same kind" is catalogue data (ViolationKind): two
violations are of the same kind when they share a type or a kind.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Q

from casework.models import Case
from core import clock
from sanctions.models import Decision, PriorSanction, SanctionType
from violations.models import ViolationType

# The decisions of Netra that count as imposed: delivered, whether or not in effect yet.
COUNTING_STATUSES: frozenset[str] = frozenset(
    {Decision.Status.DELIVERED, Decision.Status.OBJECTED, Decision.Status.EFFECTIVE}
)


@dataclass(frozen=True)
class HistoryEntry:
    """A sanction imposed on the civil servant before, with what it was for.

    `kinds`: the ViolationKind codes it was for (of its violation types, or entered with it); `source`: "netra" or
    the PriorSanction source ("siasn", "paper")."""

    sanction_code: str
    violation_codes: tuple[str, ...]
    imposed_on: datetime.date
    severity: int = 0
    sanction_name: str = ""
    kinds: tuple[str, ...] = ()
    source: str = "netra"
    number: str = ""

    def same_kind_as(self, violation_codes: Iterable[str], kinds: Iterable[str]) -> bool:
        return bool(set(self.violation_codes) & set(violation_codes) or set(self.kinds) & set(kinds))


def kinds_of(violations: Iterable[ViolationType]) -> tuple[str, ...]:
    return tuple(sorted({violation.repeat_kind.code for violation in violations if violation.repeat_kind}))


def _accused_nip(case: Case) -> str:
    return case.accused.nip if case.accused else case.accused_nip


def _from_decisions(case: Case, nip: str) -> list[HistoryEntry]:
    decisions = (
        Decision.objects.filter(
            Q(case__accused_nip=nip) | Q(case__accused__nip=nip),
            status__in=COUNTING_STATUSES,
            outcome=Decision.Outcome.SANCTION,
        )
        .exclude(case=case)
        .exclude(sanction_type__track=SanctionType.Track.ETHICS)
        .select_related("sanction_type", "letter")
        .prefetch_related("violation_types__repeat_kind")
    )
    entries = []
    for decision in decisions:
        sanction = decision.sanction_type
        assert sanction is not None  # a sanction outcome has its type (a database constraint)
        violations = list(decision.violation_types.all())
        entries.append(
            HistoryEntry(
                sanction_code=sanction.code,
                violation_codes=tuple(sorted(violation.code for violation in violations)),
                imposed_on=decision.decision_date or clock.local_date(decision.created_at),
                severity=sanction.severity,
                sanction_name=sanction.name,
                kinds=kinds_of(violations),
                number=decision.number,
            )
        )
    return entries


def _from_register(nip: str) -> list[HistoryEntry]:
    entered = (
        PriorSanction.objects.filter(civil_servant__nip=nip, withdrawn_at__isnull=True)
        .exclude(sanction_type__track=SanctionType.Track.ETHICS)
        .select_related("sanction_type", "violation_kind")
        .prefetch_related("violation_types__repeat_kind")
    )
    entries = []
    for prior in entered:
        violations = list(prior.violation_types.all())
        own_kind = (prior.violation_kind.code,) if prior.violation_kind else ()
        entries.append(
            HistoryEntry(
                sanction_code=prior.sanction_type.code,
                violation_codes=tuple(sorted(violation.code for violation in violations)),
                imposed_on=prior.decision_date,
                severity=prior.sanction_type.severity,
                sanction_name=prior.sanction_type.name,
                kinds=tuple(sorted({*kinds_of(violations), *own_kind})),
                source=prior.source,
                number=prior.decision_number,
            )
        )
    return entries


def sanction_history(case: Case) -> list[HistoryEntry]:
    """Every earlier sanction of the case's accused that counts for a repeat, oldest first."""
    nip = _accused_nip(case)
    if not nip:
        return []
    entries = _from_decisions(case, nip) + _from_register(nip)
    return sorted(entries, key=lambda entry: (entry.imposed_on, entry.severity))


def same_kind_repeats(history: Sequence[HistoryEntry], violations: Sequence[ViolationType]) -> list[HistoryEntry]:
    """The earlier sanctions for the same kind of violation as `violations`, oldest first."""
    codes = [violation.code for violation in violations]
    kinds = kinds_of(violations)
    return [entry for entry in history if entry.same_kind_as(codes, kinds)]


def last_repeat(repeats: Sequence[HistoryEntry]) -> HistoryEntry | None:
    """The last sanction imposed for the same kind (the heavier of two on one day): a repeat must exceed it."""
    return max(repeats, key=lambda entry: (entry.imposed_on, entry.severity), default=None)
