"""Who may do what with cases."""

from typing import Any

from violations.permissions import is_intake_officer


def can_register_case(user: Any) -> bool:
    return is_intake_officer(user)
