"""Writing and checking the audit trail. Call `audit_record` inside the transaction of the change it records."""

import hashlib
import json
from typing import Any

from django.db import connection, models, transaction

from core.models import AuditEvent

# A constant key for pg_advisory_xact_lock: appending to the hash chain is serialised.
_AUDIT_CHAIN_LOCK = 7_311_001


def _event_digest(event: AuditEvent) -> str:
    payload = {
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "reason": event.reason,
        "data": event.data,
        "previous_hash": event.previous_hash,
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def actor_label_for(actor: Any) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return str(actor.get_username())


@transaction.atomic
def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. `actor` is a user, a label such as "citizen", or None (system)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_AUDIT_CHAIN_LOCK])
    previous = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or ""
    event = AuditEvent(
        actor=actor if actor is not None and not isinstance(actor, str) else None,
        actor_label=actor_label_for(actor),
        action=action,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        data=data or {},
        previous_hash=previous,
    )
    event.hash = _event_digest(event)
    event.save(force_insert=True)
    return event


def audit_verify() -> AuditEvent | None:
    """Return the first event whose hash or link does not match, or None when the chain is intact."""
    previous = ""
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.previous_hash != previous or event.hash != _event_digest(event):
            return event
        previous = event.hash
    return None
