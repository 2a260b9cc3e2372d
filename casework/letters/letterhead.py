"""The issuing office of a letter: its letterhead (kop), the office named on verification, and the letter's date."""

import datetime

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


def issuing_office(letter: Letter) -> str:
    head = letter.context.get("letterhead") or {}
    return " ".join(part for part in (head.get("office", ""), head.get("region", "")) if part)


def letter_date(letter: Letter) -> datetime.date:
    """The date the letter carries: the day it was requested (Asia/Jakarta), whenever it was rendered."""
    return clock.local_date(letter.requested_at)
