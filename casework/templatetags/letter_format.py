"""Formatting for letters: Indonesian dates and times from the ISO strings of a letter's content snapshot.

Letters are always in Indonesian (the language of official documents), whatever language the requester uses, so the
names are spelled out here rather than taken from the active translation.
"""

import datetime

from django import template

register = template.Library()

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
# Indonesia's three time zones, by UTC offset in hours.
ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}


def _parse(value: object) -> datetime.date | datetime.datetime | None:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value) if "T" in value else datetime.date.fromisoformat(value)
    except ValueError:
        return None


@register.filter
def letter_date(value: object) -> str:
    """'2024-10-28' → '28 Oktober 2024'."""
    parsed = _parse(value)
    return f"{parsed.day} {MONTHS[parsed.month - 1]} {parsed.year}" if parsed else ""


@register.filter
def weekday(value: object) -> str:
    """'2024-10-28' → 'Senin'."""
    parsed = _parse(value)
    return WEEKDAYS[parsed.weekday()] if parsed else ""


@register.filter
def clock_time(value: object) -> str:
    """'2024-10-28T09:00:00+07:00' → '09.00 WIB' (the time as written, in its own zone)."""
    parsed = _parse(value)
    if not isinstance(parsed, datetime.datetime):
        return ""
    offset = parsed.utcoffset()
    zone = ZONES.get(int(offset.total_seconds() // 3600), "") if offset is not None else ""
    return f"{parsed:%H.%M} {zone}".strip()


@register.filter
def roman(value: object) -> str:
    try:
        return ROMAN.get(int(str(value)), str(value))
    except ValueError:
        return str(value)


TEAM_ROLES = {
    "direct_superior": "Atasan langsung",
    "inspectorate": "Unsur pengawasan (Inspektorat)",
    "bkpsdm": "Unsur kepegawaian (BKPSDM)",
}


@register.filter
def team_role(value: object) -> str:
    """A Tim Pemeriksa member's role as the decision names it."""
    return TEAM_ROLES.get(str(value), str(value))
