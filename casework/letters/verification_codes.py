"""Verification codes: the 12 characters on every letter (and in its QR code) that anyone may check at /verify/."""

import secrets

from django.conf import settings
from django.urls import reverse

from casework.models import Letter

# Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. 12 characters = 60 bits.
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VERIFICATION_CODE_LENGTH = 12
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_verification_code() -> str:
    """A random code no letter carries yet."""
    while True:
        code = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(VERIFICATION_CODE_LENGTH))
        if not Letter.objects.filter(verification_code=code).exists():
            return code


def normalize_verification_code(raw: str) -> str | None:
    """The canonical code for what a person typed (any case, with dashes or spaces, O for 0, I or L for 1)."""
    code = "".join(raw.split()).replace("-", "").upper().translate(_READ_AS)
    if len(code) != VERIFICATION_CODE_LENGTH or any(char not in CROCKFORD_ALPHABET for char in code):
        return None
    return code


def format_verification_code(code: str) -> str:
    """ABCD-EFGH-JKMN: groups of four are easier to read and type."""
    return "-".join(code[index : index + 4] for index in range(0, len(code), 4))


def verification_url(code: str) -> str:
    return settings.NETRA_SITE_URL.rstrip("/") + reverse("letter-verify", args=[code])
