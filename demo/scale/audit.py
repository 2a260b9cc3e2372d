"""The audit events of the scale data: appended to the real hash chain (core.audit computes each hash), so
`manage.py audit_verify` still finds the chain intact after a bulk load."""

import datetime
from typing import Any

from django.db import connection

from core import audit as core_audit
from core.models import AuditEvent
from demo.scale.copying import copy_rows, move_sequence, next_id

# core.audit serialises appends with this advisory lock; a bulk load holds it for its transaction too.
_CHAIN_LOCK = 7_311_001


def _key_id() -> str:
    try:
        from core.audit_keys import audit_keys
    except ImportError:  # a tree whose chain is not keyed
        return ""
    return audit_keys().current_id


def events_append(events: list[tuple[str, str, int, str, str, Any]], actor_label: str = "seed_scale") -> int:
    """Append events (action, target type, target id, from, to, occurred at), oldest chain link first."""
    if not events:
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
    previous = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or ""
    key_id = _key_id()
    start = next_id(AuditEvent)
    has_key = any(field.name == "key_id" for field in AuditEvent._meta.concrete_fields)
    rows = []
    for offset, (action, target_type, target_id, from_status, to_status, at) in enumerate(events):
        event = AuditEvent(
            # In UTC, as the database hands it back, so the digest agrees with audit_verify's.
            occurred_at=at.astimezone(datetime.UTC),
            actor_label=actor_label,
            action=action,
            target_type=target_type,
            target_id=target_id,
            from_status=from_status,
            to_status=to_status,
            data={},
            previous_hash=previous,
        )
        if has_key:
            event.key_id = key_id
        event.hash = core_audit.event_digest(event)  # the chain's own digest, so verification agrees
        previous = event.hash
        rows.append(
            {**{f.attname: getattr(event, f.attname) for f in AuditEvent._meta.concrete_fields}, "id": start + offset}
        )
    written = copy_rows(AuditEvent, rows)
    move_sequence(AuditEvent)
    return written
