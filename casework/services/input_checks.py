"""Checks of a service's input that every part of the lifecycle shares."""

from core.errors import DomainError


def required_text(value: str, field: str, message: str) -> str:
    """`value` stripped, or DomainError `<field>_required` on `field` when it is blank."""
    if not value.strip():
        raise DomainError(f"{field}_required", message, field=field)
    return value.strip()
