"""Reporters' tracking codes: made once at intake, read back however a person types them.

A code is NTR- and eight characters of Crockford's base32 in two groups (NTR-7K2M-Q9XD): no I, L, O or U, so a code
read aloud or copied from paper survives. People type it without dashes, in lower case, with spaces, or with O for
0 and I or L for 1; `normalize_tracking_code` gives the stored form for all of these.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "NTR"
BODY_LENGTH = 8
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_tracking_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def normalize_tracking_code(raw: str) -> str:
    """The stored form of what a person typed; anything that cannot be a code comes back cleaned, never matching."""
    typed = "".join(char for char in raw.upper() if char.isalnum())
    body = typed.removeprefix(PREFIX) if len(typed) == len(PREFIX) + BODY_LENGTH else typed
    body = body.translate(_READ_AS)
    if len(body) != BODY_LENGTH or any(char not in ALPHABET for char in body):
        return typed
    return f"{PREFIX}-{body[:4]}-{body[4:]}"
