"""Recovery codes: how they are made, written for people and hashed for storage."""

import hashlib
import secrets

# 10 codes of 10 characters from a 32-letter alphabet without look-alikes: 50 bits each.
RECOVERY_CODE_COUNT = 10
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_LENGTH = 10


def recovery_code_new() -> str:
    """A fresh code as shown to its owner, e.g. "K7QX4-M2PZT"."""
    raw = "".join(secrets.choice(_ALPHABET) for _index in range(_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def recovery_code_normalised(code: str) -> str:
    return "".join(character for character in code.upper() if character.isalnum())


def recovery_code_digest(code: str) -> str:
    return hashlib.sha256(recovery_code_normalised(code).encode()).hexdigest()
