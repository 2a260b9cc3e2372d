"""Writing and checking the audit trail. Call `audit_record` inside the transaction of the change it records.

Only declared actions are written (core.audit_registry): each app declares its own in its `audit_actions.py`. Each
event's hash covers the event and the previous event's hash, signed with the current audit key (HMAC-SHA256,
core.audit_keys; events written before the chain was keyed carry a plain SHA-256 and no key id). The chain's head is
anchored outside the database (core.audit_anchors), so a deleted tail or a re-chained middle is found too.
"""

import hashlib
import hmac
import json
from typing import Any

from django.db import connection, models, transaction

from core.actors import AuditActor, user_of
from core.audit_keys import audit_keys
from core.audit_registry import AuditAction, UndeclaredAuditAction, declared
from core.models import AuditEvent

# A constant key for pg_advisory_xact_lock: appending to the hash chain is serialised.
_AUDIT_CHAIN_LOCK = 7_311_001


def event_digest(event: AuditEvent) -> str:
    """The event's hash: HMAC-SHA256 with its key, or a plain SHA-256 for an event written before keys existed.

    KeyError when the event names a key no longer configured (verification reports it as broken)."""
    payload: dict[str, Any] = {
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
    if not event.key_id:
        return hashlib.sha256(_encoded(payload)).hexdigest()
    payload["key_id"] = event.key_id
    return audit_keys().sign(event.key_id, _encoded(payload))


def _encoded(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()


def actor_label_for(actor: AuditActor) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return str(actor.get_username())


def _checked(action: AuditAction, target: models.Model) -> AuditAction:
    if not isinstance(action, AuditAction) or declared(action.code) != action:
        raise UndeclaredAuditAction(f"{action!r} is not a declared audit action.")
    if target._meta.label_lower != action.target:
        raise UndeclaredAuditAction(
            f"Audit action {action.code!r} is declared on {action.target}, not on {target._meta.label_lower}."
        )
    return action


@transaction.atomic
def audit_record(
    *,
    actor: AuditActor,
    action: AuditAction,
    target: models.Model,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. `actor` is a user, a label such as "citizen", or None (system); `action`
    must be declared for the target's model (UndeclaredAuditAction otherwise, before anything is written)."""
    _checked(action, target)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_AUDIT_CHAIN_LOCK])
    previous = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or ""
    event = AuditEvent(
        actor=user_of(actor),  # type: ignore[misc]  # the user model is the project's, a subclass
        actor_label=actor_label_for(actor),
        action=action.code,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        data=data or {},
        previous_hash=previous,
        key_id=audit_keys().current_id,
    )
    event.hash = event_digest(event)
    event.save(force_insert=True)
    return event


def audit_verify() -> AuditEvent | None:
    """Return the first event whose hash or link does not match, whose key is unknown, or that is unkeyed after
    the chain was keyed (a rewrite without the key would pass itself off as old); None when intact."""
    previous = ""
    keyed = False
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        try:
            digest = event_digest(event)
        except KeyError:
            return event
        if event.previous_hash != previous or not hmac.compare_digest(event.hash, digest):
            return event
        if keyed and not event.key_id:
            return event
        keyed = keyed or bool(event.key_id)
        previous = event.hash
    return None
