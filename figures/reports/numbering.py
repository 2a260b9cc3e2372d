"""Summary report numbers and verification codes: a register of its own per agency and year, and a code no letter
or report carries yet (the same alphabet and length as letters' codes, casework.letters.verification_codes)."""

import secrets

from django.conf import settings

from casework.letters.verification_codes import CROCKFORD_ALPHABET, VERIFICATION_CODE_LENGTH
from casework.models import Letter
from figures.models import SummaryReport, SummaryReportSequence

NUMBER_FORMAT = "{sequence:03d}/RST/{office}/{year}"  # RST: ringkasan statistik


def next_sequence(agency_id: int, year: int) -> int:
    """The next number of the agency's register for `year`; the row lock is held until the caller's commit."""
    SummaryReportSequence.objects.bulk_create(
        [SummaryReportSequence(agency_id=agency_id, year=year)], ignore_conflicts=True
    )
    sequence = SummaryReportSequence.objects.select_for_update().get(agency_id=agency_id, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def report_number(sequence: int, year: int) -> str:
    return NUMBER_FORMAT.format(sequence=sequence, office=settings.NETRA_LETTER_OFFICE_CODE, year=year)


def new_verification_code() -> str:
    """A random code that neither a letter nor a summary report carries."""
    while True:
        code = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(VERIFICATION_CODE_LENGTH))
        if not (
            SummaryReport.objects.filter(verification_code=code).exists()
            or Letter.objects.filter(verification_code=code).exists()
        ):
            return code
