"""Who may do what with cases."""

from typing import Any

from violations.permissions import is_intake_officer


def can_register_case(user: Any) -> bool:
    return is_intake_officer(user)


def can_view_cases(user: Any) -> bool:
    """For now the agency's intake officers; the examination team and officials join with the case lifecycle."""
    return is_intake_officer(user)
