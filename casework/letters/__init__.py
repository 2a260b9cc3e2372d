"""Official letters: numbering, rendering to PDF exactly once, retrying, superseding and public verification.

The other apps use what is imported here; inside, one module per concern (docs/letters.md has the long version):
- `requesting`: `letter_request` numbers a letter in the caller's transaction (`numbering`) and enqueues its
  rendering on commit; `letter_retry`, `letter_supersede`.
- `tasks`: the Celery task casework.render_letter, which calls `rendering` (HTML, PDF, storing it once); rendering
  imports neither of them back.
- `outbox`: `letters_relay_pending`, the beat job's relay for letters whose task was lost.
- `verification` and `verification_codes`: the public /verify/<code>/ answer, with no personal data.
- `reads`, `downloads`, `letterhead`: officers' reads, the audited download, the issuing office.
"""

from casework.letters.downloads import letter_download_record
from casework.letters.letterhead import issuing_office, letter_date, letterhead
from casework.letters.numbering import NUMBER_FORMATS
from casework.letters.outbox import RELAY_AFTER, RELAY_AGAIN_AFTER, RELAY_BATCH, LetterRelay, letters_relay_pending
from casework.letters.reads import letter_get_for_user, letter_list_for_case
from casework.letters.rendering import (
    MAX_RENDER_ATTEMPTS,
    letter_html,
    letter_mark_failed,
    letter_note_error,
    letter_pdf_bytes,
    letter_render,
)
from casework.letters.requesting import (
    STALE_AFTER,
    letter_is_stuck,
    letter_request,
    letter_retry,
    letter_supersede,
)
from casework.letters.verification import LetterVerification, letter_verify
from casework.letters.verification_codes import (
    CROCKFORD_ALPHABET,
    VERIFICATION_CODE_LENGTH,
    format_verification_code,
    normalize_verification_code,
    verification_url,
)

__all__ = [
    "CROCKFORD_ALPHABET",
    "MAX_RENDER_ATTEMPTS",
    "NUMBER_FORMATS",
    "RELAY_AFTER",
    "RELAY_AGAIN_AFTER",
    "RELAY_BATCH",
    "STALE_AFTER",
    "VERIFICATION_CODE_LENGTH",
    "LetterRelay",
    "LetterVerification",
    "format_verification_code",
    "issuing_office",
    "letter_date",
    "letter_download_record",
    "letter_get_for_user",
    "letter_html",
    "letter_is_stuck",
    "letter_list_for_case",
    "letter_mark_failed",
    "letter_note_error",
    "letter_pdf_bytes",
    "letter_render",
    "letter_request",
    "letter_retry",
    "letter_supersede",
    "letter_verify",
    "letterhead",
    "letters_relay_pending",
    "normalize_verification_code",
    "verification_url",
]
