"""Letter numbers: one gapless sequence per register of an agency and year, formatted per register."""

from accounts.models import Agency
from casework.models import LetterKind, LetterNumberSequence

# How numbers look, per register: {classification}/{sequence:04d}/{office}/{year}, e.g. 800/0012/BKPSDM/2026.
# Registers not listed here use the `letter` format. Confirm the agency's own formats before go-live.
NUMBER_FORMATS: dict[str, str] = {
    "letter": "{classification}/{sequence:04d}/{office}/{year}",
    "decision": "{classification}/{sequence:04d}/KEP/{office}/{year}",
}


def next_sequence(agency: Agency, year: int, register: str) -> int:
    """The next number of a register. The row lock is held until the caller's transaction ends: no gap, no twin."""
    LetterNumberSequence.objects.bulk_create(
        [LetterNumberSequence(agency=agency, year=year, register=register)], ignore_conflicts=True
    )
    sequence = LetterNumberSequence.objects.select_for_update().get(agency=agency, year=year, register=register)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def letter_number(kind: LetterKind, *, sequence: int, office_code: str, year: int) -> str:
    """The number printed on a letter of `kind` (see NUMBER_FORMATS)."""
    return NUMBER_FORMATS.get(kind.register, NUMBER_FORMATS["letter"]).format(
        classification=kind.classification, sequence=sequence, office=office_code, year=year
    )
