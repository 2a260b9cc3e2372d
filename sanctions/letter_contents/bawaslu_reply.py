"""What the reply to a forwarding Bawaslu office says: its own register numbers and the outcome of the case.

Never the reporter, nothing from the examination (the letter is not confidential). The office receives this reply, not
the decree (its copies are the administrators' table, docs/letters.md). Signed by the official who decided, under that
official's heading. Like every letter, the snapshot is all the template reads (casework.letters).
"""

from typing import Any

from casework.letter_snapshots import letter_copies
from core import clock
from sanctions.letter_contents.citations import accused_name
from sanctions.letter_contents.decision import decision_summary, signatory
from sanctions.letter_contents.letterheads import decision_letterhead
from sanctions.models import Decision
from violations.models import BawasluForwarding


def bawaslu_reply_context(
    decision: Decision, forwardings: list[BawasluForwarding], *, annulment: dict[str, str] | None = None
) -> dict[str, Any]:
    """The reply to one Bawaslu office: its register numbers and the outcome; no reporter, no examination detail.

    `annulment` ({"number", "date"} of the Keputusan on the objection) when the decision was annulled: the outcome is
    then "not proven, no sanction".
    """
    office = forwardings[0].office
    case = decision.case
    accused = case.accused
    summary = decision_summary(decision)
    if annulment is not None:
        summary.update(proven=False, sanction=None, effective_on="")
    return {
        "case_number": case.number,
        "decision_id": decision.pk,
        "office_id": office.pk,
        "office": {"name": office.name, "address": office.address},
        "forwardings": [
            {
                "reference_number": forwarding.reference_number,
                "letter_number": forwarding.letter_number,
                "origin": forwarding.origin,
                "received_on": clock.local_date(forwarding.report.received_at).isoformat(),
            }
            for forwarding in forwardings
        ],
        "accused": {
            "name": accused_name(decision),
            "position": decision.accused_position
            if decision.has_frozen_accused
            else (accused.position_title if accused else ""),
        },
        "decision": summary,
        "annulment": annulment,
        "signatory": signatory(decision),
        "letterhead": decision_letterhead(decision, with_address=True),
        "copies": letter_copies(case.agency, "bawaslu_reply"),
    }
