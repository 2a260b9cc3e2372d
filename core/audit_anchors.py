"""The audit chain's head, written outside the database so that a deleted tail or a re-chained middle is found.

An anchor is one JSON line appended to `NETRA_AUDIT_ANCHOR_FILE` (a file on other storage than the database, made
append-only by the operator: docs/security.md): the id and hash of the newest event, how many events the chain
held up to it, when and why it was written, and an HMAC of all that with the current audit key. Anchors are written
every night (beat) and whenever a letter is issued; /verify/ answers show the head too, so every verified letter
leaves a copy of it with someone outside.

`audit_verify_anchors` checks every anchor against the database: its event must still exist with the same hash, and
the chain must still count the same events up to it. Someone who can rewrite the database but not this file (nor
read the key) cannot make both agree.
"""

import fcntl
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from core import clock
from core.audit_keys import audit_keys
from core.models import AuditEvent

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Anchor:
    anchored_at: str
    event_id: int
    hash: str
    count: int
    reason: str
    key_id: str
    mac: str = ""

    def signed_part(self) -> bytes:
        return f"{self.anchored_at}|{self.event_id}|{self.hash}|{self.count}|{self.reason}|{self.key_id}".encode()


@dataclass(frozen=True)
class AnchorProblem:
    """What an anchor found wrong: `line` is its line in the file (1-based)."""

    line: int
    event_id: int | None
    problem: str  # "unreadable", "forged", "missing", "changed", "count"


def anchor_path() -> Path:
    return Path(settings.NETRA_AUDIT_ANCHOR_FILE)


def audit_head() -> tuple[int, str] | None:
    """The newest event's id and hash (None for an empty trail)."""
    head = AuditEvent.objects.order_by("-id").values_list("id", "hash").first()
    return (head[0], head[1]) if head else None


def audit_anchor(*, reason: str) -> Anchor | None:
    """Append the chain's current head to the anchor file (nothing for an empty trail)."""
    head = audit_head()
    if head is None:
        return None
    event_id, event_hash = head
    keys = audit_keys()
    anchor = Anchor(
        anchored_at=clock.now().isoformat(),
        event_id=event_id,
        hash=event_hash,
        count=AuditEvent.objects.filter(id__lte=event_id).count(),
        reason=reason,
        key_id=keys.current_id,
    )
    anchor = Anchor(**{**asdict(anchor), "mac": keys.sign(keys.current_id, anchor.signed_part())})
    _append(json.dumps(asdict(anchor), sort_keys=True))
    return anchor


def _append(line: str) -> None:
    path = anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # web processes and workers append to one file
        os.write(descriptor, (line + "\n").encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def anchor_on_commit(*, reason: str) -> None:
    """Anchor the head once the current transaction commits; a failure is logged, never raised (the change is
    committed; the nightly anchor follows)."""

    def anchor() -> None:
        try:
            audit_anchor(reason=reason)
        except Exception:  # the file system or the database hiccuped: the next anchor covers this head too
            logger.exception("Could not anchor the audit trail's head (%s).", reason)

    transaction.on_commit(anchor)


def read_anchors() -> list[Anchor | None]:
    """Every anchor in the file, in order; None for a line that is not one."""
    path = anchor_path()
    if not path.exists():
        return []
    anchors: list[Anchor | None] = []
    for line in path.read_text().splitlines():
        try:
            anchors.append(Anchor(**json.loads(line)))
        except (ValueError, TypeError):
            anchors.append(None)
    return anchors


def audit_verify_anchors() -> AnchorProblem | None:
    """The first anchor the database no longer agrees with, or None when every anchor holds.

    One pass over the anchors (their signatures) and one over the events' ids and hashes, whatever their number."""
    keys = audit_keys()
    expected: dict[int, tuple[int, Anchor]] = {}
    for number, anchor in enumerate(read_anchors(), start=1):
        if anchor is None:
            return AnchorProblem(number, None, "unreadable")
        try:
            genuine = keys.sign(anchor.key_id, anchor.signed_part()) == anchor.mac
        except KeyError:
            genuine = False
        if not genuine:
            return AnchorProblem(number, anchor.event_id, "forged")
        expected.setdefault(anchor.event_id, (number, anchor))
    found = _count_and_hash(set(expected))
    for event_id, (number, anchor) in sorted(expected.items(), key=lambda item: item[1][0]):
        stored = found.get(event_id)
        if stored is None:
            return AnchorProblem(number, event_id, "missing")
        count, event_hash = stored
        if event_hash != anchor.hash:
            return AnchorProblem(number, event_id, "changed")
        if count != anchor.count:
            return AnchorProblem(number, event_id, "count")
    return None


def _count_and_hash(event_ids: set[int]) -> dict[int, tuple[int, str]]:
    """For each wanted id: how many events the chain holds up to it, and its hash."""
    found: dict[int, tuple[int, str]] = {}
    if not event_ids:
        return found
    rows = AuditEvent.objects.filter(id__lte=max(event_ids)).order_by("id").values_list("id", "hash")
    for count, (event_id, event_hash) in enumerate(rows.iterator(chunk_size=5000), start=1):
        if event_id in event_ids:
            found[event_id] = (count, event_hash)
    return found
