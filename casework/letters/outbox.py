"""The outbox relay: letters whose render task was lost are enqueued again (the beat job every minute).

A letter row is committed with its request and its task published after the commit, so the publish may be lost
(broker down, process killed in between); the request itself only logs a failed publish (core.transactions).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction

from casework.audit_actions import LETTER_RELAYED, LETTER_REQUEUED, LETTER_RETRIED
from casework.letters.requesting import ABANDONED_AFTER, letter_is_abandoned
from casework.letters.tasks import render_letter
from casework.models import LETTER_LIFECYCLE, Letter
from core import clock
from core.models import AuditEvent
from core.transactions import publish_quietly

logger = logging.getLogger(__name__)

# The relay enqueues a letter still `requested` this long after its request or its retry, then again at most every
# RELAY_AGAIN_AFTER while it stays `requested`, at most RELAY_BATCH letters per run.
RELAY_AFTER = timedelta(minutes=2)
RELAY_AGAIN_AFTER = timedelta(minutes=10)
RELAY_BATCH = 500


@dataclass(frozen=True)
class LetterRelay:
    """One relay run: how many letters were waiting and how many of them were enqueued again."""

    pending: int
    enqueued: int


def _recently_sent(older_than: timedelta, again_after: timedelta) -> set[int]:
    """Letters relayed less than `again_after` ago or retried less than `older_than` ago."""
    now = clock.now()
    relayed = AuditEvent.objects.filter(action=LETTER_RELAYED.code, occurred_at__gte=now - again_after)
    retried = AuditEvent.objects.filter(action=LETTER_RETRIED.code, occurred_at__gte=now - older_than)
    letter_ids = set(relayed.values_list("data__letter", flat=True)) | set(
        retried.values_list("data__letter", flat=True)
    )
    return {pk for pk in letter_ids if isinstance(pk, int)}


def _waiting(older_than: timedelta, again_after: timedelta, limit: int) -> list[Letter]:
    return list(
        Letter.objects.filter(status=Letter.Status.REQUESTED, requested_at__lte=clock.now() - older_than)
        .exclude(pk__in=_recently_sent(older_than, again_after))
        .order_by("requested_at", "pk")
        .only("pk", "case_id", "number", "status")[:limit]
    )


def letters_requeue_abandoned(*, limit: int = RELAY_BATCH) -> int:
    """Letters left `rendering` by a task that died with its worker go back to `requested` (audited), so the relay
    publishes them below; each is checked again under its row lock. Returns how many."""
    candidates = Letter.objects.filter(
        status=Letter.Status.RENDERING, rendering_started_at__lte=clock.now() - ABANDONED_AFTER
    ).values_list("pk", flat=True)[:limit]
    requeued = 0
    for letter_id in candidates:
        with transaction.atomic():
            letter = LETTER_LIFECYCLE.lock(Letter(pk=letter_id))
            if letter_is_abandoned(letter):
                LETTER_LIFECYCLE.transition(letter, to=Letter.Status.REQUESTED, actor=None, action=LETTER_REQUEUED)
                requeued += 1
    return requeued


def letters_relay_pending(
    *,
    older_than: timedelta = RELAY_AFTER,
    again_after: timedelta = RELAY_AGAIN_AFTER,
    limit: int = RELAY_BATCH,
) -> LetterRelay:
    """Enqueue again the render of every letter still `requested` although it was requested `older_than` ago.

    Letters being rendered, issued or failed are left alone (the broker redelivers a rendering letter's task; a
    failed one waits for an officer's retry). A letter relayed less than `again_after` ago, or retried less than
    `older_than` ago, is not enqueued again yet: a long queue makes no duplicates pile up. Duplicates are harmless
    anyway (rendering is idempotent). Stops at the first publish that fails (the broker is still down; the next
    run tries again). Each enqueued letter is audited on its case. Letters abandoned while rendering are put back
    first (letters_requeue_abandoned).
    """
    letters_requeue_abandoned(limit=limit)
    pending = _waiting(older_than, again_after, limit)
    enqueued = []
    for letter in pending:
        # Published outside any transaction: the audit chain's lock is not held while talking to the broker.
        if not publish_quietly(render_letter, letter.pk):
            break
        enqueued.append(letter)
    with transaction.atomic():
        for letter in enqueued:
            LETTER_LIFECYCLE.record(letter, actor=None, action=LETTER_RELAYED)
    if len(enqueued) < len(pending):
        logger.warning(
            "Letter relay: %d of %d pending letters enqueued; the broker refused.", len(enqueued), len(pending)
        )
    elif pending:
        logger.info("Letter relay: %d pending letters enqueued again.", len(enqueued))
    return LetterRelay(pending=len(pending), enqueued=len(enqueued))
