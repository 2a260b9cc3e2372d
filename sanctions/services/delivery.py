"""Delivery of a signed decision to the accused (PP 94/2021; Peraturan BKN 6/2022): signed → delivered.

- In person: handed over on a date, which is also the date of receipt (the anchor of D10 and D11). Rule D8: within
  14 working days of the decision date; a later delivery is recorded only with a reason (audited).
- Absent at the delivery set for a date: the decision is sent to the address within D9 (3 working days) of that
  date. A later sending also needs a reason (audited). The date of receipt is entered from the delivery proof (the
  post's receipt), never assumed to be the sending date: with the sending, or later (`decision_record_receipt`).
  Until it is recorded the decision waits: D10 (effect), D11 and D13 (objection, appeal) count from it only.

Who: the agency's intake officers and administrators, and the examiners on the case (casework.permissions).
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from core.calendar import deadline_for
from core.deadline_catalogue import DeadlineCode
from core.errors import ConflictError, DomainError
from sanctions.audit_actions import DECISION_DELIVERED, DECISION_RECEIPT_RECORDED, DECISION_SENT
from sanctions.models import DECISION_LIFECYCLE, Decision
from sanctions.services.preconditions import long_date, require_after_decision_permission, require_not_in_future

_S = Decision.Status


def delivery_due(decision: Decision) -> datetime.date | None:
    """The last day of rule D8 for a signed decision (None before it has a decision date)."""
    return deadline_for(DeadlineCode.DELIVERY, decision.decision_date) if decision.decision_date else None


def _lock(decision: Decision, actor: Actor) -> Decision:
    decision = DECISION_LIFECYCLE.lock(decision)
    require_after_decision_permission(actor, decision)
    return decision


def _check_signed(decision: Decision, expected_version: int | None) -> datetime.date:
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    DECISION_LIFECYCLE.check_transition(decision, _S.DELIVERED)
    if decision.decision_date is None:
        raise DomainError("decision_not_signed", _("The decision has no decision date yet."), field="decision")
    return decision.decision_date


def _late(*, day: datetime.date, due: datetime.date, rule: str, reason: str, field: str) -> dict[str, str] | None:
    """None when `day` keeps rule `rule`; else the late record to audit, or a refusal without a reason."""
    if day <= due:
        return None
    if not reason.strip():
        raise DomainError(
            "delivery_late_reason_required",
            _("Rule %(rule)s: this had to happen by %(due)s. Give the reason for the later date.")
            % {"rule": rule, "due": long_date(due)},
            field=field,
        )
    return {"rule": rule, "due": due.isoformat(), "reason": reason.strip()}


@transaction.atomic
def decision_record_delivery(
    *,
    decision: Decision,
    actor: Actor,
    delivered_on: datetime.date,
    note: str = "",
    late_reason: str = "",
    expected_version: int | None = None,
) -> Decision:
    """The decision was handed over in person on `delivered_on` (= received on). Idempotent for the same date."""
    decision = _lock(decision, actor)
    if (
        decision.status != _S.SIGNED
        and decision.delivered_on == delivered_on
        and decision.delivery_method == (Decision.Delivery.IN_PERSON)
    ):
        return decision
    decision_date = _check_signed(decision, expected_version)
    require_not_in_future(delivered_on, "delivered_on")
    if delivered_on < decision_date:
        raise DomainError(
            "delivery_before_decision",
            _("The decision cannot be delivered before its date (%(date)s).") % {"date": long_date(decision_date)},
            field="delivered_on",
        )
    due = deadline_for(DeadlineCode.DELIVERY, decision_date)
    late = _late(day=delivered_on, due=due, rule=DeadlineCode.DELIVERY, reason=late_reason, field="delivered_on")
    decision.delivery_method = Decision.Delivery.IN_PERSON
    decision.delivered_on = delivered_on
    decision.received_on = delivered_on
    decision.delivery_note = note.strip()
    return DECISION_LIFECYCLE.transition(
        decision,
        to=_S.DELIVERED,
        actor=actor,
        action=DECISION_DELIVERED,
        reason=late["reason"] if late else "",
        data={
            "method": Decision.Delivery.IN_PERSON,
            "delivered_on": delivered_on.isoformat(),
            "received_on": delivered_on.isoformat(),
            "due": due.isoformat(),
            "late": late,
        },
        fields=("delivery_method", "delivered_on", "received_on", "delivery_note"),
    )


def _sent_so(decision: Decision, dates: tuple[datetime.date, datetime.date, datetime.date | None]) -> bool:
    """The decision was recorded sent with these (scheduled, sent, received) dates already."""
    recorded = (decision.delivery_scheduled_on, decision.delivered_on, decision.received_on)
    return decision.delivery_method == Decision.Delivery.SENT and recorded == dates


def _check_receipt(sent_on: datetime.date, received: datetime.date, proof: str) -> str:
    """The receipt of a sent decision: not in the future, not before the sending, with its delivery proof."""
    require_not_in_future(received, "received_on")
    if received < sent_on:
        raise DomainError("received_before_sent", _("It cannot be received before it was sent."), field="received_on")
    proof = proof.strip()
    if not proof:
        raise DomainError(
            "receipt_proof_required",
            _("Name the delivery proof the date of receipt is taken from (e.g. the post's receipt number)."),
            field="receipt_proof",
        )
    return proof


def _check_sending_dates(decision_date: datetime.date, *, scheduled_on: datetime.date, sent_on: datetime.date) -> None:
    for day, field in ((scheduled_on, "scheduled_on"), (sent_on, "sent_on")):
        require_not_in_future(day, field)
    if scheduled_on < decision_date:
        raise DomainError(
            "delivery_before_decision",
            _("The delivery cannot be set before the decision's date (%(date)s).") % {"date": long_date(decision_date)},
            field="scheduled_on",
        )
    if sent_on < scheduled_on:
        raise DomainError(
            "sent_before_scheduled", _("The decision is sent after the missed delivery date."), field="sent_on"
        )


_SENDING_FIELDS = (
    "delivery_method",
    "delivery_scheduled_on",
    "delivered_on",
    "received_on",
    "receipt_proof",
    "delivery_note",
)


@transaction.atomic
def decision_record_absence_and_sending(
    *,
    decision: Decision,
    actor: Actor,
    scheduled_on: datetime.date,
    sent_on: datetime.date,
    received_on: datetime.date | None = None,
    receipt_proof: str = "",
    note: str = "",
    late_reason: str = "",
    expected_version: int | None = None,
) -> Decision:
    """The accused did not come to the delivery set for `scheduled_on`; the decision was sent on `sent_on`.

    `received_on` is the date of receipt from the delivery proof `receipt_proof` (both, or neither: the decision
    then waits for `decision_record_receipt`). Rules D8 (for the scheduled date) and D9 (for the sending) need a
    reason when not kept. Idempotent for the same dates.
    """
    decision = _lock(decision, actor)
    if decision.status != _S.SIGNED and _sent_so(decision, (scheduled_on, sent_on, received_on)):
        return decision
    decision_date = _check_signed(decision, expected_version)
    _check_sending_dates(decision_date, scheduled_on=scheduled_on, sent_on=sent_on)
    proof = _check_receipt(sent_on, received_on, receipt_proof) if received_on is not None else ""
    due = deadline_for(DeadlineCode.DELIVERY, decision_date)
    send_due = deadline_for(DeadlineCode.SENDING, scheduled_on)
    late = _late_sending(scheduled_on, sent_on, due=due, send_due=send_due, reason=late_reason)
    decision.delivery_method = Decision.Delivery.SENT
    decision.delivery_scheduled_on = scheduled_on
    decision.delivered_on = sent_on
    decision.received_on = received_on
    decision.receipt_proof = proof
    decision.delivery_note = note.strip()
    return DECISION_LIFECYCLE.transition(
        decision,
        to=_S.DELIVERED,
        actor=actor,
        action=DECISION_SENT,
        reason=late_reason.strip() if late else "",
        data={
            "method": Decision.Delivery.SENT,
            "scheduled_on": scheduled_on.isoformat(),
            "sent_on": sent_on.isoformat(),
            "received_on": received_on.isoformat() if received_on else None,
            "receipt_proof": proof,
            "due": due.isoformat(),
            "send_due": send_due.isoformat(),
            "late": late,
        },
        fields=_SENDING_FIELDS,
    )


def _late_sending(
    scheduled_on: datetime.date, sent_on: datetime.date, *, due: datetime.date, send_due: datetime.date, reason: str
) -> list[dict[str, str]]:
    """The late records of a sending: the scheduled delivery after D8, the sending after D9 (each needs the reason)."""
    records = (
        _late(day=scheduled_on, due=due, rule=DeadlineCode.DELIVERY, reason=reason, field="scheduled_on"),
        _late(day=sent_on, due=send_due, rule=DeadlineCode.SENDING, reason=reason, field="sent_on"),
    )
    return [record for record in records if record is not None]


@transaction.atomic
def decision_record_receipt(
    *,
    decision: Decision,
    actor: Actor,
    received_on: datetime.date,
    receipt_proof: str,
    expected_version: int | None = None,
) -> Decision:
    """The delivery proof of a decision sent to the address arrived: the accused received it on `received_on`.

    From then D10, D11 and D13 count. Only once, for a sent decision awaiting it; the same receipt again is a no-op.
    """
    decision = _lock(decision, actor)
    if decision.received_on == received_on and decision.receipt_proof == receipt_proof.strip():
        return decision
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    if decision.status != _S.DELIVERED or decision.delivery_method != Decision.Delivery.SENT or decision.received_on:
        raise ConflictError(
            "receipt_not_awaited",
            _("Only a decision sent to the address and awaiting its delivery proof takes a date of receipt."),
            field="received_on",
        )
    assert decision.delivered_on is not None  # a sent decision has its sending date
    decision.receipt_proof = _check_receipt(decision.delivered_on, received_on, receipt_proof)
    decision.received_on = received_on
    DECISION_LIFECYCLE.record(
        decision,
        actor=actor,
        action=DECISION_RECEIPT_RECORDED,
        data={"received_on": received_on.isoformat(), "receipt_proof": decision.receipt_proof},
        fields=("received_on", "receipt_proof"),
    )
    return decision
