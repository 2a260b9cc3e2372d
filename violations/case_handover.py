"""Handing a report's new evidence over to its case, after the commit that stored it.

A report belongs to a case in the casework app, which sits above this one (docs/architecture.md): the casework app
registers its receiver at start-up (casework.apps) and the services here call `evidence_hand_over_on_commit` when a
report already in a case gains evidence (a reporter's addition) or joins a case (a duplicate linked to a report in
one). Receiving is idempotent, so a handover run twice adds nothing twice. Without a receiver (violations on its
own) nothing is handed over.
"""

import logging
from collections.abc import Callable
from functools import partial

from core.transactions import on_commit

logger = logging.getLogger(__name__)

EvidenceReceiver = Callable[[int], object]

_receivers: list[EvidenceReceiver] = []


def register_evidence_receiver(receiver: EvidenceReceiver) -> None:
    """Set the receiver (the casework app, at start-up); registering again replaces it."""
    _receivers[:] = [receiver]


def evidence_hand_over_on_commit(report_id: int) -> None:
    """Once the current transaction commits, hand the report's evidence to its case (if it is in one)."""
    on_commit(partial(_hand_over, report_id))


def _hand_over(report_id: int) -> None:
    if not _receivers:
        return
    try:
        _receivers[0](report_id)
    except Exception:
        # The addition is committed and stays on the report; the next handover of the case receives what was missed.
        logger.exception("Evidence of report %s could not be handed over to its case", report_id)
