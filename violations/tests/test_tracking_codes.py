"""Tracking codes: made in one form, read back however a person types them."""

import re

import pytest

from violations.tracking_codes import new_tracking_code, normalize_tracking_code


def test_a_new_code_is_ntr_and_two_groups_of_four_crockford_characters():
    assert re.fullmatch(r"NTR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", new_tracking_code())


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("NTR-7K2M-Q9XD", "NTR-7K2M-Q9XD"),
        ("ntr7k2mq9xd", "NTR-7K2M-Q9XD"),
        (" NTR 7K2M Q9XD ", "NTR-7K2M-Q9XD"),
        ("7k2m-q9xd", "NTR-7K2M-Q9XD"),
        ("NTR-7K2M-Q9OD", "NTR-7K2M-Q90D"),
        ("NTR-7KLM-Q9ID", "NTR-7K1M-Q91D"),
    ],
)
def test_what_a_person_types_becomes_the_stored_code(typed, stored):
    assert normalize_tracking_code(typed) == stored


@pytest.mark.parametrize("typed", ["", "NTR-12", "NTR-7K2M-Q9XD-EXTRA", "NTR-7K2M-Q9U!"])
def test_what_cannot_be_a_code_stays_something_that_matches_no_code(typed):
    assert not re.fullmatch(r"NTR-[0-9A-Z]{4}-[0-9A-Z]{4}", normalize_tracking_code(typed))
