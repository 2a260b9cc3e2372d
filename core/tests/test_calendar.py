"""The working-day calendar: weekends, national holidays, cuti bersama and election days, counted both ways."""

import datetime

import pytest

from core.calendar import (
    WorkingCalendar,
    add_months,
    add_working_days,
    is_working_day,
    national_day_off_name,
    working_days_between,
)

pytestmark = pytest.mark.django_db

D = datetime.date.fromisoformat


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-10-26", False),  # Saturday
        ("2024-10-27", False),  # Sunday
        ("2024-10-28", True),
        ("2024-02-08", False),  # Isra Mikraj
        ("2024-02-09", False),  # cuti bersama Imlek
        ("2024-02-14", False),  # Pemilu voting day (Keppres 10/2024)
        ("2024-11-27", False),  # Pilkada voting day (Keppres 33/2024)
        ("2023-12-25", False),
        ("2023-12-26", False),  # cuti bersama Natal
        ("2024-01-01", False),
        ("2024-01-02", True),
        ("2025-08-18", False),  # cuti bersama added by the August 2025 SKB
        ("2026-05-28", False),  # cuti bersama Idul Adha
    ],
)
def test_is_working_day(day, expected):
    assert is_working_day(D(day)) is expected


@pytest.mark.parametrize(
    ("first", "last"),
    [("2024-04-08", "2024-04-15"), ("2025-03-28", "2025-04-07"), ("2026-03-18", "2026-03-24")],
    ids=["idul-fitri-2024", "idul-fitri-2025", "idul-fitri-2026"],
)
def test_no_day_of_the_idul_fitri_stretch_is_a_working_day(first, last):
    days = [D(first) + datetime.timedelta(days=offset) for offset in range((D(last) - D(first)).days + 1)]

    assert [day for day in days if is_working_day(day)] == []


@pytest.mark.parametrize(
    ("before", "after"),
    [("2024-04-05", "2024-04-16"), ("2025-03-27", "2025-04-08"), ("2026-03-17", "2026-03-25")],
    ids=["idul-fitri-2024", "idul-fitri-2025", "idul-fitri-2026"],
)
def test_one_working_day_spans_the_idul_fitri_stretch_both_ways(before, after):
    assert add_working_days(D(before), 1) == D(after)
    assert add_working_days(D(after), -1) == D(before)
    assert working_days_between(D(before), D(after)) == 1


def test_year_end_2023_skips_christmas_cuti_bersama_and_new_year():
    assert add_working_days(D("2023-12-22"), 1) == D("2023-12-27")
    assert add_working_days(D("2023-12-29"), 1) == D("2024-01-02")
    assert add_working_days(D("2024-01-02"), -2) == D("2023-12-28")


def test_voting_days_2024_are_skipped():
    assert add_working_days(D("2024-02-13"), 1) == D("2024-02-15")
    assert add_working_days(D("2024-11-26"), 1) == D("2024-11-28")


def test_the_anchor_day_is_not_counted_and_a_weekend_anchor_counts_from_monday():
    assert add_working_days(D("2024-10-28"), 1) == D("2024-10-29")
    assert add_working_days(D("2024-10-26"), 1) == D("2024-10-28")
    assert add_working_days(D("2024-10-27"), -1) == D("2024-10-25")


def test_zero_working_days_is_the_day_itself():
    assert add_working_days(D("2024-10-26"), 0) == D("2024-10-26")


def test_negative_counts_go_backwards_over_weekends():
    assert add_working_days(D("2024-10-28"), -1) == D("2024-10-25")
    assert add_working_days(D("2024-10-28"), -5) == D("2024-10-21")
    assert add_working_days(D("2024-10-28"), -7) == D("2024-10-17")


def test_working_days_between_is_signed_and_the_inverse_of_adding():
    start = D("2024-11-20")

    for count in (1, 3, 7, 14, 15, 21, -1, -7, -14):
        assert working_days_between(start, add_working_days(start, count)) == count
    assert working_days_between(D("2024-10-17"), D("2024-10-28")) == 7
    assert working_days_between(D("2024-10-28"), D("2024-10-17")) == -7
    assert working_days_between(D("2024-10-26"), D("2024-10-27")) == 0
    assert working_days_between(D("2024-10-28"), D("2024-10-28")) == 0


def test_national_day_names_come_from_the_holidays_package():
    assert national_day_off_name(D("2024-11-27")) == "Local Election Day"
    assert national_day_off_name(D("2024-02-14")) == "General Election Day"
    assert national_day_off_name(D("2024-10-28")) is None


def test_a_calendar_reads_each_year_once(django_assert_num_queries):
    working_calendar = WorkingCalendar()

    with django_assert_num_queries(2):
        assert working_calendar.add_working_days(D("2023-12-20"), 10) == D("2024-01-08")
        assert working_calendar.add_working_days(D("2024-01-08"), -10) == D("2023-12-20")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2024-12-17", 12, "2025-12-17"),
        ("2024-12-17", 6, "2025-06-17"),
        ("2024-12-17", 9, "2025-09-17"),
        ("2024-08-31", 6, "2025-02-28"),
        ("2023-08-31", 6, "2024-02-29"),
        ("2025-03-31", -1, "2025-02-28"),
        ("2025-01-15", -13, "2023-12-15"),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_shorter_month(day, months, expected):
    assert add_months(D(day), months) == D(expected)
