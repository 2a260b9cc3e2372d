"""The Indonesian working-day calendar and the deadline engine (rules D1–D16 of docs/domain.md, stored as DeadlineRule).

A working day is Monday–Friday, not a national holiday, cuti bersama or election day (the `holidays` package's
Indonesian "public" and "government" categories), adjusted by the agency's DayOff rows: `day_off` removes a working
day, `working_day` gives one back. Counting never includes the anchor day: day 1 is the next working day.

The package's days are computed once per year and process (they change only with a new package version); each
year's DayOff rows are kept in the shared cache and dropped by core.services whenever an administrator changes them,
so every process sees a change at once.
"""

import calendar as month_calendar
import datetime
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.db import connection
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError, NotFound
from core.models import DayOff, DeadlineRule
from core.shared_cache import cache_delete, cache_get, cache_set

HOLIDAY_CATEGORIES = ("public", "government")
# A safety net only: core.services drops a year's entry whenever its DayOff rows change (and if the cache was
# unreachable at that moment, this bounds how long a stale entry can live).
OVERRIDES_CACHE_SECONDS = 10 * 60


def overrides_cache_key(year: int) -> str:
    return f"core:calendar:overrides:v1:{year}"


@lru_cache(maxsize=64)
def national_days_off(year: int) -> frozenset[datetime.date]:
    """Indonesia's national holidays, cuti bersama and voting days of `year`, as the `holidays` package knows them."""
    return frozenset(holidays.Indonesia(categories=HOLIDAY_CATEGORIES, years=year))


def national_day_off_name(day: datetime.date) -> str | None:
    names = holidays.Indonesia(categories=HOLIDAY_CATEGORIES, years=day.year)
    name = names.get(day)
    return str(name) if name is not None else None


@dataclass(frozen=True)
class YearOverrides:
    days_off: frozenset[datetime.date] = frozenset()
    working_days: frozenset[datetime.date] = frozenset()


def _load_overrides(year: int) -> YearOverrides:
    key = overrides_cache_key(year)
    cached = cache_get(key)
    if cached is not None:
        return YearOverrides(
            days_off=frozenset(datetime.date.fromisoformat(day) for day in cached["off"]),
            working_days=frozenset(datetime.date.fromisoformat(day) for day in cached["work"]),
        )
    rows = list(DayOff.objects.filter(date__year=year).values_list("date", "kind"))
    overrides = YearOverrides(
        days_off=frozenset(day for day, kind in rows if kind == DayOff.Kind.DAY_OFF),
        working_days=frozenset(day for day, kind in rows if kind == DayOff.Kind.WORKING_DAY),
    )
    # Inside a transaction the rows read may never be committed (a rolled-back calendar change): share only what
    # is read outside one.
    if not connection.in_atomic_block:
        cache_set(
            key,
            {"off": sorted(map(str, overrides.days_off)), "work": sorted(map(str, overrides.working_days))},
            OVERRIDES_CACHE_SECONDS,
        )
    return overrides


def forget_year(year: int) -> None:
    """Drop a year's cached DayOff rows (core.services calls this when they change). With the cache unreachable the
    entry cannot be dropped; it expires after OVERRIDES_CACHE_SECONDS at the latest."""
    cache_delete(overrides_cache_key(year))


@dataclass
class WorkingCalendar:
    """The calendar as of now; loads each year it touches once. Hold one for a batch of computations."""

    _days_off: dict[int, frozenset[datetime.date]] = field(default_factory=dict)

    def days_off(self, year: int) -> frozenset[datetime.date]:
        """Every date of `year` that is not worked although it may be a weekday (weekends aside)."""
        if year not in self._days_off:
            overrides = _load_overrides(year)
            self._days_off[year] = (national_days_off(year) | overrides.days_off) - overrides.working_days
        return self._days_off[year]

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.days_off(day.year)

    def add_working_days(self, day: datetime.date, count: int) -> datetime.date:
        """The `count`-th working day after `day` (before it when negative); `day` itself is not counted."""
        step = datetime.timedelta(days=1 if count > 0 else -1)
        remaining = abs(count)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end`; negative when `end` is before `start`.

        `working_days_between(day, add_working_days(day, n)) == n`; for a summons sent on `start` and an
        examination on `end` it is the notice given.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count


def is_working_day(day: datetime.date) -> bool:
    return WorkingCalendar().is_working_day(day)


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    return WorkingCalendar().add_working_days(day, count)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    return WorkingCalendar().working_days_between(start, end)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Same day `months` later (earlier when negative); a day the target month lacks becomes its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last_day = month_calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def deadline_rule_get(code: str) -> DeadlineRule:
    rule = DeadlineRule.objects.filter(code=code.strip().upper()).first()
    if rule is None:
        raise NotFound(
            "deadline_rule_unknown",
            _("There is no deadline rule “%(code)s”. Known rules: %(codes)s.")
            % {"code": code, "codes": ", ".join(DeadlineRule.objects.values_list("code", flat=True))},
            field="rule",
        )
    return rule


def deadline_for_rule(
    rule: DeadlineRule,
    anchor_date: datetime.date,
    *,
    count: int | None = None,
    working_calendar: WorkingCalendar | None = None,
) -> datetime.date:
    """The date `rule` gives for `anchor_date`. `count` is required exactly when the rule has none (D15)."""
    if rule.count is not None and count is not None:
        raise DomainError(
            "deadline_count_fixed",
            _("Rule %(code)s always counts %(count)d; a count cannot be given.")
            % {"code": rule.code, "count": rule.count},
            field="count",
        )
    if rule.count is None and count is None:
        raise DomainError(
            "deadline_count_required",
            _("Rule %(code)s needs a count (e.g. the months of the sanction).") % {"code": rule.code},
            field="count",
        )
    if not rule.is_in_force(anchor_date):
        raise DomainError(
            "deadline_rule_not_in_force",
            _("Rule %(code)s is not in force on %(date)s.") % {"code": rule.code, "date": anchor_date.isoformat()},
            field="date",
        )
    amount = count if count is not None else rule.count
    assert amount is not None
    if amount <= 0:
        raise DomainError("deadline_count_invalid", _("The count must be a positive number."), field="count")
    signed = -amount if rule.direction == DeadlineRule.Direction.BEFORE else amount
    if rule.unit == DeadlineRule.Unit.WORKING_DAYS:
        return (working_calendar or WorkingCalendar()).add_working_days(anchor_date, signed)
    if rule.unit == DeadlineRule.Unit.CALENDAR_DAYS:
        return anchor_date + datetime.timedelta(days=signed)
    return add_months(anchor_date, signed)


def deadline_for(rule_code: str, anchor_date: datetime.date, *, count: int | None = None) -> datetime.date:
    """The date rule `rule_code` (e.g. "D6") gives for `anchor_date`; `count` only for rules without one (D15)."""
    return deadline_for_rule(deadline_rule_get(rule_code), anchor_date, count=count)
