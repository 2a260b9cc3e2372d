import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.nip import NipParts, parse_nip, validate_nip


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_valid_nip_is_split_into_its_parts():
    assert parse_nip("196905121994031004") == NipParts(
        birth_date=datetime.date(1969, 5, 12),
        appointment_year=1994,
        appointment_month=3,
        sex="male",
        sequence=4,
    )


def test_sex_digit_two_is_female():
    assert parse_nip("199203082019032011").sex == "female"


def test_validate_nip_accepts_a_valid_nip():
    assert validate_nip("198001012005031001") is None


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        ("19800101200503100", "nip_format", "A NIP has exactly 18 digits."),
        ("1980010120050310012", "nip_format", "A NIP has exactly 18 digits."),
        ("", "nip_format", "A NIP has exactly 18 digits."),
        ("19800101 200503 1 001", "nip_format", "A NIP has exactly 18 digits."),
        ("1980010120050310O1", "nip_format", "A NIP has exactly 18 digits."),
        ("19800101200503100١", "nip_format", "A NIP has exactly 18 digits."),  # Arabic-Indic digit
        ("198013322005031001", "nip_birth", "The first 8 digits of a NIP must be a real birth date (YYYYMMDD)."),
        ("198002302005031001", "nip_birth", "The first 8 digits of a NIP must be a real birth date (YYYYMMDD)."),
        ("198001012005131001", "nip_tmt", "Digits 9–14 of a NIP must be a real appointment month (YYYYMM)."),
        ("198001012005001001", "nip_tmt", "Digits 9–14 of a NIP must be a real appointment month (YYYYMM)."),
        ("198001011994031001", "nip_tmt", "The appointment year in the NIP is not plausible."),
        ("198001012005033001", "nip_sex", "Digit 15 of a NIP is the sex digit and must be 1 or 2."),
        ("198001012005030001", "nip_sex", "Digit 15 of a NIP is the sex digit and must be 1 or 2."),
        ("198001012005031000", "nip_seq", "The last 3 digits of a NIP are a sequence number starting at 001."),
        ("189901012005031001", "nip_birth", "The birth date in the NIP is not plausible."),
        ("198001012005031001\n", "nip_format", "A NIP has exactly 18 digits."),
    ],
    ids=[
        "17-digits",
        "19-digits",
        "empty",
        "spaces",
        "letter-O",
        "non-ascii-digit",
        "birth-month-13",
        "birth-february-30",
        "appointment-month-13",
        "appointment-month-00",
        "appointed-before-age-15",
        "sex-digit-3",
        "sex-digit-0",
        "sequence-000",
        "born-before-1900",
        "trailing-newline",
    ],
)
def test_invalid_nip_is_refused_with_a_precise_reason(value, code, message):
    with pytest.raises(ValidationError) as raised:
        parse_nip(value)

    assert raised.value.code == code
    assert raised.value.messages == [message]


def test_birth_date_19801332_is_impossible():
    with pytest.raises(ValidationError) as raised:
        parse_nip("198013322005031001")

    assert raised.value.code == "nip_birth"


def test_appointment_year_far_in_the_future_is_refused():
    future = datetime.date.today().year + 2

    with pytest.raises(ValidationError) as raised:
        parse_nip(f"19800101{future}031001")

    assert raised.value.code == "nip_tmt"


def test_appointment_next_year_is_accepted():
    next_year = datetime.date.today().year + 1

    assert parse_nip(f"19800101{next_year}011001").appointment_year == next_year


def test_appointment_at_exactly_fifteen_is_accepted():
    assert parse_nip("198001011995011001").appointment_year == 1995
