from django.contrib.auth.hashers import check_password, identify_hasher, make_password

from core.hashers import PIN_HASHER


def test_pin_hash_uses_the_pin_hasher_with_the_configured_work_factor(settings):
    settings.NETRA_PIN_HASH_ITERATIONS = 1234

    encoded = make_password("12345678", hasher=PIN_HASHER)

    assert encoded.startswith("pbkdf2_sha256_pin$1234$")
    assert identify_hasher(encoded).algorithm == PIN_HASHER
    assert check_password("12345678", encoded) is True
    assert check_password("12345679", encoded) is False
