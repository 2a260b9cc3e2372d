"""The heading a decision carries: its issuing authority's, not the personnel office's (docs/legal-basis.md §7.3).

The staffing authority (the Bupati, or the official standing in) issues a Keputusan Bupati under the government's
heading and emblem; a superior up the accused's line decides under the heading of his unit; the President's decision
(prepared in Netra, signed outside it) under the President's. Letters of the personnel office keep the BKPSDM's kop.
"""

from typing import Any

from accounts.models import CivilServant
from casework.letters.letterhead import decree_letterhead, unit_letterhead
from sanctions.competent_official import PRESIDENT_TITLE
from sanctions.models import AuthorityRule, Decision, StaffingAuthority

PRESIDENT_SEAT = "Jakarta"


def decision_letterhead(decision: Decision, *, with_address: bool = False) -> dict[str, Any]:
    """The heading of the decision's issuing authority (`with_address` for a letter, such as the reply to Bawaslu)."""
    agency = decision.case.agency
    rule = decision.authority_rule
    official = decision.signed_by or decision.competent_official
    if official is None and rule is not None and rule.authority == AuthorityRule.Authority.PRESIDENT:
        head = decree_letterhead(agency)
        return {**head, "government": PRESIDENT_TITLE, "emblem": "", "seat": PRESIDENT_SEAT}
    if official is None or StaffingAuthority.objects.filter(agency=agency, user=official).exists():
        return decree_letterhead(agency, with_address=with_address)
    servant = CivilServant.objects.filter(nip=official.nip).select_related("unit").first() if official.nip else None
    if servant is None:
        return decree_letterhead(agency, with_address=with_address)
    return unit_letterhead(agency, servant.unit.name)
