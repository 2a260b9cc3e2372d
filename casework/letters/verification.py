"""Public verification: what anyone holding a letter may learn from its code (the /verify/ page and its JSON twin).

Letters are casework's; other documents Netra issues with a verification code from the same space (the leadership's
summary reports) are answered by the verifier their app registers here (`register_document_verifier`, called from
its AppConfig.ready), since casework may not import the apps above it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from casework.letters.letterhead import issuing_office, letter_date
from casework.letters.verification_codes import normalize_verification_code
from casework.models import Letter
from core.audit_anchors import audit_head


@dataclass(frozen=True)
class LetterVerification:
    """What anyone may learn from a verification code: nothing the letter's recipient does not already hold."""

    kind: str
    kind_label: str
    number: str
    date: datetime.date
    issuing_office: str
    sha256: str
    superseded: bool
    # The audit chain's head when the answer was given: every verified letter leaves a copy of it with someone
    # outside Netra, so a later rewrite of the trail cannot go unnoticed (core.audit_anchors).
    audit_head_event: int | None = None
    audit_head_hash: str = ""


# A verifier takes a canonical code and answers for the document of its app carrying it, or None.
DocumentVerifier = Callable[[str], "LetterVerification | None"]
_verifiers: list[DocumentVerifier] = []


def register_document_verifier(verifier: DocumentVerifier) -> None:
    """Let /verify/ answer for another kind of document (idempotent: a verifier registered twice is asked once)."""
    if verifier not in _verifiers:
        _verifiers.append(verifier)


def letter_verify(code: str) -> LetterVerification | None:
    """The issued letter (or registered document) carrying `code` (as typed), or None; what is not issued yet is
    unknown here."""
    canonical = normalize_verification_code(code)
    if canonical is None:
        return None
    letter = (
        Letter.objects.filter(verification_code=canonical, status=Letter.Status.ISSUED)
        .only("kind", "number", "requested_at", "sha256", "superseded_by", "context")
        .first()
    )
    if letter is None:
        return next((found for found in (verify(canonical) for verify in _verifiers) if found is not None), None)
    head = audit_head()
    return LetterVerification(
        audit_head_event=head[0] if head else None,
        audit_head_hash=head[1] if head else "",
        kind=letter.kind,
        kind_label=letter.kind_label,
        number=letter.number,
        date=letter_date(letter),
        issuing_office=issuing_office(letter),
        sha256=letter.sha256,
        superseded=letter.is_superseded,
    )
