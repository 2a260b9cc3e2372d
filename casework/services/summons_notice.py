"""The notice rules of a summons: D6 (at least 7 working days before the examination) and, for summons II, D7
(sent within 7 working days of the examination missed under summons I); docs/legal-basis.md §5.2.

A summons outside them is refused, unless a supervisor allows it with a reason to reschedule the examination. Such a
summons is recorded as not respecting the notice rules: it is a defect, not an override of the law. The accused may
attend it, but an absence after it never counts toward "absent twice" (casework.services.attendance).
"""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.deadlines import rule_citation, summons_latest_send_date
from casework.models import Case, Summons
from casework.permissions import can_override_summons_notice
from core import clock
from core.calendar import deadline_for
from core.deadline_catalogue import DeadlineCode
from core.errors import DomainError, PermissionDenied

Override = dict[str, str]


@dataclass(frozen=True)
class NoticeCheck:
    """What the notice rules said of a summons: the rule D6 allowance (`short_notice`) and the rule D7 allowance
    (`late_second`) a supervisor gave, each with what to audit, or None when the rule was respected."""

    short_notice: Override | None = None
    late_second: Override | None = None

    @property
    def respected(self) -> bool:
        return self.short_notice is None and self.late_second is None

    @property
    def reason(self) -> str:
        return (self.short_notice or self.late_second or {}).get("reason", "")


def _check_override(case: Case, *, actor: Actor, rule: str, override_reason: str, refusal: DomainError) -> Override:
    """A rule was missed: refuse, unless a supervisor allows it with a reason (then return what to audit)."""
    if not override_reason.strip():
        raise refusal
    if not can_override_summons_notice(actor, case):
        raise PermissionDenied(
            "summons_override_not_permitted",
            _("Only a supervisor may allow a summons outside rule %(rule)s.") % {"rule": rule},
        )
    return {"rule": rule, "reason": override_reason.strip()}


def _check_notice(
    case: Case, *, actor: Actor, scheduled_at: datetime.datetime, sent_on: datetime.date, override_reason: str
) -> Override | None:
    """Rule D6: the summons goes out at least 7 working days before the examination."""
    examination_date = clock.local_date(scheduled_at)
    latest = summons_latest_send_date(examination_date)
    if sent_on <= latest:
        return None
    rule = rule_citation(DeadlineCode.SUMMONS_NOTICE)
    refusal = DomainError(
        "summons_notice_too_short",
        _(
            "Rule %(rule)s: the summons for an examination on %(exam)s must be sent by %(latest)s "
            "(at least %(count)s working days before; %(basis)s). Choose a later examination date, "
            "or ask a supervisor to override with a reason."
        )
        % {
            "rule": rule.code,
            "exam": date_format(examination_date, "j F Y"),
            "latest": date_format(latest, "j F Y"),
            "count": rule.count,
            "basis": rule.legal_basis,
        },
        field="scheduled_at",
    )
    override = _check_override(case, actor=actor, rule=rule.code, override_reason=override_reason, refusal=refusal)
    return {**override, "latest_send_date": latest.isoformat()}


def second_summons_latest(first: Summons) -> datetime.date | None:
    """The last day summons II may be sent after the examination missed under `first` (rule D7); None when the
    rule is not in force on that date (as casework.deadlines treats it)."""
    try:
        return deadline_for(DeadlineCode.SUMMONS_II, clock.local_date(first.scheduled_at))
    except DomainError:
        return None


def _check_second_summons_in_time(
    case: Case, *, actor: Actor, first: Summons | None, sent_on: datetime.date, override_reason: str
) -> Override | None:
    """Rule D7: summons II goes out within 7 working days of the examination the accused missed (summons I:
    `first` is None, nothing to check)."""
    latest = second_summons_latest(first) if first is not None else None
    if first is None or latest is None or sent_on <= latest:
        return None
    missed_on = clock.local_date(first.scheduled_at)
    rule = rule_citation(DeadlineCode.SUMMONS_II)
    refusal = DomainError(
        "summons_two_too_late",
        _(
            "Rule %(rule)s: after the examination missed on %(missed)s, summons II must be sent by %(latest)s "
            "(within %(count)s working days; %(basis)s). Ask a supervisor to override with a reason."
        )
        % {
            "rule": rule.code,
            "missed": date_format(missed_on, "j F Y"),
            "latest": date_format(latest, "j F Y"),
            "count": rule.count,
            "basis": rule.legal_basis,
        },
        field="sent_on",
    )
    override = _check_override(case, actor=actor, rule=rule.code, override_reason=override_reason, refusal=refusal)
    return {**override, "latest_send_date": latest.isoformat(), "missed_on": missed_on.isoformat()}


def notice_check(
    case: Case,
    *,
    actor: Actor,
    first: Summons | None,
    scheduled_at: datetime.datetime,
    sent_on: datetime.date,
    override_reason: str,
) -> NoticeCheck:
    """Both rules for a summons (`first`: the current summons I when this is summons II); refused (DomainError,
    PermissionDenied) unless respected or allowed by a supervisor with a reason."""
    late = _check_second_summons_in_time(
        case, actor=actor, first=first, sent_on=sent_on, override_reason=override_reason
    )
    short = _check_notice(
        case, actor=actor, scheduled_at=scheduled_at, sent_on=sent_on, override_reason=override_reason
    )
    return NoticeCheck(short_notice=short, late_second=late)
