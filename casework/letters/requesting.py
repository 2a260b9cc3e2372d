"""Requesting a letter (numbered inside the caller's transaction, rendered after commit), retrying and superseding.

`letter_request` runs inside the transaction of the step the letter records: it takes the next number from the
locked register row of (agency, year, register), stores the content snapshot and enqueues rendering on commit. A
rolled-back request therefore consumes no number and enqueues nothing. Every status change goes through
LETTER_LIFECYCLE; events are recorded on the letter's case.
"""

import json
from datetime import timedelta
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import LETTER_REQUESTED, LETTER_RETRIED, LETTER_SUPERSEDED
from casework.letters.letterhead import letterhead
from casework.letters.numbering import letter_number, next_sequence
from casework.letters.tasks import RENDER_TIME_LIMIT, render_letter
from casework.letters.verification_codes import new_verification_code
from casework.models import LETTER_LIFECYCLE, Case, Letter, letter_kind_get
from casework.permissions import can_work_on_case
from core import clock
from core.audit import audit_record
from core.errors import ConflictError, DomainError, PermissionDenied
from core.transactions import on_commit_delay

# A letter still `requested` this long after its request may be retried by hand (the relay would publish it too).
STALE_AFTER = timedelta(minutes=2)
# A worker that took a letter holds it at most the render task's hard time limit (then it is killed); a little more,
# for the clock of the worker's machine.
ABANDONED_AFTER = timedelta(seconds=RENDER_TIME_LIMIT + 30)


def enqueue_render(letter: Letter) -> None:
    """Render the letter once the current transaction commits (a failed publish is logged; the relay catches up)."""
    on_commit_delay(render_letter, letter.pk)


def _snapshot(context: dict[str, Any]) -> dict[str, Any]:
    """A plain-JSON copy: later changes to the case never change what the letter says."""
    try:
        snapshot = json.loads(json.dumps(context, cls=DjangoJSONEncoder))
    except (TypeError, ValueError) as error:
        raise DomainError("letter_context_invalid", _("The letter's content cannot be stored.")) from error
    if not isinstance(snapshot, dict):
        raise DomainError("letter_context_invalid", _("The letter's content cannot be stored."))
    return snapshot


@transaction.atomic
def letter_request(*, case: Case, kind: str, actor: Actor, context: dict[str, Any]) -> Letter:
    """Number a letter of `kind` for `case` and keep `context` as its content; rendering is enqueued on commit.

    Call it inside the transaction of the step the letter records (the caller checked permissions). Adds the
    agency's letterhead and the letter date to the snapshot unless given. Audited on the case.
    """
    info = letter_kind_get(kind)
    snapshot = _snapshot(context)
    agency = case.agency
    now = clock.now()
    year = clock.local_date(now).year
    head = snapshot.setdefault("letterhead", letterhead(agency))
    snapshot.setdefault("letter_date", clock.local_date(now).isoformat())
    sequence = next_sequence(agency, year, info.register)
    letter = Letter(
        case=case,
        kind=kind,
        agency=agency,
        register=info.register,
        year=year,
        sequence=sequence,
        number=letter_number(info, sequence=sequence, office_code=head.get("office_code", ""), year=year),
        verification_code=new_verification_code(),
        context=snapshot,
        requested_by=actor,
        requested_at=now,
    )
    letter.full_clean(
        exclude=["case", "agency", "requested_by", "superseded_by"], validate_unique=False, validate_constraints=False
    )
    letter.save(force_insert=True)
    # A new letter changes no status yet: its creation is recorded as it enters its first one.
    audit_record(
        actor=actor,
        action=LETTER_REQUESTED,
        target=case,
        to_status=Letter.Status.REQUESTED,
        data={"letter": letter.pk, "kind": kind, "number": letter.number},
    )
    enqueue_render(letter)
    return letter


def _lock_for(letter: Letter, actor: Actor, *, permitted: bool = False) -> Letter:
    """The letter's row, locked, once `actor` may work on its case (`permitted`: the caller checked already)."""
    locked = LETTER_LIFECYCLE.lock(letter)
    if not permitted and not can_work_on_case(actor, locked.case):
        raise PermissionDenied("letter_not_permitted", _("You may not act on this letter."))
    return locked


def letter_is_abandoned(letter: Letter) -> bool:
    """`rendering`, but taken longer ago than any worker can hold it: its task died with its worker (and a broker that
    lost its data will not redeliver it)."""
    started = letter.rendering_started_at or letter.requested_at
    return letter.status == Letter.Status.RENDERING and clock.now() - started > ABANDONED_AFTER


def letter_is_stuck(letter: Letter) -> bool:
    """What an officer may retry at once because no worker holds it: failed, abandoned while rendering, or still
    waiting for its task well after it was requested."""
    if letter.status == Letter.Status.FAILED or letter_is_abandoned(letter):
        return True
    return letter.status == Letter.Status.REQUESTED and clock.now() - letter.requested_at > STALE_AFTER


@transaction.atomic
def letter_retry(*, letter: Letter, actor: Actor) -> Letter:
    """Render a failed (or stuck) letter again, with the same number, code and content. Audited on the case."""
    letter = _lock_for(letter, actor)
    if letter.status == Letter.Status.ISSUED:
        return letter
    if not letter_is_stuck(letter):
        raise ConflictError("letter_in_progress", _("The letter is still being prepared."))
    event: dict[str, Any] = {
        "actor": actor,
        "action": LETTER_RETRIED,
        "reason": letter.last_error,
        "data": {"attempts": letter.attempts},
        "fields": ("attempts",),
    }
    letter.attempts = 0
    if letter.status == Letter.Status.REQUESTED:
        LETTER_LIFECYCLE.record(letter, **event)  # stuck before any worker took it: it stays requested
    else:
        LETTER_LIFECYCLE.transition(letter, to=Letter.Status.REQUESTED, **event)
    enqueue_render(letter)
    return letter


def _check_replacement(letter: Letter, replacement: Letter) -> None:
    if letter.superseded_by_id is not None:
        raise ConflictError("letter_already_superseded", _("This letter was already replaced by another one."))
    if (
        replacement.pk == letter.pk
        or replacement.case_id != letter.case_id
        or replacement.requested_at < letter.requested_at
    ):
        raise DomainError(
            "replacement_invalid", _("The replacement must be a later letter of the same case."), field="replacement"
        )
    if letter.status != Letter.Status.ISSUED:
        raise ConflictError("letter_not_issued", _("Only an issued letter can be replaced."))


@transaction.atomic
def letter_supersede(
    *, letter: Letter, replacement: Letter, actor: Actor, reason: str, permitted: bool = False
) -> Letter:
    """Mark an issued letter as replaced by a later letter of the same case (both stay verifiable).

    `replacement` is usually a fresh letter_request of the same kind; superseding twice with the same replacement
    is a no-op, with another one a conflict. `permitted`: the calling service already checked the actor (e.g. the
    official correcting a decision).
    """
    reason = reason.strip()
    if not reason:
        raise DomainError("reason_required", _("Give the reason for replacing the letter."), field="reason")
    letter = _lock_for(letter, actor, permitted=permitted)
    if letter.superseded_by_id == replacement.pk:
        return letter
    _check_replacement(letter, replacement)
    letter.superseded_by = replacement
    letter.superseded_at = clock.now()
    LETTER_LIFECYCLE.record(
        letter,
        actor=actor,
        action=LETTER_SUPERSEDED,
        reason=reason,
        data={"replacement": replacement.pk, "by": replacement.number},
        fields=("superseded_by", "superseded_at"),
    )
    return letter
