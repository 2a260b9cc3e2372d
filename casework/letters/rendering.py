"""Rendering a letter to PDF exactly once, from its content snapshot only.

The Celery task (casework.letters.tasks.render_letter) calls `letter_render`, which takes the letter (requested →
rendering, counting the attempt), renders outside any lock, then stores the PDF under the row lock only while the
letter is still being rendered: a task delivered twice stores one file and one hash. This module imports neither
the task nor the requesting side.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from casework.audit_actions import LETTER_FAILED, LETTER_ISSUED
from casework.letters.verification_codes import format_verification_code, verification_url
from casework.models import LETTER_LIFECYCLE, Letter, letter_kind_get, letter_pdf_name
from core import clock
from core.audit_anchors import anchor_on_commit

# A redelivered or retried render counts here; past the limit the letter is marked failed instead of looping
# (task_reject_on_worker_lost re-queues a message whose worker died, with no counter of its own).
MAX_RENDER_ATTEMPTS = 6
_FINISHED = (Letter.Status.ISSUED, Letter.Status.FAILED)


def qr_data_uri(url: str) -> str:
    import segno

    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=0))


def letter_html(letter: Letter) -> str:
    """The letter as HTML, from its snapshot only (always in Indonesian: the language of official letters)."""
    info = letter_kind_get(letter.kind)
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
                "qr_code": qr_data_uri(url),
            },
        )


def letter_pdf_bytes(letter: Letter) -> bytes:
    """Render the letter to PDF. Templates are ours; no resource is fetched but inline `data:` URIs."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",))
    # Without a target, write_pdf returns the document's bytes.
    return bytes(HTML(string=letter_html(letter), url_fetcher=fetcher).write_pdf())


def _locked(letter_id: int) -> Letter:
    return LETTER_LIFECYCLE.lock(Letter(pk=letter_id))


def _fail(letter: Letter, error: str) -> Letter:
    letter.last_error = error[:2000]
    return LETTER_LIFECYCLE.transition(
        letter,
        to=Letter.Status.FAILED,
        actor=None,
        action=LETTER_FAILED,
        reason=letter.last_error,
        data={"attempts": letter.attempts},
        fields=("last_error",),
    )


@transaction.atomic
def _start_rendering(letter_id: int) -> Letter:
    """Take the letter for this attempt. The worker's pick-up is checked against the table and saved by the kernel,
    but not audited: the timeline records what came of it (issued or failed), not every attempt."""
    letter = _locked(letter_id)
    if letter.status in _FINISHED:
        return letter
    if letter.attempts >= MAX_RENDER_ATTEMPTS:
        return _fail(letter, _("Gave up after %(count)d attempts.") % {"count": letter.attempts})
    if letter.status != Letter.Status.RENDERING:  # a redelivered task finds it rendering already
        LETTER_LIFECYCLE.check_transition(letter, Letter.Status.RENDERING)
        letter.status = Letter.Status.RENDERING
    letter.attempts += 1
    letter.rendering_started_at = clock.now()
    LETTER_LIFECYCLE.save(letter, "status", "attempts", "rendering_started_at")
    return letter


@transaction.atomic
def _store(letter_id: int, content: bytes) -> Letter:
    letter = _locked(letter_id)
    if letter.status != Letter.Status.RENDERING:
        # Another delivery of the task issued it first (keep that one), or it was failed or retried meanwhile (the
        # retry enqueued a render of its own).
        return letter
    storage = letter.pdf.storage
    name = letter_pdf_name(letter)
    if storage.exists(name):
        # Left by a run that died before its transaction committed; the lock makes it safe to replace.
        storage.delete(name)
    stored = storage.save(name, ContentFile(content))
    try:
        letter.pdf.name = stored
        letter.sha256 = hashlib.sha256(content).hexdigest()
        letter.issued_at = clock.now()
        letter.last_error = ""
        LETTER_LIFECYCLE.transition(
            letter,
            to=Letter.Status.ISSUED,
            actor=None,
            action=LETTER_ISSUED,
            data={"sha256": letter.sha256},
            fields=("pdf", "sha256", "issued_at", "last_error"),
        )
        anchor_on_commit(reason="letter_issued")
    except Exception:
        storage.delete(stored)
        raise
    return letter


def letter_render(*, letter_id: int) -> Letter:
    """Render and store the letter's PDF once: a no-op for an issued (or failed) letter, safe to run concurrently.

    Raises what rendering or storing raised; the task decides whether to retry (casework.letters.tasks).
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
    letter = _locked(letter_id)
    if letter.status in _FINISHED:
        return letter
    return _fail(letter, error)
