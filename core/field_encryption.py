"""Model fields whose values are encrypted at rest (AES-256-GCM) and keyed hashes to find rows by them.

`NETRA_FIELD_KEYS` holds `id:base64` keys of 32 bytes, the first current (the form of NETRA_AUDIT_KEYS, parsed by
the same code); the keys live in the environment, never in the database. A stored value reads
`enc1:<key id>:<base64 of nonce + ciphertext>`, and its associated data is the model label, the field name and the
row's binding column (e.g. `report_id`), so a ciphertext copied to another row or column does not decrypt.

Callers read and assign plaintext: the value is decrypted on first access and encrypted in `pre_save`. An empty
value is stored as "" (so "named unless anonymous" constraints still hold; that a field is empty is not secret).
A filter or an order on an encrypted column cannot work and is refused: look rows up by a `KeyedHashField`
(HMAC-SHA256 under `NETRA_FIELD_HASH_KEY`, a separate key) instead. Rotation: docs/security.md.
"""

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Callable
from functools import cache
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db import models

from core.audit_keys import AuditKeys, parse_audit_keys

PREFIX = "enc1"
NONCE_BYTES = 12
KEY_BYTES = 32


class SealedValue(str):
    """A value as stored (the ciphertext), not yet decrypted."""


class UndecryptableValue(ValueError):
    """A stored value that does not decrypt: unknown key, wrong row, or altered."""


@cache
def field_keys() -> AuditKeys:
    keys = parse_audit_keys(settings.NETRA_FIELD_KEYS, setting="NETRA_FIELD_KEYS")
    for key_id, key in keys.keys.items():
        if len(key) != KEY_BYTES:
            raise ImproperlyConfigured(f"NETRA_FIELD_KEYS: key {key_id!r} must have exactly {KEY_BYTES} bytes.")
    return keys


@cache
def hash_key() -> bytes:
    try:
        key = base64.b64decode(settings.NETRA_FIELD_HASH_KEY, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ImproperlyConfigured("NETRA_FIELD_HASH_KEY is not base64.") from error
    if len(key) < KEY_BYTES:
        raise ImproperlyConfigured(f"NETRA_FIELD_HASH_KEY must have at least {KEY_BYTES} bytes.")
    return key


def _forget_keys(*, setting: str, **kwargs: object) -> None:
    if setting in ("NETRA_FIELD_KEYS", "NETRA_FIELD_HASH_KEY"):
        field_keys.cache_clear()
        hash_key.cache_clear()


setting_changed.connect(_forget_keys)


def seal(plaintext: str, associated_data: str) -> str:
    """Encrypt under the current key; "" stays ""."""
    if not plaintext:
        return ""
    keys = field_keys()
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(keys.keys[keys.current_id]).encrypt(nonce, plaintext.encode(), associated_data.encode())
    return f"{PREFIX}:{keys.current_id}:{base64.b64encode(nonce + ciphertext).decode()}"


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX + ":")


def key_id_of(stored: str) -> str:
    return stored.split(":", 2)[1] if is_sealed(stored) else ""


def unseal(stored: str, associated_data: str) -> str:
    """The plaintext of a stored value; UndecryptableValue (naming the key id, never the value) when it fails."""
    if not stored:
        return ""
    prefix, key_id, encoded = [*stored.split(":", 2), "", ""][:3]
    key = field_keys().keys.get(key_id) if prefix == PREFIX else None
    if key is None:
        raise UndecryptableValue(f"Not an encrypted value under a known key (key id {key_id!r}).")
    try:
        blob = base64.b64decode(encoded, validate=True)
        plaintext = AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], associated_data.encode())
    except (binascii.Error, ValueError, InvalidTag) as error:
        raise UndecryptableValue(
            f"The value under key {key_id!r} does not decrypt for {associated_data!r}: moved or altered."
        ) from error
    return plaintext.decode()


def keyed_hash(value: str) -> str:
    """HMAC-SHA256 of an already normalised value ("" for none), for equality look-ups."""
    return hmac.new(hash_key(), value.encode(), hashlib.sha256).hexdigest() if value else ""


class _DecryptingAttribute:
    """Keeps the stored value on the instance and decrypts it on first read."""

    def __init__(self, field: "EncryptedTextField") -> None:
        self.field = field

    def __get__(self, instance: models.Model | None, owner: type) -> Any:
        if instance is None:
            return self
        name = self.field.attname
        if name not in instance.__dict__:
            instance.refresh_from_db(fields=[name])
        value = instance.__dict__[name]
        if isinstance(value, SealedValue):
            value = unseal(value, self.field.associated_data(instance))
            instance.__dict__[name] = value
        return value

    def __set__(self, instance: models.Model, value: Any) -> None:
        instance.__dict__[self.field.attname] = value


class EncryptedTextField(models.TextField):
    """Text encrypted at rest, bound to its row through `bind_to` (a column known before insert)."""

    def __init__(self, *args: Any, bind_to: str, **kwargs: Any) -> None:
        self.bind_to = bind_to
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["bind_to"] = self.bind_to
        return name, path, args, kwargs

    def contribute_to_class(self, cls: type[models.Model], name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only)
        setattr(cls, self.attname, _DecryptingAttribute(self))

    def associated_data(self, instance: models.Model) -> str:
        row = getattr(instance, self.bind_to)
        if row is None:
            raise ValueError(f"{instance._meta.label}.{self.name} is bound to {self.bind_to}, which is not set.")
        return associated_data(instance._meta.label, self.name, row)

    def from_db_value(self, value: str | None, expression: object, connection: object) -> str | None:
        return SealedValue(value) if value else value

    def pre_save(self, model_instance: models.Model, add: bool) -> SealedValue:
        return SealedValue(seal(getattr(model_instance, self.attname) or "", self.associated_data(model_instance)))

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value and not isinstance(value, SealedValue):
            raise TypeError(
                f"{self.model._meta.label}.{self.name} is encrypted: it cannot be filtered on or written "
                "in bulk; look it up by its keyed hash."
            )
        return value


def associated_data(model_label: str, field_name: str, row: object) -> str:
    return f"{model_label}.{field_name}:{row}"


class KeyedHashField(models.CharField):
    """HMAC of another field's normalised value, kept up to date on save, indexed for equality look-ups."""

    def __init__(self, *args: Any, source: str = "", normalize: Callable[[str], str] | None = None, **kwargs: Any):
        self.source = source
        self.normalize = normalize or (lambda value: value.strip())
        kwargs.update(max_length=64, blank=True, editable=False, db_index=True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        for key in ("max_length", "blank", "editable", "db_index"):
            kwargs.pop(key, None)
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        digest = keyed_hash(self.normalize(getattr(model_instance, self.source) or ""))
        setattr(model_instance, self.attname, digest)
        return digest


def normalize_email(value: str) -> str:
    return value.strip().lower()


def normalize_digits(value: str) -> str:
    """Phone numbers and NIKs compare by their digits; an Indonesian +62 prefix is the same as a leading 0."""
    digits = "".join(character for character in value if character.isdigit())
    return "0" + digits[2:] if digits.startswith("62") else digits
