"""Who may do what with reports. Shared by the API, the web views and the admin."""

from typing import Any

from accounts.roles import Role
from violations.models import Report


def is_intake_officer(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.INTAKE_OFFICER) and user.agency_id)


def is_bawaslu_office(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.BAWASLU_OFFICE) and user.bawaslu_office_id)


def can_triage(user: Any, report: Report) -> bool:
    return is_intake_officer(user) and report.agency_id == user.agency_id


def can_see_reporter_identity(user: Any, report: Report) -> bool:
    """Only intake officers of the report's agency ever see who reported (DOMAIN.md, Confidentiality)."""
    return can_triage(user, report)


def can_record_internal_finding(user: Any) -> bool:
    """Staff of Diskominfo, the Inspektorat or a superior (internal reporters) and intake officers, of an agency."""
    return bool(
        user.is_authenticated
        and user.agency_id
        and (user.has_role(Role.INTERNAL_REPORTER) or user.has_role(Role.INTAKE_OFFICER))
    )
