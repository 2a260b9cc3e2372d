"""Re-encrypting reporters' identities under the current key (after a key rotation, docs/security.md).

Rows are taken in batches of ids, each batch locked and rewritten in its own transaction, so a long run can be
stopped and started again: a row already under the current key (and, unless `rehash`, with its keyed hashes) is
left alone, which makes the run idempotent.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from core.field_encryption import field_keys, key_id_of
from violations.models import Reporter

IDENTITY_FIELDS = ("name", "email", "phone", "address", "id_number")
HASH_FIELDS = ("email_hash", "phone_hash", "id_number_hash")


@dataclass(frozen=True)
class RotationProgress:
    seen: int
    rewritten: int


def _stale(reporter: Reporter, current_id: str) -> bool:
    stored = (reporter.__dict__[field] for field in IDENTITY_FIELDS)
    return any(value and key_id_of(value) != current_id for value in stored)


def _rotate_batch(after_id: int, batch_size: int, current_id: str, rehash: bool) -> tuple[int, int, int]:
    """(last id seen, rows seen, rows rewritten) for the batch after `after_id`."""
    with transaction.atomic():
        batch = list(Reporter.objects.select_for_update().filter(pk__gt=after_id).order_by("pk")[:batch_size])
        rewritten = 0
        for reporter in batch:
            if rehash or _stale(reporter, current_id):
                for field in IDENTITY_FIELDS:
                    getattr(reporter, field)  # decrypt under the old key before saving under the current one
                reporter.save(update_fields=[*IDENTITY_FIELDS, *HASH_FIELDS])
                rewritten += 1
    return (batch[-1].pk if batch else after_id), len(batch), rewritten


def reporter_keys_rotate(
    *, batch_size: int = 500, rehash: bool = False, progress: Callable[[RotationProgress], None] | None = None
) -> RotationProgress:
    """Every reporter encrypted under the current NETRA_FIELD_KEYS key (and hashed again with `rehash`, after a
    NETRA_FIELD_HASH_KEY change); `progress` is told after each batch."""
    current_id = field_keys().current_id
    after_id, seen, rewritten = 0, 0, 0
    while True:
        after_id, batch_seen, batch_rewritten = _rotate_batch(after_id, batch_size, current_id, rehash)
        if not batch_seen:
            return RotationProgress(seen=seen, rewritten=rewritten)
        seen, rewritten = seen + batch_seen, rewritten + batch_rewritten
        if progress is not None:
            progress(RotationProgress(seen=seen, rewritten=rewritten))
