"""Hashing of reporters' access PINs.

A PIN unlocks only the public status of one report and look-ups are throttled, so it gets its own, lighter
work factor than staff passwords: a public endpoint must not spend seconds of CPU per request.
"""

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher

PIN_HASHER = "pbkdf2_sha256_pin"


class PinHasher(PBKDF2PasswordHasher):
    algorithm = PIN_HASHER

    @property
    def iterations(self) -> int:  # type: ignore[override]
        return int(getattr(settings, "NETRA_PIN_HASH_ITERATIONS", 100_000))
