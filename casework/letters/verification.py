"""Public verification: what anyone holding a letter may learn from its code (the /verify/ page and its JSON twin)."""

import datetime
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
