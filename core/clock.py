"""What time and what day it is for Netra: Asia/Jakarta, the zone every legal date is counted in.

Every "today" and "now" in the code comes from here (`from core import clock; clock.today()`), so a deadline, a
"not in the future" check and a letter date all agree, and a test moves them together with one monkeypatch of
`clock.now`.
"""

import datetime
import zoneinfo

from django.utils import timezone

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def now() -> datetime.datetime:
    """The current moment, timezone-aware (UTC inside, like every stored timestamp)."""
    return timezone.now()


def today() -> datetime.date:
    """Today's date in Jakarta."""
    return local_date(now())


def local_date(moment: datetime.datetime) -> datetime.date:
    """The Jakarta date of a stored timestamp (e.g. the date a report was received)."""
    return timezone.localtime(moment, JAKARTA).date()


def at(day: datetime.date, hour: int = 0, minute: int = 0) -> datetime.datetime:
    """A moment on a Jakarta date, e.g. the hour an examination is scheduled for."""
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=JAKARTA)
