"""Downloads of letters are audit events on the letter's case (chain of custody)."""

from typing import Any

from django.db import transaction

from accounts.actors import Actor
from casework.audit_actions import LETTER_DOWNLOADED
from casework.models import CASE_LIFECYCLE, Letter


@transaction.atomic
def letter_download_record(*, letter: Letter, actor: Actor, data: dict[str, Any] | None = None) -> None:
    """Record that `actor` downloaded the letter's PDF: one event on its case, which keeps its status.

    `data` adds what the download was reached through (e.g. {"decision": pk} for a decision letter). The caller
    fetched the letter through a scoped read.
    """
    CASE_LIFECYCLE.record(
        letter.case,
        actor=actor,
        action=LETTER_DOWNLOADED,
        data={"letter": letter.pk, "number": letter.number, "sha256": letter.sha256, **(data or {})},
    )
