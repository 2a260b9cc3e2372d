"""NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD + appointment YYYYMM + sex digit + 3-digit sequence."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import clock

# ASCII digits only (\d would accept other scripts' digits) and no trailing newline (fullmatch, not $).
_NIP_PATTERN = re.compile(r"[0-9]{18}")


@dataclass(frozen=True)
class NipParts:
    birth_date: datetime.date
    appointment_year: int
    appointment_month: int
    sex: str  # "male" | "female"
    sequence: int


def parse_nip(value: str) -> NipParts:
    """Split a NIP into its parts, raising ValidationError with a precise message when it is not valid."""
    if not _NIP_PATTERN.fullmatch(value or ""):
        raise ValidationError(_("A NIP has exactly 18 digits."), code="nip_format")
    try:
        birth_date = datetime.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValidationError(
            _("The first 8 digits of a NIP must be a real birth date (YYYYMMDD)."), code="nip_birth"
        ) from None
    appointment_year, appointment_month = int(value[8:12]), int(value[12:14])
    if not 1 <= appointment_month <= 12:
        raise ValidationError(_("Digits 9–14 of a NIP must be a real appointment month (YYYYMM)."), code="nip_tmt")
    today = clock.today()
    if appointment_year < birth_date.year + 15 or appointment_year > today.year + 1:
        raise ValidationError(_("The appointment year in the NIP is not plausible."), code="nip_tmt")
    if value[14] not in "12":
        raise ValidationError(_("Digit 15 of a NIP is the sex digit and must be 1 or 2."), code="nip_sex")
    if birth_date.year < 1900 or birth_date > today:
        raise ValidationError(_("The birth date in the NIP is not plausible."), code="nip_birth")
    sequence = int(value[15:18])
    if sequence == 0:
        raise ValidationError(_("The last 3 digits of a NIP are a sequence number starting at 001."), code="nip_seq")
    return NipParts(
        birth_date=birth_date,
        appointment_year=appointment_year,
        appointment_month=appointment_month,
        sex="male" if value[14] == "1" else "female",
        sequence=sequence,
    )


def validate_nip(value: str) -> None:
    parse_nip(value)
