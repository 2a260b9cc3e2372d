"""Sanctions entered from a civil servant's record (an SIASN extract or a paper decision): the "prior sanctions" of
the register entry, which a repeat counts like a decision made in Netra (sanctions.sanction_history).

Both services lock the register entry, check sanctions.permissions.can_record_prior_sanction and record one audit
event on the civil servant in the same transaction; a refusal writes nothing.
"""

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import CivilServant
from core import clock
from core.audit import audit_record
from core.errors import DomainError, PermissionDenied
from sanctions.audit_actions import PRIOR_SANCTION_RECORDED, PRIOR_SANCTION_WITHDRAWN
from sanctions.models import PriorSanction, SanctionType
from sanctions.permissions import can_record_prior_sanction
from sanctions.services.preconditions import require_not_in_future, required_text
from violations.models import ViolationKind, ViolationType


def _lock_servant(servant: CivilServant, actor: Actor) -> CivilServant:
    locked = CivilServant.objects.select_for_update().select_related("unit").get(pk=servant.pk)
    if not can_record_prior_sanction(actor, locked):
        raise PermissionDenied(
            "prior_sanction_not_permitted", _("You may not record sanctions on this civil servant's record.")
        )
    return locked


def _check_sanction(sanction_type: SanctionType) -> None:
    if sanction_type.track == SanctionType.Track.ETHICS:
        raise DomainError(
            "prior_sanction_not_disciplinary",
            _("Only a disciplinary sanction (or a dismissal) counts for a repeat; a moral sanction is not entered."),
            field="sanction_type",
        )


@transaction.atomic
def prior_sanction_record(
    *,
    actor: Actor,
    civil_servant: CivilServant,
    sanction_type: SanctionType,
    decision_number: str,
    decision_date: datetime.date,
    source: str,
    violation_kind: ViolationKind | None = None,
    violation_types: Sequence[ViolationType] = (),
    decided_by: str = "",
    note: str = "",
) -> PriorSanction:
    """Enter a sanction decided outside Netra on the register entry. The same number and date again returns the
    entry already made (a form sent twice)."""
    servant = _lock_servant(civil_servant, actor)
    number = required_text(decision_number, "decision_number", _("Give the number of the decision."))
    existing = PriorSanction.objects.filter(
        civil_servant=servant, decision_number=number, decision_date=decision_date
    ).first()
    if existing is not None:
        return existing
    if source not in PriorSanction.Source.values:
        raise DomainError("prior_sanction_source_invalid", _("Choose where it was taken from."), field="source")
    _check_sanction(sanction_type)
    require_not_in_future(decision_date, "decision_date")
    prior = PriorSanction(
        civil_servant=servant,
        sanction_type=sanction_type,
        violation_kind=violation_kind,
        decision_number=number,
        decision_date=decision_date,
        decided_by=decided_by.strip(),
        source=source,
        note=note.strip(),
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    prior.full_clean(exclude=["civil_servant", "sanction_type", "violation_kind", "recorded_by"])
    prior.save(force_insert=True)
    prior.violation_types.set(violation_types)
    audit_record(actor=actor, action=PRIOR_SANCTION_RECORDED, target=servant, data=_entry_data(prior, violation_types))
    return prior


def _entry_data(prior: PriorSanction, violation_types: Sequence[ViolationType]) -> dict[str, object]:
    return {
        "prior_sanction": prior.pk,
        "sanction": prior.sanction_type.code,
        "decision_number": prior.decision_number,
        "decision_date": prior.decision_date.isoformat(),
        "source": prior.source,
        "violation_kind": prior.violation_kind.code if prior.violation_kind else None,
        "violations": sorted(violation.code for violation in violation_types),
    }


@transaction.atomic
def prior_sanction_withdraw(*, actor: Actor, prior: PriorSanction, reason: str) -> PriorSanction:
    """Withdraw a wrong entry (it no longer counts; the row and its audit stay). Withdrawing again is a no-op."""
    locked = PriorSanction.objects.select_for_update().get(pk=prior.pk)
    _lock_servant(locked.civil_servant, actor)
    if locked.withdrawn_at is not None:
        return locked
    locked.withdrawal_reason = required_text(reason, "withdrawal_reason", _("Give the reason for the withdrawal."))
    locked.withdrawn_at = clock.now()
    locked.save(update_fields=["withdrawal_reason", "withdrawn_at", "updated_at"])
    audit_record(
        actor=actor,
        action=PRIOR_SANCTION_WITHDRAWN,
        target=locked.civil_servant,
        reason=locked.withdrawal_reason,
        data={"prior_sanction": locked.pk, "decision_number": locked.decision_number},
    )
    return locked
