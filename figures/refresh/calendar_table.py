"""The working-day calendar as a table of ordinals, so SQL counts working days by subtraction.

`ordinal(day)` is the number of working days from FIRST_DAY up to and including `day` (core.calendar decides what a
working day is: the national calendar and the agency's DayOff rows). Working days after `start` up to and including
`end` — core.calendar.working_days_between(start, end) — are then ordinal(end) − ordinal(start).

The table is rebuilt when its signature changes: the DayOff rows, the `holidays` package's version or the last year
it covers.
"""

import datetime
import hashlib
from importlib.metadata import version

from core import clock
from core.calendar import WorkingCalendar
from core.models import DayOff
from figures.models import WorkingDayOrdinal

FIRST_DAY = datetime.date(2000, 1, 1)
YEARS_AHEAD = 3


def last_day() -> datetime.date:
    return datetime.date(clock.today().year + YEARS_AHEAD, 12, 31)


def calendar_signature() -> str:
    """What the table is built from; another signature means it must be rebuilt."""
    rows = DayOff.objects.order_by("date").values_list("date", "kind")
    text = "|".join(f"{day.isoformat()}:{kind}" for day, kind in rows)
    text += f"|holidays={version('holidays')}|to={last_day().isoformat()}"
    return hashlib.sha256(text.encode()).hexdigest()


def calendar_table_build() -> int:
    """Replace the table's rows (inside the caller's transaction); returns how many days it holds."""
    working_calendar = WorkingCalendar()
    rows: list[WorkingDayOrdinal] = []
    ordinal, day, end = 0, FIRST_DAY, last_day()
    while day <= end:
        ordinal += working_calendar.is_working_day(day)
        rows.append(WorkingDayOrdinal(day=day, ordinal=ordinal))
        day += datetime.timedelta(days=1)
    WorkingDayOrdinal.objects.all().delete()
    WorkingDayOrdinal.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
