"""The deadline rules casework checks, read from the working-day calendar engine (core.calendar).

Counting and the rules themselves (count, unit, direction, legal basis) are data there; casework only names the rule.
"""

import datetime
from dataclasses import dataclass

from core.calendar import deadline_for, deadline_rule_get

SUMMONS_NOTICE_RULE = "D6"


@dataclass(frozen=True)
class NoticeRule:
    code: str
    count: int | None
    legal_basis: str


def summons_latest_send_date(examination_date: datetime.date) -> datetime.date:
    """The last day a summons may be sent for an examination on `examination_date` (rule D6)."""
    return deadline_for(SUMMONS_NOTICE_RULE, examination_date)


def summons_notice_rule() -> NoticeRule:
    """Rule D6 as the refusal message cites it."""
    rule = deadline_rule_get(SUMMONS_NOTICE_RULE)
    basis = f"{rule.regulation}, {rule.article}" if rule.article else rule.regulation
    return NoticeRule(code=rule.code, count=rule.count, legal_basis=basis)
