"""Conflicts of interest and recusals: an official recorded as conflicted, and the officials passed over for a decision
(with the one it now goes to) as sanctions.competent_official found them."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import CivilServant
from core import clock
from core.audit import audit_record
from core.errors import DomainError, PermissionDenied
from sanctions.audit_actions import CONFLICT_OF_INTEREST_RECORDED, DECISION_OFFICIAL_RECUSED
from sanctions.competent_official import Recusal, Routing
from sanctions.models import DECISION_LIFECYCLE, ConflictOfInterest, Decision, DecisionRecusal
from sanctions.permissions import can_record_conflict, is_sanctioning_official
from sanctions.services.preconditions import required_text


def record_recusals(decision: Decision, recusals: list[Recusal], actor: Actor) -> None:
    """Record each official passed over for the (locked) decision once, with an audit event for each new one."""
    now = clock.now()
    for recusal in recusals:
        _row, created = DecisionRecusal.objects.get_or_create(
            decision=decision,
            official=recusal.official,
            defaults={"reason": recusal.reason, "detail": recusal.detail, "recorded_at": now},
        )
        if created:
            DECISION_LIFECYCLE.record(
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


def apply_routing(decision: Decision, routing: Routing, actor: Actor) -> tuple[str, ...]:
    """Record the routing's recusals and give the decision its competent official; returns the fields changed."""
    record_recusals(decision, routing.recusals, actor)
    decision.competent_official = routing.official
    decision.competent_official_title = routing.title
    decision.authority_rule = routing.rule
    return ("competent_official", "competent_official_title", "authority_rule")


def _check_may_record(actor: Actor, official: Actor) -> None:
    if not can_record_conflict(actor):
        raise PermissionDenied("conflict_not_permitted", _("You may not record conflicts of interest."))
    if actor.agency_id and official.agency_id and official.agency_id != actor.agency_id:
        raise PermissionDenied("conflict_not_permitted", _("The official belongs to another agency."))


@transaction.atomic
def conflict_of_interest_record(
    *,
    actor: Actor,
    official: Actor,
    description: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    accused: CivilServant | None = None,
) -> ConflictOfInterest:
    """Record that an official is conflicted (in every case, or only for cases about `accused`): while it holds,
    decisions are routed past the official (sanctions.competent_official)."""
    _check_may_record(actor, official)
    description = required_text(description, "description", _("Describe the conflict of interest."))
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
