"""The issuing office of a letter: its letterhead (kop), the office named on verification, and the letter's date.

Letters of the personnel office (summons, BAP, LHP, …) carry the BKPSDM's kop (`letterhead`). A decree carries the
heading of the authority that issues it (docs/legal-basis.md §7.3): the agency's government under its emblem for the
staffing authority (`decree_letterhead`), the government and the unit for a head of unit (`unit_letterhead`). Every
head keeps the personnel office's code, which numbers the letter in its register.
"""

import datetime
from typing import Any

from django.conf import settings

from accounts.models import Agency
from casework.models import Letter
from core import clock


def letterhead(agency: Agency) -> dict[str, str]:
    """The kop of the agency's personnel office: the Agency row plus two settings shared by every agency.

    NETRA_LETTER_OFFICE_NAME (default: the BKPSDM's full name) and NETRA_LETTER_OFFICE_CODE (default BKPSDM, used in
    letter numbers).
    """
    return {
        "government": agency.name,
        "office": getattr(
            settings, "NETRA_LETTER_OFFICE_NAME", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
        ),
        "office_code": getattr(settings, "NETRA_LETTER_OFFICE_CODE", "BKPSDM"),
        "region": agency.region_name,
        "seat": agency.seat,
        "address": agency.address,
    }


def decree_letterhead(agency: Agency, *, with_address: bool = False) -> dict[str, Any]:
    """The heading of the staffing authority's decrees (a Keputusan Bupati): the agency's `decree_heading` (or name)
    under its emblem, embedded as a data: URI (or none: the text heading alone); no personnel office. A letter of the
    same official (`with_address`, e.g. the reply to Bawaslu) adds the agency's address, under a rule like a kop."""
    return {
        **letterhead(agency),
        "kind": "letter" if with_address else "decree",
        "government": agency.decree_heading or agency.name,
        "office": "",
        "emblem": agency.emblem_data_uri(),
        "address": agency.address if with_address else "",
    }


def unit_letterhead(agency: Agency, unit_name: str) -> dict[str, Any]:
    """The heading of a decree by the head of a unit (a superior up the line): the government and the unit."""
    return {**letterhead(agency), "kind": "unit", "office": unit_name, "address": ""}


def issuing_office(letter: Letter) -> str:
    head = letter.context.get("letterhead") or {}
    if not head.get("office"):
        return str(head.get("government", ""))
    return " ".join(part for part in (head.get("office", ""), head.get("region", "")) if part)


def letter_date(letter: Letter) -> datetime.date:
    """The date the letter carries: the day it was requested (Asia/Jakarta), whenever it was rendered."""
    return clock.local_date(letter.requested_at)
