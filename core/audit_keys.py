"""The secret keys the audit chain is signed with (HMAC-SHA256), kept outside the database.

`NETRA_AUDIT_KEYS` holds one or more keys as `id:base64` pairs separated by commas; the first is the current key,
the others are kept to verify events signed before a rotation. A key id is recorded on every event, so rotating
is: put a new key first, keep the old ones after it (docs/security.md). Whoever can write the database but does
not hold a key cannot recompute a valid chain.
"""

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MIN_KEY_BYTES = 32


@dataclass(frozen=True)
class AuditKeys:
    current_id: str
    keys: dict[str, bytes]

    def sign(self, key_id: str, message: bytes) -> str:
        key = self.keys.get(key_id)
        if key is None:
            raise KeyError(key_id)
        return hmac.new(key, message, hashlib.sha256).hexdigest()


def parse_audit_keys(value: str, setting: str = "NETRA_AUDIT_KEYS") -> AuditKeys:
    """`id:base64,id:base64` → AuditKeys (ImproperlyConfigured for a malformed, duplicate or short key); `setting`
    names the variable in the error (the field cipher's NETRA_FIELD_KEYS has the same form)."""
    keys: dict[str, bytes] = {}
    order: list[str] = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        key_id, separator, encoded = item.partition(":")
        if not separator or not key_id or key_id in keys:
            raise ImproperlyConfigured(f"{setting}: each key is `id:base64`, each id once.")
        try:
            secret = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError) as error:
            raise ImproperlyConfigured(f"{setting}: key {key_id!r} is not base64.") from error
        if len(secret) < MIN_KEY_BYTES:
            raise ImproperlyConfigured(f"{setting}: key {key_id!r} has under {MIN_KEY_BYTES} bytes.")
        keys[key_id] = secret
        order.append(key_id)
    if not order:
        raise ImproperlyConfigured(f"{setting} holds no key.")
    return AuditKeys(current_id=order[0], keys=keys)


@cache
def audit_keys() -> AuditKeys:
    return parse_audit_keys(settings.NETRA_AUDIT_KEYS)
