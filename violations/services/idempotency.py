"""Idempotent submissions from outside bodies (Bawaslu forwardings, BKN recommendations): one mechanism for both.

A body sends a submission under its own key (a register number, a letter number). The same content again returns
the stored row (the caller answers 200); other content under the same key is a ConflictError and changes nothing;
two identical requests racing each other store one row (the unique constraint decides, the loser finds the winner).
The content is compared by a fingerprint: the SHA-256 of its canonical form, evidence by hash.
"""

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from django.db import IntegrityError

from core.errors import ConflictError
from violations.evidence import ValidatedEvidence


class Fingerprinted(Protocol):
    content_fingerprint: str


Row = TypeVar("Row", bound=Fingerprinted)


def content_fingerprint(*, payload: dict[str, Any], evidence: Sequence[ValidatedEvidence]) -> str:
    """A stable digest of what a body sent, to tell an identical repeat from a conflicting one."""
    canonical = {key: value for key, value in payload.items() if key != "evidence"}
    canonical["evidence"] = sorted(item.sha256 for item in evidence)
    encoded = json.dumps(canonical, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def same_content_or_conflict(row: Row | None, *, fingerprint: str, conflict: Callable[[], ConflictError]) -> Row | None:
    """The stored row when its content is the same; raise `conflict()` when it differs; None when nothing is stored."""
    if row is not None and row.content_fingerprint != fingerprint:
        raise conflict()
    return row


def submit_once(*, find: Callable[[], Row | None], create: Callable[[], Row]) -> tuple[Row, bool]:
    """(the row, created): the stored one `find` returns (it raises on other content), else the one `create` makes
    in its own transaction; a concurrent identical request that won the race is found and returned."""
    existing = find()
    if existing is not None:
        return existing, False
    try:
        return create(), True
    except IntegrityError:
        existing = find()
        if existing is None:
            raise
        return existing, False
