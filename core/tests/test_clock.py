"""One clock: Jakarta's date, whatever the server's zone and whatever the UTC date is."""

import datetime

from core import clock


def test_today_is_jakartas_date_when_utc_is_still_yesterday(monkeypatch):
    # 2026-01-01 20:30 UTC is already 2026-01-02 03:30 in Jakarta.
    monkeypatch.setattr(clock, "now", lambda: datetime.datetime(2026, 1, 1, 20, 30, tzinfo=datetime.UTC))

    assert clock.today() == datetime.date(2026, 1, 2)


def test_local_date_of_a_stored_timestamp():
    moment = datetime.datetime(2024, 10, 7, 23, 0, tzinfo=datetime.UTC)

    assert clock.local_date(moment) == datetime.date(2024, 10, 8)


def test_at_builds_a_jakarta_moment():
    moment = clock.at(datetime.date(2024, 10, 28), 9)

    assert moment.isoformat() == "2024-10-28T09:00:00+07:00"
