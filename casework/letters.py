"""Official letters: numbering, rendering to PDF exactly once, retrying, superseding and public verification.

How it fits together (docs/letters.md has the long version):
- `letter_request` runs inside the caller's transaction: it takes the next number from the locked register row of
  (agency, year, register), stores the content snapshot and enqueues rendering on commit. A rolled-back request
  therefore consumes no number and enqueues nothing.
- `letter_render` (called by the Celery task casework.tasks.render_letter) renders outside any lock, then stores the
  PDF under the row lock only if the letter is not issued yet: a task delivered twice stores one file and one hash.
- `letters_relay_pending` (the beat task casework.tasks.relay_pending_letters, every minute) enqueues again the
  letters still waiting for their first render, e.g. because the broker was down when they were requested: the
  request itself only logs a failed publish (core.transactions), so nothing is lost and rendering stays idempotent.
- `letter_verify` answers the public /verify/<code>/ page and its JSON twin with no personal data.
"""

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Agency
from casework.audit_actions import (
    LETTER_FAILED,
    LETTER_ISSUED,
    LETTER_RELAYED,
    LETTER_REQUESTED,
    LETTER_RETRIED,
    LETTER_SUPERSEDED,
)
from casework.letter_models import LETTER_KINDS, Letter, LetterKind, LetterNumberSequence, _letter_pdf_path
from casework.models import Case
from casework.permissions import can_work_on_case
from core.audit import audit_record
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent
from core.transactions import on_commit_delay, publish_quietly

logger = logging.getLogger(__name__)

# Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. 12 characters = 60 bits.
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VERIFICATION_CODE_LENGTH = 12
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})

# A redelivered or retried render counts here; past the limit the letter is marked failed instead of looping
# (task_reject_on_worker_lost re-queues a message whose worker died, with no counter of its own).
MAX_RENDER_ATTEMPTS = 6
# A letter still not issued after this long may be retried by hand, whatever its status says.
STALE_AFTER = timedelta(minutes=15)

# The relay (letters_relay_pending) enqueues a letter still `requested` this long after its request or its retry,
# then again at most every RELAY_AGAIN_AFTER while it stays `requested`, at most RELAY_BATCH letters per run.
RELAY_AFTER = timedelta(minutes=2)
RELAY_AGAIN_AFTER = timedelta(minutes=10)
RELAY_BATCH = 500

# How numbers look, per register: {classification}/{sequence:04d}/{office}/{year}, e.g. 800/0012/BKPSDM/2026.
# Registers not listed here use the `letter` format. Confirm the agency's own formats before go-live.
NUMBER_FORMATS: dict[str, str] = {
    "letter": "{classification}/{sequence:04d}/{office}/{year}",
    "decision": "{classification}/{sequence:04d}/KEP/{office}/{year}",
}


# --- verification codes ---------------------------------------------------------------------------------------------


def _new_verification_code() -> str:
    while True:
        code = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(VERIFICATION_CODE_LENGTH))
        if not Letter.objects.filter(verification_code=code).exists():
            return code


def normalize_verification_code(raw: str) -> str | None:
    """The canonical code for what a person typed (any case, with dashes or spaces, O for 0, I or L for 1)."""
    code = "".join(raw.split()).replace("-", "").upper().translate(_READ_AS)
    if len(code) != VERIFICATION_CODE_LENGTH or any(char not in CROCKFORD_ALPHABET for char in code):
        return None
    return code


def format_verification_code(code: str) -> str:
    """ABCD-EFGH-JKMN: groups of four are easier to read and type."""
    return "-".join(code[index : index + 4] for index in range(0, len(code), 4))


def verification_url(code: str) -> str:
    return settings.NETRA_SITE_URL.rstrip("/") + reverse("letter-verify", args=[code])


# --- the issuing office ---------------------------------------------------------------------------------------------


def letterhead(agency: Agency) -> dict[str, str]:
    """The kop of the agency's personnel office: the Agency row plus two settings shared by every agency.

    NETRA_LETTER_OFFICE_NAME (default: the BKPSDM's full name) and NETRA_LETTER_OFFICE_CODE (default BKPSDM, used in
    letter numbers).
    """
    return {
        "government": agency.name,
        "office": getattr(
            settings, "NETRA_LETTER_OFFICE_NAME", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
        ),
        "office_code": getattr(settings, "NETRA_LETTER_OFFICE_CODE", "BKPSDM"),
        "region": agency.region_name,
        "seat": agency.seat,
        "address": agency.address,
    }


def issuing_office(letter: Letter) -> str:
    head = letter.context.get("letterhead") or {}
    return " ".join(part for part in (head.get("office", ""), head.get("region", "")) if part)


def letter_date(letter: Letter) -> date:
    """The date the letter carries: the day it was requested (Asia/Jakarta), whenever it was rendered."""
    return timezone.localdate(letter.requested_at)


# --- requesting ----------------------------------------------------------------------------------------------------


def _kind(kind: str) -> LetterKind:
    info = LETTER_KINDS.get(kind)
    if info is None:
        raise DomainError("letter_kind_unknown", _("Unknown kind of letter: %(kind)s.") % {"kind": kind}, field="kind")
    return info


def _snapshot(context: dict[str, Any]) -> dict[str, Any]:
    """A plain-JSON copy: later changes to the case never change what the letter says."""
    try:
        snapshot = json.loads(json.dumps(context, cls=DjangoJSONEncoder))
    except (TypeError, ValueError) as error:
        raise DomainError("letter_context_invalid", _("The letter's content cannot be stored.")) from error
    if not isinstance(snapshot, dict):
        raise DomainError("letter_context_invalid", _("The letter's content cannot be stored."))
    return snapshot


def _next_sequence(agency: Agency, year: int, register: str) -> int:
    """The next number of a register. The row lock is held until the caller's transaction ends: no gap, no twin."""
    LetterNumberSequence.objects.bulk_create(
        [LetterNumberSequence(agency=agency, year=year, register=register)], ignore_conflicts=True
    )
    sequence = LetterNumberSequence.objects.select_for_update().get(agency=agency, year=year, register=register)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def _enqueue_render(letter: Letter) -> None:
    from casework.tasks import render_letter  # the task module imports this one

    on_commit_delay(render_letter, letter.pk)


@transaction.atomic
def letter_request(*, case: Case, kind: str, actor: Any, context: dict[str, Any]) -> Letter:
    """Number a letter of `kind` for `case` and keep `context` as its content; rendering is enqueued on commit.

    Call it inside the transaction of the step the letter records (the caller checked permissions). Adds the
    agency's letterhead and the letter date to the snapshot unless given. Audited on the case.
    """
    info = _kind(kind)
    snapshot = _snapshot(context)
    agency = case.agency
    now = timezone.now()
    year = timezone.localdate(now).year
    head = snapshot.setdefault("letterhead", letterhead(agency))
    snapshot.setdefault("letter_date", timezone.localdate(now).isoformat())
    sequence = _next_sequence(agency, year, info.register)
    number = NUMBER_FORMATS.get(info.register, NUMBER_FORMATS["letter"]).format(
        classification=info.classification, sequence=sequence, office=head.get("office_code", ""), year=year
    )
    letter = Letter(
        case=case,
        kind=kind,
        agency=agency,
        register=info.register,
        year=year,
        sequence=sequence,
        number=number,
        verification_code=_new_verification_code(),
        context=snapshot,
        requested_by=actor,
        requested_at=now,
    )
    letter.full_clean(
        exclude=["case", "agency", "requested_by", "superseded_by"], validate_unique=False, validate_constraints=False
    )
    letter.save(force_insert=True)
    audit_record(
        actor=actor,
        action=LETTER_REQUESTED,
        target=case,
        to_status=Letter.Status.REQUESTED,
        data={"letter": letter.pk, "kind": kind, "number": number},
    )
    _enqueue_render(letter)
    return letter


# --- rendering ---------------------------------------------------------------------------------------------------


def _qr_data_uri(url: str) -> str:
    import segno

    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=0))


def letter_html(letter: Letter) -> str:
    """The letter as HTML, from its snapshot only (always in Indonesian: the language of official letters)."""
    info = _kind(letter.kind)
    url = verification_url(letter.verification_code)
    with translation.override("id"):
        return render_to_string(
            info.template,
            {
                "letter": letter,
                "kind": info,
                "c": letter.context,
                "head": letter.context.get("letterhead") or {},
                "confidential": info.confidential,
                "verification_code": format_verification_code(letter.verification_code),
                "verification_url": url,
                "qr_code": _qr_data_uri(url),
            },
        )


def letter_pdf_bytes(letter: Letter) -> bytes:
    """Render the letter to PDF. Templates are ours; no resource is fetched but inline `data:` URIs."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",))
    # Without a target, write_pdf returns the document's bytes.
    return bytes(HTML(string=letter_html(letter), url_fetcher=fetcher).write_pdf())


def _mark_failed(letter: Letter, error: str) -> Letter:
    previous = letter.status
    letter.status = Letter.Status.FAILED
    letter.last_error = error[:2000]
    letter.save(update_fields=["status", "last_error"])
    audit_record(
        actor=None,
        action=LETTER_FAILED,
        target=Case(pk=letter.case_id),
        from_status=previous,
        to_status=Letter.Status.FAILED,
        reason=letter.last_error,
        data={"letter": letter.pk, "number": letter.number, "attempts": letter.attempts},
    )
    return letter


@transaction.atomic
def _start_rendering(letter_id: int) -> Letter:
    letter = Letter.objects.select_for_update().get(pk=letter_id)
    if letter.status in (Letter.Status.ISSUED, Letter.Status.FAILED):
        return letter
    if letter.attempts >= MAX_RENDER_ATTEMPTS:
        return _mark_failed(letter, _("Gave up after %(count)d attempts.") % {"count": letter.attempts})
    letter.status = Letter.Status.RENDERING
    letter.attempts += 1
    letter.save(update_fields=["status", "attempts"])
    return letter


@transaction.atomic
def _store(letter_id: int, content: bytes) -> Letter:
    letter = Letter.objects.select_for_update().get(pk=letter_id)
    if letter.status == Letter.Status.ISSUED:
        return letter  # another delivery of the task stored it first: keep that one
    storage = letter.pdf.storage
    name = _letter_pdf_path(letter, "")
    if storage.exists(name):
        # Left by a run that died before its transaction committed; the lock makes it safe to replace.
        storage.delete(name)
    stored = storage.save(name, ContentFile(content))
    try:
        previous = letter.status
        letter.pdf.name = stored
        letter.sha256 = hashlib.sha256(content).hexdigest()
        letter.issued_at = timezone.now()
        letter.status = Letter.Status.ISSUED
        letter.last_error = ""
        letter.save(update_fields=["pdf", "sha256", "issued_at", "status", "last_error"])
        audit_record(
            actor=None,
            action=LETTER_ISSUED,
            target=Case(pk=letter.case_id),
            from_status=previous,
            to_status=Letter.Status.ISSUED,
            data={"letter": letter.pk, "number": letter.number, "sha256": letter.sha256},
        )
    except Exception:
        storage.delete(stored)
        raise
    return letter


def letter_render(*, letter_id: int) -> Letter:
    """Render and store the letter's PDF once: a no-op for an issued (or failed) letter, safe to run concurrently.

    Raises what rendering or storing raised; the task decides whether to retry (casework.tasks).
    """
    letter = _start_rendering(letter_id)
    if letter.status != Letter.Status.RENDERING:
        return letter
    return _store(letter_id, letter_pdf_bytes(letter))


@transaction.atomic
def letter_note_error(*, letter_id: int, error: str) -> None:
    """Keep the last transient error visible while the task waits to retry."""
    Letter.objects.filter(pk=letter_id).exclude(status=Letter.Status.ISSUED).update(last_error=error[:2000])


@transaction.atomic
def letter_mark_failed(*, letter_id: int, error: str) -> Letter:
    """Rendering failed for good: show the letter as failed (with the error) so an officer can retry it."""
    letter = Letter.objects.select_for_update().get(pk=letter_id)
    if letter.status in (Letter.Status.ISSUED, Letter.Status.FAILED):
        return letter
    return _mark_failed(letter, error)


# --- officers' actions -------------------------------------------------------------------------------------------


def _lock_for(letter: Letter, actor: Any, *, permitted: bool = False) -> Letter:
    locked = Letter.objects.select_for_update().select_related("case").get(pk=letter.pk)
    if not permitted and not can_work_on_case(actor, locked.case):
        raise PermissionDenied("letter_not_permitted", _("You may not act on this letter."))
    return locked


def letter_is_stuck(letter: Letter) -> bool:
    """Failed, or still not issued long after it was requested (e.g. its task was lost with a broker's data)."""
    if letter.status == Letter.Status.FAILED:
        return True
    return letter.status != Letter.Status.ISSUED and timezone.now() - letter.requested_at > STALE_AFTER


@transaction.atomic
def letter_retry(*, letter: Letter, actor: Any) -> Letter:
    """Render a failed (or stuck) letter again, with the same number, code and content. Audited on the case."""
    letter = _lock_for(letter, actor)
    if letter.status == Letter.Status.ISSUED:
        return letter
    if not letter_is_stuck(letter):
        raise ConflictError("letter_in_progress", _("The letter is still being prepared."))
    previous = letter.status
    attempts = letter.attempts
    letter.status = Letter.Status.REQUESTED
    letter.attempts = 0
    letter.save(update_fields=["status", "attempts"])
    audit_record(
        actor=actor,
        action=LETTER_RETRIED,
        target=letter.case,
        from_status=previous,
        to_status=Letter.Status.REQUESTED,
        reason=letter.last_error,
        data={"letter": letter.pk, "number": letter.number, "attempts": attempts},
    )
    _enqueue_render(letter)
    return letter


@dataclass(frozen=True)
class LetterRelay:
    """One relay run: how many letters were waiting and how many of them were enqueued again."""

    pending: int
    enqueued: int


def letters_relay_pending(
    *,
    older_than: timedelta = RELAY_AFTER,
    again_after: timedelta = RELAY_AGAIN_AFTER,
    limit: int = RELAY_BATCH,
) -> LetterRelay:
    """Enqueue again the render of every letter still `requested` although it was requested `older_than` ago.

    The outbox relay: a letter row is committed with its request, its task is published after the commit and may be
    lost (broker down, process killed in between). Letters being rendered, issued or failed are left alone (the
    broker redelivers a rendering letter's task; a failed one waits for an officer's retry). A letter relayed less
    than `again_after` ago, or retried less than `older_than` ago, is not enqueued again yet: a long queue makes no
    duplicates pile up. Duplicates are harmless anyway (letter_render is idempotent). Stops at the first publish that
    fails (the broker is still down; the next run tries again). Each enqueued letter is audited on its case.
    """
    from casework.tasks import render_letter  # the task module imports this one

    now = timezone.now()
    recent = set(
        AuditEvent.objects.filter(action=LETTER_RELAYED.code, occurred_at__gte=now - again_after).values_list(
            "data__letter", flat=True
        )
    ) | set(
        AuditEvent.objects.filter(action=LETTER_RETRIED.code, occurred_at__gte=now - older_than).values_list(
            "data__letter", flat=True
        )
    )
    pending = list(
        Letter.objects.filter(status=Letter.Status.REQUESTED, requested_at__lte=now - older_than)
        .exclude(pk__in=[pk for pk in recent if isinstance(pk, int)])
        .order_by("requested_at", "pk")
        .values_list("pk", "case_id", "number")[:limit]
    )
    enqueued = []
    for letter_id, case_id, number in pending:
        # Published outside any transaction: the audit chain's lock is not held while talking to the broker.
        if not publish_quietly(render_letter, letter_id):
            break
        enqueued.append((letter_id, case_id, number))
    with transaction.atomic():
        for letter_id, case_id, number in enqueued:
            audit_record(
                actor=None,
                action=LETTER_RELAYED,
                target=Case(pk=case_id),
                data={"letter": letter_id, "number": number},
            )
    if len(enqueued) < len(pending):
        logger.warning(
            "Letter relay: %d of %d pending letters enqueued; the broker refused.", len(enqueued), len(pending)
        )
    elif pending:
        logger.info("Letter relay: %d pending letters enqueued again.", len(enqueued))
    return LetterRelay(pending=len(pending), enqueued=len(enqueued))


@transaction.atomic
def letter_supersede(
    *, letter: Letter, replacement: Letter, actor: Any, reason: str, permitted: bool = False
) -> Letter:
    """Mark an issued letter as replaced by a later letter of the same case (both stay verifiable).

    `replacement` is usually a fresh letter_request of the same kind; superseding twice with the same replacement
    is a no-op, with another one a conflict.
    """
    reason = reason.strip()
    if not reason:
        raise DomainError("reason_required", _("Give the reason for replacing the letter."), field="reason")
    # `permitted`: the calling service already checked the actor (e.g. the official correcting a decision).
    letter = _lock_for(letter, actor, permitted=permitted)
    if letter.superseded_by_id == replacement.pk:
        return letter
    if letter.superseded_by_id is not None:
        raise ConflictError("letter_already_superseded", _("This letter was already replaced by another one."))
    if (
        replacement.pk == letter.pk
        or replacement.case_id != letter.case_id
        or replacement.requested_at < (letter.requested_at)
    ):
        raise DomainError(
            "replacement_invalid", _("The replacement must be a later letter of the same case."), field="replacement"
        )
    if letter.status != Letter.Status.ISSUED:
        raise ConflictError("letter_not_issued", _("Only an issued letter can be replaced."))
    letter.superseded_by = replacement
    letter.superseded_at = timezone.now()
    letter.save(update_fields=["superseded_by", "superseded_at"])
    audit_record(
        actor=actor,
        action=LETTER_SUPERSEDED,
        target=letter.case,
        reason=reason,
        data={"letter": letter.pk, "number": letter.number, "replacement": replacement.pk, "by": replacement.number},
    )
    return letter


# --- reads -----------------------------------------------------------------------------------------------------------


def letter_list_for_case(*, case: Case) -> QuerySet[Letter]:
    """The case's letters, newest first (the caller already fetched the case through a scoped selector)."""
    return case.letters.select_related("superseded_by").order_by("-requested_at", "-id")


def letter_get_for_user(*, user: Any, letter_id: int) -> Letter | None:
    """A letter whose case the user works on (examiners of the case, the agency's intake officers and admins)."""
    letter = Letter.objects.select_related("case", "superseded_by").filter(pk=letter_id).first()
    if letter is None or not can_work_on_case(user, letter.case):
        return None
    return letter


@dataclass(frozen=True)
class LetterVerification:
    """What anyone may learn from a verification code: nothing the letter's recipient does not already hold."""

    kind: str
    kind_label: str
    number: str
    date: date
    issuing_office: str
    sha256: str
    superseded: bool


def letter_verify(code: str) -> LetterVerification | None:
    """The issued letter carrying `code` (as typed), or None; letters not issued yet are unknown here."""
    canonical = normalize_verification_code(code)
    if canonical is None:
        return None
    letter = (
        Letter.objects.filter(verification_code=canonical, status=Letter.Status.ISSUED)
        .only("kind", "number", "requested_at", "sha256", "superseded_by", "context")
        .first()
    )
    if letter is None:
        return None
    return LetterVerification(
        kind=letter.kind,
        kind_label=letter.kind_label,
        number=letter.number,
        date=letter_date(letter),
        issuing_office=issuing_office(letter),
        sha256=letter.sha256,
        superseded=letter.is_superseded,
    )
